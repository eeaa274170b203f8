"""The Korean edition: the same book as the English one, in Korean.

mkdocs-static-i18n serves ``docs/X.ko.md`` as the Korean twin of
``docs/X.md`` (and ``docs/notebooks/chN.ko.py`` of ``chN.py``) under
``/ko/``.  Its fallback to English would hide a missing twin in the built
site, so these tests are what keeps the two editions in step:

* parity: every page has its twin, with the same sections at each heading
  level, the same heading ids, the same code blocks and snippet includes in
  the same order, the same figures (a Korean variant ``NAME.ko.svg`` counts
  as the same), the same math, macros, admonitions, tables, link targets and
  front matter keys; the notebooks have the same code cells;
* translated code: the code is the English code, except what a reader reads
  as text (the rule is at "Code, modulo translation" below): ``#`` comments,
  block titles (their file names kept), string literals translated into
  Korean and the output lines they print, ``\\text{...}`` in math, and a
  Korean twin ``X.ko.py`` of an included ``X.py``;
* language: a Korean page's prose is at least 60 % Hangul (``hangul_share``);
* doctests: a Korean page whose ``>>>`` examples differ from the English
  twin's in more than comments runs as doctests of its own (the whole page,
  one session); one with the same examples is not collected, as the English
  page runs them (``runs_as_doctests`` in tests/doc_examples.py).
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from doc_examples import mask_code, runs_as_doctests
from pages import (
    DOCS,
    FENCED_BLOCK,
    HANGUL,
    ROOT,
    english_pages,
    korean_pages,
    original,
    twin,
)

MIN_HANGUL = 0.60


def rel(page: Path) -> str:
    return page.relative_to(DOCS).as_posix()


# --------------------------------------------------------------------------
# The Hangul share of a page's prose
# --------------------------------------------------------------------------


def prose(text: str) -> str:
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = FENCED_BLOCK.sub(" ", text)
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
    hangul = len(HANGUL.findall(body))
    latin = len(re.findall(r"[A-Za-z]", body))
    return hangul / max(1, hangul + latin)


def test_the_hangul_share_counts_hangul_against_latin_letters_outside_code():
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
    return FENCED_BLOCK.sub("", text)


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


def numbered_blocks(text: str) -> list[tuple[int, str]]:
    """(line number, text) of each fenced block after the front matter."""
    front = re.match(r"\A---\n.*?\n---\n", text, flags=re.S)
    found = FENCED_BLOCK.finditer(text, front.end() if front else 0)
    return [(text.count("\n", 0, m.start()) + 1, m.group(0)) for m in found]


def fenced_blocks(text: str) -> list[str]:
    return [block for _, block in numbered_blocks(text)]


# A Korean page may include the Korean twin of a file (a starter file
# dlfs/exercises/stubs/X.ko.py beside X.py); it counts as the English include.
SNIPPET_TWIN = re.compile(r'(?P<lead>--8<--[ \t]*")(?P<path>[^":\n]+)\.ko\.py(?=[:"])')


def english_includes(text: str) -> str:
    """The page with each include of an existing ``X.ko.py`` twin read as ``X.py``."""

    def replace(match: re.Match[str]) -> str:
        path = match.group("path")
        if (ROOT / f"{path}.ko.py").is_file() and (ROOT / f"{path}.py").is_file():
            return f"{match.group('lead')}{path}.py"
        return match.group(0)

    return SNIPPET_TWIN.sub(replace, text)


def snippet_lines(text: str) -> list[str]:
    text = english_includes(text)
    return [line.strip() for line in text.splitlines() if "--8<--" in line]


# --------------------------------------------------------------------------
# Code, modulo translation
#
# A Korean page shows the English page's code.  What a reader reads as text
# may be translated, and nothing else:
#
# * a ``#`` comment, in a code block or in a ``>>>``/``...`` line (Python's
#   tokenizer tells a comment from a ``#`` inside a string; a block it cannot
#   read falls back to a scan that knows quotes).  A snippet section marker
#   ``# --8<-- [start:x]`` and a code annotation marker ``# (1)!`` are code.
# * the contents of a string literal, when the Korean one holds Hangul (a
#   translation; "relu" -> "sigmoid" is a change of code, not a translation).
#   An f-string's ``{fields}`` are code.
# * the output of a ``>>>`` example when this example or an earlier one on
#   the page has a translated string literal (the text it prints, a table in
#   the language it is given).  The page then differs from the English one in
#   its examples, so it runs as doctests of its own: that checks the output.
# * a block's ``title="..."``, keeping the file names in it
#   (``title="dlfs/datasets.py: load_mnist (일부)"``).
# * ``\text{...}`` in math.
# * an include of a Korean twin file (``english_includes`` above).
#
# Names, numbers, operators, whitespace and the other output stay the same.
# --------------------------------------------------------------------------

TITLE = re.compile(r'\btitle="(?P<title>[^"]*)"')
FILE_NAME = re.compile(r"[\w./-]*\w\.(?:py|md|svg|json|npz|pkl|toml|ya?ml|txt|gz)\b")


# The language asked of the exercise checker: lang="en" on an English page is
# lang="ko" on its Korean twin.
LANGUAGE_CODES = {('"en"', '"ko"'), ("'en'", "'ko'")}


def untranslated_strings(en: list[str], ko: list[str]) -> list[str]:
    """Korean string literals that differ from the English ones with no Hangul
    (and are not the language code)."""
    return [
        k
        for e, k in zip(en, ko, strict=True)
        if e != k and not HANGUL.search(k) and (e, k) not in LANGUAGE_CODES
    ]


def pycon_examples(body: str) -> list[tuple[str, list[str]]]:
    """The (source, output lines) of each ``>>>`` example, prompts removed."""
    examples: list[tuple[str, list[str]]] = []
    for line in textwrap.dedent(body).splitlines():
        if line.startswith(">>>"):
            examples.append((line[4:], []))
        elif examples and not examples[-1][1] and re.match(r"\.\.\.( |$)", line):
            examples[-1] = (f"{examples[-1][0]}\n{line[4:]}", [])
        else:
            if not examples:
                examples.append(("", []))
            examples[-1][1].append(line)
    return examples


def fence_info(block: str) -> str:
    """A block's opening line with its title reduced to the file names in it."""
    first = block.split("\n", 1)[0].strip()
    return TITLE.sub(
        lambda m: 'title="' + " ".join(FILE_NAME.findall(m.group("title"))) + '"', first
    )


