"""Tests of dlfs.datasets: MNIST loading, IDX parsing, checksums, cache, errors.

Real-data tests need MNIST (see the ``mnist_dir`` fixture); they work on a
private folder of symlinks. Every test points the per-user cache
(DLFS_CACHE), where the .npz cache lives, at a temporary folder.
"""

from __future__ import annotations

import gzip
import os
import pickle
import shutil
import socket
import struct
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from mnist_data import write_idx

import dlfs.datasets as datasets
from dlfs._files import sha256_of
from dlfs.datasets import (
    MIRRORS,
    MNIST_FILES,
    MnistChecksumError,
    MnistNotFoundError,
    load_mnist,
    mnist_available,
    mnist_dir,
    mnist_missing,
    read_idx,
)

FILENAMES = [spec.filename for spec in MNIST_FILES.values()]
TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
CACHE_WHERE = "the per-user cache (DLFS_CACHE or the platform's)"


# --------------------------------------------------------------------------
# Fixtures and helpers
# --------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test's per-user cache in tmp, and downloads allowed by default."""
    cache = tmp_path / "user-cache"
    monkeypatch.setenv("DLFS_CACHE", str(cache))
    monkeypatch.delenv("DLFS_OFFLINE", raising=False)
    return cache


def link_or_copy(source: Path, target: Path) -> None:
    try:
        target.symlink_to(source)
    except OSError:
        shutil.copyfile(source, target)


def mirror_of(mnist_dir: Path, folder: Path, *, skip: tuple[str, ...] = ()) -> Path:
    """``folder`` holding links to the real files, except the names in ``skip``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in FILENAMES:
        if name not in skip:
            link_or_copy(mnist_dir / name, folder / name)
    return folder


def npz_files(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.is_dir() for p in folder.glob("*.npz")]


@pytest.fixture(scope="module")
def real_dir(mnist_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private folder of links to the real files."""
    return mirror_of(mnist_dir, tmp_path_factory.mktemp("mnist"))


