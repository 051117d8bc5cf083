data = bytearray(4)
mv = memoryview(data)
print(mv.cast("H")[1:3][5])
