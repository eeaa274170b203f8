"""The Korean edition (issue 15): the same book as the English one, in Korean.

mkdocs-static-i18n serves ``docs/X.ko.md`` as the Korean twin of
``docs/X.md`` (and ``docs/notebooks/chN.ko.py`` of ``chN.py``) under
``/ko/``.  Its fallback to English would hide a missing twin in the built
site, so these tests are what keeps the two editions in step:

* parity: every page has its twin, with the same sections at each heading
  level, the same heading ids, the same code blocks and snippet includes in
  the same order, the same figures (a Korean variant ``NAME.ko.svg`` counts
  as the same), the same math, macros, admonitions, tables, link targets and
  front matter keys; the notebooks have the same code cells;
* language: a Korean page's prose is at least 60 % Hangul (the rule below,
  kept identical to the translators' ``hangul_ratio.py``);
* doctests: Sybil collects the Korean pages' ``>>>`` examples exactly as
  many times as the English ones.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MIN_HANGUL = 0.60


def english_pages() -> list[Path]:
    pages = [p for p in DOCS.rglob("*.md") if not p.name.endswith(".ko.md")]
    pages += [
        p for p in (DOCS / "notebooks").glob("*.py") if not p.name.endswith(".ko.py")
    ]
    return sorted(pages)


def korean_pages() -> list[Path]:
    return sorted([*DOCS.rglob("*.ko.md"), *(DOCS / "notebooks").glob("*.ko.py")])


def twin(page: Path) -> Path:
    """docs/X/page.md -> docs/X/page.ko.md; docs/notebooks/ch2.py -> ch2.ko.py."""
    return page.with_name(f"{page.stem}.ko{page.suffix}")


def original(page: Path) -> Path:
    return page.with_name(page.name.replace(".ko.", "."))


def rel(page: Path) -> str:
    return page.relative_to(DOCS).as_posix()


# --------------------------------------------------------------------------
# The Hangul share: the same rule as /work/prompts/hangul_ratio.py
# --------------------------------------------------------------------------

FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)


def prose(text: str) -> str:
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = FENCE.sub(" ", text)
    text = re.sub(r"^.*--8<--.*$", " ", text, flags=re.M)
    text = re.sub(r"`[^`\n]*`", " ", text)
    text = re.sub(
        r"\$\$.*?\$\$|\$[^$\n]*\$|\\\(.*?\\\)|\\\[.*?\\\]", " ", text, flags=re.S
    )
    text = re.sub(r"<[^>\n]*>", " ", text)
    text = re.sub(r"\]\([^)\s]*\)", "]", text)
    text = re.sub(r"\{[:#.][^}\n]*\}|\{ *[#.][^}\n]*\}", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    return text


def hangul_share(text: str) -> float:
    body = prose(text)
    hangul = len(re.findall(r"[\uac00-\ud7a3]", body))
    latin = len(re.findall(r"[A-Za-z]", body))
    return hangul / max(1, hangul + latin)


def test_hangul_share_rule():
    assert hangul_share("한국어 문장입니다 `code` $x$") == 1.0
    assert hangul_share("English only") == 0.0
    assert hangul_share("기울기(gradient)") == pytest.approx(3 / 11)
    assert hangul_share("```python\nEnglish\n```\n한글") == 1.0


# --------------------------------------------------------------------------
# What a page is made of, outside its prose
# --------------------------------------------------------------------------

HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
ATTRS = re.compile(r"[ \t]*\{[ \t]*([^}]*)\}[ \t]*$")


def without_fences(text: str) -> str:
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return FENCE.sub("", text)


def front_matter_keys(text: str) -> list[str]:
    match = re.match(r"\A---\n(.*?)\n---\n", text, flags=re.S)
    if not match:
        return []
    return re.findall(r"^([A-Za-z_][\w-]*)\s*:", match.group(1), flags=re.M)


def headings(text: str) -> list[tuple[int, str, str | None]]:
    """(level, text, explicit id or None) of every Markdown heading."""
    found = []
    for hashes, title in HEADING.findall(without_fences(text)):
        explicit = None
        attrs = ATTRS.search(title)
        if attrs:
            ids = re.findall(r"#([\w-]+)", attrs.group(1))
            explicit = ids[0] if ids else None
            title = title[: attrs.start()]
        found.append((len(hashes), title.strip(), explicit))
    return found


def heading_ids(text: str) -> list[str]:
    """The ids Python-Markdown's toc gives the headings (explicit or slug)."""
    from markdown.extensions.toc import slugify

    ids: list[str] = []
    for _, title, explicit in headings(text):
        if explicit is None:
            plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", title)  # links
            plain = re.sub(r"[`*]|(?<!\w)_|_(?!\w)", "", plain)  # code, emphasis
            explicit = slugify(plain, "-")
        candidate, n = explicit, 0
        while candidate in ids:  # toc's unique(): id, id_1, id_2, ...
            n += 1
            candidate = f"{explicit}_{n}"
        ids.append(candidate)
    return ids


