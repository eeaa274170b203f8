"""MkDocs hook: the glossary page, and links from chapter pages into it.

* ``docs/glossary.md`` keeps its terms in one Markdown table (easy to edit and
  review).  On the built page each row becomes a heading with its own anchor
  (``glossary/#gradient``) and a paragraph, so a phone shows one readable
  column and site search finds each term as a result of its own.  The Korean
  twin ``glossary.ko.md`` is Korean-first: its table puts the Korean term
  first, in 가나다 order, and so do its headings; the anchors are the English
  ones (``ko/glossary/#gradient``).
* Chapter pages link the first use of each glossary term to its entry: on an
  English page ``term (한국어)``, on a Korean page ``한국어(English)`` (or
  ``한국어 (English)``, ``**한국어**(English)``), to the Korean glossary.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

GLOSSARY = "glossary.md"
GLOSSARY_KO = "glossary.ko.md"  # its Korean twin, same anchors


@dataclass(frozen=True)
class Term:
    english: str
    korean: str

    @property
    def slug(self) -> str:
        return slug(self.english)


def slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")


# Filled by on_files and on_nav for each build; `mkdocs serve` rebuilds in
# this process.
_TERMS: list[Term] = []
_BUILT_URLS: dict[str, str] = {}  # source path -> URL, as this language has it

_ROW = re.compile(r"^\|(?P<cells>.*)\|\s*$")


def glossary_terms(markdown: str) -> list[Term]:
    """The (English, Korean) pairs of the glossary's table, in order."""
    terms = []
    for line in markdown.splitlines():
        match = _ROW.match(line.strip())
        if not match:
            continue
        cells = [c.strip() for c in match.group("cells").split("|")]
        if len(cells) < 2 or cells[0] in ("English", "") or set(cells[0]) <= {"-"}:
            continue
        terms.append(Term(cells[0], cells[1]))
    return terms


def on_files(files: Any, config: Any) -> Any:
    glossary = Path(config["docs_dir"]) / GLOSSARY
    _TERMS[:] = glossary_terms(glossary.read_text(encoding="utf-8"))
    return files


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    """The URLs after mkdocs-static-i18n (its on_files runs after ours) has
    laid out this language's build: the Korean one has ``ko/glossary/``."""
    _BUILT_URLS.clear()
    for file in files:
        _BUILT_URLS[file.src_uri] = file.url
    return nav


def korean_sort_key(korean: str) -> tuple[int, str]:
    """The Korean glossary's order: terms that start with a Latin letter
    (AND 게이트, ReLU 함수) first, then 가나다 (Unicode order of Hangul)."""
    return (0 if re.match(r"[A-Za-z]", korean) else 1, korean.casefold())


# ---- the glossary page ----------------------------------------------------

_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
_HTML_ROW = re.compile(
    r"<tr>\s*<td>(?P<first>.*?)</td>\s*<td>(?P<second>.*?)</td>\s*"
    r"<td>(?P<meaning>.*?)</td>\s*<td>(?P<chapter>.*?)</td>\s*</tr>",
    re.DOTALL,
)


def _entry(row: re.Match[str], korean: bool) -> str:
    """One term: on the English page ``term 한국어``, on the Korean page
    (whose table is Korean-first) ``한국어 term``; the anchor is the English."""
    if korean:
        ko, en = row.group("first"), row.group("second")
        second = f'<span class="dlfs-english" lang="en">{en}</span>'
        heading, chapter = ko, f"{row.group('chapter')}장"
    else:
        en, ko = row.group("first"), row.group("second")
        second = f'<span class="dlfs-korean" lang="ko">{ko}</span>'
        heading, chapter = en, f"chapter {row.group('chapter')}"
    anchor = slug(re.sub(r"<[^>]+>", "", en))
    return (
        f'<h3 id="{anchor}">{heading} {second}'
        f'<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a></h3>'
        f"<p>{row.group('meaning')} "
        f'<span class="dlfs-glossary__chapter">({chapter})</span></p>'
    )


def glossary_html(html: str, korean: bool = False) -> str:
    """The glossary's table as one heading and paragraph per term."""

    def replace(table: re.Match[str]) -> str:
        rows = [_entry(row, korean) for row in _HTML_ROW.finditer(table.group(0))]
        return '<div class="dlfs-glossary">' + "".join(rows) + "</div>"

    return _TABLE.sub(replace, html, count=1)


# ---- first use of a term on a chapter page ---------------------------------

_PROTECTED = re.compile(
    r"<(?P<tag>h[1-6]|a|pre|code|math|figcaption)\b[^>]*>.*?</(?P=tag)>", re.DOTALL
)


def _words(text: str) -> str:
    """``text`` as a pattern whose spaces may be any whitespace (a line break)."""
    return r"\s+".join(re.escape(word) for word in text.split())


def _inflected(text: str) -> str:
    """``text`` as a pattern whose last word may take an English ending:
    -s, -es, -d, -ed, -ing (``layers``, ``vectorised`` and ``vectorising``
    for ``vectorise``, ``accuracies``).  A term that ends in -ing may be its
    verb (``learns`` for learning, ``overfit`` for overfitting, ``encoded``
    for encoding)."""
    if re.search(r"\w{3}ing$", text):
        stem = text[:-3]
        stems = [stem, stem[:-1]] if stem[-1] == stem[-2] else [stem]
        return f"(?:{'|'.join(map(_words, stems))})(?:e|s|es|d|ed|ing)?"
    if text.endswith("e"):
        return _words(text[:-1]) + "(?:e|es|ed|ing)"
    if text.endswith("y"):
        return _words(text[:-1]) + "(?:y|ys|ies|ied|ying)"
    return _words(text) + "(?:s|es|ed|ing)?"


