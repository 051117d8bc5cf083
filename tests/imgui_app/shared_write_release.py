# Canvas test program: at step 6, bytes 4..7 are seen by `view` and `tail`
# (shared), `tail` has just written bytes 4..5, and `head` is released.
data = bytearray(b"0123456789abcdef")
view = memoryview(data)
head = view[0:8]
tail = view[4:12]
head.release()
tail[0:2] = b"XY"
print(data)