# The setup block's title is prose, and translated; every other title (a file
# name, a listing's name) and every line of code is the same in both editions.
SETUP_TITLE = re.compile(r'title="(?:setup|준비): [^"]*"')


def fenced_blocks(text: str) -> list[str]:
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return [SETUP_TITLE.sub('title="setup"', m.group(0)) for m in FENCE.finditer(body)]


def snippet_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if "--8<--" in line]


def images(text: str) -> list[str]:
    """Image paths in order, a Korean variant NAME.ko.svg counted as NAME.svg."""
    body = without_fences(text)
    paths = re.findall(r"!\[[^\]]*\]\(\s*([^)\s]+)", body)
    paths += re.findall(r"<img[^>]*\bsrc=\"([^\"]+)\"", body)
    return [re.sub(r"\.ko(\.\w+)$", r"\1", p) for p in paths]


def math(text: str) -> list[str]:
    body = re.sub(r"`[^`\n]*`", " ", without_fences(text))
    return re.findall(
        # inline $...$ as arithmatex reads it: no space inside either dollar,
        # and it may wrap onto the next line
        r"\$\$.*?\$\$|\$(?=\S)[^$]*?(?<=\S)\$|\\\(.*?\\\)|\\\[.*?\\\]",
        body,
        flags=re.S,
    )


def macros(text: str) -> list[str]:
    return re.findall(r"\{\{.*?\}\}|\{%.*?%\}", text, flags=re.S)


def admonitions(text: str) -> list[str]:
    """The admonition types in order (their titles are translated)."""
    return re.findall(
        r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)", without_fences(text), re.M
    )


