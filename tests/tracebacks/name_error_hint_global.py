CHUNK_SIZE = 4096
buffer_size = 64


def chunks(data):
    return [data[i:i + CHUNK_SIZE] for i in range(0, len(data), CHUNK_SIZ)]


print(buffer_size)
print(len(chunks(bytes(10000))))