def block_body(block: str) -> str:
    return "\n".join(block.split("\n")[1:-1])


class PageCode:
    """Compares a Korean page's code with the English page's, block by block."""

    def __init__(self) -> None:
        self.translated = False  # a string literal translated so far on the page
        self.problems: list[str] = []

    def code(self, where: str, en: str, ko: str, python: bool) -> None:
        men, mko = mask_code(en, python), mask_code(ko, python)
        if mko.text != men.text:
            self.problems.append(f"{where}: code differs\n{men.text}\n---\n{mko.text}")
            return
        changed = untranslated_strings(men.strings, mko.strings)
        if changed:
            self.problems.append(f"{where}: strings changed, not translated: {changed}")
        if men.strings != mko.strings:
            self.translated = True

    def output(self, where: str, en: list[str], ko: list[str]) -> None:
        """Output may change only after a translated string literal; such a
        page runs as doctests of its own, which checks the Korean output."""
        if ko != en and not self.translated:
            self.problems.append(
                f"{where}: output differs, yet no string literal is translated"
                f"\n{en}\n---\n{ko}"
            )

    def block(self, where: str, en: str, ko: str) -> None:
        closing = en.rsplit("\n", 1)[-1] == ko.rsplit("\n", 1)[-1]
        if fence_info(ko) != fence_info(en) or not closing:
            self.problems.append(f"{where}: {fence_info(ko)!r} != {fence_info(en)!r}")
            return
        info = fence_info(en)
        if re.match(r"[`~]{3,}[ \t]*pycon\b", info):
            en_examples = pycon_examples(block_body(en))
            ko_examples = pycon_examples(block_body(ko))
            if len(ko_examples) != len(en_examples):
                self.problems.append(
                    f"{where}: {len(ko_examples)} examples, English {len(en_examples)}"
                )
                return
            for n, (e, k) in enumerate(zip(en_examples, ko_examples, strict=True), 1):
                self.code(f"{where}, example {n}", e[0], k[0], python=True)
                self.output(f"{where}, example {n}", e[1], k[1])
        else:
            python = bool(
                re.match(r"[`~]{3,}[ \t]*(?:python|py\b|\{[^}]*\.python)", info)
            )
            self.code(where, block_body(en), block_body(ko), python=python)


