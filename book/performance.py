"""The Performance page: tables and figures drawn from the committed benchmark results.

``python -m benchmarks --book`` measures and writes ``docs/data/benchmarks.json``;
everything here only reads that file, so the page's numbers are the ones the
last run measured, never typed by hand.

Examples
--------
>>> results = load_results()
>>> sorted(results["training"]["implementations"])[:2]
['book', 'ours']
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from book import LOG_DIR, new_figure

RESULTS = LOG_DIR / "benchmarks.json"

# Training implementations in the order tables and charts show them.
TRAINING_ORDER = ("book", "torch", "ours")
FLOOR_LABEL = "matrix products alone (float32)"
COLORS = {"book": "#9e9e9e", "torch": "#ee4c2c", "ours": "#3f51b5", "floor": "#8bc34a"}


def load_results(path: str | Path | None = None) -> dict[str, Any]:
    """The benchmark results (default: the committed ``docs/data/benchmarks.json``)."""
    return json.loads(Path(path or RESULTS).read_text(encoding="utf-8"))


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell: the first left-aligned, the rest right."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        cells = [row[0].ljust(widths[0])]
        cells += [
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def _times(value: float) -> str:
    return f"{value:,.3g}x" if value < 1000 else f"{value:,.0f}x"


def _number(value: float) -> str:
    return f"{value:,.4g}" if value < 10_000 else f"{value:,.0f}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def environment(results: dict[str, Any]) -> str:
    """Where and when the results were measured, in two lines."""
    machine, numpy, torch = results["machine"], results["numpy"], results["torch"]
    blas = numpy["blas"]
    torch_text = f", PyTorch {torch['version']}" if torch else ", no PyTorch"
    load = machine.get("loadavg_at_start")
    load_text = f", load average {load[0]:g} at the start" if load else ""
    return (
        f"{results['date']}: {machine['processor']}, {machine['cpu_count']} CPUs, "
        f"{_count(results['settings']['threads'], 'thread')}{load_text}\n"
        f"Python {results['python']}, NumPy {numpy['version']} "
        f"({blas['name']} {blas['version']}){torch_text}"
    )


def training_table(results: dict[str, Any]) -> str:
    """Time per training iteration of each implementation, and its accuracy."""
    training = results["training"]
    found = training["implementations"]
    rows = []
    for name in TRAINING_ORDER:
        if name in found:
            impl = found[name]
            rows.append(
                [
                    impl["label"],
                    _number(impl["us_per_iteration"]),
                    _number(impl["iterations_per_s"]),
                    _times(impl["speedup_of_ours"]),
                    _times(impl["over_floor"]),
                    f"{impl['test_acc']:.4f}",
                ]
            )
    floor = training["floor_us_per_iteration"]
    ours = found["ours"]["us_per_iteration"]
    floor_row = [FLOOR_LABEL, _number(floor), _number(1e6 / floor)]
    rows.append([*floor_row, _times(floor / ours), "1x", ""])
    header = ["implementation", "µs/iter", "iter/s", "× ours", "× floor", "test acc"]
    text = _table(header, rows)
    if training.get("torch_skipped"):
        text += f"\n(no PyTorch row: {training['torch_skipped']})"
    return text


def inference_table(results: dict[str, Any]) -> str:
    """Time to classify the test images one by one, in batches, in one batch."""
    inf = results["inference"]
    batch = inf["batch_size"]
    n = inf["images"]
    rows = [
        ["one image at a time", inf["loop_ms"], "floor_batch_ms"],
        [f"batches of {batch}", inf["batch_ms"], "floor_batch_ms"],
        [f"one batch of {n:,}", inf["one_ms"], "floor_one_ms"],
        [f"matrix products alone, batches of {batch}", inf["floor_batch_ms"], None],
        [f"matrix products alone, one batch of {n:,}", inf["floor_one_ms"], None],
    ]
    table_rows = [
        [
            label,
            _number(time),
            _times(inf["loop_ms"] / time),
            _times(time / inf[floor]) if floor else "",
        ]
        for label, time, floor in rows
    ]
    return _table(["way", "ms", "speedup over loop", "× floor"], table_rows)


def gradient_table(results: dict[str, Any]) -> str:
    """One gradient by numerical differentiation and by backpropagation."""
    grad = results["gradients"]
    rows = [
        ["numerical differentiation", f"{grad['numerical_s']:,.4g} s"],
        ["backpropagation", f"{grad['backprop_ms']:,.4g} ms"],
        ["numerical / backpropagation", _times(grad["numerical_over_backprop"])],
        ["largest difference", f"{grad['max_abs_diff']:.2g}"],
        [
            "hidden inputs within h of ReLU's kink",
            str(grad["hidden_inputs_within_h_of_kink"]),
        ],
        [
            "largest difference away from them",
            f"{grad['max_abs_diff_away_from_kinks']:.2g}",
        ],
    ]
    return _table(["one gradient", "result"], rows)


def gemm_table(results: dict[str, Any]) -> str:
    """The matrix products of one training iteration, float32 against float64."""
    gemm = results["gemm"]
    rows = [
        [
            p["product"],
            p["shape"],
            f"{p['flop'] / 1e6:.2f}",
            _number(p["float32_us"]),
            _number(p["float64_us"]),
        ]
        for p in gemm["products"]
    ]
    rows.append(
        [
            "one iteration",
            "",
            f"{gemm['flop_per_iteration'] / 1e6:.2f}",
            _number(gemm["float32_us_per_iteration"]),
            _number(gemm["float64_us_per_iteration"]),
        ]
    )
    rows.append(
        [
            "rate (GFLOP/s)",
            "",
            "",
            _number(gemm["float32_gflops"]),
            _number(gemm["float64_gflops"]),
        ]
    )
    return _table(["product", "shapes", "MFLOP", "float32 µs", "float64 µs"], rows)


def targets_table(results: dict[str, Any]) -> str:
    """Each target of the benchmark, its measured value and whether it is met."""
    rows = []
    for target in results["targets"].values():
        value = target["value"]
        met = {True: "yes", False: "NO", None: "not measured"}[target["met"]]
        rows.append(
            [
                target["meaning"],
                "" if value is None else f"{value:.4g}",
                f"{target['op']} {target['target']:g}",
                met,
            ]
        )
    return _table(["target", "measured", "goal", "met"], rows)


def report(results: dict[str, Any]) -> str:
    """Every table, as ``python -m benchmarks`` prints it."""
    parts = [
        environment(results),
        training_table(results),
        inference_table(results),
        gradient_table(results),
        gemm_table(results),
        targets_table(results),
    ]
    return "\n\n".join(parts)


def _bars(
    labels: Sequence[str],
    values: Sequence[float],
    colors: Sequence[str],
    *,
    xlabel: str,
    title: str,
    fmt: Callable[[float], str],
    log: bool = False,
) -> Any:
    fig = new_figure(figsize=(7, 0.55 * len(labels) + 1.2))
    ax = fig.add_subplot()
    positions = list(range(len(labels)))[::-1]
    ax.barh(positions, values, color=colors, height=0.6)
    ax.set_yticks(positions, labels)
    if log:
        ax.set_xscale("log")
        ax.set_xlim(min(values) / 10, max(values) * 8)
    else:
        ax.set_xlim(0, max(values) * 1.25)
    for y, value in zip(positions, values, strict=True):
        ax.text(value, y, " " + fmt(value), va="center")
    ax.set_xlabel(xlabel)
    ax.set_title(title, loc="left")
    ax.grid(axis="y", visible=False)
    return fig


def performance_training() -> Any:
    """Microseconds per training iteration: book's algorithm, PyTorch, ours, floor."""
    results = load_results()
    training = results["training"]
    found = training["implementations"]
    names = [name for name in TRAINING_ORDER if name in found]
    labels = [found[name]["label"] for name in names] + [FLOOR_LABEL]
    values = [found[name]["us_per_iteration"] for name in names]
    values.append(training["floor_us_per_iteration"])
    sizes = "-".join(map(str, training["sizes"]))
    return _bars(
        labels,
        values,
        [COLORS[name] for name in names] + [COLORS["floor"]],
        xlabel="µs per training iteration (median; shorter is faster)",
        title=f"One training iteration, {sizes} network, "
        f"batch {training['batch_size']}",
        fmt=lambda v: f"{v:,.0f} µs",
    )


