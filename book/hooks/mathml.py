"""MkDocs hook: render arithmatex's TeX to MathML at build time.

``pymdownx.arithmatex`` (generic mode) leaves ``\\(...\\)`` and ``\\[...\\]``
in spans and divs with class ``arithmatex``; this hook replaces their content
with MathML from ``latex2mathml``, which browsers display natively.  The book
thus renders math with no JavaScript and no request to any other host.

latex2mathml's output is then typeset the way TeX would:

* a minus (or plus) used as a sign, at the start or after ``(``, ``=``, ``,``
  and other operators, is a prefix operator with no space around it;
* a slash (``df/dx``) gets no space around it;
* ``\\log``, ``\\exp``, ``\\max`` ... are followed by a function application
  and get TeX's thin space from their neighbours (none before ``(``);
* punctuation right after inline math stays on the math's line;
* ``\\tag{4.2}`` in display math numbers the equation: the number shows on the
  right and the equation gets the anchor ``#eq-4.2`` for the text to link to.
  MkDocs collected the page's anchors before this hook ran, so the hook adds
  these to them; otherwise its link check reports the links as broken.

The math font is matplotlib's DejaVu Serif, which carries an OpenType MATH
table; it is copied into the built site (never committed) so math looks the
same on every platform.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from typing import Any

from latex2mathml.converter import convert

_INLINE = re.compile(r'<span class="arithmatex">\\\((?P<tex>.*?)\\\)</span>', re.DOTALL)
_BLOCK = re.compile(r'<div class="arithmatex">\\\[(?P<tex>.*?)\\\]</div>', re.DOTALL)
_TAG = re.compile(r"\\tag\{(?P<number>[^}]*)\}")

_SIGN = re.compile(r"<mo>(?P<sign>&#x02212;|&#x0002B;|&#x000B1;)</mo>")
# Closing brackets and bars: a sign after one of them is a binary operator.
_CLOSERS = {"&#x00029;", "&#x0005D;", "&#x0007D;", "&#x0007C;", "&#x02016;"}
_FUNCTIONS = "log|ln|exp|sin|cos|tan|tanh|max|min|argmax|argmin|sup|inf|det"
_FUNCTION = re.compile(
    rf"(?<!<msub>)(?<!<munder>)(?<!<msup>)(?<!<msubsup>)(?<!<munderover>)"
    rf"<(?P<tag>mi|mo)>(?P<name>{_FUNCTIONS})</(?P=tag)>"
)
_OPEN_PAREN = re.compile(r'\s*<mo stretchy="false">&#x00028;</mo>')
_ORDINARY_END = re.compile(
    r"(</mi>|</mn>|</msub>|</msup>|</msubsup>|</munder>|</mfrac>|</msqrt>|"
    r"<mo stretchy=\"false\">(&#x00029;|&#x0005D;)</mo>)\s*$"
)
THIN = "0.1667em"
# Inline math and the punctuation that follows it, kept on one line.
_NOWRAP = re.compile(
    r'(?P<math><span class="arithmatex"><math\b(?:(?!</math>).)*</math></span>)'
    r"(?P<punct>[.,;:!?)\]]+)",
    re.DOTALL,
)

FONT_NAME = "DejaVuSerif.ttf"


def _is_prefix(before: str) -> bool:
    """Whether a sign after the MathML ``before`` it is a prefix sign."""
    before = before.rstrip()
    if re.search(r"<(mrow|math|mtd|mtr|mtable|mstyle|msqrt)\b[^>]*>$", before):
        return True
    last_mo = re.search(r"<mo\b[^>]*>(?P<op>[^<]*)</mo>$", before)
    return bool(last_mo) and last_mo.group("op") not in _CLOSERS


def _signs(mathml: str) -> str:
    out, last = [], 0
    for match in _SIGN.finditer(mathml):
        out.append(mathml[last : match.start()])
        if _is_prefix(mathml[: match.start()]):
            out.append(
                f'<mo form="prefix" lspace="0" rspace="0">{match.group("sign")}</mo>'
            )
        else:
            out.append(match.group(0))
        last = match.end()
    out.append(mathml[last:])
    return "".join(out)


def _functions(mathml: str) -> str:
    def replace(match: re.Match[str]) -> str:
        before = mathml[: match.start()]
        after = mathml[match.end() :]
        space_before = _ORDINARY_END.search(before) is not None
        space_after = not _OPEN_PAREN.match(after)
        lead = f'<mspace width="{THIN}"></mspace>' if space_before else ""
        gap = THIN if space_after else "0"
        return (
            f"{lead}<mi>{match.group('name')}</mi>"
            f'<mo lspace="0" rspace="{gap}">&#x2061;</mo>'
        )

    return _FUNCTION.sub(replace, mathml)


# In a display equation lim, max and min take their subscript below, as in
# TeX; latex2mathml puts it beside them unless told \limits.
_LIMITS = re.compile(r"\\(lim|max|min)(?=\s*_)")


def typeset(tex: str, display: str) -> str:
    """MathML for ``tex`` with TeX's spacing of signs and function names."""
    if display == "block":
        tex = _LIMITS.sub(r"\\\1\\limits", tex)
    mathml = _functions(_signs(convert(tex, display=display)))
    # A slash is an ordinary symbol in TeX: no space around it (df/dx).
    return mathml.replace("<mo>&#x0002F;</mo>", '<mo lspace="0" rspace="0">/</mo>')


def _render(match: re.Match[str], display: str) -> str:
    tex = html.unescape(match.group("tex")).strip()
    tag = _TAG.search(tex) if display == "block" else None
    if tag:
        tex = _TAG.sub("", tex).strip()
    mathml = typeset(tex, display)
    if display != "block":
        return f'<span class="arithmatex">{mathml}</span>'
    if not tag:
        return f'<div class="arithmatex">{mathml}</div>'
    number = html.escape(tag.group("number"))
    return (
        f'<div class="arithmatex dlfs-numbered" id="eq-{number}">{mathml}'
        f'<span class="dlfs-equation-number">({number})</span></div>'
    )


def render_math(text: str) -> str:
    """Replace every arithmatex span and div in ``text`` with MathML."""
    text = _BLOCK.sub(lambda m: _render(m, "block"), text)
    text = _INLINE.sub(lambda m: _render(m, "inline"), text)
    return _NOWRAP.sub(
        lambda m: (
            f'<span class="dlfs-nowrap">{m.group("math")}{m.group("punct")}</span>'
        ),
        text,
    )


_EQUATION_ID = re.compile(r'<div class="arithmatex dlfs-numbered" id="(?P<id>[^"]+)">')


def on_page_content(html_text: str, page: Any, **kwargs: object) -> str:
    html_text = render_math(html_text)
    if page.present_anchor_ids is not None:  # what links to "#eq-4.2" checks
        page.present_anchor_ids |= set(_EQUATION_ID.findall(html_text))
    return html_text


def math_font() -> Path:
    """matplotlib's DejaVu Serif: a font with an OpenType MATH table."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / FONT_NAME


def on_post_build(config: Any, **kwargs: Any) -> None:
    """Copy the math font and its licence into the site (never into docs/)."""
    target = Path(config["site_dir"]) / "assets" / "fonts"
    target.mkdir(parents=True, exist_ok=True)
    font = math_font()
    shutil.copyfile(font, target / FONT_NAME)
    shutil.copyfile(font.with_name("LICENSE_DEJAVU"), target / "LICENSE_DEJAVU")