@pytest.fixture(scope="module")
def raw_mnist(real_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """Real MNIST as uint8 (N, 784), loaded once."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DLFS_CACHE", str(tmp_path_factory.mktemp("cache")))
        return load_mnist(normalize=False, data_dir=real_dir)


def idx_bytes(magic: int, dims: tuple[int, ...], payload: bytes) -> bytes:
    return struct.pack(f">I{len(dims)}I", magic, *dims) + payload


def images_and_labels(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 10, size=n, dtype=np.uint8)
    return images, labels


# --------------------------------------------------------------------------
# Real MNIST: what the book promises
# --------------------------------------------------------------------------


def test_canonical_file_sizes_match_the_real_files(mnist_dir: Path) -> None:
    for spec in MNIST_FILES.values():
        assert (mnist_dir / spec.filename).stat().st_size == spec.size


def test_default_load_gives_book_shapes_and_float32_pixels_in_unit_range(
    real_dir: Path, raw_mnist
) -> None:
    (x_train, t_train), (x_test, t_test) = load_mnist(data_dir=real_dir)
    assert x_train.shape == (60000, 784)
    assert t_train.shape == (60000,)
    assert x_test.shape == (10000, 784)
    assert t_test.shape == (10000,)
    assert x_train.dtype == x_test.dtype == np.float32
    assert t_train.dtype == t_test.dtype == np.uint8
    for x in (x_train, x_test):
        assert x.min() == 0.0
        assert x.max() == 1.0
    (raw_train, _), _ = raw_mnist
    head = raw_train[:1000]
    assert np.array_equal(x_train[:1000], head.astype(np.float32) / 255)


def test_unnormalized_images_are_uint8_reaching_255(raw_mnist) -> None:
    (x_train, _), (x_test, _) = raw_mnist
    assert x_train.dtype == x_test.dtype == np.uint8
    assert x_train.max() == x_test.max() == 255
    assert x_train.min() == x_test.min() == 0


def test_labels_are_digits_with_the_known_class_counts(raw_mnist) -> None:
    (_, t_train), (_, t_test) = raw_mnist
    assert t_train[0] == 5
    assert t_train[:5].tolist() == [5, 0, 4, 1, 9]
    assert np.bincount(t_train, minlength=10).tolist() == TRAIN_COUNTS
    assert np.bincount(t_test, minlength=10).tolist() == TEST_COUNTS


def test_flatten_false_gives_n_1_28_28_images(real_dir: Path, raw_mnist) -> None:
    (x_train, _), (x_test, _) = load_mnist(
        normalize=False, flatten=False, data_dir=real_dir
    )
    assert x_train.shape == (60000, 1, 28, 28)
    assert x_test.shape == (10000, 1, 28, 28)
    (flat_train, _), _ = raw_mnist
    assert np.array_equal(x_train.reshape(60000, 784), flat_train)


def test_one_hot_labels_are_float32_rows_summing_to_one_at_the_label(
    real_dir: Path, raw_mnist
) -> None:
    (_, t_train), (_, t_test) = load_mnist(
        normalize=False, one_hot_label=True, data_dir=real_dir
    )
    (_, labels_train), (_, labels_test) = raw_mnist
    for one_hot, labels in ((t_train, labels_train), (t_test, labels_test)):
        assert one_hot.dtype == np.float32
        assert one_hot.shape == (len(labels), 10)
        np.testing.assert_array_equal(one_hot.sum(axis=1), 1.0)
        np.testing.assert_array_equal(one_hot.argmax(axis=1), labels)


def test_each_call_returns_fresh_arrays(real_dir: Path, raw_mnist) -> None:
    (x1, t1), _ = load_mnist(normalize=False, data_dir=real_dir)
    x1[0, 0] = 123
    t1[0] = 9
    (x2, t2), _ = load_mnist(normalize=False, data_dir=real_dir)
    assert x2[0, 0] == 0
    assert t2[0] == 5


# --------------------------------------------------------------------------
# Real MNIST: the .npz cache
# --------------------------------------------------------------------------


def test_first_load_writes_npz_cache_in_user_cache_and_second_skips_parsing(
    mnist_dir: Path, tmp_path: Path, user_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = mirror_of(mnist_dir, tmp_path / "data")
    calls: list[Path] = []
    real_read_idx = datasets.read_idx

    def spy(path):
        calls.append(Path(path))
        return real_read_idx(path)

    monkeypatch.setattr(datasets, "read_idx", spy)
    (cold, _), _ = load_mnist(normalize=False, data_dir=folder)
    assert len(calls) == 4
    [cache] = npz_files(user_cache)
    assert npz_files(folder) == []

    def broken(path):
        raise AssertionError(f"parsed {path} although the cache is valid")

    monkeypatch.setattr(datasets, "read_idx", broken)
    (warm, _), _ = load_mnist(normalize=False, data_dir=folder)
    assert np.array_equal(warm, cold)
    with np.load(cache, allow_pickle=False) as npz:
        assert npz["sha256"].tolist() == [s.sha256 for s in MNIST_FILES.values()]


def test_the_data_folder_is_only_read(
    mnist_dir: Path, tmp_path: Path, user_cache: Path
) -> None:
    folder = mirror_of(mnist_dir, tmp_path / "data")
    before = sorted(folder.iterdir())
    (_, t_train), _ = load_mnist(normalize=False, data_dir=folder)
    assert t_train[0] == 5
    assert sorted(folder.iterdir()) == before
    assert len(npz_files(user_cache)) == 1


@pytest.mark.parametrize(
    "damage", ["garbage", "truncated", "other checksums", "the checksums, wrong shapes"]
)
def test_damaged_or_stale_npz_cache_is_ignored_and_rebuilt(
    real_dir: Path, user_cache: Path, tmp_path: Path, damage: str
) -> None:
    load_mnist(normalize=False, data_dir=real_dir)
    [cache] = npz_files(user_cache)
    good_cache = tmp_path / "good.npz"
    shutil.copyfile(cache, good_cache)
    if damage == "garbage":
        cache.write_bytes(b"not a zip file at all")
    elif damage == "truncated":
        cache.write_bytes(good_cache.read_bytes()[:1_000_000])
    else:  # a crafted cache, once trusted when its checksums were the real ones
        tiny = np.zeros((1, 28, 28), np.uint8)
        with np.load(good_cache) as npz:
            checksums = npz["sha256"] if "wrong" in damage else ["0" * 64] * 4
        with cache.open("wb") as f:
            np.savez(
                f,
                sha256=np.array(checksums),
                **{key: tiny if "img" in key else tiny[:, 0, 0] for key in MNIST_FILES},
            )
    with pytest.warns(UserWarning, match=r"did not hold .* it is rebuilt from them"):
        (x_train, t_train), _ = load_mnist(normalize=False, data_dir=real_dir)
    assert x_train.shape == (60000, 784)
    assert t_train[0] == 5
    assert cache.read_bytes() == good_cache.read_bytes()


# --------------------------------------------------------------------------
# Real MNIST: checksums
# --------------------------------------------------------------------------


def test_flipped_byte_in_a_real_file_raises_checksum_error_and_writes_no_cache(
    mnist_dir: Path, tmp_path: Path, user_cache: Path
) -> None:
    name = MNIST_FILES["train_label"].filename
    folder = mirror_of(mnist_dir, tmp_path / "data", skip=(name,))
    data = bytearray((mnist_dir / name).read_bytes())
    data[len(data) // 2] ^= 0x01
    (folder / name).write_bytes(data)
    with pytest.raises(MnistChecksumError) as info:
        load_mnist(data_dir=folder)
    error = info.value
    assert (error.folder, error.file) == (folder, name)
    assert error.expected == MNIST_FILES["train_label"].sha256
    assert error.actual == sha256_of(folder / name)
    message = str(error)
    assert str(folder / name) in message
    assert f"expected SHA-256 {MNIST_FILES['train_label'].sha256}" in message
    assert f"actual   SHA-256 {sha256_of(folder / name)}" in message
    assert npz_files(folder, user_cache) == []


def test_test_labels_posing_as_train_labels_raise_checksum_error(
    mnist_dir: Path, tmp_path: Path
) -> None:
    train_labels = MNIST_FILES["train_label"].filename
    folder = mirror_of(mnist_dir, tmp_path / "data", skip=(train_labels,))
    shutil.copyfile(
        mnist_dir / MNIST_FILES["test_label"].filename, folder / train_labels
    )
    with pytest.raises(MnistChecksumError, match=train_labels) as info:
        load_mnist(data_dir=folder)
    assert f"actual   SHA-256 {MNIST_FILES['test_label'].sha256}" in str(info.value)
    assert npz_files(folder) == []


# --------------------------------------------------------------------------
# Missing files, offline, download
# --------------------------------------------------------------------------


def assert_explains_missing(message: str, folder: Path, names: list[str]) -> None:
    for name in names:
        assert name in message
    assert str(folder) in message
    assert "DLFS_DATA" in message
    assert "data_dir" in message


@pytest.mark.parametrize("how", ["download=False", "DLFS_OFFLINE=1"])
def test_empty_folder_without_download_fails_fast_and_explains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("DLFS_DATA", str(empty))
    start = time.perf_counter()
    with pytest.raises(MnistNotFoundError) as info:
        if how == "download=False":
            load_mnist(download=False)
        else:
            monkeypatch.setenv("DLFS_OFFLINE", "1")
            load_mnist()
    assert time.perf_counter() - start < 2
    assert isinstance(info.value, FileNotFoundError)
    error = info.value
    assert (error.folder, error.missing, error.where) == (empty, FILENAMES, "DLFS_DATA")
    assert error.reason == f"downloading is disabled ({how.replace('=1', ' is set')})."
    assert_explains_missing(str(error), empty, FILENAMES)
    assert list(empty.iterdir()) == []


def test_with_two_of_the_four_files_only_the_other_two_are_missing(
    tmp_path: Path,
) -> None:
    for name in (FILENAMES[0], FILENAMES[2]):
        (tmp_path / name).write_bytes(b"")
    assert mnist_missing(tmp_path) == [FILENAMES[1], FILENAMES[3]]
    with pytest.raises(MnistNotFoundError) as info:
        load_mnist(data_dir=tmp_path, download=False)
    assert info.value.missing == [FILENAMES[1], FILENAMES[3]]
    listed = [line[4:] for line in str(info.value).splitlines() if "  - " in line]
    assert listed == [FILENAMES[1], FILENAMES[3]]


def test_mnist_missing_and_mnist_available_only_look(
    tmp_path: Path, user_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    for name in FILENAMES[:3]:
        (folder / name).write_bytes(b"not MNIST")  # present is all they check
    assert (mnist_missing(folder), mnist_available(folder)) == ([FILENAMES[3]], False)
    (folder / FILENAMES[3]).mkdir()  # a folder with a file's name is no file
    assert mnist_missing(folder) == [FILENAMES[3]]
    (folder / FILENAMES[3]).rmdir()
    (folder / FILENAMES[3]).write_bytes(b"")
    monkeypatch.setenv("DLFS_DATA", str(folder))
    assert (mnist_missing(), mnist_available()) == ([], True)
    monkeypatch.delenv("DLFS_DATA")
    assert (mnist_missing(), mnist_available()) == (FILENAMES, False)
    assert mnist_missing(tmp_path / "nowhere") == FILENAMES
    assert not user_cache.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_the_errors_pickle_with_their_facts_and_message(tmp_path: Path) -> None:
    with pytest.raises(MnistNotFoundError) as missing:
        load_mnist(data_dir=tmp_path, download=False)
    for name in FILENAMES:
        (tmp_path / name).write_bytes(b"")
    with pytest.raises(MnistChecksumError) as damaged:
        load_mnist(data_dir=tmp_path)
    facts = ["folder", "missing", "where", "reason", "file", "expected", "actual"]
    for error in (missing.value, damaged.value):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)
        for name in facts:
            assert getattr(copy, name, None) == getattr(error, name, None)


@pytest.fixture
def pooch_log() -> Iterator[list[str]]:
    """What pooch's logger says (it writes to stderr): its messages, in order."""
    import logging

    import pooch

    said: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: said.append(record.getMessage())  # type: ignore[method-assign]
    pooch.get_logger().addHandler(handler)
    yield said
    pooch.get_logger().removeHandler(handler)


def test_network_failure_fails_fast_naming_files_folder_and_mirrors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pooch_log: list[str]
) -> None:
    import pooch
    import requests

    attempts: list[str] = []

    def no_network(self, url, output_file, pooch_, check_only=False):
        attempts.append(url)
        raise requests.exceptions.ConnectionError(f"no route to {url}")

    monkeypatch.setattr(pooch.HTTPDownloader, "__call__", no_network)
    folder = tmp_path / "new" / "data"
    start = time.perf_counter()
    with pytest.raises(MnistNotFoundError) as info:
        load_mnist(data_dir=folder)
    assert time.perf_counter() - start < 5
    message = str(info.value)
    assert_explains_missing(message, folder, FILENAMES)
    assert info.value.missing == FILENAMES
    assert attempts == [mirror + FILENAMES[0] for mirror in MIRRORS]
    for url in attempts:
        assert url in message
    assert "ConnectionError" in message
    assert list(tmp_path.iterdir()) == [], "folders made for the download are removed"
    assert pooch_log == [], "no 'Downloading data from' before the failure"


