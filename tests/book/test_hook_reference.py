"""book/hooks/reference.py: glossary entries, term links, roles, name breaks."""

from __future__ import annotations

import sys

from pages import ROOT

sys.path.insert(0, str(ROOT))

from book.hooks import reference


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


def test_an_english_page_may_drop_the_abbreviation_or_the_korean_alias():
    reference._TERMS[:] = [
        reference.Term("stochastic gradient descent (SGD)", "확률적 경사 하강법"),
        reference.Term("local minimum", "극솟값 (국소 최솟값)"),
    ]
    html = (
        "<p>It is <strong>stochastic gradient descent</strong> (확률적 경사 하강법)"
        ", at a <strong>local minimum</strong> (극솟값, 국소 최솟값).</p>"
    )
    out = reference.link_terms(html, "../../glossary/")
    assert 'href="../../glossary/#stochastic-gradient-descent-sgd"' in out
    assert 'href="../../glossary/#local-minimum"' in out


def test_an_english_page_may_give_any_korean_form_and_an_english_ending():
    """An English page's ``term (한국어)`` takes the forms a Korean page's
    ``한국어(English)`` takes: any of the Korean forms (``층, 계층``) and the
    English with an ending (vectorise -> vectorised)."""
    reference._TERMS[:] = [
        reference.Term("layer", "층, 계층"),
        reference.Term("vectorise", "벡터화"),
        reference.Term("accuracy", "정확도"),
        reference.Term("learning", "학습"),
    ]
    html = (
        "<p>Neurons sit in <strong>layers</strong> (층); the code is "
        "vectorised (벡터화); the accuracies (정확도); learning (학습).</p>"
    )
    out = reference.link_terms(html, "g/")
    assert '<strong><a class="dlfs-term" href="g/#layer" ' in out
    assert 'title="Glossary: layer">layers</a></strong> (층)' in out
    assert 'title="Glossary: vectorise">vectorised</a> (벡터화)' in out
    assert 'title="Glossary: accuracy">accuracies</a> (정확도)' in out
    assert 'title="Glossary: learning">learning</a> (학습)' in out
    for text in ("a layer (계층)", "vectorising (벡터화)", "vectorises (벡터화)"):
        assert 'class="dlfs-term"' in reference.link_terms(f"<p>{text}</p>", "g/")
    # only a whole word with an ending, right before the Korean
    for text in ("sublayer (층)", "layered nets (층)", "vectoriser (벡터화)"):
        assert 'class="dlfs-term"' not in reference.link_terms(f"<p>{text}</p>", "g/")
    # a term in -ing may be its verb
    reference._TERMS[:] = [
        reference.Term("learning", "학습"),
        reference.Term("overfitting", "오버피팅"),
        reference.Term("one-hot encoding", "원-핫 인코딩"),
    ]
    for text in (
        "learns (학습)",
        "overfit (오버피팅)",
        "one-hot encoded (원-핫 인코딩)",
    ):
        assert 'class="dlfs-term"' in reference.link_terms(f"<p>{text}</p>", "g/")


def test_a_korean_page_may_gloss_the_english_with_an_ending():
    reference._TERMS[:] = [reference.Term("vectorise", "벡터화")]
    out = reference.link_terms("<p>벡터화(vectorised)한 코드</p>", "g/", korean=True)
    assert 'title="용어집: 벡터화">벡터화</a>(vectorised)' in out


def test_a_verb_may_be_glossed_in_any_ending_or_as_its_noun():
    reference._TERMS[:] = [reference.Term("fire", "활성화하다")]
    for korean, english in [
        ("활성화합니다(fires)", "firing (활성화하다)"),
        ("활성화(fire)", "fired (활성화)"),
    ]:
        out = reference.link_terms(f"<p>{korean}</p>", "g/", korean=True)
        assert 'href="g/#fire"' in out, korean
        out = reference.link_terms(f"<p>{english}</p>", "g/")
        assert 'href="g/#fire"' in out, english


def test_the_korean_glossary_is_korean_first_in_gana_order_with_english_anchors():
    english = reference.glossary_terms((ROOT / "docs" / "glossary.md").read_text())
    rows = [
        [c.strip() for c in line.strip().strip("|").split("|")]
        for line in (ROOT / "docs" / "glossary.ko.md").read_text().splitlines()
        if line.startswith("| ") and not line.startswith(("| 한국어", "| ---"))
    ]
    assert rows, "the Korean glossary keeps its terms in a table"
    korean = [reference.Term(en, ko) for ko, en, *_ in rows]
    assert sorted(korean, key=lambda t: t.slug) == sorted(english, key=lambda t: t.slug)
    order = [reference.korean_sort_key(t.korean) for t in korean]
    assert order == sorted(order), "sort docs/glossary.ko.md by the Korean term"
    assert [t.korean for t in korean[:2]] == ["AND 게이트", "He 초깃값"]


def test_a_korean_glossary_row_puts_the_korean_term_first():
    html = (
        "<table><thead><tr><th>한국어</th></tr></thead><tbody>\n<tr>\n"
        "<td>He 초깃값</td>\n<td>He initialisation</td>\n<td>크기를 맞춘다.</td>\n"
        '<td><a href="../ch5/nets/">5</a></td>\n</tr>\n</tbody></table>'
    )
    out = reference.glossary_html(html, korean=True)
    assert (
        '<h3 id="he-initialisation">He 초깃값 '
        '<span class="dlfs-english" lang="en">He initialisation</span>'
    ) in out
    assert '(<a href="../ch5/nets/">5</a>장)' in out


def test_korean_pages_link_the_first_korean_term_with_its_english_gloss():
    reference._TERMS[:] = [
        reference.Term("gradient", "기울기"),
        reference.Term("label", "정답 레이블"),
        reference.Term("local minimum", "극솟값 (국소 최솟값)"),
        reference.Term("layer", "층, 계층"),
        reference.Term("stochastic gradient descent (SGD)", "확률적 경사 하강법"),
    ]
    html = (
        "<h2>기울기(gradient)</h2><p><code>기울기(gradient)</code></p>"
        "<p>이 <strong>기울기</strong>(gradient)는 또 기울기(gradient)입니다. "
        "레이블(label), <strong>극솟값</strong>(local minimum, 국소 최솟값), "
        "계층 (layer), 확률적 경사 하강법(stochastic gradient descent).</p>"
    )
    out = reference.link_terms(html, "../../glossary/", korean=True)
    assert out.count('class="dlfs-term"') == 5
    assert (
        '<strong><a class="dlfs-term" href="../../glossary/#gradient" '
        'title="용어집: 기울기">기울기</a></strong>(gradient)'
    ) in out
    assert 'href="../../glossary/#label" title="용어집: 정답 레이블">레이블</a>' in out
    assert '#local-minimum" title="용어집: 극솟값 (국소 최솟값)">극솟값</a>' in out
    assert '#layer" title="용어집: 층, 계층">계층</a> (layer)' in out
    assert (
        '#stochastic-gradient-descent-sgd" title="용어집: 확률적 경사 하강법">' in out
    )
    assert out.startswith("<h2>기울기(gradient)</h2><p><code>기울기(gradient)")
    # the Korean form alone, or an English page's gloss, is not a Korean one
    plain = "<p>기울기를 구합니다. gradient (기울기)</p>"
    assert reference.link_terms(plain, "g/", korean=True) == plain


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
