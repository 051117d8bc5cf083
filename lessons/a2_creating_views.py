# title: Creating views
# track: A
# order: 2
#
# Anything that exports a buffer can be viewed: bytes (read-only), bytearray
# (writable), array.array (typed items), io.BytesIO's buffer, and another
# memoryview. format, itemsize, nbytes and readonly tell what you are seeing.
import array
import io

ro = memoryview(b"bytes are read-only")
rw = memoryview(bytearray(b"bytearray is writable"))
nums = memoryview(array.array("i", [1, 2, 3]))
stream = io.BytesIO(b"in-memory file")
buf = stream.getbuffer()
again = memoryview(rw)
for name, v in [("ro", ro), ("rw", rw), ("nums", nums), ("buf", buf), ("again", again)]:
    print(name, v.format, v.itemsize, v.nbytes, v.readonly)
print(again.obj is rw.obj)
buf.release()