def code_differences(en: str, ko: str) -> list[str]:
    """How the Korean page's code blocks differ from the English page's,
    beyond translation (an empty list when they are the same)."""
    en_blocks, ko_blocks = fenced_blocks(en), numbered_blocks(english_includes(ko))
    if len(ko_blocks) != len(en_blocks):
        return [f"{len(ko_blocks)} code blocks, English {len(en_blocks)}"]
    page = PageCode()
    for e, (line, k) in zip(en_blocks, ko_blocks, strict=True):
        if e != k:
            page.block(f"line {line} ({fence_info(e)})", e, k)
    return page.problems


def images(text: str) -> list[str]:
    """Image paths in order, a Korean variant NAME.ko.svg counted as NAME.svg."""
    body = without_fences(text)
    paths = re.findall(r"!\[[^\]]*\]\(\s*([^)\s]+)", body)
    paths += re.findall(r"<img[^>]*\bsrc=\"([^\"]+)\"", body)
    return [re.sub(r"\.ko(\.\w+)$", r"\1", p) for p in paths]


MATH_TEXT = re.compile(r"\\text\{[^{}]*\}")  # words in math: translated


def math(text: str) -> list[str]:
    """Math in order, the words of each ``\\text{...}`` masked."""
    body = re.sub(r"`[^`\n]*`", " ", without_fences(text))
    body = MATH_TEXT.sub(r"\\text{…}", body)
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
MARKDOWN = [p for p in ENGLISH if p.suffix == ".md"]
NOTEBOOKS = [p for p in ENGLISH if p.suffix == ".py"]


def test_every_english_page_has_a_korean_twin():
    missing = {twin(p) for p in ENGLISH} - set(korean_pages())
    assert not missing, "translate: " + ", ".join(sorted(map(rel, missing)))


def test_every_korean_page_has_an_english_original():
    orphans = {original(p) for p in korean_pages()} - set(ENGLISH)
    assert not orphans, "no English original: " + ", ".join(sorted(map(rel, orphans)))


def offenders(pages: list[Path], rule: Callable[[str, str], list[str]]) -> list[str]:
    """'page: problem' for every problem ``rule(english, korean)`` finds in a
    page with a twin (a page without one fails the twin test)."""
    found = []
    for page in pages:
        if twin(page).is_file():
            en, ko = page.read_text("utf-8"), twin(page).read_text("utf-8")
            found += [f"{rel(twin(page))}: {problem}" for problem in rule(en, ko)]
    return found


def differ(what: str, en: object, ko: object) -> list[str]:
    return [] if ko == en else [f"{what}: {ko!r} != English {en!r}"]


def test_same_sections_at_each_heading_level_in_the_same_order():
    def levels(text: str) -> list[int]:
        return [level for level, _, _ in headings(text)]

    found = offenders(MARKDOWN, lambda en, ko: differ("levels", levels(en), levels(ko)))
    assert not found, "\n".join(found)


def test_korean_headings_carry_the_english_ids():
    def rule(en: str, ko: str) -> list[str]:
        unmarked = [title for _, title, explicit in headings(ko) if explicit is None]
        if unmarked:
            return [f"give each Korean heading {{ #english-id }}: {unmarked}"]
        return differ("heading ids", heading_ids(en), heading_ids(ko))

    found = offenders(MARKDOWN, rule)
    assert not found, "\n".join(found)


