buf = bytearray(range(8))
mv = memoryview(buf).cast("H")
print(mv.tolsit())