def test_unreachable_mirrors_fail_fast_through_real_http(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as sock:  # a local port with nobody listening
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    mirrors = (f"http://127.0.0.1:{port}/a/", f"http://127.0.0.1:{port}/b/")
    monkeypatch.setattr(datasets, "MIRRORS", mirrors)
    for proxy_free in ("NO_PROXY", "no_proxy"):  # never route 127.0.0.1 via a proxy
        monkeypatch.setenv(proxy_free, "127.0.0.1")
    start = time.perf_counter()
    with pytest.raises(MnistNotFoundError) as info:
        load_mnist(data_dir=tmp_path)
    assert time.perf_counter() - start < 5
    for mirror in mirrors:
        assert mirror + FILENAMES[0] in str(info.value)
    assert list(tmp_path.iterdir()) == [], "a folder that was there stays, empty"


def test_missing_file_is_fetched_from_the_next_mirror_when_the_first_fails(
    mnist_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pooch_log
) -> None:
    import pooch
    import requests

    missing = MNIST_FILES["test_label"].filename
    folder = mirror_of(mnist_dir, tmp_path / "data", skip=(missing,))
    fetched: list[str] = []

    def fake_http(self, url, output_file, pooch_, check_only=False):
        fetched.append(url)
        if url.startswith(MIRRORS[0]):
            raise requests.exceptions.HTTPError("503 Server Error")
        Path(output_file).write_bytes((mnist_dir / url.rsplit("/", 1)[1]).read_bytes())

    monkeypatch.setattr(pooch.HTTPDownloader, "__call__", fake_http)
    _, (_, t_test) = load_mnist(data_dir=folder)
    assert fetched == [MIRRORS[0] + missing, MIRRORS[1] + missing]
    assert pooch_log == [f"Downloaded {missing} from {fetched[1]} into {folder}"]
    assert (folder / missing).read_bytes() == (mnist_dir / missing).read_bytes()
    assert len(t_test) == 10000


# --------------------------------------------------------------------------
# Where files are looked for
# --------------------------------------------------------------------------


def test_mnist_dir_is_the_argument_else_dlfs_data_else_the_user_cache(
    tmp_path: Path, user_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DLFS_DATA", str(tmp_path / "from-env"))
    assert mnist_dir(tmp_path / "from-arg") == tmp_path / "from-arg"
    assert mnist_dir(str(tmp_path / "from-arg")) == tmp_path / "from-arg"
    assert mnist_dir() == tmp_path / "from-env"
    monkeypatch.setenv("DLFS_DATA", "")  # set but empty counts as unset
    assert mnist_dir() == user_cache
    monkeypatch.delenv("DLFS_DATA")
    assert mnist_dir() == user_cache
    monkeypatch.setenv("HOME", str(tmp_path))
    assert mnist_dir("~/mnist") == tmp_path / "mnist"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("chosen_by", ["the data_dir argument", "DLFS_DATA", "cache"])
def test_the_error_names_the_folder_read_and_how_it_was_chosen(
    tmp_path: Path, user_cache: Path, monkeypatch: pytest.MonkeyPatch, chosen_by: str
) -> None:
    monkeypatch.setenv("DLFS_DATA", str(tmp_path / "from-env"))
    data_dir, folder, where = None, tmp_path / "from-env", chosen_by
    if chosen_by == "the data_dir argument":  # it wins over DLFS_DATA
        data_dir = folder = tmp_path / "from-arg"
    elif chosen_by == "cache":
        monkeypatch.delenv("DLFS_DATA")
        folder, where = user_cache, CACHE_WHERE
    with pytest.raises(MnistNotFoundError) as info:
        load_mnist(data_dir=data_dir, download=False)
    assert (info.value.folder, info.value.where) == (folder, where)
    assert f"Missing from {folder} (chosen by {where}):" in str(info.value)


@pytest.mark.skipif(sys.platform != "linux", reason="XDG applies on Linux")
def test_the_user_cache_is_pooch_os_cache_following_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DLFS_DATA", raising=False)
    monkeypatch.delenv("DLFS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    import pooch

    assert mnist_dir() == tmp_path / "dlfs" == pooch.os_cache("dlfs")
    with pytest.raises(MnistNotFoundError) as info:
        load_mnist(download=False)
    assert info.value.folder == tmp_path / "dlfs"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform != "linux", reason="XDG applies on Linux")
def test_loading_from_a_folder_or_the_cache_imports_no_pooch(
    mnist_dir: Path, tmp_path: Path
) -> None:
    """Pooch imports tqdm.auto, whose TqdmWarning a notebook shows: only a
    download may import it, not finding the folder or reading the files."""
    import subprocess

    script = (
        "import sys\n"
        "from dlfs import load_mnist\n"
        "load_mnist()\n"  # the four files, parsed, then the .npz written
        "load_mnist()\n"  # the .npz
        "print(sorted(m for m in ('pooch', 'tqdm') if m in sys.modules))\n"
    )
    env = {
        **os.environ,
        "DLFS_DATA": str(mnist_dir),
        "XDG_CACHE_HOME": str(tmp_path),
        "DLFS_OFFLINE": "1",
    }
    env.pop("DLFS_CACHE", None)
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert list((tmp_path / "dlfs").glob("*.npz")), "the second load read the cache"


# --------------------------------------------------------------------------
# Arguments
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["normalize", "flatten", "one_hot_label", "download"])
@pytest.mark.parametrize("value", [1, 0, "yes", None])
def test_non_bool_flags_raise_type_error_naming_the_argument(
    tmp_path: Path, name: str, value: object
) -> None:
    with pytest.raises(TypeError, match=name):
        load_mnist(data_dir=tmp_path, **{name: value})


def test_non_path_data_dir_raises_type_error() -> None:
    with pytest.raises(TypeError, match="int"):
        load_mnist(data_dir=42)  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# IDX files (synthetic, in tmp_path)
# --------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    array=hnp.arrays(
        dtype=st.sampled_from(["u1", "i1", "<i2", ">i4", "<f4", ">f8"]),
        shape=hnp.array_shapes(min_dims=1, max_dims=4, min_side=0, max_side=5),
    ),
    name=st.sampled_from(["a-idx-ubyte", "a-idx-ubyte.gz"]),
)
def test_read_idx_reads_back_what_write_idx_wrote(
    tmp_path_factory: pytest.TempPathFactory, array: np.ndarray, name: str
) -> None:
    path = tmp_path_factory.mktemp("idx") / name
    write_idx(path, array)
    back = read_idx(path)
    assert back.shape == array.shape
    assert back.dtype == array.dtype.newbyteorder("=")
    np.testing.assert_array_equal(back, array)
    assert back.flags.writeable


