"""book/hooks/glossary.py: glossary entries and links to them from chapter pages."""

from __future__ import annotations

import sys

from pages import ROOT

sys.path.insert(0, str(ROOT))

from book.hooks import glossary


def test_the_glossary_table_gives_every_term_in_order():
    terms = glossary.glossary_terms((ROOT / "docs" / "glossary.md").read_text())
    assert terms[0] == glossary.Term("accuracy", "정확도")
    assert glossary.Term("gradient", "기울기") in terms
    assert len({t.slug for t in terms}) == len(terms), "anchors are unique"


def test_a_glossary_row_becomes_a_heading_with_an_anchor():
    html = (
        "<table><thead><tr><th>English</th></tr></thead><tbody>\n<tr>\n"
        "<td>He initialisation</td>\n<td>He 초깃값</td>\n<td>Scaled.</td>\n"
        '<td><a href="../ch5/nets/">5</a></td>\n</tr>\n</tbody></table>'
    )
    out = glossary.glossary_html(html)
    assert '<h3 id="he-initialisation">He initialisation ' in out
    assert '<span class="dlfs-korean" lang="ko">He 초깃값</span>' in out
    assert (
        '<p>Scaled. <span class="dlfs-glossary__chapter">'
        '(chapter <a href="../ch5/nets/">5</a>)' in out
    )
    assert "<table>" not in out


def test_only_the_first_use_outside_headings_and_code_is_linked():
    glossary._TERMS[:] = [glossary.Term("gradient", "기울기")]
    html = (
        "<h2>The gradient (기울기)</h2><p><code>gradient (기울기)</code></p>"
        "<p>The <strong>gradient</strong> (기울기) points up; "
        "a gradient (기울기) again.</p>"
    )
    out = glossary.link_terms(html, "../../glossary/")
    assert out.count('class="dlfs-term"') == 1
    assert (
        '<strong><a class="dlfs-term" href="../../glossary/#gradient" '
        'title="Glossary: gradient">gradient</a></strong> (기울기)'
    ) in out
    assert out.startswith("<h2>The gradient (기울기)</h2><p><code>gradient")


def test_an_english_page_may_drop_the_abbreviation_or_the_korean_alias():
    glossary._TERMS[:] = [
        glossary.Term("stochastic gradient descent (SGD)", "확률적 경사 하강법"),
        glossary.Term("local minimum", "극솟값 (국소 최솟값)"),
    ]
    html = (
        "<p>It is <strong>stochastic gradient descent</strong> (확률적 경사 하강법)"
        ", at a <strong>local minimum</strong> (극솟값, 국소 최솟값).</p>"
    )
    out = glossary.link_terms(html, "../../glossary/")
    assert 'href="../../glossary/#stochastic-gradient-descent-sgd"' in out
    assert 'href="../../glossary/#local-minimum"' in out


def test_an_english_page_may_give_any_korean_form_and_an_english_ending():
    """An English page's ``term (한국어)`` takes the forms a Korean page's
    ``한국어(English)`` takes: any of the Korean forms (``층, 계층``) and the
    English with an ending (vectorise -> vectorised)."""
    glossary._TERMS[:] = [
        glossary.Term("layer", "층, 계층"),
        glossary.Term("vectorise", "벡터화"),
        glossary.Term("accuracy", "정확도"),
        glossary.Term("learning", "학습"),
    ]
    html = (
        "<p>Neurons sit in <strong>layers</strong> (층); the code is "
        "vectorised (벡터화); the accuracies (정확도); learning (학습).</p>"
    )
    out = glossary.link_terms(html, "g/")
    assert '<strong><a class="dlfs-term" href="g/#layer" ' in out
    assert 'title="Glossary: layer">layers</a></strong> (층)' in out
    assert 'title="Glossary: vectorise">vectorised</a> (벡터화)' in out
    assert 'title="Glossary: accuracy">accuracies</a> (정확도)' in out
    assert 'title="Glossary: learning">learning</a> (학습)' in out
    for text in ("a layer (계층)", "vectorising (벡터화)", "vectorises (벡터화)"):
        assert 'class="dlfs-term"' in glossary.link_terms(f"<p>{text}</p>", "g/")
    # only a whole word with an ending, right before the Korean
    for text in ("sublayer (층)", "layered nets (층)", "vectoriser (벡터화)"):
        assert 'class="dlfs-term"' not in glossary.link_terms(f"<p>{text}</p>", "g/")
    # a term in -ing may be its verb
    glossary._TERMS[:] = [
        glossary.Term("learning", "학습"),
        glossary.Term("overfitting", "오버피팅"),
        glossary.Term("one-hot encoding", "원-핫 인코딩"),
    ]
    for text in (
        "learns (학습)",
        "overfit (오버피팅)",
        "one-hot encoded (원-핫 인코딩)",
    ):
        assert 'class="dlfs-term"' in glossary.link_terms(f"<p>{text}</p>", "g/")


