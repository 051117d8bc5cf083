def read_chunks(data, size):
    view = memoryview(data)
    for start in range(0, len(view), size):
        yield view[start:start + size]

buf = bytearray(b"abcdefghij")
reader = read_chunks(buf, 4)
for chunk in reader:
    print(bytes(chunk))
    try:
        buf.append(33)
    except BufferError as e:
        print("BufferError:", e)
    chunk.release()
del chunk
buf.append(33)
print("resized after the generator ended:", bytes(buf))

r2 = read_chunks(buf, 3)
print(bytes(next(r2)))
try:
    buf.extend(b"xy")
except BufferError as e:
    print("BufferError while suspended:", e)
r2.close()
buf.extend(b"xy")
print(len(buf))
