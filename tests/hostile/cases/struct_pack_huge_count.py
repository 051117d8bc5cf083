# expect: cpython
import struct
struct.pack('999999999999s', b'')
