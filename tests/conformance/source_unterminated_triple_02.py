print('x')
x = '''