def test_same_code_blocks_in_the_same_order():
    def rule(en: str, ko: str) -> list[str]:
        includes = differ("includes", snippet_lines(en), snippet_lines(ko))
        return includes + code_differences(en, ko)

    found = offenders(MARKDOWN, rule)
    assert not found, "\n".join(found)


def test_same_figures_math_and_macros():
    def rule(en: str, ko: str) -> list[str]:
        # Korean word order may move inline math within a sentence: same set.
        return [
            *differ("figures", images(en), images(ko)),
            *differ("math", sorted(math(en)), sorted(math(ko))),
            *differ("macros", sorted(macros(en)), sorted(macros(ko))),
        ]

    found = offenders(MARKDOWN, rule)
    assert not found, "\n".join(found)


def test_same_admonitions_tables_links_and_front_matter():
    def rule(en: str, ko: str) -> list[str]:
        return [
            *differ("admonitions", admonitions(en), admonitions(ko)),
            *differ("tables", tables(en), tables(ko)),
            *differ("link targets", link_targets(en), link_targets(ko)),
            *differ("front matter", front_matter_keys(en), front_matter_keys(ko)),
        ]

    found = offenders(MARKDOWN, rule)
    assert not found, "\n".join(found)


def test_korean_figure_variants_have_english_originals():
    for svg in (DOCS / "figures").glob("*.ko.svg"):
        assert original(svg).is_file(), svg.name


def test_a_figure_path_on_a_korean_page_is_the_english_one():
    """Pages keep figures/NAME.svg; the i18n plugin swaps in NAME.ko.svg."""
    for page in DOCS.rglob("*.ko.md"):
        body = without_fences(page.read_text(encoding="utf-8"))
        assert not re.search(r"\.ko\.svg", body), rel(page)


def cells(path: Path, kind: str) -> list[str]:
    import jupytext

    notebook = jupytext.read(path)
    return [c.source for c in notebook.cells if c.cell_type == kind]


def test_a_korean_notebook_has_the_same_code_cells_and_as_many_text_cells():
    found = []
    for notebook in NOTEBOOKS:
        if not twin(notebook).is_file():
            continue  # the twin test fails for it
        where = rel(twin(notebook))
        en, ko = cells(notebook, "code"), cells(twin(notebook), "code")
        if len(ko) != len(en):
            found.append(f"{where}: {len(ko)} code cells, English {len(en)}")
            continue
        page = PageCode()
        for n, (e, k) in enumerate(zip(en, ko, strict=True), 1):
            page.code(f"code cell {n}", e, k, python=True)
        found += [f"{where}: {problem}" for problem in page.problems]
        text = len(cells(notebook, "markdown")), len(cells(twin(notebook), "markdown"))
        found += [] if text[0] == text[1] else [f"{where}: text cells {text}"]
    assert not found, "\n".join(found)


def korean_twin_files() -> list[Path]:
    """Korean twins X.ko.py of included files (starter files), outside docs/."""
    return sorted(p for p in (ROOT / "dlfs").rglob("*.ko.py"))


def test_a_korean_twin_file_has_the_code_of_its_english_file():
    for path in korean_twin_files():
        english = original(path)
        assert english.is_file(), f"{path.name} translates no {english.name}"
        page = PageCode()
        page.code(path.name, english.read_text("utf-8"), path.read_text("utf-8"), True)
        assert not page.problems, "\n".join(page.problems)


# The translation rule itself.


def fence(info: str, *lines: str) -> str:
    return "\n".join([f"```{info}", *lines, "```"]) + "\n"


