def describe(data):
    length = len(data)
    header = data[:4]
    return str(lenght) + " bytes, header " + str(header)


print(describe(b"\x89PNG...."))
