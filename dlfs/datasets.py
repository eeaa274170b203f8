"""MNIST, loaded the way *Deep Learning from Scratch* does, with checks.

:func:`load_mnist` keeps the book's signature. It looks for the four canonical
files in ``data_dir``, else ``DLFS_DATA``, else the per-user cache
(``DLFS_CACHE``, else ``platformdirs.user_cache_dir("dlfs")``, e.g.
``~/.cache/dlfs``), downloads missing ones with pooch unless ``download=False``
or ``DLFS_OFFLINE=1``, verifies every SHA-256 and caches the parsed arrays in
an ``.npz`` in the per-user cache (never a pickle).  A download goes into the
folder that was looked in; the ``.npz`` cache is never written into a data
folder.
:func:`mnist_dir` and :func:`mnist_missing` tell, without loading, which
folder that is and which files it lacks.
"""

from __future__ import annotations

import gzip
import math
import os
import warnings
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

import numpy as np

from dlfs._files import atomic_write, missing_folders, remove_folders, sha256_of

__all__ = [
    "MIRRORS",
    "MNIST_FILES",
    "MnistChecksumError",
    "MnistNotFoundError",
    "load_mnist",
    "mnist_available",
    "mnist_dir",
    "mnist_missing",
    "read_idx",
]


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