def test_translated_comments_titles_and_strings_are_the_same_code():
    en = fence(
        'pycon title="the answer, printed"',
        '>>> x = np.array([1.0, 2.0])  # two inputs, "quoted"',
        ">>> # the sum",
        '>>> print("total:", x.sum())',
        "total: 3.0",
        ">>> x.sum()",
        "np.float64(3.0)",
    )
    ko = fence(
        'pycon title="출력한 답"',
        '>>> x = np.array([1.0, 2.0])  # 입력 두 개, "따옴표"',
        ">>> # 합",
        '>>> print("합계:", x.sum())',
        "합계: 3.0",
        ">>> x.sum()",
        "np.float64(3.0)",
    )
    assert code_differences(en, ko) == []
    assert code_differences(en, en) == []


def test_the_checkers_language_code_is_translated_and_only_to_korean():
    en = fence("pycon", '>>> print(check_source("x", "", lang="en").text)', "x: fails")
    ko = fence("pycon", '>>> print(check_source("x", "", lang="ko").text)', "x: 실패")
    de = fence("pycon", '>>> print(check_source("x", "", lang="de").text)', "x: fails")
    assert code_differences(en, ko) == []
    assert code_differences(en, de) != []


def test_a_changed_number_name_operator_or_output_is_not_a_translation():
    en = fence("pycon", ">>> x = 2 * y  # double", ">>> x", "4")
    for ko in (
        fence("pycon", ">>> x = 3 * y  # 두 배", ">>> x", "4"),  # number
        fence("pycon", ">>> z = 2 * y  # 두 배", ">>> x", "4"),  # name
        fence("pycon", ">>> x = 2 + y  # 두 배", ">>> x", "4"),  # operator
        fence("pycon", ">>> x = 2 * y  # 두 배", ">>> x", "5"),  # output
        fence("pycon", ">>> x = 2 * y  # 두 배", ">>> x", "4", ">>> x", "4"),
        fence("pycon", ">>> x = 2 * y", ">>> x", "4"),  # a comment dropped
    ):
        assert code_differences(en, ko), ko


def test_a_hash_in_a_string_is_not_a_comment_and_strings_change_only_to_korean():
    en = fence("pycon", '>>> print("a # b")', "a # b")
    assert code_differences(en, fence("pycon", '>>> print("a # c")', "a # c"))
    assert code_differences(en, fence("pycon", '>>> print("가 # 나")', "가 # 나")) == []
    en = fence("pycon", '>>> act = make("relu")')
    assert code_differences(en, fence("pycon", '>>> act = make("sigmoid")'))
    en = fence("pycon", '>>> print(f"loss {loss:.3f}")', "loss 0.250")
    same = fence("pycon", '>>> print(f"손실 {loss:.3f}")', "손실 0.250")
    changed = fence("pycon", '>>> print(f"손실 {loss:.4f}")', "손실 0.2500")
    assert code_differences(en, same) == []
    assert code_differences(en, changed)


def test_output_may_change_only_after_a_translated_string(tmp_path):
    en = fence("pycon", '>>> label = "yes"', ">>> print(label, 1)", "yes 1")
    ko = fence("pycon", '>>> label = "예"', ">>> print(label, 1)", "예 1")
    assert code_differences(en, ko) == []
    assert code_differences(en, en.replace("yes 1", "yes 2"))
    # and then the Korean page runs, which checks its output
    (tmp_path / "page.md").write_text(en, encoding="utf-8")
    (tmp_path / "page.ko.md").write_text(ko, encoding="utf-8")
    assert runs_as_doctests(tmp_path / "page.ko.md")


def test_a_title_keeps_its_file_names_and_python_blocks_their_code():
    en = fence('python title="dlfs/nets.py: LayerNet (fragment)"', "x = 1  # one")
    ko = fence('python title="dlfs/nets.py: LayerNet (일부)"', "x = 1  # 하나")
    assert code_differences(en, ko) == []
    ko = fence('python title="dlfs/net.py: LayerNet (일부)"', "x = 1  # 하나")
    assert code_differences(en, ko)
    en = fence("bash", 'pip install -e ".[data]"   # NumPy only')
    assert (
        code_differences(en, fence("bash", 'pip install -e ".[data]"   # 넘파이만'))
        == []
    )
    assert code_differences(en, fence("bash", 'pip install -e ".[docs]"   # 넘파이만'))


