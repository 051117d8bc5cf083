Header = b"GIF89a"
print(header)
