ba = bytearray(b"hello world")
mv = memoryview(ba)
word = mv[6:11]
word[0] = ord("W")
print(ba)
mv.release()
word.release()
ba.append(33)
print(ba)
