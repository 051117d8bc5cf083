# title: Formats and shapes
# track: A
# order: 7
#
# cast() reinterprets the same bytes with another format or shape. A 2-D view
# has strides per dimension; tobytes() can read it in C or Fortran order.
data = bytearray(range(12))
view = memoryview(data)
words = view.cast("H")
grid = view.cast("B", shape=[3, 4])
print(words.tolist())
print(grid.shape, grid.strides, grid[1, 2])
print(grid.tolist())
print(grid.tobytes(order="F").hex(" "))
print(grid.c_contiguous, grid.f_contiguous, view[::2].contiguous)
