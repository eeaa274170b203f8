"""Pretrained parameters: ``.npz`` files with a provenance record, never pickle.

The shipped weights of chapter 3's network live in the package, in
``dlfs/pretrained/`` (see the ``README.md`` there), so they load the same from
a clone on ``PYTHONPATH``, an editable install and a wheel; ``python -m dlfs
train`` made them.  Each ``NAME.npz`` has a ``NAME.json`` beside it that
records how it was trained (:func:`training_record`) and the SHA-256 of the
``.npz``; :func:`load_weights` refuses a file whose checksum does not match.
:func:`save_weights` writes both to temporary files and moves them into
place only when both are complete, as one unit, so a failed save leaves the
previous pair as it was.
"""

from __future__ import annotations

import json
import os
import platform
import re
import zipfile
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from dlfs._files import (
    commit,
    discard,
    make_folders,
    remove_folders,
    sha256_of,
    stage,
)
from dlfs.datasets import MNIST_FILES

if TYPE_CHECKING:
    from dlfs.nets import LayerNet
    from dlfs.train import TrainingLog

CH3_WEIGHTS = "ch3_sigmoid_784-50-100-10"
# The most a weights file may declare, in bytes of arrays: the shipped ones are
# 0.5 MB; a file's headers are read before anything is allocated, so a small
# compressed file cannot make load_weights allocate gigabytes.
MAX_WEIGHTS_BYTES = 2**30


class WeightsChecksumError(ValueError):
    """A weights file does not have the SHA-256 its provenance records."""


class WeightsFormatError(ValueError):
    """A weights file or its record is not what :func:`save_weights` writes."""


def weights_path(name: str = CH3_WEIGHTS) -> Path:
    """Path of the shipped ``NAME.npz``, in ``dlfs/pretrained/`` (clone or wheel).

    Examples
    --------
    >>> weights_path().name
    'ch3_sigmoid_784-50-100-10.npz'
    """
    return Path(str(resources.files("dlfs.pretrained") / f"{name}.npz"))


def _architecture(network: LayerNet) -> tuple[list[int], str]:
    """The layer sizes and the hidden activation's name, read from the network."""
    layers = len(network.affines)
    widths = [network.params[f"W{i}"].shape[1] for i in range(1, layers + 1)]
    sizes = [network.params["W1"].shape[0], *widths]
    return sizes, type(network.layers["Activation1"]).__name__.lower()


