# expect: MemoryError
memoryview(bytearray(10**8)).tolist()
