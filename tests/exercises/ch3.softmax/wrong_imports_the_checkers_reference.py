"""Your file takes `softmax` from dlfs.exercises._core"""

from dlfs.exercises._core import softmax  # noqa: F401
