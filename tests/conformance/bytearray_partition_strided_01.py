# bytearray.partition/rpartition copy the separator from any buffer
# (PyByteArray_FromObject), so a strided view works and an empty one is
# "empty separator"; bytes.partition wants a C-contiguous buffer.
strided = memoryview(b'abcd')[::2]
empty = strided[0:0]
grid = memoryview(bytes(range(97, 101))).cast('B', (2, 2))
for sep in (strided, empty, grid, 'x', b'ac'):
    for f in (bytearray(b'xacy').partition, bytearray(b'xacy').rpartition,
              b'xacy'.partition, b'xacy'.rpartition):
        try:
            print(f(sep))
        except Exception as ex:
            print(type(ex).__name__, ex)
