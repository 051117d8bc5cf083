import array, mmap, tempfile
f = tempfile.TemporaryFile(); f.write(b'abc'); f.flush(); mm = mmap.mmap(f.fileno(), 0)
m_rel = memoryview(b'ab'); m_rel.release()
nc = memoryview(b'abcd')[::2]
vals = [b'ab', bytearray(b'ab'), bytearray(b'\x01\x00'), memoryview(b'ab'), memoryview(array.array('h', [1])), array.array('h', [1]), array.array('b', [97, 98]), mm, bytearray(b'abc'), m_rel, nc, bytearray(b'ac')]
for x in vals:
    for y in vals:
        r = []
        for op in [lambda: x == y, lambda: x != y, lambda: x < y, lambda: x <= y, lambda: x > y, lambda: x >= y]:
            try: r.append(op())
            except Exception as e: r.append(type(e).__name__)
        print(r)
