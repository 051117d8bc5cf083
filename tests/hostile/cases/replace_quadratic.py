# expect: MemoryError
('a' * 100000).replace('a', 'b' * 100000)