IMAGE_SHAPE, NUM_CLASSES = (28, 28), 10
# IDX type codes (third byte of the magic number) and their big-endian dtypes.
_IDX_DTYPES = MappingProxyType(
    {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
)
_SPLITS = (("train_img", "train_label"), ("test_img", "test_label"))
_CHECKSUMS = [spec.sha256 for spec in MNIST_FILES.values()]


class MnistNotFoundError(FileNotFoundError):
    """MNIST files are missing and could not be downloaded.

    ``str(error)`` is the whole explanation, ready to print: why nothing was
    downloaded, the folder, how it was chosen, the missing files and what to
    do.  The same facts are attributes, for a caller that words them its own
    way.

    Attributes
    ----------
    reason : str
        Why the files were not downloaded, e.g. ``"downloading is disabled
        (download=False)."``.
    folder : pathlib.Path
        The folder that was searched (see :func:`mnist_dir`).
    missing : list of str
        The file names that are not there, in the order of :data:`MNIST_FILES`.
    where : str
        How ``folder`` was chosen: ``"the data_dir argument"``,
        ``"DLFS_DATA"`` or ``"the per-user cache (DLFS_CACHE or the
        platform's)"``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     try:
    ...         load_mnist(data_dir=folder, download=False)
    ...     except MnistNotFoundError as error:
    ...         print(error.where, len(error.missing), error.missing[0])
    the data_dir argument 4 train-images-idx3-ubyte.gz
    """

    def __init__(self, reason: str, folder: Path, missing: list[str], where: str):
        self.reason, self.where = reason, where
        self.folder, self.missing = Path(folder), list(missing)
        super().__init__(
            f"MNIST files not found: {reason}\nMissing from {self.folder} (chosen "
            f"by {where}):"
            + "".join(f"\n  - {name}" for name in missing)
            + "\nPut the four files in a folder and point DLFS_DATA or the "
            "data_dir argument of load_mnist() at it, or let load_mnist() download "
            "them (network access, download=True and DLFS_OFFLINE unset)."
        )

    def __reduce__(self) -> tuple[type, tuple[str, Path, list[str], str]]:
        return type(self), (self.reason, self.folder, self.missing, self.where)


class MnistChecksumError(ValueError):
    """A file's SHA-256 differs from the canonical one; the file was not used.

    ``str(error)`` names the file and both checksums and sizes.

    Attributes
    ----------
    folder : pathlib.Path
        The folder holding the file.
    file : str
        The file's name, one of the four in :data:`MNIST_FILES`.
    expected, actual : str
        The canonical SHA-256 and the file's (hex).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     for spec in MNIST_FILES.values():
    ...         _ = (Path(folder) / spec.filename).write_bytes(b"")
    ...     try:
    ...         load_mnist(data_dir=folder)
    ...     except MnistChecksumError as error:
    ...         print(error.file, error.actual[:16])
    train-images-idx3-ubyte.gz e3b0c44298fc1c14
    """

    def __init__(self, folder: Path, spec: MnistFile, actual: str, actual_size: int):
        self.folder, self.file = Path(folder), spec.filename
        self.expected, self.actual = spec.sha256, actual
        self._args = (folder, spec, actual, actual_size)
        super().__init__(
            f"{self.folder / self.file} is not the canonical {self.file}, so it "
            "was not used:\n"
            f"  expected SHA-256 {spec.sha256} ({spec.size} bytes)\n"
            f"  actual   SHA-256 {actual} ({actual_size} bytes)\n"
            "Replace it with the canonical file, or delete it."
        )

    def __reduce__(self) -> tuple[type, tuple[Path, MnistFile, str, int]]:
        return type(self), self._args


def read_idx(path: str | os.PathLike[str]) -> np.ndarray:
    """Read an IDX file, raw or gzip-compressed (told by its first bytes), as an array.

    Raises ValueError, naming the file, if the gzip stream is corrupt, the
    magic number is not IDX's or the payload is not as long as the header says.
    """
    path = Path(path)
    data = path.read_bytes()
    try:
        data = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    except (OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"{path}: corrupt gzip data ({exc})") from exc
    magic_ok = len(data) >= 4 and data[:2] == b"\0\0" and data[2] in _IDX_DTYPES
    if not magic_ok or not data[3]:
        raise ValueError(
            f"{path}: not an IDX file: it starts with {data[:4].hex()!r}, not two "
            "zero bytes, a type code and a number of dimensions (e.g. 00000803)"
        )
    header = 4 + 4 * data[3]
    shape = tuple(int.from_bytes(data[i : i + 4], "big") for i in range(4, header, 4))
    dtype = np.dtype(_IDX_DTYPES[data[2]])
    expected, actual = math.prod(shape) * dtype.itemsize, len(data) - header
    if len(data) < header or actual != expected:
        raise ValueError(
            f"{path}: the header promises shape {shape} of {dtype.name}, i.e. "
            f"{expected} bytes after the {header}-byte header, but there are "
            f"{max(actual, 0)}"
        )
    flat = np.frombuffer(data, dtype, offset=header)
    return flat.reshape(shape).astype(dtype.newbyteorder("="))


def _cache_dir() -> Path:  # the per-user cache
    # The folder pooch.os_cache names, without importing pooch: pooch imports
    # tqdm.auto, which warns in a notebook without ipywidgets. Pooch is
    # imported only to download.
    import platformdirs  # here, not at the top, so that ``import dlfs`` stays quick

    return Path(os.environ.get("DLFS_CACHE") or platformdirs.user_cache_dir("dlfs"))


def _data_dir(data_dir: str | os.PathLike[str] | None) -> tuple[Path, str]:
    """The folder holding the files, and how it was chosen (for messages)."""
    if data_dir is not None:
        return Path(data_dir).expanduser(), "the data_dir argument"
    if os.environ.get("DLFS_DATA"):
        return Path(os.environ["DLFS_DATA"]).expanduser(), "DLFS_DATA"
    return _cache_dir(), "the per-user cache (DLFS_CACHE or the platform's)"


def mnist_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The folder :func:`load_mnist` reads the four files from.

    Parameters
    ----------
    data_dir : str or os.PathLike, optional
        As in :func:`load_mnist`.

    Returns
    -------
    pathlib.Path
        ``data_dir`` if given, else ``DLFS_DATA`` if set, else the per-user
        cache (``DLFS_CACHE``, else e.g. ``~/.cache/dlfs``); ``~`` is expanded.
        The folder need not exist.

    Examples
    --------
    >>> mnist_dir("~/mnist") == Path.home() / "mnist"
    True
    """
    return _data_dir(data_dir)[0]


def mnist_missing(data_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """The names of the four MNIST files that are not in :func:`mnist_dir`.

    Only looks: nothing is downloaded, created or checked (a file that is
    there but damaged is not listed; :func:`load_mnist` refuses it).

    Parameters
    ----------
    data_dir : str or os.PathLike, optional
        As in :func:`load_mnist`.

    Returns
    -------
    list of str
        File names in the order of :data:`MNIST_FILES`; empty if all four are
        there.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "train-images-idx3-ubyte.gz").write_bytes(b"")
    ...     mnist_missing(folder)
    ['train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz',
     't10k-labels-idx1-ubyte.gz']
    """
    folder = mnist_dir(data_dir)
    names = [spec.filename for spec in MNIST_FILES.values()]
    return [name for name in names if not (folder / name).is_file()]


def mnist_available(data_dir: str | os.PathLike[str] | None = None) -> bool:
    """Whether :func:`load_mnist` would find the four files; downloads nothing."""
    return not mnist_missing(data_dir)


def _obtain(missing: list[str], folder: Path, where: str, download: bool) -> None:
    """Download the missing files (names in MNIST_FILES), or explain why not."""
    if not missing:
        return
    offline = os.environ.get("DLFS_OFFLINE", "").lower() in {"1", "true", "yes"}
    if not download or offline:
        why = "download=False" if not download else "DLFS_OFFLINE is set"
        why = f"downloading is disabled ({why})."
        raise MnistNotFoundError(why, folder, missing, where)
    import pooch

    http = pooch.HTTPDownloader(timeout=10)
    log = pooch.get_logger()  # says "Downloading" before it tries: only success
    made = missing_folders(folder)  # pooch makes them; a failure removes them
    for i, name in enumerate(missing):
        spec = next(s for s in MNIST_FILES.values() if s.filename == name)
        failures = ""
        for url in (mirror + spec.filename for mirror in MIRRORS):
            try:  # pooch checks the SHA-256 and moves the file in when complete
                hash_ = f"sha256:{spec.sha256}"
                log.disabled = True
                pooch.retrieve(url, hash_, spec.filename, folder, downloader=http)
            except (OSError, ValueError) as exc:  # network, HTTP, disk or hash
                failures += f"\n  - {url}: {type(exc).__name__}: {exc}"
                continue
            finally:
                log.disabled = False
            log.info("Downloaded %s from %s into %s", name, url, folder)
            break
        else:
            remove_folders(made)
            why = f"downloading {spec.filename} failed from every mirror:{failures}"
            raise MnistNotFoundError(why, folder, missing[i:], where)


def _verify(path: Path, spec: MnistFile) -> None:
    actual = sha256_of(path)
    if actual != spec.sha256:
        raise MnistChecksumError(path.parent, spec, actual, path.stat().st_size)


# What the four verified files hold, which a cache must match.
_SHAPES = {
    "train_img": (60000, *IMAGE_SHAPE),
    "train_label": (60000,),
    "test_img": (10000, *IMAGE_SHAPE),
    "test_label": (10000,),
}


def _arrays(paths: Mapping[str, Path]) -> dict[str, np.ndarray]:
    """The four uint8 arrays: from the ``.npz`` cache if it is sound, else parsed
    (and a cache that was there but not sound is rebuilt, with a note)."""
    cache = _cache_dir() / "mnist.npz"
    try:
        with np.load(cache, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile):
        arrays = {}
    sound = all(
        arrays.get(key, np.empty(0)).dtype == np.uint8 and arrays[key].shape == shape
        for key, shape in _SHAPES.items()
    )
    if sound and arrays.pop("sha256", np.array([])).tolist() == _CHECKSUMS:
        return arrays
    if cache.exists():
        warnings.warn(
            f"the MNIST cache {cache} did not hold the arrays of the verified "
            "files; it is rebuilt from them",
            stacklevel=3,
        )
    arrays = {key: read_idx(path) for key, path in paths.items()}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cache, lambda f: np.savez(f, sha256=_CHECKSUMS, **arrays))
    except OSError:
        pass  # a cache that cannot be written only costs time
    return arrays


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


def load_mnist(
    normalize: bool = True,
    flatten: bool = True,
    one_hot_label: bool = False,
    *,
    data_dir: str | os.PathLike[str] | None = None,
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
        per-user cache (``DLFS_CACHE``, else e.g. ``~/.cache/dlfs``).
    download : bool, default True
        Download missing files into that folder. The environment variable
        ``DLFS_OFFLINE=1`` forbids it as well.

    Returns
    -------
    (x_train, t_train), (x_test, t_test) : tuple of tuple of numpy.ndarray
        60,000 training and 10,000 test samples, new arrays on every call.

    Raises
    ------
    MnistNotFoundError
        If files are missing and cannot be downloaded; the message names the
        folder, the files, ``DLFS_DATA`` and ``data_dir``, and the error
        carries them as ``folder``, ``missing`` and ``where``.
    MnistChecksumError
        If a file's SHA-256 is not the canonical one; the message names the
        file and both checksums, the error carries ``folder`` and ``file``.
    TypeError
        If a flag is not a bool.

    Examples
    --------
    >>> import tempfile
    >>> try:
    ...     load_mnist(data_dir=tempfile.mkdtemp(), download=False)
    ... except MnistNotFoundError as error:
    ...     print(str(error).splitlines()[0])
    MNIST files not found: downloading is disabled (download=False).
    """
    flags = dict(normalize=normalize, flatten=flatten, one_hot_label=one_hot_label)
    for name, value in {**flags, "download": download}.items():
        if not isinstance(value, (bool, np.bool_)):
            raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
    folder, where = _data_dir(data_dir)
    paths = {key: folder / spec.filename for key, spec in MNIST_FILES.items()}
    _obtain(mnist_missing(folder), folder, where, download)
    for key, spec in MNIST_FILES.items():
        _verify(paths[key], spec)
    arrays = _arrays(paths)
    train, test = (
        (
            _images(arrays[img_key], normalize=normalize, flatten=flatten),
            _labels(arrays[label_key], one_hot=one_hot_label),
        )
        for img_key, label_key in _SPLITS
    )
    return train, test
