data = bytearray(4)
data.frobnicate_everything()