def english_forms(term: Term) -> str:
    """How a page may write a term's English, as a pattern: the term, or the
    term without its abbreviation (``stochastic gradient descent`` for ``...
    (SGD)``), either with an English ending (see ``_inflected``)."""
    english = [term.english]
    short = re.sub(r"\s*\([^)]*\)$", "", term.english)  # "SGD" in "... (SGD)"
    if short != term.english:
        english.append(short)
    return "|".join(_inflected(e) for e in english)


def _english_pattern(term: Term) -> re.Pattern[str]:
    """``term (한국어)`` on an English page; the link goes on ``term``.

    The English and the Korean may take the forms a Korean page's
    ``한국어(English)`` may: the term without its abbreviation and with an
    English ending (``vectorised (벡터화)``), and any form of the Korean
    (``layers (층)`` for ``층, 계층``; ``local minimum (극솟값, ...)`` for
    ``극솟값 (국소 최솟값)``; see ``korean_forms``).
    """
    korean = "|".join(_korean_form(f) for f in korean_forms(term.korean))
    return re.compile(
        rf"(?<![\w-])(?P<term>{english_forms(term)})"
        rf"(?P<close>(?:</(?:strong|em)>)?)\s+\((?:{korean})[),]",
        re.IGNORECASE,
    )


def korean_forms(korean: str) -> list[str]:
    """How a Korean page may write a glossary term, longest first: each of
    ``층, 계층`` and ``극솟값 (국소 최솟값)``, and the last words of a term of
    several (``레이블`` for 정답 레이블)."""
    forms: set[str] = set()
    for form in re.split(r",\s*|\s*\(|\)", korean):
        words = form.split()
        forms.update(" ".join(words[i:]) for i in range(len(words)))
    return sorted(forms - {""}, key=lambda f: (-len(f), f))


def _korean_form(form: str) -> str:
    """A form as a pattern; a verb (활성화하다) in any ending (활성화하여) or
    as its noun (활성화)."""
    if form.endswith("하다"):
        return _words(form[:-2]) + "(?:[하한합해할했][\uac00-\ud7a3]*)?"
    return _words(form)


def korean_pattern(term: Term) -> re.Pattern[str]:
    """``한국어(English)`` on a Korean page (``한국어 (English)``,
    ``**한국어**(English)``, ``(English, ...)``); the link goes on ``한국어``.
    """
    korean = "|".join(_korean_form(f) for f in korean_forms(term.korean))
    gloss = rf"[ \t]?\((?:{english_forms(term)})[),]"
    return re.compile(
        rf"(?<![\w-])(?P<term>{korean})(?P<close>(?:</(?:strong|em)>)?){gloss}",
        re.IGNORECASE,
    )


@functools.cache
def _needles(term: Term) -> frozenset[str]:
    """Text that every match of the term's patterns holds, in lower case: the
    first word of one of its Korean forms (the link's text on a Korean page,
    the gloss on an English one).  Scanning a page for these is far cheaper
    than running a term's pattern over it."""
    stems = (f[:-2] if f.endswith("하다") else f for f in korean_forms(term.korean))
    return frozenset(stem.split()[0].lower() for stem in stems if stem.split())


def link_terms(html: str, glossary_url: str, korean: bool = False) -> str:
    """Link the first use of each glossary term to its entry: ``term (한국어)``
    on an English page, ``한국어(English)`` on a Korean one."""
    protected = [m.span() for m in _PROTECTED.finditer(html)]  # in order, apart
    starts = [a for a, _ in protected]

    def inside(position: int) -> bool:
        i = bisect.bisect_right(starts, position) - 1
        return i >= 0 and position < protected[i][1]

    inserts: list[tuple[int, int, str]] = []
    lowered = html.lower()
    for term in _TERMS:
        needles = _needles(term)
        if needles and not any(needle in lowered for needle in needles):
            continue  # its Korean is not on the page: no use can match
        pattern = korean_pattern(term) if korean else _english_pattern(term)
        title = f"용어집: {term.korean}" if korean else f"Glossary: {term.english}"
        for match in pattern.finditer(html):
            start, end = match.span("term")
            taken = any(a < end and start < b for a, b, _ in inserts)
            if not inside(start) and not taken:
                link = (
                    f'<a class="dlfs-term" href="{glossary_url}#{term.slug}" '
                    f'title="{title}">{match.group("term")}</a>'
                )
                inserts.append((start, end, link))
                break
    for start, end, link in sorted(inserts, reverse=True):
        html = html[:start] + link + html[end:]
    return html


def on_page_content(html: str, page: Any, config: Any, **kwargs: Any) -> str:
    src = page.file.src_uri
    korean = src.endswith(".ko.md")
    glossary = _BUILT_URLS.get(GLOSSARY_KO if korean else GLOSSARY)
    if src in (GLOSSARY, GLOSSARY_KO):
        return glossary_html(html, korean=korean)
    if re.match(r"ch\d+/", src) and glossary:
        url = get_relative_url(glossary, page.file.url)
        return link_terms(html, url, korean=korean)
    return html
