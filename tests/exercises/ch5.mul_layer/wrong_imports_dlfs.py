"""Your file takes `MulLayer` from dlfs.layers"""

from dlfs.layers import MulLayer  # noqa: F401
