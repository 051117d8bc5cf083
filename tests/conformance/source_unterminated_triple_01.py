print("before")
s = """abc
def

ghi