def training_record(
    network: LayerNet,
    log: TrainingLog,
    *,
    command: str,
    weight_init: float | str,
    seed: int,
    lr: float,
    batch_size: int,
    train_samples: int,
    test_samples: int,
    seconds: float,
    data_dir: str | os.PathLike[str] | None = None,
) -> dict[str, Any]:
    """The provenance record of a network trained on MNIST, for :func:`save_weights`.

    What the network and the log know is read from them: the layer sizes,
    the hidden activation and the dtype from ``network``; the iterations,
    epochs, per-epoch mean loss (:meth:`~dlfs.train.TrainingLog.epoch_losses`)
    and accuracies from ``log``.  The settings that neither holds are passed
    by name.

    Parameters
    ----------
    network : LayerNet
        The trained network, e.g. a :class:`~dlfs.nets.MultiLayerNet`.
    log : TrainingLog
        What :func:`dlfs.train.train` returned for it.
    command : str
        The command that trained it, e.g. ``"python -m dlfs train --seed 1"``.
    weight_init : float or str
        The initialisation as given: ``"auto"``, ``"he"``, ``"xavier"`` or a
        standard deviation such as ``0.01``.
    seed : int
        The seed of the run (network and mini-batches).
    lr : float
        The learning rate of plain SGD.
    batch_size : int
        Samples per mini-batch.
    train_samples, test_samples : int
        Sizes of the training and test sets.
    seconds : float
        Training time, recorded to 0.1 s.
    data_dir : str or os.PathLike, optional
        The MNIST folder if one was named; default: recorded as ``"$DLFS_DATA
        or the per-user cache"``.  The SHA-256 of the four files are recorded
        either way (:func:`~dlfs.datasets.load_mnist` checked them).

    Returns
    -------
    dict
        A JSON-ready record: ``description``, ``command``, ``architecture``,
        ``dataset``, ``training``, ``per_epoch``, ``final_test_accuracy`` and
        ``versions`` (dlfs, NumPy, Python).

    Raises
    ------
    ValueError
        If ``log`` has no evaluation (nothing was trained).

    Examples
    --------
    >>> from dlfs.nets import MultiLayerNet
    >>> from dlfs.train import train
    >>> rng = np.random.default_rng(0)
    >>> x, t = rng.random((20, 4)), rng.integers(0, 3, 20)
    >>> net = MultiLayerNet(4, [5], 3, "xavier", activation="sigmoid", seed=0)
    >>> log = train(net, x, t, x, t, iters_num=4, batch_size=10)
    >>> record = training_record(
    ...     net, log, command="example", weight_init="xavier", seed=0, lr=0.1,
    ...     batch_size=10, train_samples=20, test_samples=20, seconds=0.01)
    >>> record["architecture"]["sizes"], record["architecture"]["hidden_activation"]
    ([4, 5, 3], 'sigmoid')
    >>> record["training"]["iterations"], record["training"]["epochs"]
    (4, 2.0)
    >>> len(record["per_epoch"]["loss"]), record["per_epoch"]["iterations"]
    (2, [2, 4])
    """
    if not log.eval_iterations:
        raise ValueError("the training log has no evaluation: nothing was trained")
    from dlfs import __version__  # here: dlfs/__init__.py imports this module

    sizes, activation = _architecture(network)
    iterations = len(log.loss)
    return {
        "description": (
            f"MNIST classifier {'-'.join(map(str, sizes))}, {activation} "
            "hidden layers, softmax output, trained by dlfs (backprop, "
            "mini-batch SGD)"
        ),
        "command": command,
        "architecture": {
            "sizes": sizes,
            "hidden_activation": activation,
            "output": "softmax",
            "weight_init": weight_init,
        },
        "dataset": {
            "name": "MNIST",
            "train_samples": train_samples,
            "test_samples": test_samples,
            "normalize": True,
            "data_dir": str(data_dir or "$DLFS_DATA or the per-user cache"),
            "files": {f.filename: f.sha256 for f in MNIST_FILES.values()},
        },
        "training": {
            "seed": seed,
            "optimizer": "SGD",
            "lr": lr,
            "batch_size": batch_size,
            "iterations": iterations,
            "epochs": round(iterations / log.iters_per_epoch, 4),
            "dtype": network.params["W1"].dtype.name,
            "seconds": round(seconds, 1),
        },
        "per_epoch": {
            "iterations": list(log.eval_iterations),
            "loss": log.epoch_losses(),
            "train_acc": list(log.train_acc),
            "test_acc": list(log.test_acc),
        },
        "final_test_accuracy": log.test_acc[-1],
        "versions": {
            "dlfs": __version__,
            "numpy": np.__version__,
            "python": platform.python_version(),
        },
    }


