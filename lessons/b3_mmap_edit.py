# title: Edit a file through mmap without a copy
# track: B
# order: 3
#
# mmap maps a file's bytes into memory; a memoryview over the map writes to
# the file itself. While the view exists the map refuses to close.
import mmap
import tempfile

f = tempfile.TemporaryFile()
f.write(b"Hello from a memory-mapped file")
f.flush()
mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_WRITE)
view = memoryview(mm)
view[0:4] = b"ZZZZ"
print(mm[:10])
try:
    mm.close()
except BufferError as e:
    print("close refused:", e)
view.release()
mm.close()
f.seek(0)
print(f.read())
f.close()