def tables(text: str) -> int:
    return len(
        re.findall(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", without_fences(text), re.M)
    )


def link_targets(text: str) -> Counter[str]:
    body = re.sub(r"`[^`\n]*`", " ", without_fences(text))
    return Counter(t for t in re.findall(r"(?<!!)\[[^\]]*\]\(\s*([^)\s]+)", body))


# --------------------------------------------------------------------------
# Parity
# --------------------------------------------------------------------------

ENGLISH = english_pages()
PAGE_IDS = [rel(p) for p in ENGLISH]


@pytest.mark.parametrize("page", ENGLISH, ids=PAGE_IDS)
def test_every_english_page_has_a_korean_twin(page):
    assert twin(page).is_file(), f"translate {rel(page)} to {rel(twin(page))}"


@pytest.mark.parametrize("page", korean_pages(), ids=lambda p: rel(p))
def test_every_korean_page_has_an_english_original(page):
    assert original(page).is_file(), f"{rel(page)} translates no English page"


def pair(page: Path) -> tuple[str, str]:
    if not twin(page).is_file():
        pytest.skip(f"no {rel(twin(page))} yet (the twin test fails for it)")
    return page.read_text(encoding="utf-8"), twin(page).read_text(encoding="utf-8")


MARKDOWN = [p for p in ENGLISH if p.suffix == ".md"]
MD_IDS = [rel(p) for p in MARKDOWN]


@pytest.mark.parametrize("page", MARKDOWN, ids=MD_IDS)
def test_same_sections_at_each_heading_level(page):
    en, ko = pair(page)
    count = lambda text: Counter(level for level, _, _ in headings(text))  # noqa: E731
    assert count(ko) == count(en)
    assert [h[0] for h in headings(ko)] == [h[0] for h in headings(en)], "order"


@pytest.mark.parametrize("page", MARKDOWN, ids=MD_IDS)
def test_korean_headings_carry_the_english_ids(page):
    en, ko = pair(page)
    unmarked = [title for _, title, explicit in headings(ko) if explicit is None]
    assert unmarked == [], "give each Korean heading { #english-id }"
    assert heading_ids(ko) == heading_ids(en)


@pytest.mark.parametrize("page", MARKDOWN, ids=MD_IDS)
def test_same_code_blocks_in_the_same_order(page):
    en, ko = pair(page)
    assert snippet_lines(ko) == snippet_lines(en)
    assert fenced_blocks(ko) == fenced_blocks(en)


@pytest.mark.parametrize("page", MARKDOWN, ids=MD_IDS)
def test_same_figures_math_and_macros(page):
    en, ko = pair(page)
    assert images(ko) == images(en)
    # Korean word order may move inline math within a sentence: same set.
    assert sorted(math(ko)) == sorted(math(en))
    assert sorted(macros(ko)) == sorted(macros(en))


@pytest.mark.parametrize("page", MARKDOWN, ids=MD_IDS)
def test_same_admonitions_tables_links_and_front_matter(page):
    en, ko = pair(page)
    assert admonitions(ko) == admonitions(en)
    assert tables(ko) == tables(en)
    assert link_targets(ko) == link_targets(en)
    assert front_matter_keys(ko) == front_matter_keys(en)


def test_korean_figure_variants_have_english_originals():
    for svg in (DOCS / "figures").glob("*.ko.svg"):
        assert original(svg).is_file(), svg.name


def test_a_figure_path_on_a_korean_page_is_the_english_one():
    """Pages keep figures/NAME.svg; the i18n plugin swaps in NAME.ko.svg."""
    for page in DOCS.rglob("*.ko.md"):
        body = without_fences(page.read_text(encoding="utf-8"))
        assert not re.search(r"\.ko\.svg", body), rel(page)


NOTEBOOKS = [p for p in ENGLISH if p.suffix == ".py"]


def cells(path: Path, kind: str) -> list[str]:
    import jupytext

    notebook = jupytext.read(path)
    return [c.source for c in notebook.cells if c.cell_type == kind]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[rel(p) for p in NOTEBOOKS])
def test_korean_notebook_has_the_same_code_cells(notebook):
    pair(notebook)
    assert cells(twin(notebook), "code") == cells(notebook, "code")
    assert len(cells(twin(notebook), "markdown")) == len(cells(notebook, "markdown"))


# --------------------------------------------------------------------------
# Language
# --------------------------------------------------------------------------


def korean_text(page: Path) -> str:
    if page.suffix == ".py":
        return "\n\n".join(cells(page, "markdown"))
    return page.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", korean_pages(), ids=lambda p: rel(p))
def test_korean_prose_is_mostly_hangul(page):
    share = hangul_share(korean_text(page))
    assert share >= MIN_HANGUL, f"{rel(page)}: {share:.2f} Hangul; translate the prose"


# --------------------------------------------------------------------------
# Doctests: the Korean examples run exactly like the English ones
# --------------------------------------------------------------------------


def test_korean_examples_are_collected_once_like_the_english_ones():
    twins = [p for p in MARKDOWN if twin(p).is_file()]
    if not twins:
        pytest.skip("no Korean pages yet")
    args = [rel_path for p in twins for rel_path in (str(p), str(twin(p)))]
    env = {**os.environ, "CI": "true"}  # collect (not skip) pages needing MNIST
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            *args,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    per_file = Counter(line.split("::")[0] for line in out.splitlines() if "::" in line)
    for page in twins:
        en, ko = per_file[rel_to_root(page)], per_file[rel_to_root(twin(page))]
        assert ko == en, f"{rel(twin(page))}: {ko} examples collected, English {en}"


def rel_to_root(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()
