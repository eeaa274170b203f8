"""The shipped pretrained weights, the pickle-free .npz + .json pair, its record."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import shutil
import stat
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import dlfs
from dlfs.datasets import MNIST_FILES
from dlfs.nets import MultiLayerNet
from dlfs.train import TrainingLog
from dlfs.weights import (
    WeightsChecksumError,
    WeightsFormatError,
    load_provenance,
    load_weights,
    save_weights,
    sha256_of,
    training_record,
    weights_path,
)

SHAPES = {
    "W1": (784, 50),
    "b1": (50,),
    "W2": (50, 100),
    "b2": (100,),
    "W3": (100, 10),
    "b3": (10,),
}


def file_sha256(path: Path) -> str:
    """SHA-256 computed here, independently of ``dlfs.weights.sha256_of``."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def copy_shipped(folder: Path, *, npz: bool = True, json_: bool = True) -> Path:
    """Copy the shipped .npz and/or .json into ``folder``; return the .npz path."""
    source = weights_path()
    target = folder / source.name
    if npz:
        shutil.copyfile(source, target)
    if json_:
        shutil.copyfile(source.with_suffix(".json"), target.with_suffix(".json"))
    return target


def small_params() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(7)
    return {
        "W1": rng.standard_normal((3, 4)).astype(np.float32),
        "b1": np.arange(4, dtype=np.float32),
        "W2": rng.standard_normal((4, 2)),  # float64 stays float64
        "b2": np.array([0.5, -0.5]),
    }


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


# --------------------------------------------------------------------------
# The shipped chapter 3 weights
# --------------------------------------------------------------------------


def test_shipped_weights_are_w1_to_b3_float32_with_the_784_50_100_10_shapes():
    params = load_weights()
    assert {key: value.shape for key, value in params.items()} == SHAPES
    assert {str(value.dtype) for value in params.values()} == {"float32"}
    assert all(np.isfinite(value).all() for value in params.values())
    assert float(np.abs(params["W1"]).max()) > 0  # trained, not all zeros


