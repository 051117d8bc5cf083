payload = b"\x00\x01"
print(zqxwv)
