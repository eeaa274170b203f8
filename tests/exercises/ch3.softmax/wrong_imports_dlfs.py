"""Your file takes `softmax` from dlfs: this exercise is to write the code
yourself, so import nothing from dlfs."""

from dlfs import softmax  # noqa: F401
