# User exception classes: raised, caught by their class or a base, args, str, repr.
class FrameError(Exception):
    pass

class ChecksumError(FrameError):
    def __init__(self, want, got):
        super().__init__(f"checksum {got:#x} != {want:#x}")
        self.want = want
        self.got = got

class ShortFrame(ValueError):
    def __str__(self):
        return "frame too short: " + str(self.args[0])

def check(frame):
    if len(frame) < 3:
        raise ShortFrame(len(frame))
    total = sum(frame[:-1]) & 0xFF
    if total != frame[-1]:
        raise ChecksumError(frame[-1], total)
    return bytes(frame[:-1])

for frame in [b"\x01\x02\x03", b"\x01\x02\x04", b"\x01", b""]:
    try:
        print("ok", check(frame))
    except FrameError as e:
        print(type(e).__name__, e, e.args, e.want, e.got, isinstance(e, Exception))
    except ValueError as e:
        print(type(e).__name__, e, repr(e), e.args)

try:
    raise FrameError
except FrameError as e:
    print(repr(e), e.args, issubclass(ChecksumError, FrameError), issubclass(FrameError, ChecksumError))

try:
    try:
        raise ChecksumError(1, 2)
    except ChecksumError:
        raise
except Exception as e:
    print("re-raised", e)

class NotAnError:
    pass

try:
    raise NotAnError()
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        pass
    finally:
        raise ChecksumError(3, 4)
except FrameError as e:
    print(e.want, e.got)
raise ChecksumError(0xAB, 0xCD)
