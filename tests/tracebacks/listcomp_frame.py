items = [b"ab", b"c"]
out = [x[1] for x in items]
