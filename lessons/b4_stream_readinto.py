# title: Stream into a reused buffer
# track: B
# order: 4
#
# readinto fills bytes you already own. One bytearray, one view, many reads:
# nothing is allocated per chunk, and the copy meter shows only the bytes that
# really moved from the stream.
import io

stream = io.BytesIO(b"0123456789abcdefghijklmnopqrstuvwxyz")
buf = bytearray(8)
view = memoryview(buf)
total = 0
while True:
    n = stream.readinto(view)
    if n == 0:
        break
    chunk = view[:n]
    print(n, chunk.tobytes())
    chunk.release()
    total += n
view.release()
print("read", total, "bytes with one", len(buf), "byte buffer")