def test_markers_in_comments_are_code():
    en = fence("pycon", ">>> a.backward(1)  # (1)!")
    assert code_differences(en, fence("pycon", ">>> a.backward(1)  # (2)!"))
    en = "# --8<-- [start:gate]\ndef gate(x):\n    return x  # yours\n"
    ko = "# --8<-- [start:게이트]\ndef gate(x):\n    return x  # 여러분의 코드\n"
    assert mask_code(en).text != mask_code(ko).text
    assert mask_code(en).text == mask_code(ko.replace("게이트", "gate")).text


def test_a_korean_twin_include_and_math_text_count_as_the_english_ones():
    stub = "dlfs/exercises/stubs/ch2_and_gate"
    en = f'```python\n--8<-- "{stub}.py"\n```\n'
    ko = f'```python\n--8<-- "{stub}.ko.py"\n```\n'
    if (ROOT / f"{stub}.ko.py").is_file():
        assert code_differences(en, ko) == []
        assert snippet_lines(ko) == snippet_lines(en)
    assert snippet_lines('--8<-- "dlfs/nets.ko.py"') == ['--8<-- "dlfs/nets.ko.py"']
    assert math(r"$\partial(\text{total})$") == math(r"$\partial(\text{총액})$")
    assert math(r"$y_{\text{a}} + 1$") != math(r"$y_{\text{a}} + 2$")


# --------------------------------------------------------------------------
# Language
# --------------------------------------------------------------------------


def korean_text(page: Path) -> str:
    if page.suffix == ".py":
        return "\n\n".join(cells(page, "markdown"))
    return page.read_text(encoding="utf-8")


def test_korean_prose_is_mostly_hangul():
    shares = {rel(page): hangul_share(korean_text(page)) for page in korean_pages()}
    low = [
        f"{page}: {share:.2f}" for page, share in shares.items() if share < MIN_HANGUL
    ]
    assert not low, (
        f"under {MIN_HANGUL:.0%} Hangul; translate the prose:\n" + "\n".join(low)
    )


# --------------------------------------------------------------------------
# Doctests: a Korean page runs only when its examples differ from English
# --------------------------------------------------------------------------


def test_a_korean_page_runs_only_when_its_examples_differ(tmp_path):
    english = "```pycon\n>>> x = 2  # two\n>>> print('x', x)\nx 2\n```\n"
    (tmp_path / "page.md").write_text(english, encoding="utf-8")
    korean = tmp_path / "page.ko.md"
    for text, runs in [
        (english, False),
        (english.replace("# two", "# 둘"), False),  # a comment: same examples
        (english.replace("'x', x)\nx 2", "'엑스', x)\n엑스 2"), True),
        (english.replace("# two", "# doctest: +SKIP"), True),  # a directive is code
    ]:
        korean.write_text(text, encoding="utf-8")
        assert runs_as_doctests(korean) is runs, text
    assert runs_as_doctests(tmp_path / "page.md")


def test_the_pages_collect_a_korean_twins_examples_only_when_they_differ(request):
    """The root conftest's collection hook, called as pytest calls it."""

    def collected(page: Path) -> int:
        hook = request.config.hook
        files = hook.pytest_collect_file(file_path=page, parent=request.session)
        return sum(len(list(file.collect())) for file in files)

    twins = [p for p in MARKDOWN if twin(p).is_file()]
    kinds = {runs_as_doctests(twin(p)) for p in twins}
    assert kinds == {True, False}, "pages of both kinds exist to be checked"
    wrong = []
    for page in twins:
        korean = collected(twin(page))
        expected = collected(page) if runs_as_doctests(twin(page)) else 0
        if korean != expected:
            wrong.append(f"{rel(twin(page))}: {korean} examples, not {expected}")
    assert not wrong, "\n".join(wrong)
