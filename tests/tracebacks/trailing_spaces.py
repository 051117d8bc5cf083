x = {"a": 1}
    # comment
print(x["b"])   
