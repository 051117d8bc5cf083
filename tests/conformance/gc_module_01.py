# The gc module: enable/disable/isenabled, collect's generation argument and
# its errors.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.enable(), gc.disable())
gc.enable()
for gen in (0, 1, 2):
    print(gen, type(gc.collect(gen)).__name__)
print(type(gc.collect(generation=1)).__name__)
print(type(gc.collect(True)).__name__)
for bad in ((3,), (-1,)):
    try:
        gc.collect(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.collect("0")
except TypeError as e:
    print("TypeError:", e)
try:
    gc.collect(1.0)
except TypeError as e:
    print("TypeError:", e)
try:
    gc.collect(0, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    gc.collect(gen=1)
except TypeError as e:
    print("TypeError:", e)
try:
    gc.isenabled(1)
except TypeError as e:
    print("TypeError:", e)
try:
    gc.enable(1)
except TypeError as e:
    print("TypeError:", e)
for bad in (10**20, -10**20, 2**31):
    try:
        gc.collect(bad)
    except OverflowError as e:
        print("OverflowError:", e)
try:
    gc.collect(generation=1, x=2)
except TypeError as e:
    print("TypeError:", e)
try:
    gc.collect(1, generation=1)
except TypeError as e:
    print("TypeError:", e)
try:
    gc.disable(x=1)
except TypeError as e:
    print("TypeError:", e)
try:
    gc.isenabled(1, 2)
except TypeError as e:
    print("TypeError:", e)


class Gen:
    def __index__(self):
        return 1


print(type(gc.collect(Gen())).__name__)
print(gc.isenabled())
