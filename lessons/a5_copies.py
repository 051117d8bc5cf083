# title: Converting when a copy is really wanted
# track: A
# order: 5
#
# tobytes(), bytes(), bytearray(), tolist() and hex() all copy. Sometimes that
# is what you want; the copy meter shows what each one costs.
data = bytearray(b"copy me")
view = memoryview(data)
as_bytes = view.tobytes()
also = bytes(view[0:4])
mutable = bytearray(view)
items = view.tolist()
text = view.hex(" ")
data[0] = ord("C")
print(as_bytes, also, mutable, items[:3], text)
print(view.tobytes())
