x = len(
    5)
