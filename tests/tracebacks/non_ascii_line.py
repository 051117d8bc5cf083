x = "é" + bytes(2)[5]
