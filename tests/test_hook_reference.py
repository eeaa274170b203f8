"""book/hooks/reference.py: glossary entries, term links, roles, name breaks."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from book.hooks import reference  # noqa: E402


def test_the_glossary_table_gives_every_term_in_order():
    terms = reference.glossary_terms((ROOT / "docs" / "glossary.md").read_text())
    assert terms[0] == reference.Term("accuracy", "정확도")
    assert reference.Term("gradient", "기울기") in terms
    assert len({t.slug for t in terms}) == len(terms), "anchors are unique"


def test_a_glossary_row_becomes_a_heading_with_an_anchor():
    html = (
        "<table><thead><tr><th>English</th></tr></thead><tbody>\n<tr>\n"
        "<td>He initialisation</td>\n<td>He 초깃값</td>\n<td>Scaled.</td>\n"
        '<td><a href="../ch5/nets/">5</a></td>\n</tr>\n</tbody></table>'
    )
    out = reference.glossary_html(html)
    assert '<h3 id="he-initialisation">He initialisation ' in out
    assert '<span class="dlfs-korean" lang="ko">He 초깃값</span>' in out
    assert (
        '<p>Scaled. <span class="dlfs-glossary__chapter">'
        '(chapter <a href="../ch5/nets/">5</a>)' in out
    )
    assert "<table>" not in out


def test_only_the_first_use_outside_headings_and_code_is_linked():
    reference._TERMS[:] = [reference.Term("gradient", "기울기")]
    html = (
        "<h2>The gradient (기울기)</h2><p><code>gradient (기울기)</code></p>"
        "<p>The <strong>gradient</strong> (기울기) points up; "
        "a gradient (기울기) again.</p>"
    )
    out = reference.link_terms(html, "../../glossary/")
    assert out.count('class="dlfs-term"') == 1
    assert (
        '<strong><a class="dlfs-term" href="../../glossary/#gradient" '
        'title="Glossary: gradient">gradient</a></strong> (기울기)'
    ) in out
    assert out.startswith("<h2>The gradient (기울기)</h2><p><code>gradient")


def test_sphinx_roles_become_links_to_the_api_page_of_their_module():
    reference._URLS.update({"api/nets.md": "api/nets/", "api/layers.md": "api/layers/"})
    html = (
        "<p>See :class:<code>~dlfs.layers.Affine</code> and "
        ":func:<code>dlfs.cli</code> and :class:<code>TwoLayerNet</code>.</p>"
    )
    out = reference.link_roles(html, "api/nets/", "dlfs.nets")
    assert (
        '<a class="autorefs" href="../layers/#dlfs.layers.Affine">'
        "<code>Affine</code></a>" in out
    )
    assert '<a class="autorefs" href="./#dlfs.nets.TwoLayerNet">' in out
    assert ":class:" not in out and ":func:" not in out
    assert "<code>dlfs.cli()</code>" in out  # no API page: plain code, no role


def test_long_inline_code_breaks_after_slashes_and_underscores_only():
    out = reference.break_names(
        "<p><code>ch03/neuralnet_mnist.py</code> <code>x_y</code></p>"
    )
    assert "<code>ch03/<wbr>neuralnet_<wbr>mnist.py</code>" in out
    assert "<code>x_y</code>" in out  # short: left alone


def test_docstrings_write_lists_as_markdown_not_rest_definition_lists():
    """The API pages render free docstring text as Markdown, where a reST
    definition list (a ````name```` line, then an indented line) runs together
    into one paragraph; the dlfs.nets page showed it so."""
    import ast
    import re

    rest_item = re.compile(r"^``[\w.]+``[^\n]*\n    \S", re.M)
    for path in sorted((ROOT / "dlfs").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(
                node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
            ):
                doc = ast.get_docstring(node) or ""
                assert not rest_item.search(doc), (path.name, rest_item.search(doc))
