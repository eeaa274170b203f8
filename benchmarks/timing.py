"""Timing helpers: blocks of calls, interleaved, summarised by medians."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping

#: The clock of every measurement: wall time, as a reader's stopwatch would see.
clock = time.perf_counter


def interleaved(
    tasks: Mapping[str, Callable[[int], object]],
    rounds: int,
    block: int,
    pause: float = 0.0,
) -> dict[str, list[float]]:
    """Seconds per call of each task, one value per block.

    Each round runs ``block`` calls of every task in turn, starting with a
    different task each round, so slow spells of a shared machine hit all of
    them alike.  Task ``name`` is called as ``task(i)`` with the running call
    number ``i`` (round * block + j), the same numbers for every task, so
    tasks that train can use ``i`` to pick the same mini-batch.

    ``pause`` seconds of sleep before each block let the worker threads of
    the previous task's thread pool (OpenBLAS's spin for about 0.1 s after a
    call, OpenMP's for a while too) go idle, so they do not take a core from
    the next task, which may use another library's pool.

    Examples
    --------
    >>> seen = []
    >>> times = interleaved({"a": seen.append, "b": lambda i: None}, rounds=2, block=3)
    >>> seen, [len(v) for v in times.values()]
    ([0, 1, 2, 3, 4, 5], [2, 2])
    """
    names = list(tasks)
    result: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        start = r % len(names)
        for name in names[start:] + names[:start]:
            task = tasks[name]
            if pause:
                time.sleep(pause)
            first = r * block
            t0 = clock()
            for i in range(first, first + block):
                task(i)
            result[name].append((clock() - t0) / block)
    return result


def repeat(func: Callable[[], object], repeats: int, number: int = 1) -> list[float]:
    """Seconds per call of ``func``: ``repeats`` blocks of ``number`` calls."""
    times = []
    for _ in range(repeats):
        t0 = clock()
        for _ in range(number):
            func()
        times.append((clock() - t0) / number)
    return times


def median(values: list[float]) -> float:
    """The median of a non-empty list of timings."""
    return statistics.median(values)


def significant(value: float, digits: int = 4) -> float:
    """``value`` rounded to ``digits`` significant digits.

    Examples
    --------
    >>> significant(123.456), significant(0.00123456, 2)
    (123.5, 0.0012)
    """
    return float(f"{value:.{digits}g}")


def us(seconds: float) -> float:
    """Seconds as microseconds, to 4 significant digits."""
    return significant(seconds * 1e6)


def ms(seconds: float) -> float:
    """Seconds as milliseconds, to 4 significant digits."""
    return significant(seconds * 1e3)


def ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator`` to 3 significant digits.

    Reports compute ratios from the rounded medians they store, so a reader
    who divides two numbers of the results file gets the ratio it states.
    """
    return significant(numerator / denominator, 3)
