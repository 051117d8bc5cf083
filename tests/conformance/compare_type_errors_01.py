import array, io, struct, mmap, tempfile
f = tempfile.TemporaryFile(); f.write(b'abc'); f.flush(); mm = mmap.mmap(f.fileno(), 0)
vals = [1, 1.5, None, 'a', b'a', bytearray(b'a'), memoryview(b'a'), array.array('b', [1]), mm, io.BytesIO(), struct.Struct('b'), [1], (1,), {}, range(1), ValueError(), struct.error(), f, len, print, slice(1), ...]
for x in vals:
    for y in vals:
        try: x < y
        except TypeError as e: print(e)
print(slice(1) < slice(2), slice(1, 2) <= slice(1, 2, 3))
