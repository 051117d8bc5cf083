mv = memoryview(bytearray(4))
total = (mv[0] +
         mv[9])
