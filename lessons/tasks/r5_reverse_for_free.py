# task: Reverse for free
# rank: 5
# lesson: B1
# budget: copied 0, allocated 0
#
# Reverse data in place: the same bytearray must end up holding its bytes
# backwards. data[::-1] builds a reversed copy; swap items through a view from
# both ends instead, and release the view when you are done.
# --- setup
data = bytearray(b"0123456789abcdef")
original = data
# --- your code
data = data[::-1]
# --- check
assert data is original, "data must be the same bytearray, reversed in place"
assert data == bytearray(b"fedcba9876543210"), data
data.append(0)  # raises BufferError if a view still holds data
# --- solution
view = memoryview(data)
i, j = 0, len(view) - 1
while i < j:
    view[i], view[j] = view[j], view[i]
    i += 1
    j -= 1
view.release()
