"""The Performance page: tables and figures drawn from the committed benchmark results.

``python -m benchmarks --book`` measures and writes ``docs/data/benchmarks.json``;
everything here only reads that file, so the page's numbers are the ones the
last run measured, never typed by hand.  ``python -m book`` draws the figures,
and the page gets its tables at build time (``book/macros.py``).

Every table is a Markdown table, which reads in a terminal as it is (``python
-m benchmarks`` prints them) and renders on the page, in the book's two
languages: ``lang="en"`` (the default) or ``lang="ko"`` for the Korean page,
with the phrases of :mod:`book.ko`; the numbers are the same.

Examples
--------
>>> results = load_results()
>>> sorted(results["training"]["implementations"])[:2]
['book', 'ours']
>>> print(gradient_table(results, lang="ko").splitlines()[0])
| 기울기 한 번                     |      결과 |
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from book import LOG_DIR, new_figure

RESULTS = LOG_DIR / "benchmarks.json"

# Training implementations in the order tables and charts show them.
TRAINING_ORDER = ("book", "torch", "ours")
FLOOR_LABEL = "matrix products alone (float32)"
COLORS = {"book": "#9e9e9e", "torch": "#ee4c2c", "ours": "#3f51b5", "floor": "#8bc34a"}
LANGUAGES = ("en", "ko")


def load_results(path: str | Path | None = None) -> dict[str, Any]:
    """The benchmark results (default: the committed ``docs/data/benchmarks.json``)."""
    return json.loads(Path(path or RESULTS).read_text(encoding="utf-8"))


def _say(text: str, lang: str) -> str:
    """``text`` in ``lang``: as it is, or in Korean from :mod:`book.ko`."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    if lang == "en":
        return text
    from book import ko

    korean = ko.translate(text, "performance_tables")
    if korean is None:
        raise ValueError(f"no Korean for {text!r}; add it to book/ko.py")
    return korean


def _width(text: str) -> int:
    """The columns ``text`` takes in a monospace font: two for a Hangul character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table, padded so that it lines up in a terminal too: the
    first column left-aligned, the others right-aligned."""
    columns = range(len(header))
    widths = [max(3, *(_width(row[i]) for row in [header, *rows])) for i in columns]

    def pad(cell: str, width: int, left: bool) -> str:
        space = " " * (width - _width(cell))
        return cell + space if left else space + cell

    def line(row: Sequence[str]) -> str:
        pairs = enumerate(zip(row, widths, strict=True))
        return "| " + " | ".join(pad(c, w, left=i == 0) for i, (c, w) in pairs) + " |"

    rule = ["-" * (w - 1) + ("-" if i == 0 else ":") for i, w in enumerate(widths)]
    return "\n".join([line(header), "| " + " | ".join(rule) + " |", *map(line, rows)])


def _times(value: float) -> str:
    return f"{value:,.3g}x" if value < 1000 else f"{value:,.0f}x"


def _number(value: float) -> str:
    return f"{value:,.4g}" if value < 10_000 else f"{value:,.0f}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def environment(results: dict[str, Any], lang: str = "en") -> str:
    """Where and when the results were measured, as a list of two items."""
    machine, numpy, torch = results["machine"], results["numpy"], results["torch"]
    blas = numpy["blas"]
    torch_text = (
        f", PyTorch {torch['version']}" if torch else _say(", no PyTorch", lang)
    )
    load = machine.get("loadavg_at_start")
    load_text = f", load average {load[0]:g} at the start" if load else ""
    cpus = _count(machine["cpu_count"], "CPU")
    threads = _count(results["settings"]["threads"], "thread")
    where = _say(f"{cpus}, {threads}{load_text}", lang)
    return (
        f"- {results['date']}: {machine['processor']}, {where}\n"
        f"- Python {results['python']}, NumPy {numpy['version']} "
        f"({blas['name']} {blas['version']}){torch_text}"
    )


def training_table(results: dict[str, Any], lang: str = "en") -> str:
    """Time per training iteration of each implementation, and its accuracy."""
    training = results["training"]
    found = training["implementations"]
    rows = [
        [
            _say(found[name]["label"], lang),
            _number(found[name]["us_per_iteration"]),
            _number(found[name]["iterations_per_s"]),
            _times(found[name]["speedup_of_ours"]),
            _times(found[name]["over_floor"]),
            f"{found[name]['test_acc']:.4f}",
        ]
        for name in TRAINING_ORDER
        if name in found
    ]
    floor = training["floor_us_per_iteration"]
    ours = found["ours"]["us_per_iteration"]
    floor_row = [_say(FLOOR_LABEL, lang), _number(floor), _number(1e6 / floor)]
    rows.append([*floor_row, _times(floor / ours), "1x", ""])
    header = ["implementation", "µs/iter", "iter/s", "× ours", "× floor", "test acc"]
    text = _table([_say(h, lang) for h in header], rows)
    if training.get("torch_skipped"):  # a paragraph after the table
        text += (
            "\n" + _say("\n(no PyTorch row: ", lang) + f"{training['torch_skipped']})"
        )
    return text


def inference_table(results: dict[str, Any], lang: str = "en") -> str:
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
            _say(label, lang),
            _number(time),
            _times(inf["loop_ms"] / time),
            _times(time / inf[floor]) if floor else "",
        ]
        for label, time, floor in rows
    ]
    header = ["way", "ms", "speedup over loop", "× floor"]
    return _table([_say(h, lang) for h in header], table_rows)


def gradient_table(results: dict[str, Any], lang: str = "en") -> str:
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
    rows = [[_say(label, lang), value] for label, value in rows]
    return _table([_say(h, lang) for h in ("one gradient", "result")], rows)


def gemm_table(results: dict[str, Any], lang: str = "en") -> str:
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
            _say("one iteration", lang),
            "",
            f"{gemm['flop_per_iteration'] / 1e6:.2f}",
            _number(gemm["float32_us_per_iteration"]),
            _number(gemm["float64_us_per_iteration"]),
        ]
    )
    rates = [_number(gemm["float32_gflops"]), _number(gemm["float64_gflops"])]
    rows.append([_say("rate (GFLOP/s)", lang), "", "", *rates])
    header = ["product", "shapes", "MFLOP", "float32 µs", "float64 µs"]
    return _table([_say(h, lang) for h in header], rows)


def targets_table(results: dict[str, Any], lang: str = "en") -> str:
    """Each target of the benchmark, its measured value and whether it is met."""
    rows = []
    for target in results["targets"].values():
        value = target["value"]
        met = {True: "yes", False: "NO", None: "not measured"}[target["met"]]
        rows.append(
            [
                _say(target["meaning"], lang),
                "" if value is None else f"{value:.4g}",
                f"{target['op']} {target['target']:g}",
                _say(met, lang),
            ]
        )
    header = ["target", "measured", "goal", "met"]
    return _table([_say(h, lang) for h in header], rows)


# The page's parts, by the name book/macros.py's ``performance(name)`` takes.
PARTS: dict[str, Callable[[dict[str, Any], str], str]] = {
    "environment": environment,
    "training": training_table,
    "inference": inference_table,
    "gradients": gradient_table,
    "gemm": gemm_table,
    "targets": targets_table,
}


def report(results: dict[str, Any]) -> str:
    """Every table, as ``python -m benchmarks`` prints it."""
    return "\n\n".join(part(results) for part in PARTS.values())


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
