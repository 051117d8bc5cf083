mv = memoryview(bytearray(4))
mv.foo
