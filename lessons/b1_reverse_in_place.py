# title: Reverse in place
# track: B
# order: 1
#
# A memoryview lets you swap bytes from both ends without making a copy:
# every assignment through `mv` writes straight into `data`. Watch the two
# highlighted bytes move towards each other, then release the view so the
# bytearray may grow again.
data = bytearray(b"Hello, buffer protocol!")
mv = memoryview(data)
i = 0
j = len(mv) - 1
while i < j:
    mv[i], mv[j] = mv[j], mv[i]
    i += 1
    j -= 1
print(data)
mv.release()
data.extend(b"!!")
print(data)
