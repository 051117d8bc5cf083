# an uncaught exception inside nested calls: the traceback's last line
def parse(data):
    return int(data, 16)

def load(items):
    return [parse(i) for i in items]

print(load(["ff", "10"]))
print(load(["zz"]))
