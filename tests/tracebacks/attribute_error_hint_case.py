mv = memoryview(b"abcd")
print(mv.Readonly)
