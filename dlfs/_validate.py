"""Input checks shared by the modules, so every error names its argument."""

from __future__ import annotations

from typing import Any

import numpy as np


def float_array(name: str, value: Any) -> np.ndarray:
    """Return ``value`` as a floating-point array, or raise naming ``name``.

    Floating arrays keep their dtype (float32 stays float32); booleans and
    integers become float64.
    """
    try:
        array = np.asarray(value)
    except (TypeError, ValueError) as exc:  # ragged lists and the like
        raise TypeError(f"{name} must be array-like of numbers: {exc}") from None
    if array.dtype.kind == "f":
        return array
    if array.dtype.kind in "biu":
        return array.astype(np.float64)
    raise TypeError(
        f"{name} must hold real numbers, got an array of dtype {array.dtype}"
    )
