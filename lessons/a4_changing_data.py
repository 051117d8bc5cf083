# title: Changing data through a view
# track: A
# order: 4
#
# Writing through a view changes the original at once. Item assignment takes
# an int in range for the format; slice assignment needs a bytes-like object
# of exactly the slice's size. Read-only views refuse.
data = bytearray(b"hello world")
view = memoryview(data)
view[0] = ord("H")
view[6:11] = b"WORLD"
print(data)
try:
    view[0:5] = b"hi"
except ValueError as e:
    print("ValueError:", e)
try:
    memoryview(b"frozen")[0] = 70
except TypeError as e:
    print("TypeError:", e)
try:
    view[0] = 256
except ValueError as e:
    print("ValueError:", e)
