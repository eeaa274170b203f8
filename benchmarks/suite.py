"""The whole benchmark: settings, the four parts, the targets, the results dict."""

from __future__ import annotations

import operator
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from benchmarks import environment, gemm, gradients, inference, training

SCHEMA = 1
COMMAND = "python -m benchmarks --book"


@dataclass(frozen=True)
class Settings:
    """What to measure and how long; :data:`FULL` and :data:`SMOKE` are presets."""

    mode: str = "full"
    seed: int = 0
    threads: int = 2
    sizes: tuple[int, int, int] = (784, 50, 10)
    batch_size: int = 100
    lr: float = 0.1
    train_iterations: int = 10_000
    train_block: int = 250
    train_pause: float = 0.15
    test_images: int = 10_000
    inference_images: int = 10_000
    inference_repeats: int = 7
    gradient_sizes: tuple[int, int, int] = (784, 50, 10)
    gradient_batch: int = 100
    gradient_repeats: int = 10
    gradient_number: int = 20
    gemm_rounds: int = 30
    gemm_number: int = 20
    use_torch: bool = True
    data_dir: str | None = field(default=None, compare=False)


FULL = Settings()
SMOKE = Settings(
    mode="smoke",
    train_iterations=40,
    train_block=10,
    train_pause=0.0,
    test_images=1_000,
    inference_images=300,
    inference_repeats=2,
    gradient_sizes=(784, 3, 10),
    gradient_batch=10,
    gradient_repeats=3,
    gradient_number=3,
    gemm_rounds=3,
    gemm_number=3,
)

# name: (where in the results, comparison, target, what it means)
TARGETS: dict[str, tuple[tuple[str, ...], str, float, str]] = {
    "training_vs_book": (
        ("training", "implementations", "book", "speedup_of_ours"),
        ">=",
        2.5,
        "our training iteration at least 2.5x faster than the book's algorithm",
    ),
    "training_vs_torch": (
        ("training", "implementations", "torch", "speedup_of_ours"),
        ">=",
        1.0,
        "our training iteration no slower than PyTorch eager float32",
    ),
    "training_vs_floor": (
        ("training", "implementations", "ours", "over_floor"),
        "<=",
        3.0,
        "our training iteration within 3x of its matrix products alone",
    ),
    "inference_vs_floor": (
        ("inference", "batch_over_floor"),
        "<=",
        2.0,
        "inference in batches of 100 within 2x of its matrix products alone",
    ),
    "inference_vs_loop": (
        ("inference", "loop_over_batch"),
        ">=",
        10.0,
        "inference in batches of 100 at least 10x faster than one image at a time",
    ),
    "accuracy": (
        ("training", "implementations", "ours", "test_acc"),
        ">=",
        0.965,
        "test accuracy of our network after the training iterations",
    ),
}
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
}


def _lookup(results: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = results
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def check_targets(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each target, its measured value and whether it is met (None: not measured)."""
    checked = {}
    for name, (path, op, target, meaning) in TARGETS.items():
        value = _lookup(results, path)
        checked[name] = {
            "meaning": meaning,
            "value": value,
            "op": op,
            "target": target,
            "met": None if value is None else bool(_COMPARE[op](value, target)),
        }
    return checked


class MnistUnavailable(Exception):
    """The MNIST files are missing or damaged; ``args[0]`` is the loader's error."""


def run(
    settings: Settings = FULL, *, progress: Callable[[str], None] | None = None
) -> dict[str, Any]:
    """Run every part with ``settings`` and return the JSON-ready results."""
    from dlfs.datasets import load_mnist

    say = progress or (lambda message: None)
    started = time.perf_counter()
    results: dict[str, Any] = {"schema": SCHEMA, "command": COMMAND}
    results.update(environment.describe())
    results["settings"] = asdict(replace(settings, data_dir=None))
    del results["settings"]["data_dir"]

    say("loading MNIST")
    try:
        train, test = load_mnist(normalize=True, data_dir=settings.data_dir)
    except (OSError, ValueError) as exc:  # missing, unreadable or damaged files
        raise MnistUnavailable(exc) from exc
    results.update(_measure(settings, train, test, say))
    # Smoke sizes are too small for any target to mean something: none is
    # measured, so a smoke run never reports a target as met or missed.
    results["targets"] = check_targets({} if settings.mode == "smoke" else results)
    results["machine"]["loadavg_at_end"] = environment.loadavg()
    results["seconds"] = round(time.perf_counter() - started, 1)
    return results


def _measure(
    settings: Settings, train: Any, test: Any, say: Callable[[str], None]
) -> dict[str, Any]:
    """The four parts' results: products, inference, gradients, training."""
    from dlfs.weights import load_weights

    (x_train, t_train), (x_test, t_test) = train, test
    results: dict[str, Any] = {}
    say("matrix products (GEMM) of a training iteration, float32 and float64")
    results["gemm"] = gemm.measure(
        settings.sizes,
        settings.batch_size,
        rounds=settings.gemm_rounds,
        number=settings.gemm_number,
    )

    images = settings.inference_images
    say(f"inference on {images} test images, 3 ways")
    results["inference"] = inference.run(
        load_weights(),
        x_test[:images],
        t_test[:images],
        batch_size=settings.batch_size,
        repeats=settings.inference_repeats,
    )

    say("one gradient: numerical differentiation and backpropagation")
    results["gradients"] = gradients.run(
        x_train,
        t_train,
        sizes=settings.gradient_sizes,
        batch_size=settings.gradient_batch,
        seed=settings.seed,
        repeats=settings.gradient_repeats,
        number=settings.gradient_number,
    )

    say(f"training, {settings.train_iterations} iterations of each implementation")
    results["training"] = training.run(
        x_train,
        t_train,
        x_test[: settings.test_images],
        t_test[: settings.test_images],
        sizes=settings.sizes,
        batch_size=settings.batch_size,
        lr=settings.lr,
        iterations=settings.train_iterations,
        block=settings.train_block,
        seed=settings.seed,
        threads=settings.threads,
        pause=settings.train_pause,
        use_torch=settings.use_torch,
    )
    return results


def default_output() -> Path:
    """``docs/data/benchmarks.json`` of this checkout: the file the book uses."""
    from book.performance import RESULTS

    return RESULTS
