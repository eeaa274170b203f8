"""Figures of the Performance page, drawn from the committed benchmark results."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FIGURES: dict[str, Callable[[], Any]] = {}
