"""The Korean edition's term style sheet: no banned form in Korean text.

The banned forms live in one place, the table under "Terms (banned forms)" in
CONTRIBUTING.md, which this test reads.  It looks at the Korean text a reader
sees: the prose of ``docs/**/*.ko.md`` (inline code and math left out) with
the Korean lines of its code blocks (comments, strings, titles, output),
and the Korean comments and strings of ``docs/notebooks/*.ko.py`` (their
Markdown cells are comments) and of every Python file of ``book/`` and
``dlfs/`` that has any: the figures' labels, the starter files ``*.ko.py``
that the exercise pages include, the hooks' Korean words.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
from pages import FENCED_BLOCK, HANGUL, ROOT, korean_pages

CONTRIBUTING = ROOT / "CONTRIBUTING.md"


# --------------------------------------------------------------------------
# The style sheet's table
# --------------------------------------------------------------------------


def banned_forms(markdown: str) -> list[tuple[str, re.Pattern[str], str]]:
    """(form, pattern, what to write instead) of each row of the table that
    follows the heading "Terms (banned forms)".  A form is a Python regular
    expression in backticks (``\\|`` for a pipe); its spaces match any
    whitespace, a line break too."""
    heading = re.search(r"^#+ Terms \(banned forms\)", markdown, re.M)
    assert heading, "CONTRIBUTING.md lost its 'Terms (banned forms)' table"
    table = re.search(r"(?:^\|.*\n)+", markdown[heading.end() :], re.M)
    assert table, "no table under 'Terms (banned forms)'"
    rows = []
    for line in table.group(0).splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if len(cells) < 2 or not cells[0].startswith("`"):
            continue
        form = cells[0].strip("`").strip().replace("\\|", "|")
        pattern = re.compile(form.replace(" ", r"\s+"))
        rows.append((form, pattern, cells[1].replace("\\|", "|")))
    return rows


BANNED = banned_forms(CONTRIBUTING.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------
# The Korean text of a file
# --------------------------------------------------------------------------


def blank(match: re.Match[str], placeholder: str) -> str:
    """Replace a match by a placeholder word, keeping its line breaks."""
    return placeholder + "\n" * match.group(0).count("\n")


def markdown_text(text: str) -> str:
    """A page's Korean text, line for line: code blocks keep only their
    Korean lines; inline code and math become the words CODE and MATH."""

    def fenced(match: re.Match[str]) -> str:
        lines = match.group(0).split("\n")
        return "\n".join(line if HANGUL.search(line) else "" for line in lines)

    text = FENCED_BLOCK.sub(fenced, text)
    text = re.sub(r"`[^`\n]+`", lambda m: blank(m, "CODE"), text)
    return re.sub(
        r"\$\$.*?\$\$|\$(?=\S)[^$\n]*?(?<=\S)\$|\\\(.*?\\\)|\\\[.*?\\\]",
        lambda m: blank(m, "MATH"),
        text,
        flags=re.S,
    )


def python_text(text: str) -> str:
    """A Python file's Korean comments and strings, on their own lines."""
    lines = [""] * (text.count("\n") + 1)
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type in (tokenize.COMMENT, tokenize.STRING) and HANGUL.search(
            token.string
        ):
            row = token.start[0] - 1
            for n, part in enumerate(token.string.split("\n")):
                lines[row + n] += " " + part
    return "\n".join(lines)


def catalogue_text(text: str) -> str:
    """The checker's catalogue's Korean texts (its lines with Hangul), inline
    code left out."""
    lines = [line if HANGUL.search(line) else "" for line in text.split("\n")]
    return re.sub(r"`[^`\n]+`", lambda m: blank(m, "CODE"), "\n".join(lines))


def korean_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    read = {".py": python_text, ".toml": catalogue_text}.get(path.suffix)
    return (read or markdown_text)(text)


def korean_files() -> list[Path]:
    """The Korean pages and notebooks, the Python files with Hangul, and the
    checker's message catalogue."""
    python = [
        path
        for folder in ("book", "dlfs")
        for path in (ROOT / folder).rglob("*.py")
        if HANGUL.search(path.read_text(encoding="utf-8"))
    ]
    catalogue = (ROOT / "dlfs" / "exercises" / "text").glob("*.toml")
    return sorted({*korean_pages(), *python, *catalogue})


def hits(text: str) -> list[str]:
    """'line N: found -> instead' for each banned form in a Korean text."""
    found = []
    for _, pattern, instead in BANNED:
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            words = " ".join(match.group(0).split())
            found.append((line, f"line {line}: {words!r} -> {instead}"))
    return [message for _, message in sorted(found)]


# --------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------


def test_the_style_sheet_table_is_read():
    forms = {form for form, _, _ in BANNED}
    assert {"종이책", "렐루", "최적화기", r"\d+ %"} <= forms
    assert len(BANNED) >= 25


def test_no_banned_korean_form_in_what_a_korean_reader_sees():
    files = korean_files()
    assert set(korean_pages()) < set(files), "the pages, and Python files too"
    found = [
        f"{path.relative_to(ROOT)}: {hit}"
        for path in files
        for hit in hits(korean_text(path))
    ]
    assert not found, "banned forms (see CONTRIBUTING.md):\n" + "\n".join(found)


@pytest.mark.parametrize(
    "text",
    [
        "종이책에서는",
        "이 책의 코드",
        "리키 렐루는",
        "정확도는 97.4 %입니다",
        "100 원인 사과",
        "우리의 신경망",
        "읽으십시오",
        "기계가 계산합니다",
        "XOR은 선형 분리가 불가능합니다",
        "코드\n목록",  # a form may wrap a line
        "아이디를 넣으세요",
        "# 4 데이터에서 학습하기",
    ],
)
def test_a_banned_form_is_found(text):
    assert hits(markdown_text(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "책의 코드와 이 판의 코드",
        "반복이 책의 반복보다 빠릅니다",  # 이 is a particle here
        "`TwoLayerNet`이 책의 신경망입니다",
        "종단간 기계학습과 기계 학습, 기계학습\n(SVM)",
        "같은 표본 추출",
        "정확도는 97.4%입니다",
        "100원인 사과, 10 원소 배열, 2 원-핫 벡터",
        "우리는 이 판의 신경망을 봅니다",
        "핵심 아이디어",
        "## 데이터에서 학습하기 { #learning-from-data }",
        "XOR 게이트는 OR 게이트와 다릅니다",
        "$x \\% 2$, `a % b` 그리고 `x = 3 % 2`",
        "```pycon\n>>> x = 7 % 2\n1\n```\n",
    ],
)
def test_an_allowed_form_is_not_found(text):
    assert hits(markdown_text(text)) == [], text


def test_python_files_are_checked_in_their_korean_comments_and_strings():
    source = 'LABELS = {"73.7 %": "73.7%", "x": "렐루"}  # 렐루\nprint("a %d" % 3)\n'
    assert [h.split(":")[0] for h in hits(python_text(source))] == ["line 1"] * 2
