"""MNIST, loaded the way *Deep Learning from Scratch* does, with checks.

:func:`load_mnist` keeps the book's signature and return value. It finds the
four canonical MNIST files, verifies their SHA-256, parses them (IDX format)
and caches the parsed arrays in an ``.npz`` file so that later loads skip the
parsing.

Where the files are looked for, in order:

1. the ``data_dir`` argument;
2. the folder named by the ``DLFS_DATA`` environment variable;
3. the per-user cache: the folder named by ``DLFS_CACHE`` if set, else the
   platform's cache folder: ``$XDG_CACHE_HOME/dlfs`` (default
   ``~/.cache/dlfs``) on Linux, ``~/Library/Caches/dlfs`` on macOS,
   ``%LOCALAPPDATA%\\dlfs\\Cache`` on Windows.

Missing files are downloaded from :data:`MIRRORS` (tried in order) when pooch
is installed (``pip install "dlfs[data]"``) and downloads are allowed: pass
``download=False`` or set ``DLFS_OFFLINE=1`` to forbid them.

The ``.npz`` cache is written next to the files when that folder is writable,
else in the per-user cache. It is keyed by the four checksums, holds only
plain arrays (loaded with ``allow_pickle=False``) and is rebuilt when damaged.

Importing this module imports only NumPy and the standard library; pooch is
imported only when a download is needed.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import math
import os
import secrets
import stat
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib.util import find_spec
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import IO, NamedTuple, TypeAlias

import numpy as np

__all__ = [
    "MIRRORS",
    "MNIST_FILES",
    "MnistChecksumError",
    "MnistFile",
    "MnistFormatError",
    "MnistNotFoundError",
    "default_data_dir",
    "load_mnist",
    "read_idx",
    "write_idx",
]

StrPath: TypeAlias = "str | os.PathLike[str]"


class MnistFile(NamedTuple):
    """One canonical MNIST file: its name, SHA-256 (hex) and size in bytes."""

    filename: str
    sha256: str
    size: int


#: The four canonical files, under the keys the book uses.
MNIST_FILES: Mapping[str, MnistFile] = MappingProxyType(
    {
        "train_img": MnistFile(
            "train-images-idx3-ubyte.gz",
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            9912422,
        ),
        "train_label": MnistFile(
            "train-labels-idx1-ubyte.gz",
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            28881,
        ),
        "test_img": MnistFile(
            "t10k-images-idx3-ubyte.gz",
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            1648877,
        ),
        "test_label": MnistFile(
            "t10k-labels-idx1-ubyte.gz",
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
            4542,
        ),
    }
)

#: Public mirrors of the canonical files, tried in order.
MIRRORS: tuple[str, ...] = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)

IMAGE_MAGIC = 2051  # 0x00000803: unsigned bytes, 3 dimensions (N, rows, cols)
LABEL_MAGIC = 2049  # 0x00000801: unsigned bytes, 1 dimension (N,)
IMAGE_SHAPE = (28, 28)
NUM_CLASSES = 10

# IDX type codes (third byte of the magic number) and their big-endian dtypes.
_IDX_DTYPES: Mapping[int, str] = MappingProxyType(
    {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
)
_GZIP_MAGIC = b"\x1f\x8b"
_SPLITS = (("train", "train_img", "train_label"), ("test", "test_img", "test_label"))
_CACHE_FORMAT = 1
_DOWNLOAD_TIMEOUT_S = 10
_HASH_CHUNK = 1 << 20
_TRUTHY = frozenset({"1", "true", "yes", "on"})


class MnistNotFoundError(FileNotFoundError):
    """MNIST files are missing and could not be downloaded.

    Attributes
    ----------
    missing : tuple of str
        File names that are missing.
    folder : pathlib.Path or None
        The folder they were looked for in.
    """

    def __init__(
        self,
        message: str,
        *,
        missing: Sequence[str] = (),
        folder: Path | None = None,
    ) -> None:
        super().__init__(message)
        self.missing = tuple(missing)
        self.folder = folder


class MnistChecksumError(ValueError):
    """A file's SHA-256 differs from the canonical one; the file was not used.

    Attributes
    ----------
    path : pathlib.Path
        The offending file.
    expected, actual : str
        The canonical and the actual SHA-256, in hex.
    """

    def __init__(self, message: str, *, path: Path, expected: str, actual: str) -> None:
        super().__init__(message)
        self.path = path
        self.expected = expected
        self.actual = actual


class MnistFormatError(ValueError):
    """A file is not a well-formed IDX file, or not the MNIST data it should be.

    Attributes
    ----------
    path : pathlib.Path
        The offending file (the image file, for image/label disagreements).
    """

    def __init__(self, message: str, *, path: Path) -> None:
        super().__init__(message)
        self.path = path


# --------------------------------------------------------------------------
# IDX files
# --------------------------------------------------------------------------


def read_idx(path: StrPath, *, expect_magic: int | None = None) -> np.ndarray:
    """Read an IDX file (raw or gzip-compressed) into a NumPy array.

    Gzip compression is recognised from the file's first bytes, not its name.
    The whole file is checked: the magic number, the header, and that the
    payload holds exactly as many bytes as the dimensions promise.

    Parameters
    ----------
    path : str or os.PathLike
        The file to read.
    expect_magic : int, optional
        If given, the magic number the file must have, e.g. 2051 for MNIST
        images or 2049 for MNIST labels.

    Returns
    -------
    numpy.ndarray
        A new, writable array in native byte order, shaped as the header says.

    Raises
    ------
    MnistFormatError
        If the gzip stream is corrupt, the magic number is wrong or unknown,
        or the payload is shorter or longer than the header promises. The
        message names the file and, for size errors, both byte counts.
    OSError
        If the file cannot be read.

    Examples
    --------
    >>> import tempfile, numpy as np
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "tiny-idx1-ubyte.gz"
    ...     write_idx(path, np.array([5, 0, 4], dtype=np.uint8))
    ...     read_idx(path, expect_magic=2049)
    array([5, 0, 4], dtype=uint8)
    """
    path = Path(path)
    data = path.read_bytes()
    compressed = data[:2] == _GZIP_MAGIC
    if compressed:
        data = _gunzip(data, path)
    return _parse_idx(data, path, compressed=compressed, expect_magic=expect_magic)


def write_idx(path: StrPath, array: np.ndarray) -> None:
    """Write an array as an IDX file, gzip-compressed if the name ends in ``.gz``.

    The file is written atomically: it appears complete or not at all.

    Parameters
    ----------
    path : str or os.PathLike
        Where to write. The folder must exist.
    array : array_like
        Data of dtype uint8 (as MNIST), int8, int16, int32, float32 or
        float64, with at least one dimension.

    Raises
    ------
    TypeError
        If the dtype has no IDX type code.
    ValueError
        If the array has no dimensions or a dimension too large for IDX.

    Examples
    --------
    >>> import tempfile, numpy as np
    >>> images = np.arange(2 * 28 * 28, dtype=np.uint8).reshape(2, 28, 28)
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "images-idx3-ubyte"
    ...     write_idx(path, images)
    ...     print(path.read_bytes()[:16].hex(" ", 4))
    ...     print(np.array_equal(read_idx(path), images))
    00000803 00000002 0000001c 0000001c
    True
    """
    arr = np.asarray(array)
    code = _idx_type_code(arr.dtype)
    if arr.ndim == 0:
        raise ValueError("write_idx needs an array with at least one dimension")
    if max(arr.shape) > 0xFFFFFFFF:
        raise ValueError(f"dimension too large for IDX: shape {arr.shape}")
    header = struct.pack(f">BBBB{arr.ndim}I", 0, 0, code, arr.ndim, *arr.shape)
    payload = header + np.ascontiguousarray(arr, dtype=_IDX_DTYPES[code]).tobytes()
    path = Path(path)
    if path.name.endswith(".gz"):
        payload = gzip.compress(payload, mtime=0)
    _atomic_write(path, lambda f: f.write(payload))


def _idx_type_code(dtype: np.dtype) -> int:
    for code, name in _IDX_DTYPES.items():
        if dtype.newbyteorder(">") == np.dtype(name):
            return code
    raise TypeError(
        f"IDX cannot store dtype {dtype}; use one of uint8, int8, int16, int32, "
        "float32, float64"
    )


def _gunzip(data: bytes, path: Path) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise MnistFormatError(
            f"{path}: corrupt gzip data ({type(exc).__name__}: {exc}). The file is "
            "damaged or truncated; replace it with a good copy.",
            path=path,
        ) from exc


def _parse_idx(
    data: bytes, path: Path, *, compressed: bool, expect_magic: int | None
) -> np.ndarray:
    where = f"{path} (after gunzip)" if compressed else str(path)
    if len(data) < 4:
        raise MnistFormatError(
            f"{where}: not an IDX file: {len(data)} bytes, fewer than the 4 bytes "
            "of the magic number",
            path=path,
        )
    magic = int.from_bytes(data[:4], "big")
    type_code, ndim = data[2], data[3]
    if data[:2] != b"\0\0" or type_code not in _IDX_DTYPES or ndim == 0:
        raise MnistFormatError(
            f"{where}: bad magic number 0x{magic:08X} ({magic}). An IDX file starts "
            "with two zero bytes, a type code (0x08 = unsigned byte) and the "
            f"number of dimensions, e.g. 0x{IMAGE_MAGIC:08X} ({IMAGE_MAGIC}) for "
            f"MNIST images or 0x{LABEL_MAGIC:08X} ({LABEL_MAGIC}) for labels",
            path=path,
        )
    if expect_magic is not None and magic != expect_magic:
        raise MnistFormatError(
            f"{where}: magic number 0x{magic:08X} ({magic}), expected "
            f"0x{expect_magic:08X} ({expect_magic})",
            path=path,
        )
    header_size = 4 + 4 * ndim
    if len(data) < header_size:
        raise MnistFormatError(
            f"{where}: header truncated: {ndim} dimensions need a {header_size}-byte "
            f"header, the file has {len(data)} bytes",
            path=path,
        )
    shape = struct.unpack(f">{ndim}I", data[4:header_size])
    dtype = np.dtype(_IDX_DTYPES[type_code])
    expected = math.prod(shape) * dtype.itemsize
    actual = len(data) - header_size
    if actual != expected:
        problem = "truncated" if actual < expected else "has extra bytes"
        raise MnistFormatError(
            f"{where}: {problem}: the header promises shape {shape} of {dtype.name}, "
            f"i.e. {expected} bytes after the {header_size}-byte header, but there "
            f"are {actual}",
            path=path,
        )
    flat = np.frombuffer(data, dtype=dtype, offset=header_size)
    return flat.reshape(shape).astype(dtype.newbyteorder("="))


def _atomic_write(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write via a uniquely named temporary file in the same folder + rename."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


# --------------------------------------------------------------------------
# MNIST image/label pairs
# --------------------------------------------------------------------------


def _load_pair(image_path: Path, label_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Parse and cross-check one split: uint8 images (N, 28, 28), labels (N,)."""
    images = read_idx(image_path, expect_magic=IMAGE_MAGIC)
    labels = read_idx(label_path, expect_magic=LABEL_MAGIC)
    if images.shape[1:] != IMAGE_SHAPE:
        rows, cols = images.shape[1:]
        raise MnistFormatError(
            f"{image_path}: images are {rows}x{cols}, MNIST images are 28x28",
            path=image_path,
        )
    if len(images) != len(labels):
        raise MnistFormatError(
            f"images and labels disagree: {image_path} holds {len(images)} images "
            f"but {label_path} holds {len(labels)} labels (labels from the other "
            "split?)",
            path=image_path,
        )
    bad = np.flatnonzero(labels >= NUM_CLASSES)
    if bad.size:
        raise MnistFormatError(
            f"{label_path}: label {labels[bad[0]]} at index {bad[0]} is outside "
            f"0..{NUM_CLASSES - 1} ({bad.size} bad labels in all)",
            path=label_path,
        )
    return images, labels


