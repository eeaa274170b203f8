"""The checker's message catalogue (``dlfs/exercises/text/*.toml``): every text
in English and Korean, every key the code uses there, and first hints that
say what is wrong without giving the solution away."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dlfs.exercises import EXERCISES
from dlfs.exercises.messages import LANGUAGES, Message, catalogue, has, say
from dlfs.exercises.reporting import check_name, wrap

CODE = Path(__file__).resolve().parents[2] / "dlfs" / "exercises"
HANGUL = re.compile("[가-힣]")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# -- every text in both languages ------------------------------------------------


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_message_exists_in_english_and_korean_with_the_same_values(key):
    entry = catalogue()[key]
    assert set(entry) <= {*LANGUAGES, "fix"}, f"{key}: unknown fields {set(entry)}"
    assert set(LANGUAGES) <= set(entry), f"{key}: not in {LANGUAGES}"
    if "fix" in entry:
        assert set(entry["fix"]) == set(LANGUAGES), f"{key}: fix not in both"
    tiers = [entry] + ([entry["fix"]] if "fix" in entry else [])
    for tier in tiers:
        en, ko = tier["en"], tier["ko"]
        assert placeholders(en) == placeholders(ko), f"{key}: {en!r} vs {ko!r}"
        assert en.strip() and HANGUL.search(ko), f"{key}: {ko!r} is not Korean"


def constant_keys() -> set[str]:
    """The catalogue keys the checker's code names as string constants:
    ``Fail("...")``, ``Message("...")``, ``say("...")`` and ``fix="..."``."""
    keys = set()
    for path in CODE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in ("Fail", "Message", "say") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    keys.add(first.value)
            keys |= {
                k.value.value
                for k in node.keywords
                if k.arg == "fix" and isinstance(k.value, ast.Constant)
            }
    return keys


def test_every_key_the_code_names_is_in_the_catalogue():
    missing = sorted(k for k in constant_keys() if k is not None and not has(k))
    assert not missing, missing


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_every_title_task_and_check_name_is_in_both_languages(exercise_id):
    exercise = EXERCISES[exercise_id]
    for part in ("title", "task"):
        assert has(f"{exercise_id}.{part}"), f"{exercise_id}.{part}"
    for name, _ in exercise.checks:
        if not has(name):  # then it must be code, the same in every language
            ast.parse(name, mode="eval")
            assert check_name(name, "ko") == name


# -- first hints do not give the solution away ------------------------------------


def solution_code() -> dict[str, str]:
    """Every expression of the book's solutions that is long enough to be an
    answer (a call, a sum, an index), without spaces, by where it is."""
    found = {}
    for exercise in EXERCISES.values():
        source = exercise.solution()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call | ast.BinOp | ast.Subscript | ast.Compare):
                code = "".join(ast.get_source_segment(source, node).split())
                if len(code) >= 12:
                    found[code] = f"{exercise.solution_path.name}:{node.lineno}"
    return found


def first_tiers() -> dict[str, dict]:
    """The entries that can be a hint's first tier: not an exercise's title or
    task, and not an entry that the code only names as a second tier."""
    fixes = tuple(fix_keys())
    return {
        key: entry
        for key, entry in catalogue().items()
        if not key.endswith((".title", ".task")) and not key.startswith(fixes)
    }


def fix_keys() -> set[str]:
    """The keys the code names as ``fix=`` entries (of an f-string, the part
    before its first value)."""
    keys = set()
    for path in CODE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "fix":
                value = node.value
                if isinstance(value, ast.JoinedStr):
                    value = value.values[0]
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    keys.add(value.value)
    return keys


def test_no_first_hint_contains_the_solutions_code():
    code = solution_code()
    assert len(code) > 50  # the solutions are there, and read
    given_away = [
        f"{key} ({lang}) gives away {where}: {snippet}"
        for key, entry in first_tiers().items()
        for lang in LANGUAGES
        for snippet, where in code.items()
        if snippet in "".join(entry[lang].split())
    ]
    assert not given_away, "\n".join(given_away)


# -- how a message is written -----------------------------------------------------


def test_the_second_tier_follows_the_first_only_when_asked_for():
    message = Message("common.value.none", {"call": "relu(x)"})
    first = say(message, "ko")
    assert first == "relu(x)이(가) None을 반환했습니다: `return`이 빠졌습니다."
    both = say(message, "ko", tiers=2)
    assert both.startswith(first + " ") and len(both) > len(first) + 10


def test_a_message_with_a_message_inside_survives_json_and_reads_in_korean():
    kind = Message("common.value.shape", {"shape": "(2, 3)"})
    message = Message(
        "common.value.wrong_kind",
        {"call": "f(x)", "got": "1", "got_kind": kind, "want": "2", "want_kind": kind},
    )
    again = Message.from_json(message.to_json())
    assert again == message
    assert say(again, "ko") == (
        "f(x)의 결과가 1(형상 (2, 3))입니다. 2(형상 (2, 3))이어야 합니다."
    )


words = st.text(st.sampled_from("가나다abc"), min_size=1, max_size=12)


@given(st.lists(words, min_size=1, max_size=40))
def test_a_wrapped_hint_keeps_its_words_within_72_columns(text_words):
    wrapped = wrap(" ".join(text_words), "  힌트: ")
    assert wrapped.split()[1:] == text_words
    for line in wrapped.splitlines():
        columns = sum(2 if HANGUL.match(c) else 1 for c in line)
        assert columns <= 72, wrapped
