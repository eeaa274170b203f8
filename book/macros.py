"""Numbers from committed logs and benchmark results, put into pages at build time.

mkdocs-macros loads this module (``module_name: book/macros``).  Pages opt in
with ``render_macros: true`` in their front matter and then write, for
example, ``{{ logs.ch5_two_layer_net.test_acc[-1] }}`` or
``{{ bench.environment.python }}`` in their prose.  Values that a reader
could not recompute in a few seconds (long training runs, benchmarks) reach
the page this way instead of through ``>>>`` examples, which must also run
when pasted into a plain Python session outside the repository.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def logs(folder: Path) -> dict[str, Any]:
    """Every committed log in ``folder`` (``docs/data``), by name (file stem)."""
    return {p.stem: json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))}


def define_env(env: Any) -> None:
    """Expose ``logs`` (``benchmarks`` among them) and a few number filters.

    mkdocs-macros loads this file by path, not as part of the ``book``
    package, so it finds the logs through the MkDocs configuration.
    """
    env.variables["logs"] = logs(Path(env.conf["docs_dir"]) / "data")
    env.variables["bench"] = env.variables["logs"]["benchmarks"]

    @env.filter
    def thousands(value: float) -> str:
        """``39100.4`` → ``39,100``."""
        return f"{round(value):,}"

    @env.filter
    def sig(value: float, digits: int = 3) -> str:
        """``value`` to ``digits`` significant digits, as Python's ``g`` format."""
        return f"{value:.{digits}g}"

    @env.filter
    def sci(value: float, decimals: int = 1) -> str:
        """``value`` in scientific notation: ``1.0078e-12`` → ``1.0e-12``."""
        return f"{value:.{decimals}e}"