# --------------------------------------------------------------------------
# Where the files are
# --------------------------------------------------------------------------


class _Location(NamedTuple):
    folder: Path
    origin: str  # how the folder was chosen, for messages
    managed: bool  # True for the per-user cache, which we may write into


def default_data_dir() -> Path:
    """The folder :func:`load_mnist` uses when no ``data_dir`` is given.

    That is ``DLFS_DATA`` if set, else the per-user cache folder (``DLFS_CACHE``
    if set, else the platform's cache folder, such as ``~/.cache/dlfs``). It
    is computed afresh on every call and not created.

    Returns
    -------
    pathlib.Path
        The folder.

    Examples
    --------
    >>> import os
    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"DLFS_DATA": "/srv/mnist"}):
    ...     print(default_data_dir().as_posix())
    /srv/mnist
    """
    return _resolve_location(None).folder


def _resolve_location(data_dir: StrPath | None) -> _Location:
    if data_dir is not None:
        if not isinstance(data_dir, (str, os.PathLike)):
            raise TypeError(
                f"data_dir must be a str or os.PathLike, not {type(data_dir).__name__}"
            )
        return _Location(Path(data_dir).expanduser(), "the data_dir argument", False)
    env = os.environ.get("DLFS_DATA")
    if env:
        return _Location(
            Path(env).expanduser(), "the DLFS_DATA environment variable", False
        )
    return _Location(_user_cache_dir(), "the per-user cache folder", True)


