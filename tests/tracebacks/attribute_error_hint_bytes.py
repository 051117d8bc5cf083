data = b"hello"
print(data.uper())