def test_write_idx_writes_the_mnist_header(tmp_path: Path) -> None:
    images, labels = images_and_labels(3)
    write_idx(tmp_path / "i", images)
    write_idx(tmp_path / "l.gz", labels)
    assert (tmp_path / "i").read_bytes()[:16] == struct.pack(">4I", 2051, 3, 28, 28)
    raw_labels = gzip.decompress((tmp_path / "l.gz").read_bytes())
    assert raw_labels == struct.pack(">2I", 2049, 3) + labels.tobytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["i", "l.gz"]


def test_flipped_byte_in_gzip_stream_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "images-idx3-ubyte.gz"
    write_idx(path, images_and_labels(20)[0])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(data)
    with pytest.raises(ValueError, match="corrupt gzip") as info:
        read_idx(path)
    assert str(path) in str(info.value)


def test_truncated_gzip_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "images-idx3-ubyte.gz"
    write_idx(path, images_and_labels(20)[0])
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(ValueError, match="corrupt gzip") as info:
        read_idx(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("name", ["labels-idx1-ubyte", "labels-idx1-ubyte.gz"])
def test_truncated_payload_names_file_and_both_byte_counts(
    tmp_path: Path, name: str
) -> None:
    data = idx_bytes(2049, (10,), bytes(7))
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    with pytest.raises(ValueError, match="header promises") as info:
        read_idx(path)
    message = str(info.value)
    assert str(path) in message
    assert "10 bytes" in message
    assert "are 7" in message


def test_header_count_larger_than_payload_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "images-idx3-ubyte"
    write_idx(path, images_and_labels(4)[0])
    data = bytearray(path.read_bytes())
    data[4:8] = struct.pack(">I", 5)  # claims 5 images, holds 4
    path.write_bytes(data)
    with pytest.raises(ValueError) as info:
        read_idx(path)
    message = str(info.value)
    assert str(path) in message
    assert f"{5 * 784} bytes" in message
    assert f"are {4 * 784}" in message


def test_extra_bytes_after_payload_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "labels-idx1-ubyte"
    path.write_bytes(idx_bytes(2049, (3,), bytes(5)))
    with pytest.raises(ValueError, match="are 5") as info:
        read_idx(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "head", [b"\x12\x34\x08\x01", b"\x00\x00\x07\x01", b"\x00\x00\x08\x00"]
)
def test_bad_magic_number_names_the_file(tmp_path: Path, head: bytes) -> None:
    path = tmp_path / "bad-idx1-ubyte"
    path.write_bytes(head + struct.pack(">I", 1) + b"\x05")
    with pytest.raises(ValueError, match="not an IDX file") as info:
        read_idx(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("content", [b"", b"\x00\x00", b"\x00\x00\x08\x03\x00\x00"])
def test_files_shorter_than_their_header_are_rejected(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "short"
    path.write_bytes(content)
    with pytest.raises(ValueError) as info:
        read_idx(path)
    assert str(path) in str(info.value)
