"""The floor: the matrix products (GEMM) of a network alone, nothing else.

A training iteration of the 784-50-10 network cannot be faster than its five
matrix products, and inference cannot be faster than its three per batch.
Their operands here have the shapes *and memory layouts* the layer code
gives them (``x.T`` is a transposed view, not a copy), filled with random
numbers; what the values are does not change the time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from benchmarks.timing import interleaved, median, significant, us

Product = tuple[str, np.ndarray, np.ndarray]


def flop(a_shape: Sequence[int], b_shape: Sequence[int]) -> int:
    """Floating-point operations of ``a @ b``: ``2 m k n`` for (m, k) @ (k, n).

    Examples
    --------
    >>> flop((100, 784), (784, 50))
    7840000
    """
    (m, k), (k2, n) = a_shape, b_shape
    if k != k2:
        raise ValueError(f"cannot multiply {tuple(a_shape)} by {tuple(b_shape)}")
    return 2 * m * k * n


def training_products(
    sizes: Sequence[int], batch: int, dtype: np.dtype, *, seed: int = 0
) -> list[Product]:
    """The five products of one training iteration of a 2-layer network.

    Forward ``x @ W1`` and ``z1 @ W2``; backward ``dW2 = z1.T @ dy``,
    ``dz1 = dy @ W2.T`` and ``dW1 = x.T @ dz1``.  The input gradient
    ``dz1 @ W1.T`` is not needed and not counted.

    Examples
    --------
    >>> products = training_products([784, 50, 10], 100, np.float32)
    >>> [name for name, _, _ in products]
    ['x @ W1', 'z1 @ W2', 'z1.T @ dy', 'dy @ W2.T', 'x.T @ dz1']
    >>> sum(flop(a.shape, b.shape) for _, a, b in products)
    15980000
    """
    d, h, k = sizes
    rng = np.random.default_rng(seed)

    def rand(*shape: int) -> np.ndarray:
        return rng.random(shape, dtype=np.float64).astype(dtype)

    x, W1, z1, W2 = rand(batch, d), rand(d, h), rand(batch, h), rand(h, k)
    dy, dz1 = rand(batch, k), rand(batch, h)
    return [
        ("x @ W1", x, W1),
        ("z1 @ W2", z1, W2),
        ("z1.T @ dy", z1.T, dy),
        ("dy @ W2.T", dy, W2.T),
        ("x.T @ dz1", x.T, dz1),
    ]


def inference_products(
    params: dict[str, np.ndarray], x: np.ndarray, batch: int
) -> list[Product]:
    """The products ``z @ Wi`` of a forward pass over ``x`` in batches of ``batch``.

    One entry per layer and batch; activations are the network's own, so the
    operands are exactly those inference multiplies.
    """
    products = []
    n_layers = len(params) // 2
    for start in range(0, len(x), batch):
        z = x[start : start + batch]
        for i in range(1, n_layers + 1):
            W = params[f"W{i}"]
            products.append((f"z{i - 1} @ W{i}", z, W))
            z = 1.0 / (1.0 + np.exp(-(z @ W + params[f"b{i}"])))
    return products


def run_products(products: Sequence[Product]) -> None:
    """Compute every product once, discarding the results."""
    for _, a, b in products:
        a @ b


def total_flop(products: Sequence[Product]) -> int:
    """Floating-point operations of all ``products``."""
    return sum(flop(a.shape, b.shape) for _, a, b in products)


def measure(
    sizes: Sequence[int], batch: int, *, rounds: int, number: int
) -> dict[str, object]:
    """Median time of each training product in float32 and float64.

    All ten (product, dtype) pairs are interleaved round by round.  The sum of
    a dtype's medians is the floor of one training iteration in that dtype.
    """
    products = {
        dtype: training_products(sizes, batch, np.dtype(dtype))
        for dtype in ("float32", "float64")
    }
    tasks = {}
    for dtype, prods in products.items():
        for name, a, b in prods:
            tasks[f"{dtype} {name}"] = lambda _i, a=a, b=b: a @ b
    times = interleaved(tasks, rounds=rounds, block=number)
    rows = []
    totals = {"float32": 0.0, "float64": 0.0}
    for name, a, b in products["float32"]:
        row: dict[str, object] = {
            "product": name,
            "shape": f"{a.shape[0]}x{a.shape[1]} @ {b.shape[0]}x{b.shape[1]}",
            "flop": flop(a.shape, b.shape),
        }
        for dtype in totals:
            value = us(median(times[f"{dtype} {name}"]))
            row[f"{dtype}_us"] = value
            totals[dtype] += value
        rows.append(row)
    flop_per_iteration = total_flop(products["float32"])
    result: dict[str, object] = {
        "products": rows,
        "flop_per_iteration": flop_per_iteration,
    }
    for dtype, total in totals.items():
        result[f"{dtype}_us_per_iteration"] = significant(total)
        result[f"{dtype}_gflops"] = significant(flop_per_iteration / total / 1e3, 3)
    return result
