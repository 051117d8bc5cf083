# task: Shout in place
# rank: 3
# lesson: A4
# budget: copied 0, allocated 0
#
# Upper-case the first word of data in place, through the view `word`, so
# that data reads b"HELLO world". No copies and no new buffers: data.upper()
# would build a whole new bytearray.
# --- setup
data = bytearray(b"hello world")
word = memoryview(data)[:5]
# --- your code
data = data.upper()
# --- check
assert data == bytearray(b"HELLO world"), data
assert word.obj is data, "data must still be the bytearray word looks at"
# --- solution
for i in range(len(word)):
    word[i] = word[i] - 32
