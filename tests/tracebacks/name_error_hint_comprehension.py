rows = [b"ab", b"cd"]
print([len(rw) for row in rows])
