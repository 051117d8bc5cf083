# title: What a memoryview is
# track: A
# order: 1
#
# A memoryview is a window onto someone else's bytes. Making one copies
# nothing: the view and the bytearray share the same memory, so a change made
# through either one shows in both.
data = bytearray(b"window")
view = memoryview(data)
print(view.obj is data, view.nbytes, len(view))
view[0] = ord("W")
print(data)
data[1] = ord("I")
print(view.tobytes())
view.release()
