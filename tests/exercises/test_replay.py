"""Verdicts come from the checker's own process: the learner's process only
sends what the learner's code answered (dlfs/exercises/_replay.py), so patching
NumPy or the checks there, or writing records, changes no verdict."""

from __future__ import annotations

import json

import hypothesis.extra.numpy as hnp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dlfs.exercises import check_source
from dlfs.exercises._judge import DIVERGED, verdict
from dlfs.exercises._replay import Diverged, Replay, decode, encode
from dlfs.exercises.catalog import EXERCISES

SMALL = "softmax(np.array([0.3, 2.9, 4.0]))"
ZEROS = "import numpy as np\n\ndef softmax(a):\n    return np.zeros_like(a)\n"


def words(text: str) -> str:
    return " ".join(text.split())


@given(
    hnp.arrays(
        st.sampled_from([np.float64, np.float32, np.int64, np.int8, np.bool_]),
        hnp.array_shapes(min_dims=0, max_dims=3, max_side=4),
    )
)
def test_an_array_comes_back_with_its_values_dtype_and_shape(array):
    back = decode(json.loads(json.dumps(encode(array))), [])
    assert back.dtype == array.dtype and back.shape == array.shape
    assert np.array_equal(back, array, equal_nan=array.dtype.kind == "f")


def test_tuples_dicts_and_numpy_scalars_come_back_as_they_were():
    value = ({"W": np.ones(2), "b": np.float32(0.5)}, [np.int64(3), None, "x"])
    back = decode(json.loads(json.dumps(encode(value))), [])
    assert isinstance(back, tuple) and isinstance(back[1], list)
    assert np.array_equal(back[0]["W"], np.ones(2))
    assert type(back[0]["b"]) is np.float32 and type(back[1][0]) is np.int64


@settings(max_examples=30)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "get",
                        "call",
                        "value",
                        "raise",
                        "changed",
                        "nd",
                        "dtype",
                        "shape",
                        "np",
                        "seq",
                        "tuple",
                        "dict",
                        "handle",
                        "type",
                        "message",
                        "frames",
                        "softmax",
                        "missing",
                    ]
                ),
                inner,
                max_size=4,
            )
        ),
        max_leaves=12,
    )
)
def test_any_log_is_judged_never_a_traceback_of_the_checker(log):
    """Whatever a learner's process sends as a log, each softmax check gives
    a pass or a fail record."""
    for what, check in EXERCISES["ch3.softmax"].checks:
        entries = log if isinstance(log, list) else [log]
        record = verdict(what, check, list(entries), __file__)
        assert record["event"] in ("pass", "fail")


def test_a_log_with_no_answer_left_diverges():
    with pytest.raises(Diverged):
        Replay([]).softmax  # noqa: B018


def test_patching_numpy_in_the_learners_process_changes_no_verdict():
    patch = "np.allclose = np.isclose = np.array_equal = lambda *a, **k: True\n"
    report = check_source("ch3.softmax", ZEROS + patch)
    assert report.status == 1
    assert f"FAIL  {SMALL}" in report.text


def test_patching_the_checks_changes_no_verdict():
    patch = (
        "from dlfs.exercises import catalog\n"
        "checks = catalog.EXERCISES['ch3.softmax'].checks\n"
        "checks[:] = [(what, lambda module: None) for what, _ in checks]\n"
        "del catalog, checks\n"
    )
    report = check_source("ch3.softmax", ZEROS + patch)
    assert report.status == 1, report.text


@pytest.mark.parametrize("fd", [3, 4])
def test_records_the_learner_writes_are_no_verdicts(fd):
    forged = [
        {"event": "pass", "check": what} for what, _ in EXERCISES["ch3.softmax"].checks
    ]
    source = (
        "import json, os\n"
        f"for record in {forged!r}:\n"
        "    try:\n"
        f"        os.write({fd}, (json.dumps(record) + '\\n').encode())\n"
        "    except OSError:\n"
        "        pass\n"
        "os._exit(0)\n"
    )
    report = check_source("ch3.softmax", source)
    assert report.status == 1
    assert "ok" not in report.text.split()


def test_a_forged_log_is_judged_as_the_answer_it_holds():
    answer = {"nd": [0.1, 0.2, 0.7], "dtype": "<f8", "shape": [3]}
    log = [
        {"get": "softmax", "value": {"handle": True}},
        {"call": True, "value": answer, "changed": {}},
    ]
    record = {"event": "log", "check": SMALL, "log": log}
    source = (
        "import os\n"
        f"os.write(3, ({json.dumps(record)!r} + '\\n').encode())\n"
        "os._exit(0)\n"
    )
    report = check_source("ch3.softmax", source)
    assert report.status == 1
    assert "gave [0.1, 0.2, 0.7]" in words(report.text)


def test_an_answer_that_diverges_is_a_failed_check():
    record = verdict(SMALL, EXERCISES["ch3.softmax"].checks[0][1], [{"get": "x"}], "")
    assert record == {
        "event": "fail",
        "check": SMALL,
        "hint": DIVERGED.to_json(),
        "traceback": "",
    }