def _user_cache_dir() -> Path:
    """The per-user cache folder, by the platform's convention (stdlib only)."""
    env = os.environ.get("DLFS_CACHE")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData/Local")
        return Path(local) / "dlfs" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "dlfs"
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "dlfs"


def _offline() -> bool:
    return os.environ.get("DLFS_OFFLINE", "").strip().lower() in _TRUTHY


# --------------------------------------------------------------------------
# Obtaining and verifying the files
# --------------------------------------------------------------------------

_HOW_TO_SUPPLY = (
    "To supply them, either\n"
    "  - put the files in that folder, or point the DLFS_DATA environment "
    "variable or the data_dir argument of load_mnist() at a folder that holds "
    "them; or\n"
    "  - let load_mnist() download them, which needs "
    'pip install "dlfs[data]", network access to one of the mirrors, '
    "DLFS_OFFLINE unset and download=True (the default)."
)


def _missing_message(
    headline: str, names: Sequence[str], location: _Location, details: str = ""
) -> str:
    listed = "".join(f"\n  - {name}" for name in names)
    return (
        f"{headline}\nMissing from {location.folder} (chosen by {location.origin}):"
        f"{listed}\n{details}{_HOW_TO_SUPPLY}"
    )


def _obtain(missing: Sequence[str], location: _Location, *, download: bool) -> None:
    """Download the missing files (keys of MNIST_FILES) or explain why not."""
    names = [MNIST_FILES[key].filename for key in missing]
    if not download or _offline():
        why = "download=False" if not download else "DLFS_OFFLINE is set"
        raise MnistNotFoundError(
            _missing_message(
                f"MNIST files not found and downloading is disabled ({why}).",
                names,
                location,
            ),
            missing=names,
            folder=location.folder,
        )
    try:
        import pooch  # optional dependency, imported lazily
    except ImportError as exc:
        raise MnistNotFoundError(
            _missing_message(
                "MNIST files not found, and they cannot be downloaded because "
                'pooch is not installed: pip install "dlfs[data]".',
                names,
                location,
            ),
            missing=names,
            folder=location.folder,
        ) from exc
    downloader = pooch.HTTPDownloader(
        progressbar=find_spec("tqdm") is not None,
        timeout=_DOWNLOAD_TIMEOUT_S,
        chunk_size=1 << 16,
    )
    for done, key in enumerate(missing):
        _download_one(pooch, downloader, MNIST_FILES[key], location, names[done:])


