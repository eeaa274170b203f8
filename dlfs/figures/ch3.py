"""Figures of chapter 3."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FIGURES: dict[str, Callable[[], Any]] = {}

# Training runs whose committed logs (docs/data/NAME.json) figures draw.
LOGS: dict[str, Callable[[], dict[str, Any]]] = {}
