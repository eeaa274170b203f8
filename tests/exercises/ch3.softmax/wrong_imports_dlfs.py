"""Your file takes `softmax` from dlfs.activations: this exercise is to write
the code yourself, so import nothing from dlfs."""

from dlfs import softmax  # noqa: F401
