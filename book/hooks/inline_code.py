"""MkDocs hook: inline code in prose, as links and with places to break.

* Docstrings' Sphinx roles (``:func:`load_mnist```, ``:class:`~dlfs.nets.Net```),
  which Markdown leaves as literal text, become links to the API pages.
* Inline code may break after ``/`` and ``_`` (``<wbr>``), so long file names
  wrap at a sensible place on a phone instead of mid-word.

Notebook pages are left as nbconvert wrote them.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

# Filled by on_files for each build; `mkdocs serve` rebuilds in this process.
_URLS: dict[str, str] = {}  # source path -> page URL (the English layout)


def on_files(files: Any, config: Any) -> Any:
    _URLS.clear()
    for file in files:
        _URLS[file.src_uri] = file.url
    return files


_ROLE = re.compile(
    r":(?P<role>func|class|meth|mod|attr|data|obj|exc):<code>(?P<tilde>~?)"
    r"(?P<name>[\w.]+)</code>"
)


def _resolve(name: str, module: str | None) -> tuple[str, str] | None:
    """(module, qualified name) of a dlfs object named in a docstring."""
    candidates = [name] if name.startswith("dlfs") else []
    if module:
        candidates.append(f"{module}.{name}")
    candidates += [f"dlfs.{name}"]
    for candidate in candidates:
        parts = candidate.split(".")
        for cut in range(len(parts), 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:cut]))
            except ImportError:
                continue
            try:
                for attribute in parts[cut:]:
                    obj = getattr(obj, attribute)
            except AttributeError:
                break
            if cut == len(parts):  # a module
                return obj.__name__, obj.__name__
            home = getattr(obj, "__module__", None)
            qualname = getattr(obj, "__qualname__", parts[-1])
            if home and home.startswith("dlfs."):
                return home, f"{home}.{qualname}"
            break
    return None


def link_roles(html: str, page_url: str, page_module: str | None) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        shown = name.rsplit(".", 1)[-1] if match.group("tilde") else name
        if match.group("role") in ("func", "meth"):
            shown += "()"
        code = f"<code>{shown}</code>"
        found = _resolve(name, page_module)
        if found is None:
            return code
        module, qualified = found
        source = f"api/{module.split('.')[1]}.md" if "." in module else None
        if source not in _URLS:
            return code
        href = get_relative_url(_URLS[source], page_url)
        anchor = "" if qualified == module else f"#{qualified}"
        return f'<a class="autorefs" href="{href}{anchor}">{code}</a>'

    return _ROLE.sub(replace, html)


# ---- long names in inline code ---------------------------------------------

_INLINE_CODE = re.compile(r"(?<!<pre>)(?<!</span>)<code>(?P<text>[^<]{12,})</code>")


def break_names(html: str) -> str:
    """Let long inline code break after ``/`` and ``_`` (never mid-word)."""

    def replace(match: re.Match[str]) -> str:
        text = re.sub(r"(?<=[/_])(?=[^/_])", "<wbr>", match.group("text"))
        return f"<code>{text}</code>"

    return _INLINE_CODE.sub(replace, html)


def on_page_content(html: str, page: Any, config: Any, **kwargs: Any) -> str:
    src = page.file.src_uri
    if src.startswith("notebooks/"):
        return html
    page_module = None
    if src.startswith("api/") and src != "api/index.md":
        page_module = "dlfs." + Path(src).stem
    return break_names(link_roles(html, page.file.url, page_module))