def save_weights(
    path: str | os.PathLike[str],
    params: Mapping[str, np.ndarray],
    provenance: Mapping[str, Any],
) -> dict[str, Any]:
    """Save ``params`` as ``.npz`` and ``provenance`` (plus its SHA-256) as JSON.

    The two files are one pair: both are written to temporary files beside
    their targets, and only when both are complete are they moved into place,
    as one unit (:func:`dlfs._files.commit`).  A failure (a full disk, an
    exception, Ctrl-C) leaves any previous pair untouched and removes the
    folders this call created.
    Arrays are stored uncompressed and without pickle, so the same parameters
    always give the same bytes.

    Parameters
    ----------
    path : path-like
        Where to write the ``.npz``; the ``.json`` goes beside it.  Missing
        folders are created.
    params : mapping of str to numpy.ndarray
        The parameters, for example ``W1..Wn, b1..bn``.
    provenance : mapping
        How they were made; must be JSON-serialisable.

    Returns
    -------
    dict
        The provenance as written, with ``sha256`` and ``file`` added.

    Raises
    ------
    ValueError
        If ``path`` does not end in ``.npz`` (the record would take its name),
        or an array needs pickle (object dtype).
    WeightsFormatError
        If a parameter holds NaN or inf, or the layers' parameters do not pair
        up as ``W1..Wn`` with ``b1..bn``: what :func:`load_weights` refuses.
    TypeError
        If ``provenance`` is not JSON-serialisable.

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
    created = make_folders(path.parent)
    try:
        record, staged = stage_weights(path, params, provenance)
        commit(staged)
    except BaseException:
        remove_folders(created)
        raise
    return record


def stage_weights(
    path: str | os.PathLike[str],
    params: Mapping[str, np.ndarray],
    provenance: Mapping[str, Any],
    into: dict[Path, Path] | None = None,
) -> tuple[dict[str, Any], dict[Path, Path]]:
    """Write the pair :func:`save_weights` writes, to temporary files only.

    For a writer that puts several files in place as one unit, with
    :func:`dlfs._files.commit`, after staging them all.

    Parameters
    ----------
    path : path-like
        Where the ``.npz`` will go; the ``.json`` goes beside it.  Its
        folder must exist.
    params : mapping of str to numpy.ndarray
        The parameters, all finite.
    provenance : mapping
        How they were made; must be strict JSON (no NaN).
    into : dict, optional
        Gets each target and its temporary file as soon as it is written
        (see :func:`dlfs._files.stage`).

    Returns
    -------
    record : dict
        The provenance as it will be written, with ``sha256`` and ``file``.
    staged : dict of pathlib.Path to pathlib.Path
        Each target (the ``.npz``, then the ``.json``) and its temporary file.

    Raises
    ------
    ValueError
        As :func:`save_weights`; on any failure no temporary file is left.
    """
    path = Path(path)
    if path.suffix != ".npz":
        raise ValueError(
            f"weights path {path} must end in .npz; its provenance record is "
            f"written beside it as {path.with_suffix('.json').name}"
        )
    # fail before writing anything: a record that is not strict JSON, or
    # parameters that load_weights would refuse
    json.dumps(dict(provenance), allow_nan=False)
    arrays = {key: np.asarray(value, order="C") for key, value in params.items()}
    _check_layer_names(path, list(arrays))
    _check_finite(path, arrays)
    staged = into if into is not None else {}
    record_path = path.with_suffix(".json")
    try:
        stage(path, lambda f: np.savez(f, allow_pickle=False, **arrays), staged)
        record = {**provenance, "file": path.name, "sha256": sha256_of(staged[path])}
        text = json.dumps(record, indent=2, allow_nan=False) + "\n"
        stage(record_path, lambda f: f.write(text.encode()), staged)
    except BaseException:
        for target in (path, record_path):
            if target in staged:
                discard(staged.pop(target))
        raise
    return record, {target: staged[target] for target in (path, record_path)}


def _record_path(npz: Path) -> Path:
    """The ``.json`` record of weights ``npz``, or a clear error for a wrong path."""
    if npz.suffix == ".json":
        raise WeightsFormatError(
            f"{npz} is the provenance record of a weights pair; pass the weights "
            f"file beside it instead: {npz.with_suffix('.npz')}"
        )
    return npz.with_suffix(".json")


def load_provenance(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The provenance record of a weights file (default: chapter 3's).

    Parameters
    ----------
    path : path-like, optional
        The ``.npz`` (not the ``.json``).  Default: the shipped weights.

    Returns
    -------
    dict
        The record as :func:`save_weights` wrote it.

    Raises
    ------
    FileNotFoundError
        If the ``.json`` beside the ``.npz`` is missing.
    WeightsFormatError
        If ``path`` is the ``.json`` itself, or the record is not valid JSON,
        not an object, or has no ``sha256``.

    Examples
    --------
    >>> load_provenance()["architecture"]["sizes"]
    [784, 50, 100, 10]
    """
    npz = Path(path) if path is not None else weights_path()
    record_path = _record_path(npz)
    if not record_path.is_file():
        raise FileNotFoundError(
            f"no provenance file {record_path} for weights {npz}; weights are "
            "only loaded together with the record of how they were made"
        )
    try:
        record = json.loads(
            record_path.read_text(encoding="utf-8"), parse_constant=_not_json
        )
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WeightsFormatError(
            f"provenance file {record_path} is not valid JSON ({exc}); restore it "
            f"or make the pair again with python -m dlfs train --output {npz}"
        ) from None
    if not isinstance(record, dict) or not isinstance(record.get("sha256"), str):
        raise WeightsFormatError(
            f"provenance file {record_path} is not a weights record: it has no "
            "'sha256' of the weights file"
        )
    return record


