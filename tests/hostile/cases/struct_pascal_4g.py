# expect: MemoryError
import struct
struct.Struct('4000000000p').pack(b'a')
