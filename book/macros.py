"""Numbers from committed logs and benchmark results, put into pages at build time.

mkdocs-macros loads this module (``module_name: book/macros``).  Pages opt in
with ``render_macros: true`` in their front matter and then write, for
example, ``{{ logs.ch5_two_layer_net.test_acc[-1] }}`` or
``{{ bench.environment.python }}`` in their prose.  Values that a reader
could not recompute in a few seconds (long training runs, benchmarks) reach
the page this way instead of through ``>>>`` examples, which must also run
when pasted into a plain Python session outside the repository.  The
Performance page takes its tables whole, in the page's language, from
:mod:`book.performance`: ``{{ performance("training") }}``.  The home page
also says where to get the code, ``{{ get_the_code() }}``: the repository's
URL when the build has one (``DLFS_REPO_URL``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def logs(folder: Path) -> dict[str, Any]:
    """Every committed log in ``folder`` (``docs/data``), by name (file stem)."""
    return {p.stem: json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))}


# Where to get the code: (with the repository's URL, without it).
GET_THE_CODE = {
    "en": (
        "The code is in the repository <{url}>. Clone it and, in its folder, run:",
        "Clone this repository and, in its folder, run:",
    ),
    "ko": (
        "코드를 담은 저장소는 <{url}>입니다. "
        "저장소를 복제하고, 복제한 폴더에서 다음을 실행합니다.",
        "이 저장소를 복제하고, 복제한 폴더에서 다음을 실행합니다.",
    ),
}


def get_the_code(repo_url: str | None, lang: str = "en") -> str:
    """Where to get the code: ``repo_url`` (``DLFS_REPO_URL``) if the build knows it.

    >>> get_the_code("https://example.org/dlfs.git").split(". ")[0]
    'The code is in the repository <https://example.org/dlfs.git>'
    >>> get_the_code(None)
    'Clone this repository and, in its folder, run:'
    """
    with_url, without = GET_THE_CODE[lang]
    return with_url.format(url=repo_url) if repo_url else without


def define_env(env: Any) -> None:
    """Expose ``logs`` (``benchmarks`` among them), a few number filters,
    ``get_the_code()`` and ``performance(name)``.

    mkdocs-macros loads this file by path, not as part of the ``book``
    package, so it finds the logs through the MkDocs configuration, and
    imports ``book`` once the repository root is on sys.path (``python -m
    mkdocs`` puts it there, the ``mkdocs`` script does not).
    """
    root = str(Path(__file__).resolve().parents[1])
    if root not in sys.path:
        sys.path.insert(0, root)
    from book import performance

    env.variables["logs"] = logs(Path(env.conf["docs_dir"]) / "data")
    env.variables["bench"] = env.variables["logs"]["benchmarks"]

    def lang() -> str:
        """The language of the page being rendered."""
        return "ko" if env.page.file.src_uri.endswith(".ko.md") else "en"

    def get_the_code_here() -> str:
        """For the page being rendered; mkdocs.yml reads ``repo_url`` from
        ``DLFS_REPO_URL``."""
        return get_the_code(env.conf.get("repo_url"), lang())

    def performance_here(name: str) -> str:
        """A part of the Performance page (a table, or where it was measured),
        in the page's language, from the committed benchmark results."""
        return performance.PARTS[name](env.variables["bench"], lang())

    env.macro(get_the_code_here, "get_the_code")
    env.macro(performance_here, "performance")

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
