"""MkDocs hook: render arithmatex's TeX to MathML at build time.

``pymdownx.arithmatex`` (generic mode) leaves ``\\(...\\)`` and ``\\[...\\]``
in spans and divs with class ``arithmatex``; this hook replaces their content
with MathML from ``latex2mathml``, which browsers display natively.  The book
thus renders math with no JavaScript and no request to any other host.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert

_INLINE = re.compile(r'<span class="arithmatex">\\\((?P<tex>.*?)\\\)</span>', re.DOTALL)
_BLOCK = re.compile(r'<div class="arithmatex">\\\[(?P<tex>.*?)\\\]</div>', re.DOTALL)


def _render(match: re.Match[str], display: str) -> str:
    tex = html.unescape(match.group("tex")).strip()
    mathml = convert(tex, display=display)
    tag = "div" if display == "block" else "span"
    return f'<{tag} class="arithmatex">{mathml}</{tag}>'


def render_math(text: str) -> str:
    """Replace every arithmatex span and div in ``text`` with MathML."""
    text = _BLOCK.sub(lambda m: _render(m, "block"), text)
    return _INLINE.sub(lambda m: _render(m, "inline"), text)


def on_page_content(html_text: str, **kwargs: object) -> str:
    return render_math(html_text)
