"""``python -m dlfs``: see :mod:`dlfs.cli`."""

from dlfs.cli import main

raise SystemExit(main())