def performance_inference() -> Any:
    """Milliseconds to classify the test images: loop, batches, one batch, floors."""
    inf = load_results()["inference"]
    batch, n = inf["batch_size"], inf["images"]
    labels = [
        "one image at a time",
        f"batches of {batch}",
        f"one batch of {n:,}",
        f"matrix products alone, batches of {batch}",
        f"matrix products alone, one batch of {n:,}",
    ]
    values = [
        inf["loop_ms"],
        inf["batch_ms"],
        inf["one_ms"],
        inf["floor_batch_ms"],
        inf["floor_one_ms"],
    ]
    colors = [COLORS[key] for key in ("book", "ours", "ours", "floor", "floor")]
    return _bars(
        labels,
        values,
        colors,
        xlabel="milliseconds (median; shorter is faster)",
        title=f"Inference on {n:,} MNIST test images",
        fmt=lambda v: f"{v:,.3g} ms",
    )


def performance_gradients() -> Any:
    """One gradient by numerical differentiation and by backpropagation (log scale)."""
    grad = load_results()["gradients"]
    sizes = "-".join(map(str, grad["sizes"]))
    return _bars(
        ["numerical differentiation", "backpropagation"],
        [grad["numerical_s"], grad["backprop_ms"] / 1e3],
        [COLORS["book"], COLORS["ours"]],
        xlabel="seconds for one gradient (log scale)",
        title=f"One gradient of the {sizes} network, batch {grad['batch_size']}",
        fmt=lambda v: f"{v:.3g} s" if v >= 1 else f"{v * 1e3:.3g} ms",
        log=True,
    )


FIGURES: dict[str, Callable[[], Any]] = {
    "performance_training": performance_training,
    "performance_inference": performance_inference,
    "performance_gradients": performance_gradients,
}
