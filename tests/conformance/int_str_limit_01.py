print(int("9" * 4300) % 1000)
try:
    int("9" * 4301)
except ValueError as e:
    print(e)
try:
    str(10 ** 4300)
except ValueError as e:
    print(e)
print(len(str(10 ** 4299)))
print(len(hex(1 << 100000)))
