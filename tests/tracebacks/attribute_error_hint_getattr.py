mv = memoryview(b"abcd")
print(getattr(mv, "nbyte"))
