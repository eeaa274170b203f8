"""book/hooks/inline_code.py: Sphinx roles as API links, breaks in long names."""

from __future__ import annotations

import sys

from pages import ROOT

sys.path.insert(0, str(ROOT))

from book.hooks import inline_code


def test_sphinx_roles_become_links_to_the_api_page_of_their_module():
    pages = {"api/nets.md": "api/nets/", "api/layers.md": "api/layers/"}
    inline_code._URLS.update(pages)
    html = (
        "<p>See :class:<code>~dlfs.layers.Affine</code> and "
        ":func:<code>dlfs.cli</code> and :class:<code>TwoLayerNet</code>.</p>"
    )
    out = inline_code.link_roles(html, "api/nets/", "dlfs.nets")
    assert (
        '<a class="autorefs" href="../layers/#dlfs.layers.Affine">'
        "<code>Affine</code></a>" in out
    )
    assert '<a class="autorefs" href="./#dlfs.nets.TwoLayerNet">' in out
    assert ":class:" not in out and ":func:" not in out
    assert "<code>dlfs.cli()</code>" in out  # no API page: plain code, no role


def test_long_inline_code_breaks_after_slashes_and_underscores_only():
    out = inline_code.break_names(
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