def _not_json(constant: str) -> None:
    """Python's json reads NaN and Infinity, which JSON does not have."""
    raise json.JSONDecodeError(f"{constant} is not JSON", constant, 0)


def _check_npz(npz: Path) -> None:
    """Refuse a path that is missing, a folder, or not a ``.npz`` (zip) archive,
    and arrays larger in all than :data:`MAX_WEIGHTS_BYTES`, from their headers."""
    _record_path(npz)
    if not npz.is_file():
        raise FileNotFoundError(f"weights file {npz} does not exist")
    if not zipfile.is_zipfile(npz):
        raise WeightsFormatError(
            f"weights file {npz} is not a .npz archive (a zip of .npy arrays, "
            "as save_weights writes); a single .npy renamed to .npz is not one"
        )
    with zipfile.ZipFile(npz) as archive:
        _check_layer_names(
            npz, [name.removesuffix(".npy") for name in archive.namelist()]
        )
    declared = _declared_bytes(npz)
    if declared > MAX_WEIGHTS_BYTES:
        raise WeightsFormatError(
            f"weights file {npz} declares {declared} bytes of arrays, more than "
            f"the {MAX_WEIGHTS_BYTES} a weights file may hold; it is not loaded"
        )


def _check_layer_names(npz: Path, names: list[str]) -> None:
    """Refuse layers' parameters that do not pair up as W1..Wn with b1..bn:
    :func:`dlfs.network.predict` counts them, so a missing b2 would silently
    drop W2.  Other names, and weights without biases, are left alone."""
    numbered = sorted(name for name in names if re.fullmatch(r"[Wb][1-9]\d*", name))
    layers = sum(name.startswith("W") for name in numbered)
    expected = sorted(f"{p}{i}" for p in "Wb" for i in range(1, layers + 1))
    if any(name.startswith("b") for name in numbered) and numbered != expected:
        pairs = (
            f"{', '.join(expected)} for {layers} layers"
            if layers
            else "here there is no W1"
        )
        raise WeightsFormatError(
            f"weights file {npz} holds {', '.join(numbered)}: a network's "
            f"parameters are W1..Wn with b1..bn ({pairs}), so it is not used"
        )


def _declared_bytes(npz: Path) -> int:
    """The bytes the arrays of ``npz`` say they hold, read from their headers."""
    total = 0
    with zipfile.ZipFile(npz) as archive:
        for name in archive.namelist():
            with archive.open(name) as member:
                try:
                    version = np.lib.format.read_magic(member)
                    read = np.lib.format.read_array_header_1_0
                    if version != (1, 0):
                        read = np.lib.format.read_array_header_2_0
                    shape, _, dtype = read(member)
                except ValueError as exc:
                    raise WeightsFormatError(
                        f"weights file {npz}: {name} is not a .npy array ({exc})"
                    ) from None
            total += int(np.prod(shape, dtype=object)) * dtype.itemsize
    return total


def _check_finite(npz: Path, arrays: dict[str, np.ndarray]) -> None:
    """Refuse parameters that are NaN or infinite: a network that diverged."""
    floats = {key: a for key, a in arrays.items() if a.dtype.kind in "fc"}
    bad = [key for key, array in floats.items() if not np.isfinite(array).all()]
    if bad:
        raise WeightsFormatError(
            f"weights file {npz}: {', '.join(bad)} hold NaN or infinite values "
            "(did training diverge?); such weights are neither saved nor loaded"
        )


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
    WeightsFormatError
        If ``path`` is the ``.json`` record, the ``.npz`` is not a zip of
        arrays or declares more than :data:`MAX_WEIGHTS_BYTES` of them, the
        layers' parameters do not pair up as ``W1..Wn`` with ``b1..bn``, a
        parameter is NaN or infinite, or the record is not strict JSON (all
        are ``ValueError``).

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
    _check_npz(npz)
    expected = load_provenance(npz)["sha256"]
    actual = sha256_of(npz)
    if actual != expected:
        raise WeightsChecksumError(
            f"weights file {npz} has SHA-256 {actual}, but its provenance "
            f"{npz.with_suffix('.json').name} records {expected}; the file is "
            "corrupt or was changed, so it is not used"
        )
    with np.load(npz, allow_pickle=False) as data:
        arrays = {key: data[key] for key in data.files}
    _check_finite(npz, arrays)
    return arrays
    # --8<-- [end:load_weights_body]
