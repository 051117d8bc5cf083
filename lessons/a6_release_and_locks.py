# title: Release and locks
# track: A
# order: 6
#
# While a view exists the bytearray cannot change size: its bytes might move
# and leave the view pointing at freed memory. release() or a with-block gives
# the export back; views that share one export all have to go first.
data = bytearray(b"locked")
view = memoryview(data)
part = view[1:3]
try:
    data.append(33)
except BufferError as e:
    print("BufferError:", e)
view.release()
try:
    data.append(33)
except BufferError as e:
    print("still locked:", e)
part.release()
data.append(33)
print(data)
with memoryview(data) as v:
    print(v.tobytes())
data.append(33)
try:
    v[0]
except ValueError as e:
    print("ValueError:", e)
