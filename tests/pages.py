"""Where things are, for the tests: the repository, the book's pages, their URLs.

The one home of "the list of pages": every test that walks the pages asks
here, so a page added to the book (or to ``mkdocs.yml``'s nav) is seen by all
of them at once.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MARKER = re.compile(r"^\s*# --8<-- \[(start|end):([\w-]+)\]\s*$")
# A whole fenced block of a page, from its opening fence to the matching close.
FENCED_BLOCK = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)
HANGUL = re.compile(r"[\uac00-\ud7a3]")  # a Hangul syllable
# A figure in a page's source, ![alt](../figures/NAME.svg "caption"): NAME.
FIGURE = re.compile(r"!\[.*?\]\([^)\s]*figures/(\w+)\.svg", re.S)


def pages() -> list[Path]:
    """Every Markdown page of the book, both editions."""
    return sorted(DOCS.rglob("*.md"))


def english_pages() -> list[Path]:
    """The English pages and notebooks (the originals of the Korean twins)."""
    found = [p for p in DOCS.rglob("*.md") if not p.name.endswith(".ko.md")]
    found += [p for p in (DOCS / "notebooks").glob("*.py") if ".ko." not in p.name]
    return sorted(found)


def korean_pages() -> list[Path]:
    """The Korean pages and notebooks, ``X.ko.md`` and ``X.ko.py``."""
    return sorted([*DOCS.rglob("*.ko.md"), *(DOCS / "notebooks").glob("*.ko.py")])


def twin(page: Path) -> Path:
    """docs/X/page.md -> docs/X/page.ko.md; docs/notebooks/ch2.py -> ch2.ko.py."""
    return page.with_name(f"{page.stem}.ko{page.suffix}")


def original(page: Path) -> Path:
    """The English page a Korean twin translates."""
    return page.with_name(page.name.replace(".ko.", "."))


def chapters() -> list[str]:
    """The chapters the book has, in order: the folders docs/chN/."""
    found = [p.name for p in DOCS.glob("ch[0-9]*") if p.is_dir()]
    return sorted(found, key=lambda name: int(name[2:]))


def chapter_pages() -> list[Path]:
    """The English pages of every chapter, each chapter's opener first."""
    return [
        p
        for chapter in chapters()
        for p in sorted(
            (DOCS / chapter).glob("*.md"), key=lambda p: (p.name != "index.md", p.name)
        )
        if not p.name.endswith(".ko.md")
    ]


def nav_pages() -> list[str]:
    """Source paths of every page in mkdocs.yml's nav."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)
    found: list[str] = []

    def walk(item: object) -> None:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, list):
            for entry in item:
                walk(entry)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)

    walk(config["nav"])
    return found


def figures_shown(page: str) -> list[str]:
    """The figures a page of the nav shows, by name, in order (with repeats)."""
    if not page.endswith(".md"):
        return []
    return FIGURE.findall((DOCS / page).read_text(encoding="utf-8"))


def html_path(site: Path, page: str) -> Path:
    """Where the build writes a source page: 'ch3/mnist.md' -> ch3/mnist/index.html."""
    stem = page.rsplit(".", 1)[0]
    if stem == "index" or stem.endswith("/index"):
        return site / (stem + ".html")
    return site / stem / "index.html"


def url_path(page: str) -> str:
    """A source page's URL path: 'ch3/mnist.md' -> 'ch3/mnist/', 'index.md' -> ''."""
    return html_path(Path("/"), page).as_posix().lstrip("/").removesuffix("index.html")


def section_text(path: str, name: str, root: Path = ROOT) -> str:
    """A snippet section as the page shows it: marker lines dropped, then dedented."""
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    inside, shown = False, []
    for line in lines:
        marker = MARKER.match(line)
        if marker and marker.group(2) == name:
            if marker.group(1) == "end":
                break
            inside = True
        elif inside and not marker:
            shown.append(line)
    assert inside, f"{path} has no section {name!r}"
    return textwrap.dedent("\n".join(shown)).strip("\n") + "\n"
