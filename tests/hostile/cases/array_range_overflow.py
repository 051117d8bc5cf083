# expect: cpython
from array import array
array('H', range(2**32))
