# task: Copy just the middle
# rank: 2
# lesson: A5
# budget: copied 4, allocated 4
#
# `middle` must be a bytes object holding bytes 6 to 9 of record. bytes(record)
# would copy all 16 bytes first: take a view, slice it, and copy only the 4
# bytes you need.
# --- setup
record = bytearray(b"HEAD:0042:payload")
# --- your code
middle = bytes(record)[5:9]
# --- check
assert type(middle) is bytes, type(middle)
assert middle == b"0042", middle
# --- solution
middle = bytes(memoryview(record)[5:9])
