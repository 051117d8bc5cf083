x = 1
len(5)   
