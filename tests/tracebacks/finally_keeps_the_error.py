def parse(buf):
    try:
        return buf[1] // buf[0]
    finally:
        try:
            len(5)
        except TypeError:
            pass
parse(bytes([0, 7]))
