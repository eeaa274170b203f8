"""``python -m dlfs``: see :mod:`dlfs.cli`."""

from dlfs.cli import main
from dlfs.cli_kit import run

run(main)
