"""``python -m dlfs.exercises``: list, show and check, on learners' files.

The learners' files live in ``tests/exercises/ID/``: every ``right*.py`` must
pass its exercise, and every ``wrong_*.py`` must fail with the hint that its
docstring quotes.  They are checked in this process (``check_in_process``),
as is the command line up to the point where it starts the child process;
what needs that process (the time limit, ``exit()``, an import that fails,
what the learner prints, exit codes end to end) is checked through it.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pages import DOCS, ROOT, chapters

from dlfs.exercises import EXERCISES, check, check_source
from dlfs.exercises.in_process import check_in_process

SOLUTIONS = Path(__file__).resolve().parent


def words(text: str) -> str:
    """Text with every run of white space made one space, to compare wrapped text."""
    return " ".join(text.split())


def files(pattern: str) -> list[Path]:
    return sorted(SOLUTIONS.glob(f"*/{pattern}"))


def file_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def command(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    """``python -m dlfs.exercises ARGS`` in this process: (status, out, err)."""
    from dlfs.exercises.__main__ import main

    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """``python -m dlfs.exercises ARGS`` in a Python of its own."""
    return subprocess.run(
        [sys.executable, "-m", "dlfs.exercises", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


# -- every exercise: a right solution passes, a typical mistake gets its hint ---


def test_every_exercise_has_a_solution_in_both_languages_and_two_wrong_ones():
    for exercise_id, exercise in EXERCISES.items():
        assert exercise.solution_path.is_file(), f"{exercise_id}: no solution"
        assert exercise.solution_path.with_suffix(".ko.py").is_file(), exercise_id
        folder = SOLUTIONS / exercise_id
        assert len(list(folder.glob("wrong_*.py"))) >= 2, f"{exercise_id}: < 2 wrong"
    assert {p.name for p in SOLUTIONS.iterdir() if p.is_dir()} <= set(EXERCISES)


def right_answers() -> list:
    """The book's solutions (``dlfs/exercises/solutions/``), and other right
    answers (``tests/exercises/ID/right*.py``), as (id, path) pairs."""
    pairs = [(e.id, e.solution_path) for e in EXERCISES.values()]
    pairs += [(p.parent.name, p) for p in files("right*.py")]
    return [pytest.param(*pair, id=f"{pair[0]}/{pair[1].stem}") for pair in pairs]


@pytest.mark.parametrize(("exercise_id", "path"), right_answers())
@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_a_right_solution_passes_every_check_whatever_the_seed(exercise_id, path, seed):
    """The command draws a new seed each run: no seed may fail a right answer."""
    start = time.monotonic()
    report = check_in_process(exercise_id, path, seed=seed)
    assert report.status == 0, report.text
    last = report.text.splitlines()[-1]
    assert re.fullmatch(r"The check passed\.|All \d checks passed\.", last), last
    assert time.monotonic() - start < 5, "a check must take a few seconds at most"


def outline(report) -> list[str]:
    """Which checks of a report passed and which failed, without their words."""
    lines = report.text.splitlines()
    return [line[:6] for line in lines if line.startswith(("  ok  ", "  FAIL"))]


@pytest.mark.parametrize("path", files("wrong_*.py"), ids=file_id)
def test_a_typical_mistake_fails_with_the_hint_that_names_it_in_both_languages(path):
    expected = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert expected, f"{path.name} must quote its first hint in its docstring"
    report = check_in_process(path.parent.name, path)
    assert report.status == 1, report.text
    assert "FAIL" in report.text
    assert words(expected) in words(report.text)
    korean = check_in_process(path.parent.name, path, lang="ko")
    assert (korean.status, outline(korean)) == (report.status, outline(report))
    # each failure says in Korean what is wrong: the lines after its FAIL line
    # (or, for a name the file lacks, the FAIL line itself)
    failures = re.findall(
        r"^  FAIL  (.*)\n((?:  힌트: .*\n| {8}.*\n)*)", korean.text, re.M
    )
    assert failures, korean.text
    for name, hint in failures:
        assert re.search("[가-힣]", hint or name), korean.text


def korean_stub(exercise_id: str) -> Path:
    """The Korean twin of a starter file: comments and docstrings translated."""
    return EXERCISES[exercise_id].stub_path.with_suffix(".ko.py")


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_starter_stub_names_what_the_checks_expect_and_fails_as_a_stub(
    exercise_id, language
):
    stub = EXERCISES[exercise_id].stub_path
    path = stub if language == "en" else korean_stub(exercise_id)
    report = check_in_process(exercise_id, path)
    assert report.status == 1, report.text
    assert "No check was run" not in report.text
    assert "This is still the starter stub" in report.text


# -- what the report says about a learner's file (in-process) ------------------


def learner_file(tmp_path: Path, source: str, name: str = "mine.py") -> Path:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return path


def test_an_exception_in_the_learners_function_shows_the_learners_frames(tmp_path):
    source = (
        "import numpy as np\n\n\n"
        "def helper(a):\n    return a[5]\n\n\n"
        "def softmax(a):\n    return helper(a)\n"
    )
    path = learner_file(tmp_path, source)
    report = check_in_process("ch3.softmax", path)
    assert report.status == 1
    text = report.text
    assert "Your code raised IndexError" in text
    assert f'File "{path}", line 9, in softmax' in text
    assert f'File "{path}", line 5, in helper' in text
    assert "IndexError: index 5 is out of bounds" in text
    assert "_child.py" not in text and "dlfs/exercises" not in text


@pytest.mark.parametrize(
    "line", ["from dlfs import relu as r", "import dlfs.activations as r"]
)
def test_an_import_from_dlfs_inside_a_function_is_refused_too(tmp_path, line):
    call = "r.relu(x) if hasattr(r, 'relu') else r(x)"
    source = f"def relu(x):\n    {line}\n    return {call}\n"
    report = check_in_process("ch3.relu", learner_file(tmp_path, source))
    assert report.status == 1
    assert "import nothing from dlfs" in words(report.text)
    assert "No check was run" in report.text


def test_a_wrong_function_name_gets_the_expected_name(tmp_path):
    path = learner_file(tmp_path, "def soft_max(a):\n    return a\n")
    report = check_in_process("ch3.softmax", path)
    assert report.status == 1
    assert "Expected a function `softmax` in your file." in report.text
    assert "Your file defines: soft_max." in words(report.text)


def test_a_wrong_signature_gets_the_expected_one(tmp_path):
    path = learner_file(tmp_path, "def gradient_descent(f, x):\n    return x\n")
    report = check_in_process("ch4.gradient_descent", path)
    assert report.status == 1
    assert (
        "`gradient_descent` must be callable as "
        "`gradient_descent(f, init_x, lr=0.01, step_num=100)` (yours is "
        "`gradient_descent(f, x)`): write "
        "`def gradient_descent(f, init_x, lr=0.01, step_num=100):`."
    ) in words(report.text)


def test_a_method_with_the_wrong_signature_gets_the_expected_one(tmp_path):
    source = (
        "class MulLayer:\n"
        "    def forward(self, x, y):\n        return x * y\n\n"
        "    def backward(self):\n        return 0, 0\n"
    )
    report = check_in_process("ch5.mul_layer", learner_file(tmp_path, source))
    assert report.status == 1
    assert (
        "`MulLayer.backward` must be callable as `backward(dout)` (yours is "
        "`backward(self)`): write `def backward(self, dout)`."
    ) in words(report.text)


def test_a_missing_class_gets_the_expected_class(tmp_path):
    report = check_in_process(
        "ch5.add_layer", learner_file(tmp_path, "class Add:\n    pass\n")
    )
    assert report.status == 1
    assert "Expected a class `AddLayer` in your file." in report.text
    assert "Your file defines: Add." in words(report.text)


def test_a_value_of_the_wrong_shape_is_reported_with_both_shapes(tmp_path):
    source = (
        "import numpy as np\n\n\ndef sum_squared_error(y, t):\n"
        "    return np.array([0.5 * np.sum((y - t) ** 2)])\n"
    )
    report = check_in_process("ch4.sum_squared_error", learner_file(tmp_path, source))
    assert report.status == 1
    assert (
        "sum_squared_error(y, t) gave [0.0975] (shape (1,)), expected 0.0975 "
        "(a single number)."
    ) in words(report.text)


@settings(max_examples=200, deadline=None)
@given(
    gate=st.sampled_from(["AND", "NAND", "OR", "XOR"]),
    w1=st.floats(-2, 2),
    w2=st.floats(-2, 2),
    b=st.floats(-2, 2),
)
def test_a_gate_hint_names_exactly_the_inputs_it_gets_wrong(gate, w1, w2, b):
    from types import ModuleType

    from dlfs.exercises._core import Fail
    from dlfs.exercises.ch2 import INPUTS, TABLES, check_gate

    module = ModuleType("learner")
    setattr(module, gate, lambda x1, x2: int(w1 * x1 + w2 * x2 + b > 0))
    got = [int(w1 * x1 + w2 * x2 + b > 0) for x1, x2 in INPUTS]
    wrong = [x for x, g, t in zip(INPUTS, got, TABLES[gate], strict=True) if g != t]
    if not wrong:
        check_gate(module, gate)
        return
    with pytest.raises(Fail) as failure:
        check_gate(module, gate)
    named = failure.value.hint.split(" but wrong for ")[1].split(":")[0]
    assert named == ", ".join(map(str, wrong))


# -- the command line: list, show, and what it refuses before checking ---------


def test_list_prints_every_id_with_its_title(capsys):
    status, out, err = command(capsys, "list")
    assert status == 0, err
    lines = out.splitlines()
    assert len(lines) == len(EXERCISES)
    for line, exercise in zip(lines, EXERCISES.values(), strict=True):
        exercise_id, title = line.split(maxsplit=1)
        assert (exercise_id, title) == (exercise.id, exercise.title)
    assert {line.split(".")[0] for line in lines} == {"ch2", "ch3", "ch4", "ch5"}


def test_show_prints_the_task_the_stub_and_the_check_command(capsys):
    status, out, _ = command(capsys, "show", "ch3.softmax")
    assert status == 0
    exercise = EXERCISES["ch3.softmax"]
    assert out.startswith(f"ch3.softmax: {exercise.title}\n")
    assert words(exercise.task) in words(out)
    assert exercise.stub() in out
    assert "python -m dlfs.exercises check ch3.softmax FILE.py" in out


def test_show_solution_prints_the_worked_solution_in_the_language_asked(capsys):
    exercise = EXERCISES["ch2.xor_gate"]
    status, out, _ = command(capsys, "show", "ch2.xor_gate", "--solution")
    assert status == 0
    assert exercise.solution() in out and exercise.stub() not in out
    status, out, _ = command(
        capsys, "show", "ch2.xor_gate", "--solution", "--lang", "ko"
    )
    assert status == 0
    assert exercise.solution("ko") in out
    assert out.startswith(f"ch2.xor_gate: {exercise.text('title', 'ko')}\n")


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "ko_KR.UTF-8", "LC_ALL": "C.UTF-8"}, "en"),
        ({"LC_MESSAGES": "ko_KR", "LANG": "en_US"}, "ko"),
        ({"LANGUAGE": "ko:en", "LANG": "en_US.UTF-8"}, "ko"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_a_korean_locale_gives_korean_titles_unless_lang_says_otherwise(
    environment, language, capsys, monkeypatch
):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    exercise = EXERCISES["ch3.relu"]
    _, out, _ = command(capsys, "list")
    titles = dict(line.split(maxsplit=1) for line in out.splitlines())
    assert titles["ch3.relu"] == exercise.text("title", language)
    _, out, _ = command(capsys, "list", "--lang", "en")
    titles = dict(line.split(maxsplit=1) for line in out.splitlines())
    assert titles["ch3.relu"] == exercise.title


def test_hint_2_adds_how_to_fix_each_mistake_after_what_is_wrong(capsys):
    wrong = str(SOLUTIONS / "ch3.softmax/wrong_naive.py")
    first = command(capsys, "check", "ch3.softmax", wrong, "--seed", "0")
    second = command(
        capsys, "check", "ch3.softmax", wrong, "--seed", "0", "--hint", "2"
    )
    assert first[0] == second[0] == 1
    once, more_help = first[1].split("\n(`--hint 2`")
    assert "show ch3.softmax --solution` shows" in words(more_help)
    fixes = [line for line in second[1].splitlines() if line.startswith("  fix:")]
    assert fixes, second[1]
    without_fixes = re.sub(r"\n  fix: .*(\n {8}.*)*", "", second[1])
    assert without_fixes == once + "\n"


@pytest.mark.parametrize("args", [["show", "ch3.sofmax"], ["check", "ch9.x", "f.py"]])
def test_an_unknown_id_exits_2_and_says_how_to_list_the_known_ones(args, capsys):
    status, out, err = command(capsys, *args)
    assert (status, out) == (2, "")
    assert f"Unknown exercise id '{args[1]}'" in err
    assert "python -m dlfs.exercises list" in err


def test_a_missing_file_exits_2_naming_it(tmp_path, capsys):
    status, _, err = command(capsys, "check", "ch3.relu", str(tmp_path / "nope.py"))
    assert status == 2
    assert "No such file" in err and "nope.py" in err


def test_a_file_that_is_not_python_exits_2(tmp_path, capsys):
    notebook = learner_file(tmp_path, "{}", name="relu.ipynb")
    status, _, err = command(capsys, "check", "ch3.relu", str(notebook))
    assert status == 2
    assert "is not a Python file" in err


# -- check, through the child process: exit codes, and files that misbehave ----


def test_check_exits_0_when_every_check_passes():
    result = run_cli(
        "check", "ch3.softmax", str(EXERCISES["ch3.softmax"].solution_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-2] == "All 3 checks passed."
    assert result.stderr == ""


def test_check_prints_its_new_seed_and_the_seed_repeats_the_run():
    wrong = str(SOLUTIONS / "ch3.softmax/wrong_subtracts_the_minimum.py")
    first = run_cli("check", "ch3.softmax", wrong)
    *report, last = first.stdout.splitlines()
    seed = re.fullmatch(
        r"\(Random inputs from seed (\d+): --seed \1 repeats this run\.\)", last
    )
    assert seed, last
    again = run_cli("check", "ch3.softmax", wrong, "--seed", seed[1])
    assert again.stdout.splitlines() == report
    assert again.returncode == first.returncode == 1


def test_check_exits_1_and_prints_the_hint_when_a_check_fails():
    wrong = SOLUTIONS / "ch3.softmax/wrong_naive.py"
    result = run_cli("check", "ch3.softmax", str(wrong), "--seed", "0", "--hint", "2")
    assert result.returncode == 1
    assert "  ok    softmax(np.array([0.3, 2.9, 4.0]))" in result.stdout
    assert "fix: Subtract the maximum first" in words(result.stdout)
    assert result.stdout.splitlines()[-1] == "2 of 3 checks failed."
    # the fixtures are checked in this process: it must say what the child says
    in_process = check_in_process("ch3.softmax", wrong, hint=2)
    assert result.stdout == in_process.text + "\n"


def test_an_import_error_exits_2_with_only_the_learners_traceback(tmp_path):
    path = learner_file(tmp_path, "import numpy as np\n\nimport nump\n")
    result = run_cli("check", "ch3.relu", str(path))
    assert result.returncode == 2
    assert "Your file could not be imported" in result.stderr
    assert f'File "{path}", line 3, in <module>' in result.stderr
    assert "ModuleNotFoundError: No module named 'nump'" in result.stderr
    assert "dlfs" not in result.stderr.replace("dlfs.exercises", "")
    assert "importlib" not in result.stderr


def test_a_syntax_error_exits_2_showing_the_line(tmp_path):
    path = learner_file(tmp_path, "def relu(x)\n    return x\n")
    result = run_cli("check", "ch3.relu", str(path))
    assert result.returncode == 2
    assert "SyntaxError" in result.stderr and "def relu(x)" in result.stderr


def test_an_endless_loop_is_stopped_after_the_time_limit(tmp_path):
    source = "def relu(x):\n    i = 0\n    while i < 10:\n        x = x + 0\n"
    path = learner_file(tmp_path, source)
    start = time.monotonic()
    result = run_cli("check", "ch3.relu", str(path), "--timeout", "1.5", "--hint", "2")
    assert time.monotonic() - start < 10
    assert result.returncode == 1
    assert "FAIL  relu(np.array([-2.0, 0.0, 3.0]))" in result.stdout
    assert "Stopped after 1.5 s in this check" in words(result.stdout)
    assert "fix: Look for a loop that never ends" in words(result.stdout)


def test_an_endless_loop_at_import_time_is_stopped_too(tmp_path):
    path = learner_file(tmp_path, "while True:\n    pass\n")
    result = run_cli("check", "ch3.relu", str(path), "--timeout", "1", "--seed", "0")
    assert result.returncode == 1
    assert "Stopped after 1 s while your file was imported" in words(result.stdout)
    assert "\n1 of 1 checks did not run.\n" in result.stdout


def test_what_the_learner_prints_does_not_break_the_report(tmp_path):
    source = (
        'import numpy as np\nprint(\'{"event": "pass"}\')\n\n\n'
        "def relu(x):\n    print('debug', x)\n    return np.maximum(0, x)\n"
    )
    result = run_cli("check", "ch3.relu", str(learner_file(tmp_path, source)))
    assert result.returncode == 0, result.stdout
    assert "debug" in result.stderr and "debug" not in result.stdout


def test_a_function_that_calls_exit_is_told_to_return(tmp_path):
    source = "import sys\n\n\ndef relu(x):\n    sys.exit(3)\n"
    report = check("ch3.relu", learner_file(tmp_path, source))
    assert report.status == 1
    assert "raised SystemExit, which ends a program" in words(report.text)


def test_a_function_that_ends_the_process_is_reported_with_its_status(tmp_path):
    source = "import os\n\n\ndef relu(x):\n    os._exit(4)\n"
    report = check("ch3.relu", learner_file(tmp_path, source))
    assert report.status == 1
    text = words(report.text)
    assert "ended the Python process (exit status 4) in this check" in text


def test_check_source_checks_text_as_a_file():
    report = check_source("ch3.relu", "import numpy as np\nrelu = np.abs\n")
    assert report.status == 1
    assert re.search(
        r"relu\(\[-2\.0, 0\.0, 3\.0\]\) gave \[2\., 0\., 3\.\]", report.text
    )


# -- old names that still work -------------------------------------------------


def test_the_old_id_of_the_sum_of_squares_exercise_still_checks_and_shows(capsys):
    right = EXERCISES["ch4.sum_squared_error"].solution_path
    result = run_cli("check", "ch4.mean_squared_error", str(right))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ch4.sum_squared_error: ")
    status, shown, err = command(capsys, "show", "ch4.mean_squared_error")
    assert status == 0, err
    assert "def sum_squared_error(y, t):" in shown


def test_a_file_with_neither_name_is_told_the_new_one(tmp_path):
    report = check_in_process(
        "ch4.sum_squared_error", learner_file(tmp_path, "sse = 1\n")
    )
    assert report.status == 1
    assert "Expected a function `sum_squared_error` in your file." in report.text


# -- the exercise pages, the built site and the wheel --------------------------


CHAPTERS = chapters()


def page(chapter: str, language: str = "en") -> str:
    name = "exercises.md" if language == "en" else f"exercises.{language}.md"
    return (DOCS / chapter / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_page_has_at_least_six_exercises_of_both_kinds(chapter):
    text = page(chapter)
    questions = re.findall(r'^!!! question "Question \d\.\d+: ', text, re.MULTILINE)
    answers = re.findall(r'^\?\?\? success "Answer"$', text, re.MULTILINE)
    programming = re.findall(r"^### Exercise \d\.\d+: ", text, re.MULTILINE)
    assert len(questions) >= 2 and len(answers) == len(questions)
    assert len(programming) >= 4
    assert len(questions) + len(programming) >= 6
    numbers = re.findall(r"(?:Question|Exercise) (\d)\.(\d+):", text)
    assert [int(n) for c, n in numbers] == list(range(1, len(numbers) + 1))
    assert {c for c, n in numbers} == {chapter[2]}


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_page_includes_the_stub_and_shows_the_check_command(exercise_id, language):
    """The Korean page includes the Korean twin of the starter file."""
    text = page(exercise_id.split(".")[0], language)
    path = EXERCISES[exercise_id].stub_path
    path = path if language == "en" else korean_stub(exercise_id)
    stub = path.relative_to(ROOT).as_posix()
    include = re.search(
        rf'```python title="(\w+\.py)"\n--8<-- "{re.escape(stub)}"\n```\n\n'
        rf"```bash\npython -m dlfs.exercises check {re.escape(exercise_id)} (\S+)\n",
        text,
    )
    assert include, f"{exercise_id}: no stub include followed by its check command"
    assert include.group(1) == include.group(2), "the command names the stub's file"


def test_every_exercise_page_is_in_the_navigation_after_the_chapter_pages():
    from pages import nav_pages

    pages = nav_pages()
    for chapter in CHAPTERS:
        index = pages.index(f"{chapter}/exercises.md")
        assert pages[index + 1] == f"notebooks/{chapter}.py"


def test_an_installed_wheel_ships_the_checker_and_its_stubs(wheel, tmp_path):
    """The stubs are package data: ``show`` and ``check`` work outside the clone."""
    import os
    import zipfile

    import numpy as np

    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "unpacked")
    for exercise in EXERCISES.values():
        assert f"dlfs/exercises/stubs/{exercise.stub_path.name}" in names
        assert f"dlfs/exercises/stubs/{korean_stub(exercise.id).name}" in names

    numpy_home = Path(np.__file__).resolve().parents[1]
    path = os.pathsep.join([str(tmp_path / "unpacked"), str(numpy_home)])
    env = {**os.environ, "PYTHONPATH": path, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}

    def run(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-S", "-m", "dlfs.exercises", *args]
        return subprocess.run(
            command, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60
        )

    shown = run("show", "ch5.affine_layer")
    assert shown.returncode == 0, shown.stderr
    assert "class Affine:" in shown.stdout
    checked = run("check", "ch3.relu", str(EXERCISES["ch3.relu"].solution_path))
    assert checked.returncode == 0, checked.stdout + checked.stderr
