# task: Your first view
# rank: 1
# lesson: A2
# budget: copied 0, allocated 0
#
# Make `view`, a memoryview of blob, and `first4`, a view of blob's first four
# bytes. Neither may copy a byte: both must look at blob itself.
# --- setup
blob = bytes(range(16))
# --- your code
view = None
first4 = None
# --- check
assert isinstance(view, memoryview), "view is not a memoryview"
assert view.obj is blob and view.readonly, "view must look at blob (read-only: blob is bytes)"
assert isinstance(first4, memoryview), "first4 is not a memoryview"
assert first4.obj is blob, "first4 must look at blob, not at a copy"
assert first4.tolist() == [0, 1, 2, 3], first4.tolist()
# --- solution
view = memoryview(blob)
first4 = view[:4]
