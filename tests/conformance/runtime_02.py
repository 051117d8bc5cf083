# str, list, dict, tuple methods and reprs
s = "  Hello, World  "
print(s.strip().split(", "), s.lower(), s.count("l"), s.find("W"), s.rfind("l"), s.replace("l", "L", 2))
print("-".join(["a", "b", "c"]), "a,b,,c".split(","), "a b  c".split(), "x".center(5, "*"), "42".zfill(5))
print("abc".startswith(("x", "a")), "abc".endswith("bc"), "ABC".isupper(), "123".isdigit(), "a.b.c".rpartition("."))
print(repr("it's"), repr('say "hi"'), repr("tab\there\n"), "{0}-{1}-{0}".format("a", "b"), "{:>5}|".format("x"))
l = [3, 1, 2]
l.append(4); l.extend((5, 6)); l.insert(0, 0); l.remove(3); print(l, l.pop(), l.index(2), l.count(1))
l.sort(reverse=True); print(l, sorted(["b", "A", "c"]), sorted([(1, "b"), (1, "a")]), l[::-2], l[1:3])
l[1:3] = [9, 9, 9]; del l[::2]; print(l)
d = {"a": 1, "b": 2}
d["c"] = 3; d.setdefault("d", []).append(1); print(d, d.get("z", 0), d.pop("a"), list(d.items()), d.keys())
print({1: "x", 1.0: "y", True: "z"}, dict(zip("ab", [1, 2])), dict.fromkeys("xy", 0), (1,), (), [[]] * 2)
print(list(enumerate("ab", 1)), list(reversed(range(4))), list(zip("abc", range(2))), min("bca"), max([1, 5, 3]))
print(sum([1, 2, 3]), any([]), all([]), sorted(d), len(d), isinstance(1, (str, int)), isinstance(True, int))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, e.args)
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError", e)