def test_provenance_records_architecture_data_and_hyperparameters():
    record = load_provenance()
    assert record["architecture"]["sizes"] == [784, 50, 100, 10]
    assert record["architecture"]["hidden_activation"] == "sigmoid"
    assert record["dataset"]["files"] == {
        spec.filename: spec.sha256 for spec in MNIST_FILES.values()
    }
    training = record["training"]
    assert isinstance(training["seed"], int)
    assert training["lr"] > 0
    assert isinstance(training["batch_size"], int)
    assert training["batch_size"] > 0
    assert training["epochs"] > 0
    assert training["iterations"] == round(
        training["epochs"] * -(-60000 // training["batch_size"])
    )


def test_provenance_per_epoch_lists_match_and_end_at_the_final_accuracy():
    record = load_provenance()
    per_epoch = record["per_epoch"]
    n = len(per_epoch["iterations"])
    assert n == round(record["training"]["epochs"])
    assert len(per_epoch["loss"]) == n
    assert len(per_epoch["train_acc"]) == n
    assert len(per_epoch["test_acc"]) == n
    assert per_epoch["iterations"][-1] == record["training"]["iterations"]
    assert record["final_test_accuracy"] == per_epoch["test_acc"][-1]
    assert all(0 <= acc <= 1 for acc in per_epoch["train_acc"] + per_epoch["test_acc"])
    assert per_epoch["loss"][-1] < per_epoch["loss"][0]


def test_shipped_npz_loads_without_pickle_and_holds_no_object_arrays():
    with np.load(weights_path(), allow_pickle=False) as data:
        assert sorted(data.files) == sorted(SHAPES)
        arrays = {key: data[key] for key in data.files}
    assert all(value.dtype != object for value in arrays.values())
    assert all(value.dtype.kind == "f" for value in arrays.values())
    with zipfile.ZipFile(weights_path()) as archive:
        assert sorted(archive.namelist()) == sorted(f"{key}.npy" for key in SHAPES)


# --------------------------------------------------------------------------
# Refusing damaged or incomplete files
# --------------------------------------------------------------------------


def test_one_flipped_byte_raises_checksum_error_naming_file_and_both_hashes(
    tmp_path,
):
    npz = copy_shipped(tmp_path)
    data = bytearray(npz.read_bytes())
    data[len(data) // 2] ^= 0xFF
    npz.write_bytes(bytes(data))
    expected = load_provenance(npz)["sha256"]
    actual = file_sha256(npz)
    assert actual != expected

    with pytest.raises(WeightsChecksumError) as info:
        load_weights(npz)
    message = str(info.value)
    assert str(npz) in message
    assert expected in message
    assert actual in message
    assert isinstance(info.value, ValueError)


def test_missing_json_raises_file_not_found_naming_the_json(tmp_path):
    npz = copy_shipped(tmp_path, json_=False)
    with pytest.raises(FileNotFoundError) as info:
        load_weights(npz)
    assert str(npz.with_suffix(".json")) in str(info.value)
    with pytest.raises(FileNotFoundError, match=r"\.json"):
        load_provenance(npz)


def test_missing_npz_raises_file_not_found_naming_the_npz(tmp_path):
    npz = copy_shipped(tmp_path, npz=False)
    with pytest.raises(FileNotFoundError) as info:
        load_weights(npz)
    assert str(npz) in str(info.value)


def test_pickled_object_array_is_refused_even_with_a_matching_checksum(tmp_path):
    npz = tmp_path / "evil.npz"
    np.savez(npz, W1=np.array([{"a": 1}], dtype=object))  # needs pickle to load
    npz.with_suffix(".json").write_text(json.dumps({"sha256": file_sha256(npz)}))
    with pytest.raises(ValueError, match="allow_pickle"):
        load_weights(npz)


def test_invalid_json_record_raises_a_format_error_naming_the_json(tmp_path):
    npz = copy_shipped(tmp_path)
    npz.with_suffix(".json").write_text('{"sha256": "abc",')  # cut short
    with pytest.raises(WeightsFormatError) as info:
        load_weights(npz)
    message = str(info.value)
    assert str(npz.with_suffix(".json")) in message
    assert "not valid JSON" in message
    assert "python -m dlfs train --output" in message  # how to make it again
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("text", ["[1, 2]", '{"file": "w.npz"}', '{"sha256": 3}'])
def test_a_json_record_without_a_sha256_string_is_refused_by_name(tmp_path, text):
    npz = copy_shipped(tmp_path)
    npz.with_suffix(".json").write_text(text)
    with pytest.raises(WeightsFormatError, match="no 'sha256'") as info:
        load_weights(npz)
    assert str(npz.with_suffix(".json")) in str(info.value)


def write_pair(npz: Path, **arrays: np.ndarray) -> Path:
    """A .npz written without save_weights, with a record whose checksum fits."""
    np.savez_compressed(npz, **arrays)
    npz.with_suffix(".json").write_text(json.dumps({"sha256": file_sha256(npz)}))
    return npz


def test_a_small_file_that_declares_huge_arrays_is_refused_before_allocating(
    tmp_path, monkeypatch
):
    # 2 GiB of zeros compresses to 2 MB; a lower limit shows the same rule
    # with a file of 16 kB that declares 8 MB
    monkeypatch.setattr("dlfs.weights.MAX_WEIGHTS_BYTES", 2**20)
    npz = write_pair(tmp_path / "w.npz", W1=np.zeros(2**20))
    allocated = []
    monkeypatch.setattr(np, "load", lambda *a, **k: allocated.append(a))
    with pytest.raises(WeightsFormatError, match=r"declares 8388608 bytes of arrays"):
        load_weights(npz)
    assert not allocated and npz.stat().st_size < 2**15


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_nan_or_infinite_parameters_are_refused_on_load_and_on_save(tmp_path, bad):
    params = {"W1": np.array([[1.0, bad]]), "b1": np.zeros(2)}
    npz = write_pair(tmp_path / "w.npz", **params)
    with pytest.raises(WeightsFormatError, match="W1 hold NaN or infinite values"):
        load_weights(npz)
    with pytest.raises(WeightsFormatError, match="W1 hold NaN or infinite values"):
        save_weights(tmp_path / "new.npz", params, {})
    assert not (tmp_path / "new.npz").exists()
    assert not (tmp_path / "new.json").exists()


@pytest.mark.parametrize(
    "names", [["W1", "b1", "W2"], ["W1", "W2", "b2"], ["W1", "b1", "W3", "b3"], ["b1"]]
)
def test_layers_that_do_not_pair_up_are_refused_on_load_and_on_save(tmp_path, names):
    # predict counts the arrays: without b2, it silently dropped W2.
    params = {name: np.ones((2, 2)) for name in names}
    npz = write_pair(tmp_path / "w.npz", **params)
    message = rf"holds {', '.join(sorted(names))}: a network's parameters are W1\.\."
    with pytest.raises(WeightsFormatError, match=message):
        load_weights(npz)
    with pytest.raises(WeightsFormatError, match=message):
        save_weights(tmp_path / "new.npz", params, {})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.json", "w.npz"]


def test_zip_members_that_are_not_arrays_are_refused_naming_one(tmp_path):
    # They used to load as bytes.
    npz = tmp_path / "w.npz"
    with zipfile.ZipFile(npz, "w") as archive:
        archive.writestr("W1", b"not an array")
        archive.writestr("notes.txt", b"hello")
    npz.with_suffix(".json").write_text(json.dumps({"sha256": file_sha256(npz)}))
    with pytest.raises(WeightsFormatError, match=r": W1 is not a \.npy array"):
        load_weights(npz)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_record_that_is_not_strict_json_is_refused(tmp_path, constant):
    npz = copy_shipped(tmp_path)
    record = json.loads(npz.with_suffix(".json").read_text())
    text = json.dumps(record)[:-1] + f', "accuracy": {constant}}}'
    npz.with_suffix(".json").write_text(text)
    with pytest.raises(WeightsFormatError, match="is not valid JSON"):
        load_weights(npz)
    # nor is such a record written (it used to write a bare NaN token)
    with pytest.raises(ValueError, match="not JSON compliant"):
        save_weights(tmp_path / "new.npz", small_params(), {"acc": float(constant)})
    assert not (tmp_path / "new.npz").exists()
    assert not (tmp_path / "new.json").exists()


def test_a_npy_renamed_to_npz_is_refused_as_not_an_archive(tmp_path):
    # Even with a record whose checksum matches, a bare .npy is not a pair member.
    npz = tmp_path / "w.npz"
    with open(npz, "wb") as f:
        np.save(f, np.eye(3))
    npz.with_suffix(".json").write_text(json.dumps({"sha256": file_sha256(npz)}))
    with pytest.raises(WeightsFormatError) as info:
        load_weights(npz)
    message = str(info.value)
    assert str(npz) in message
    assert "not a .npz archive" in message
    assert ".npy" in message


def test_passing_the_json_member_of_the_pair_names_the_npz_to_pass(tmp_path):
    npz = copy_shipped(tmp_path)
    for load in (load_weights, load_provenance):
        with pytest.raises(WeightsFormatError) as info:
            load(npz.with_suffix(".json"))
        message = str(info.value)
        assert "checksum" not in message.lower()
        assert "provenance record" in message
        assert str(npz) in message  # the file to pass instead


def test_a_folder_named_like_weights_is_not_found_rather_than_a_crash(tmp_path):
    (tmp_path / "w.npz").mkdir()
    with pytest.raises(FileNotFoundError, match=r"w\.npz"):
        load_weights(tmp_path / "w.npz")


# --------------------------------------------------------------------------
# save_weights
# --------------------------------------------------------------------------


def test_save_then_load_round_trips_values_dtypes_and_provenance(tmp_path):
    params = small_params()
    path = tmp_path / "tiny.npz"
    record = save_weights(path, params, {"note": "round trip", "seed": 7})

    loaded = load_weights(path)
    assert sorted(loaded) == sorted(params)
    for key, value in params.items():
        assert loaded[key].dtype == value.dtype
        np.testing.assert_array_equal(loaded[key], value)

    assert record == {
        "note": "round trip",
        "seed": 7,
        "file": "tiny.npz",
        "sha256": file_sha256(path),
    }
    assert load_provenance(path) == record
    assert json.loads(path.with_suffix(".json").read_text()) == record


# Any names but a layer's W1..Wn/b1..bn, whose pairing is a rule of its own
# (test_layers_that_do_not_pair_up_are_refused_on_load_and_on_save).
PARAMS = st.dictionaries(
    st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,8}", fullmatch=True).filter(
        lambda name: not re.fullmatch(r"[Wb][1-9]\d*", name)
    ),
    hnp.arrays(
        dtype=st.sampled_from([np.float32, np.float64, np.int64]),
        shape=hnp.array_shapes(min_dims=0, max_dims=3, max_side=5),
        elements={"allow_nan": False, "allow_infinity": False},
    ),
    max_size=5,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(params=PARAMS)
def test_any_arrays_round_trip_bit_for_bit_with_the_recorded_sha256(tmp_path, params):
    path = tmp_path / "any.npz"
    record = save_weights(path, params, {"n": len(params)})
    loaded = load_weights(path)
    assert sorted(loaded) == sorted(params)
    for key, value in params.items():
        assert loaded[key].dtype == value.dtype
        assert loaded[key].shape == value.shape
        assert loaded[key].tobytes() == value.tobytes()  # -0.0 too
    assert record["sha256"] == file_sha256(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["any.json", "any.npz"]


def test_save_creates_missing_parent_folders(tmp_path):
    path = tmp_path / "a" / "b" / "w.npz"
    save_weights(path, small_params(), {})
    np.testing.assert_array_equal(load_weights(path)["b2"], [0.5, -0.5])


def test_saved_files_have_normal_permissions_not_private_ones(tmp_path, umask_022):
    path = tmp_path / "w.npz"
    save_weights(path, small_params(), {})
    for written in (path, path.with_suffix(".json")):
        mode = stat.S_IMODE(written.stat().st_mode)
        assert mode & 0o044 != 0, oct(mode)
        assert mode == 0o644, oct(mode)


def test_saving_the_same_params_twice_gives_the_same_sha256(tmp_path, monkeypatch):
    first = save_weights(tmp_path / "first.npz", small_params(), {"run": 1})
    # A later save (here: 400 days later) must not embed a different timestamp.
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 400 * 86400)
    second = save_weights(tmp_path / "second.npz", small_params(), {"run": 2})
    again = save_weights(tmp_path / "first.npz", small_params(), {"run": 3})

    assert first["sha256"] == second["sha256"] == again["sha256"]
    assert file_sha256(tmp_path / "first.npz") == file_sha256(tmp_path / "second.npz")
    changed = {**small_params(), "b2": np.array([0.5, -0.25])}
    other = save_weights(tmp_path / "other.npz", changed, {})
    assert other["sha256"] != first["sha256"]


def test_failed_write_leaves_no_file_and_no_temp_file(tmp_path, monkeypatch):
    def broken_savez(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez", broken_savez)
    with pytest.raises(OSError, match="disk full"):
        save_weights(tmp_path / "w.npz", small_params(), {})
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_failed_write_keeps_the_previous_weights_intact(tmp_path, monkeypatch):
    path = tmp_path / "w.npz"
    record = save_weights(path, small_params(), {"version": 1})

    def broken_savez(file, *args, **kwargs):
        file.write(b"PK\x03\x04 half a zip")
        raise KeyboardInterrupt

    monkeypatch.setattr(np, "savez", broken_savez)
    with pytest.raises(KeyboardInterrupt):
        save_weights(path, {"W1": np.zeros(3)}, {"version": 2})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.json", "w.npz"]
    assert file_sha256(path) == record["sha256"]
    assert load_provenance(path)["version"] == 1
    np.testing.assert_array_equal(load_weights(path)["b2"], [0.5, -0.5])


def test_unserialisable_provenance_fails_without_replacing_the_saved_pair(tmp_path):
    # np.float32 is not JSON-serialisable: the save must fail as a whole,
    # not after the new .npz has already replaced the old one.
    path = tmp_path / "w.npz"
    save_weights(path, small_params(), {"lr": 0.1})
    with pytest.raises(TypeError):
        save_weights(path, {"W1": np.zeros(3)}, {"lr": np.float32(0.1)})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.json", "w.npz"]
    np.testing.assert_array_equal(load_weights(path)["b2"], [0.5, -0.5])


def test_save_refuses_a_path_whose_record_would_be_itself(tmp_path):
    for name in ("w.json", "w"):
        with pytest.raises(ValueError, match=r"must end in \.npz"):
            save_weights(tmp_path / name, small_params(), {})
    assert list(tmp_path.iterdir()) == []


def test_failure_between_the_two_writes_keeps_the_previous_pair(tmp_path, monkeypatch):
    # The .npz is complete when the .json write fails: neither may replace
    # the previous pair, and no temporary file may stay behind.
    path = tmp_path / "w.npz"
    record = save_weights(path, small_params(), {"version": 1})
    real_dumps = json.dumps

    def dumps_then_fail(obj, **kwargs):
        if kwargs.get("indent"):  # the record text, after the .npz is staged
            raise KeyboardInterrupt
        return real_dumps(obj, **kwargs)

    monkeypatch.setattr(json, "dumps", dumps_then_fail)
    with pytest.raises(KeyboardInterrupt):
        save_weights(path, {"W1": np.zeros(3)}, {"version": 2})
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.json", "w.npz"]
    assert file_sha256(path) == record["sha256"]
    assert load_provenance(path)["version"] == 1
    np.testing.assert_array_equal(load_weights(path)["b2"], [0.5, -0.5])


def test_failure_when_renaming_leaves_no_new_folders_or_temp_files(
    tmp_path, monkeypatch
):
    def no_rename(*args):
        raise OSError("read-only file system")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(OSError, match="read-only"):
        save_weights(tmp_path / "new" / "deeper" / "w.npz", small_params(), {})
    assert list(tmp_path.iterdir()) == []


def test_object_arrays_are_refused_on_save_and_nothing_is_written(tmp_path):
    with pytest.raises(ValueError, match="allow_pickle"):
        save_weights(tmp_path / "w.npz", {"W1": np.array([None, 1])}, {})
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------
# The provenance record of a training run
# --------------------------------------------------------------------------


def tiny_run() -> tuple[MultiLayerNet, TrainingLog]:
    """A 4-5-3-2 ReLU float32 network and a hand-made log: 2 epochs and a half."""
    net = MultiLayerNet(4, [5, 3], 2, "he", activation="relu", seed=0, dtype="float32")
    log = TrainingLog(
        loss=[4.0, 2.0, 3.0, 1.0, 6.0],
        eval_iterations=[2, 4, 5],
        train_acc=[0.5, 0.75, 1.0],
        test_acc=[0.25, 0.5, 0.625],
        iters_per_epoch=2,
    )
    return net, log


SETTINGS = dict(
    command="python -m dlfs train --hidden 5 3",
    weight_init="he",
    seed=7,
    lr=0.5,
    batch_size=30,
    train_samples=60,
    test_samples=8,
    seconds=12.345,
)


def test_training_record_holds_the_settings_and_what_network_and_log_say(tmp_path):
    net, log = tiny_run()
    record = training_record(net, log, **SETTINGS, data_dir=tmp_path)
    assert record == {
        "description": "MNIST classifier 4-5-3-2, relu hidden layers, softmax "
        "output, trained by dlfs (backprop, mini-batch SGD)",
        "command": "python -m dlfs train --hidden 5 3",
        "architecture": {
            "sizes": [4, 5, 3, 2],
            "hidden_activation": "relu",
            "output": "softmax",
            "weight_init": "he",
        },
        "dataset": {
            "name": "MNIST",
            "train_samples": 60,
            "test_samples": 8,
            "normalize": True,
            "data_dir": str(tmp_path),
            "files": {spec.filename: spec.sha256 for spec in MNIST_FILES.values()},
        },
        "training": {
            "seed": 7,
            "optimizer": "SGD",
            "lr": 0.5,
            "batch_size": 30,
            "iterations": 5,
            "epochs": 2.5,
            "dtype": "float32",
            "seconds": 12.3,
        },
        "per_epoch": {
            "iterations": [2, 4, 5],
            "loss": [3.0, 2.0, 6.0],
            "train_acc": [0.5, 0.75, 1.0],
            "test_acc": [0.25, 0.5, 0.625],
        },
        "final_test_accuracy": 0.625,
        "versions": {
            "dlfs": dlfs.__version__,
            "numpy": np.__version__,
            "python": platform.python_version(),
        },
    }
    saved = save_weights(tmp_path / "w.npz", net.params, record)
    assert (
        load_provenance(tmp_path / "w.npz")
        == saved
        == {
            **record,
            "file": "w.npz",
            "sha256": sha256_of(tmp_path / "w.npz"),
        }
    )


def test_training_record_has_the_shipped_record_s_fields_in_its_order():
    def layout(record: dict) -> list:
        return [
            (key, layout(value) if isinstance(value, dict) else None)
            for key, value in record.items()
        ]

    shipped = load_provenance()
    net, log = tiny_run()
    record = training_record(
        net,
        log,
        command=shipped["command"],
        weight_init="auto",
        seed=0,
        lr=1.0,
        batch_size=100,
        train_samples=60000,
        test_samples=10000,
        seconds=20.0,
    )
    assert layout({**record, "file": "", "sha256": ""}) == layout(shipped)
    assert record["dataset"] == shipped["dataset"]  # default data_dir and checksums


def test_training_record_of_an_empty_log_is_refused():
    net, _ = tiny_run()
    with pytest.raises(ValueError, match="no evaluation"):
        training_record(net, TrainingLog(iters_per_epoch=1), **SETTINGS)
