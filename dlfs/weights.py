"""Pretrained parameters: ``.npz`` files with a provenance record, never pickle.

The shipped weights of chapter 3's network were made by ``python -m
dlfs train`` (see ``weights/README.md``).  Each ``NAME.npz`` has a
``NAME.json`` beside it that records how it was trained and the SHA-256 of the
``.npz``; :func:`load_weights` refuses a file whose checksum does not match.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

CH3_WEIGHTS = "ch3_sigmoid_784-50-100-10"


class WeightsChecksumError(ValueError):
    """A weights file does not have the SHA-256 its provenance records."""


def sha256_of(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of a file, read in chunks.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "empty"
    >>> _ = path.write_bytes(b"")
    >>> sha256_of(path)[:16]
    'e3b0c44298fc1c14'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write_atomically(path: Path, write: Any) -> None:
    """Write through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes files private
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def weights_path(name: str = CH3_WEIGHTS) -> Path:
    """Path of the shipped ``NAME.npz`` (in a clone or an installed wheel).

    Examples
    --------
    >>> weights_path().name
    'ch3_sigmoid_784-50-100-10.npz'
    """
    return Path(str(resources.files("dlfs.pretrained") / f"{name}.npz"))


def save_weights(
    path: str | os.PathLike[str],
    params: Mapping[str, np.ndarray],
    provenance: Mapping[str, Any],
) -> dict[str, Any]:
    """Save ``params`` as ``.npz`` and ``provenance`` (plus its SHA-256) as JSON.

    Both files are written atomically, so an interrupted save never leaves a
    half-written file.  Arrays are stored uncompressed and without pickle, so
    the same parameters always give the same bytes.

    Parameters
    ----------
    path : path-like
        Where to write the ``.npz``; the ``.json`` goes beside it.
    params : mapping of str to numpy.ndarray
        The parameters, for example ``W1..Wn, b1..bn``.
    provenance : mapping
        How they were made; must be JSON-serialisable.

    Returns
    -------
    dict
        The provenance as written, with ``sha256`` and ``file`` added.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "tiny.npz"
    >>> record = save_weights(path, {"W1": np.eye(2)}, {"note": "example"})
    >>> sorted(record)
    ['file', 'note', 'sha256']
    >>> load_weights(path)["W1"]
    array([[1., 0.],
           [0., 1.]])
    """
    path = Path(path)
    json.dumps(dict(provenance))  # fail before writing anything if not JSON-ready
    arrays = {key: np.ascontiguousarray(value) for key, value in params.items()}
    _write_atomically(path, lambda f: np.savez(f, allow_pickle=False, **arrays))
    record = {**provenance, "file": path.name, "sha256": sha256_of(path)}
    text = json.dumps(record, indent=2) + "\n"
    _write_atomically(path.with_suffix(".json"), lambda f: f.write(text.encode()))
    return record


def load_provenance(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The provenance record of a weights file (default: chapter 3's).

    Raises
    ------
    FileNotFoundError
        If the ``.json`` beside the ``.npz`` is missing.

    Examples
    --------
    >>> load_provenance()["architecture"]["sizes"]
    [784, 50, 100, 10]
    """
    npz = Path(path) if path is not None else weights_path()
    record_path = npz.with_suffix(".json")
    if not record_path.is_file():
        raise FileNotFoundError(
            f"no provenance file {record_path} for weights {npz}; weights are "
            "only loaded together with the record of how they were made"
        )
    return json.loads(record_path.read_text())


def load_weights(path: str | os.PathLike[str] | None = None) -> dict[str, np.ndarray]:
    """Load verified parameters: chapter 3's ``W1..W3, b1..b3`` by default.

    The file's SHA-256 is checked against its provenance record before it is
    read, and it is read with ``allow_pickle=False``.

    Parameters
    ----------
    path : path-like, optional
        A ``.npz`` written by :func:`save_weights`.  Default: the shipped
        784-50-100-10 sigmoid network.

    Returns
    -------
    dict of str to numpy.ndarray
        Ready for :func:`dlfs.network.predict`.

    Raises
    ------
    FileNotFoundError
        If the ``.npz`` or its ``.json`` record is missing.
    WeightsChecksumError
        If the ``.npz`` does not have the recorded SHA-256.

    Examples
    --------
    >>> network = load_weights()
    >>> sorted(network)
    ['W1', 'W2', 'W3', 'b1', 'b2', 'b3']
    >>> network["W1"].shape, network["W2"].shape, network["W3"].shape
    ((784, 50), (50, 100), (100, 10))
    """
    # --8<-- [start:load_weights_body]
    npz = Path(path) if path is not None else weights_path()
    if not npz.is_file():
        raise FileNotFoundError(f"weights file {npz} does not exist")
    expected = load_provenance(npz).get("sha256")
    actual = sha256_of(npz)
    if actual != expected:
        raise WeightsChecksumError(
            f"weights file {npz} has SHA-256 {actual}, but its provenance "
            f"{npz.with_suffix('.json').name} records {expected}; the file is "
            "corrupt or was changed, so it is not used"
        )
    with np.load(npz, allow_pickle=False) as data:
        return {key: data[key] for key in data.files}
    # --8<-- [end:load_weights_body]
