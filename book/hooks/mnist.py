"""Not a hook: which pages and notebooks need MNIST, one rule for all.

The notebooks hook runs a notebook at build time only where MNIST is present
when it needs it, and the tests skip a page's examples or a notebook by the
same rule.  Whether MNIST *is* present is :func:`dlfs.datasets.mnist_available`.
"""

from __future__ import annotations

from pathlib import Path


def needs_mnist(source: Path) -> bool:
    """Whether a page or notebook loads MNIST: it calls ``load_mnist``."""
    return "load_mnist" in source.read_text(encoding="utf-8")
