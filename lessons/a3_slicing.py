# title: Slicing without copying
# track: A
# order: 3
#
# A slice of a view is another window on the same bytes, not a copy. Steps
# skip bytes, negative steps walk backwards, and a slice of a slice still
# points into the original buffer.
data = bytearray(b"0123456789")
view = memoryview(data)
middle = view[2:8]
evens = view[::2]
backwards = view[::-1]
inner = middle[1:-1]
print(middle.tobytes(), evens.tobytes(), backwards.tobytes(), inner.tobytes())
data[4] = ord("X")
print(middle.tobytes(), evens.tobytes(), inner.tobytes())
print(evens.strides, backwards.strides, inner.obj is data)