def _download_one(
    pooch: ModuleType,
    downloader: Callable[..., object],
    spec: MnistFile,
    location: _Location,
    still_missing: Sequence[str],
) -> None:
    failures = []
    for mirror in MIRRORS:
        url = mirror + spec.filename
        try:
            pooch.retrieve(
                url,
                known_hash=f"sha256:{spec.sha256}",
                fname=spec.filename,
                path=location.folder,
                downloader=downloader,
            )
        except (OSError, ValueError) as exc:  # network, HTTP, disk or hash error
            failures.append(f"\n  - {url}: {type(exc).__name__}: {exc}")
        else:
            return
    raise MnistNotFoundError(
        _missing_message(
            f"MNIST files not found, and downloading {spec.filename} failed from "
            "every mirror.",
            still_missing,
            location,
            details=f"Mirrors tried:{''.join(failures)}\n",
        ),
        missing=still_missing,
        folder=location.folder,
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _verify(path: Path, spec: MnistFile, location: _Location) -> None:
    actual = _sha256(path)
    if actual == spec.sha256:
        return
    if location.managed:
        advice = "Delete it; load_mnist() will then download a fresh copy."
    else:
        advice = "Replace it with the canonical file, or delete it."
    raise MnistChecksumError(
        f"{path} is not the canonical {spec.filename}, so it was not used:\n"
        f"  expected SHA-256 {spec.sha256} ({spec.size} bytes)\n"
        f"  actual   SHA-256 {actual} ({path.stat().st_size} bytes)\n{advice}",
        path=path,
        expected=spec.sha256,
        actual=actual,
    )


# --------------------------------------------------------------------------
# The .npz cache of parsed arrays
# --------------------------------------------------------------------------


def _cache_name() -> str:
    key = "\n".join([str(_CACHE_FORMAT), *(s.sha256 for s in MNIST_FILES.values())])
    return f"mnist-{hashlib.sha256(key.encode()).hexdigest()[:16]}.npz"


def _cache_dirs(location: _Location) -> Iterator[Path]:
    """Folders for the cache, best first; the user cache is computed lazily."""
    yield location.folder
    if not location.managed:
        user_cache = _user_cache_dir()
        if user_cache != location.folder:
            yield user_cache


def _read_cache(path: Path) -> dict[str, np.ndarray] | None:
    """The cached arrays, or None if absent, stale or damaged."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile):
        return None
    sha256 = arrays.pop("sha256", None)
    expected = [spec.sha256 for spec in MNIST_FILES.values()]
    if sha256 is None or sha256.tolist() != expected:
        return None
    return arrays if _valid_arrays(arrays) else None


def _valid_arrays(arrays: Mapping[str, np.ndarray]) -> bool:
    if set(arrays) != set(MNIST_FILES):
        return False
    for _, img_key, label_key in _SPLITS:
        images, labels = arrays[img_key], arrays[label_key]
        if images.dtype != np.uint8 or images.shape[1:] != IMAGE_SHAPE:
            return False
        if labels.dtype != np.uint8 or labels.shape != images.shape[:1]:
            return False
    return True


def _writable(folder: Path, *, managed: bool) -> bool:
    """Whether to write the cache into ``folder``.

    A folder without any write permission bit counts as read-only even for
    root (who could write into it anyway): shared data folders are marked so.
    """
    if managed:
        return True
    try:
        mode = folder.stat().st_mode
    except OSError:
        return False
    any_write = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    return bool(mode & any_write) and os.access(folder, os.W_OK)


def _write_cache(location: _Location, arrays: Mapping[str, np.ndarray]) -> None:
    """Write the cache into the first folder that takes it; silently skip if none."""
    sha256 = np.array([spec.sha256 for spec in MNIST_FILES.values()])
    for folder in _cache_dirs(location):
        managed = location.managed or folder != location.folder
        if not _writable(folder, managed=managed):
            continue
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _atomic_write(
                folder / _cache_name(),
                lambda f: np.savez(f, sha256=sha256, **arrays),
            )
        except OSError:
            continue
        return


def _load_arrays(
    paths: Mapping[str, Path], location: _Location
) -> dict[str, np.ndarray]:
    for folder in _cache_dirs(location):
        arrays = _read_cache(folder / _cache_name())
        if arrays is not None:
            return arrays
    arrays = {}
    for _, img_key, label_key in _SPLITS:
        images, labels = _load_pair(paths[img_key], paths[label_key])
        arrays[img_key], arrays[label_key] = images, labels
    _write_cache(location, arrays)
    return arrays


# --------------------------------------------------------------------------
# The book's load_mnist
# --------------------------------------------------------------------------


def _check_bools(**flags: object) -> None:
    for name, value in flags.items():
        if not isinstance(value, (bool, np.bool_)):
            raise TypeError(f"{name} must be a bool, not {type(value).__name__}")


# --8<-- [start:images_labels]
def _images(images: np.ndarray, *, normalize: bool, flatten: bool) -> np.ndarray:
    n = len(images)
    x = images.reshape((n, math.prod(IMAGE_SHAPE)) if flatten else (n, 1, *IMAGE_SHAPE))
    if not normalize:
        return x
    x = x.astype(np.float32)
    x /= 255  # in place: the same values as x / 255, one allocation fewer
    return x


def _labels(labels: np.ndarray, *, one_hot: bool) -> np.ndarray:
    return np.eye(NUM_CLASSES, dtype=np.float32)[labels] if one_hot else labels
    # --8<-- [end:images_labels]


def load_mnist(
    normalize: bool = True,
    flatten: bool = True,
    one_hot_label: bool = False,
    *,
    data_dir: StrPath | None = None,
    download: bool = True,
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Load MNIST as the book does: ``(x_train, t_train), (x_test, t_test)``.

    Parameters
    ----------
    normalize : bool, default True
        Scale pixels to float32 in [0, 1] (``x / 255``); else keep uint8 0..255.
    flatten : bool, default True
        Images as rows of 784 pixels, shape (N, 784); else (N, 1, 28, 28).
    one_hot_label : bool, default False
        Labels as float32 one-hot rows, shape (N, 10); else uint8, shape (N,).
    data_dir : str or os.PathLike, optional
        Folder holding the four files. Default: ``DLFS_DATA`` if set, else the
        per-user cache (see :func:`default_data_dir`).
    download : bool, default True
        Download missing files (needs ``pip install "dlfs[data]"``). Setting
        the environment variable ``DLFS_OFFLINE=1`` forbids it as well.

    Returns
    -------
    (x_train, t_train), (x_test, t_test) : tuple of tuple of numpy.ndarray
        60,000 training and 10,000 test samples, new arrays on every call.

    Raises
    ------
    TypeError
        If ``normalize``, ``flatten``, ``one_hot_label`` or ``download`` is not
        a bool, or ``data_dir`` is not a path.
    MnistNotFoundError
        If files are missing and cannot be downloaded (forbidden, pooch not
        installed, or every mirror failed). A ``FileNotFoundError``.
    MnistChecksumError
        If a file's SHA-256 is not the canonical one. A ``ValueError``.
    MnistFormatError
        If a file with the right checksum still fails to parse (practically
        impossible). A ``ValueError``.

    Examples
    --------
    With the four files in ``DLFS_DATA`` (the chapter 3 page checks these
    values on the real data), ``load_mnist()`` returns the book's arrays:
    ``x_train`` float32 of shape (60000, 784) and ``t_train`` uint8 labels
    starting 5, 0, 4, 1, 9.  Where the files are missing and downloads are
    forbidden, the error lists them:

    >>> import tempfile
    >>> empty = tempfile.mkdtemp()
    >>> try:
    ...     load_mnist(data_dir=empty, download=False)
    ... except MnistNotFoundError as error:
    ...     for name in error.missing:
    ...         print(name)
    ...     print(error.folder == Path(empty))
    train-images-idx3-ubyte.gz
    train-labels-idx1-ubyte.gz
    t10k-images-idx3-ubyte.gz
    t10k-labels-idx1-ubyte.gz
    True
    """
    _check_bools(
        normalize=normalize,
        flatten=flatten,
        one_hot_label=one_hot_label,
        download=download,
    )
    # --8<-- [start:load_mnist_body]
    location = _resolve_location(data_dir)
    paths = {key: location.folder / spec.filename for key, spec in MNIST_FILES.items()}
    missing = [key for key, path in paths.items() if not path.is_file()]
    if missing:
        _obtain(missing, location, download=bool(download))
    for key, spec in MNIST_FILES.items():
        _verify(paths[key], spec, location)
    arrays = _load_arrays(paths, location)
    train, test = (
        (
            _images(arrays[img_key], normalize=normalize, flatten=flatten),
            _labels(arrays[label_key], one_hot=one_hot_label),
        )
        for _, img_key, label_key in _SPLITS
    )
    return train, test
    # --8<-- [end:load_mnist_body]