def test_a_korean_page_may_gloss_the_english_with_an_ending():
    glossary._TERMS[:] = [glossary.Term("vectorise", "벡터화")]
    out = glossary.link_terms("<p>벡터화(vectorised)한 코드</p>", "g/", korean=True)
    assert 'title="용어집: 벡터화">벡터화</a>(vectorised)' in out


def test_a_verb_may_be_glossed_in_any_ending_or_as_its_noun():
    glossary._TERMS[:] = [glossary.Term("fire", "활성화하다")]
    for korean, english in [
        ("활성화합니다(fires)", "firing (활성화하다)"),
        ("활성화(fire)", "fired (활성화)"),
    ]:
        out = glossary.link_terms(f"<p>{korean}</p>", "g/", korean=True)
        assert 'href="g/#fire"' in out, korean
        out = glossary.link_terms(f"<p>{english}</p>", "g/")
        assert 'href="g/#fire"' in out, english


def test_the_korean_glossary_is_korean_first_in_gana_order_with_english_anchors():
    english = glossary.glossary_terms((ROOT / "docs" / "glossary.md").read_text())
    rows = [
        [c.strip() for c in line.strip().strip("|").split("|")]
        for line in (ROOT / "docs" / "glossary.ko.md").read_text().splitlines()
        if line.startswith("| ") and not line.startswith(("| 한국어", "| ---"))
    ]
    assert rows, "the Korean glossary keeps its terms in a table"
    korean = [glossary.Term(en, ko) for ko, en, *_ in rows]
    assert sorted(korean, key=lambda t: t.slug) == sorted(english, key=lambda t: t.slug)
    order = [glossary.korean_sort_key(t.korean) for t in korean]
    assert order == sorted(order), "sort docs/glossary.ko.md by the Korean term"
    assert [t.korean for t in korean[:2]] == ["AND 게이트", "He 초깃값"]


def test_a_korean_glossary_row_puts_the_korean_term_first():
    html = (
        "<table><thead><tr><th>한국어</th></tr></thead><tbody>\n<tr>\n"
        "<td>He 초깃값</td>\n<td>He initialisation</td>\n<td>크기를 맞춘다.</td>\n"
        '<td><a href="../ch5/nets/">5</a></td>\n</tr>\n</tbody></table>'
    )
    out = glossary.glossary_html(html, korean=True)
    assert (
        '<h3 id="he-initialisation">He 초깃값 '
        '<span class="dlfs-english" lang="en">He initialisation</span>'
    ) in out
    assert '(<a href="../ch5/nets/">5</a>장)' in out


def test_korean_pages_link_the_first_korean_term_with_its_english_gloss():
    glossary._TERMS[:] = [
        glossary.Term("gradient", "기울기"),
        glossary.Term("label", "정답 레이블"),
        glossary.Term("local minimum", "극솟값 (국소 최솟값)"),
        glossary.Term("layer", "층, 계층"),
        glossary.Term("stochastic gradient descent (SGD)", "확률적 경사 하강법"),
    ]
    html = (
        "<h2>기울기(gradient)</h2><p><code>기울기(gradient)</code></p>"
        "<p>이 <strong>기울기</strong>(gradient)는 또 기울기(gradient)입니다. "
        "레이블(label), <strong>극솟값</strong>(local minimum, 국소 최솟값), "
        "계층 (layer), 확률적 경사 하강법(stochastic gradient descent).</p>"
    )
    out = glossary.link_terms(html, "../../glossary/", korean=True)
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
    assert glossary.link_terms(plain, "g/", korean=True) == plain
