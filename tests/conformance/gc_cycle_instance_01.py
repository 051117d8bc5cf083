# Parent/child instances that refer to each other, freed by gc.collect();
# what stays reachable is untouched.
import gc


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


root = Node("root")
for i in range(3):
    Node("child%d" % i, root)
print([c.name for c in root.children])
print(root.children[1].parent is root)
del root
gc.collect()
tree = Node("tree")
leaf = Node("leaf", tree)
del tree
gc.collect()
print(leaf.parent.name, leaf.parent.children[0] is leaf)


class Pair:
    pass


p = Pair()
q = Pair()
p.other = q
q.other = p
p.data = {"owner": p, "items": [q]}
del p, q
gc.collect()
print(leaf.name)
