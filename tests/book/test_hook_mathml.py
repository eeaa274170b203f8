"""book/hooks/mathml.py: TeX to MathML, typeset the way TeX spaces it."""

from __future__ import annotations

import re
import sys

import pytest
from pages import ROOT

sys.path.insert(0, str(ROOT))
from book.hooks.mathml import math_font, render_math, typeset

PREFIX = '<mo form="prefix" lspace="0" rspace="0">&#x02212;</mo>'
BINARY = "<mo>&#x02212;</mo>"


def inline(tex: str) -> str:
    return f'<span class="arithmatex">\\({tex}\\)</span>'


@pytest.mark.parametrize(
    ("tex", "prefix", "binary"),
    [
        ("(-0.5, -0.5)", 2, 0),
        (r"b = -\theta", 1, 0),
        (r"E = -\sum_k t_k \log y_k", 1, 0),
        ("-x", 1, 0),
        ("a - b", 0, 1),
        ("f(x) - f(x - h)", 0, 2),
        (r"\frac{1}{1 + \exp(-x)}", 1, 0),
        ("[-1, 2]", 1, 0),
    ],
)
def test_a_sign_is_a_prefix_operator_and_a_difference_is_binary(tex, prefix, binary):
    mathml = typeset(tex, "inline")
    assert mathml.count(PREFIX) == prefix
    assert mathml.count(BINARY) == binary


def test_log_is_applied_with_a_thin_space_on_both_sides():
    mathml = typeset(r"t_k \log y_k", "inline")
    assert re.search(
        r'</msub><mspace width="0.1667em"></mspace><mi>log</mi>'
        r'<mo lspace="0" rspace="0.1667em">&#x2061;</mo><msub>',
        mathml,
    ), mathml


@pytest.mark.parametrize("name", ["exp", "max", "log"])
def test_a_function_before_a_parenthesis_gets_no_space_after(name):
    mathml = typeset(rf"\{name}(x)", "inline")
    assert f'<mi>{name}</mi><mo lspace="0" rspace="0">&#x2061;</mo>' in mathml
    assert "<mspace" not in mathml  # nothing before it to space from


def test_a_subscripted_max_keeps_its_structure():
    mathml = typeset(r"\max_{i} x_i", "display")
    assert "<munder><mo>max</mo>" in mathml or "<msub><mo>max</mo>" in mathml


def test_punctuation_after_inline_math_stays_on_its_line():
    html = render_math(
        f"<p>so {inline('x')}, and {inline('y')}. Then {inline('z')} ok</p>"
    )
    assert html.count('<span class="dlfs-nowrap">') == 2
    assert re.search(
        r'dlfs-nowrap"><span class="arithmatex"><math[^>]*>.*?</math></span>,</span>',
        html,
    )
    # Math without punctuation after it is not wrapped, and no wrap spans two maths.
    assert re.search(r"Then <span class=\"arithmatex\">", html)


def test_a_tagged_display_equation_is_numbered_and_anchored():
    html = render_math('<div class="arithmatex">\\[E = -\\log y \\tag{4.2}\\]</div>')
    assert '<div class="arithmatex dlfs-numbered" id="eq-4.2">' in html
    assert '<span class="dlfs-equation-number">(4.2)</span></div>' in html
    assert "tag" not in html and "(4.2)</mtext>" not in html


def test_the_shipped_math_font_has_an_opentype_math_table():
    from fontTools.ttLib import TTFont

    font = TTFont(math_font())
    assert "MATH" in font
    cmap = font.getBestCmap()
    assert all(ord(c) in cmap for c in "∑−√𝑥")


def test_a_slash_is_set_tight_as_in_tex():
    mathml = typeset(r"\partial f / \partial x_0", "inline")
    assert '<mo lspace="0" rspace="0">/</mo>' in mathml
    assert "&#x0002F;" not in mathml


def test_a_display_limit_takes_its_subscript_below_and_an_inline_one_beside():
    display = typeset(r"\lim_{x_1 \to 0} f(x)", "block")
    assert "<munder><mo>lim</mo><mrow><msub><mi>x</mi><mn>1</mn></msub>" in display
    assert "<msub><mo>lim" not in display
    assert display.count("<msub>") == display.count("</msub>") == 1
    inline = typeset(r"\lim_{h \to 0} f", "inline")
    assert "<msub><mo>lim</mo>" in inline and "munder" not in inline


def test_equation_anchors_are_registered_for_mkdocs_link_check():
    """MkDocs collects a page's ids before hooks run; links to #eq-4.2 need it."""
    from types import SimpleNamespace

    from book.hooks.mathml import on_page_content

    page = SimpleNamespace(present_anchor_ids={"cross-entropy-error"})
    text = '<div class="arithmatex">\\[E = -\\log y \\tag{4.2}\\]</div>'
    html = on_page_content(text, page=page)
    assert 'id="eq-4.2"' in html
    assert page.present_anchor_ids == {"cross-entropy-error", "eq-4.2"}
    unrendered = SimpleNamespace(present_anchor_ids=None)  # MkDocs: not checked
    assert on_page_content(text, page=unrendered) == html
