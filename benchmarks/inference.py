"""Chapter 3's lesson: batching (배치) makes inference faster.

The pretrained 784-50-100-10 sigmoid network classifies the test images with
:func:`dlfs.network.predict` three ways: one image per call (the book's first
loop), batches of 100, and all images in one call.  Two floors run
interleaved with them: the network's matrix products alone, in batches of 100
and as one batch.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from benchmarks.gemm import inference_products, run_products, total_flop
from benchmarks.timing import interleaved, median, ms, ratio
from dlfs.network import predict


def run(
    params: dict[str, np.ndarray],
    x_test: np.ndarray,
    t_test: np.ndarray,
    *,
    batch_size: int,
    repeats: int,
) -> dict[str, Any]:
    """Median time of each way over ``repeats`` interleaved passes over ``x_test``."""
    n = len(x_test)
    predictions = {key: np.empty(n, dtype=np.int64) for key in ("loop", "batch", "one")}

    def loop(_i: int) -> None:
        for i in range(n):
            predictions["loop"][i] = np.argmax(predict(params, x_test[i]))

    def batched(_i: int) -> None:
        for start in range(0, n, batch_size):
            scores = predict(params, x_test[start : start + batch_size])
            predictions["batch"][start : start + batch_size] = np.argmax(scores, axis=1)

    def one_batch(_i: int) -> None:
        predictions["one"][:] = np.argmax(predict(params, x_test), axis=1)

    floor_batch = inference_products(params, x_test, batch_size)
    floor_one = inference_products(params, x_test, n)
    times = interleaved(
        {
            "loop": loop,
            "batch": batched,
            "one": one_batch,
            "floor_batch": lambda _i: run_products(floor_batch),
            "floor_one": lambda _i: run_products(floor_one),
        },
        rounds=repeats,
        block=1,
    )
    result: dict[str, Any] = {
        "images": n,
        "batch_size": batch_size,
        "repeats": repeats,
        "dtype": str(params["W1"].dtype),
        "sizes": [params["W1"].shape[0]]
        + [params[f"W{i}"].shape[1] for i in range(1, len(params) // 2 + 1)],
        "flop": total_flop(floor_one),
    }
    for key in times:
        result[f"{key}_ms"] = ms(median(times[key]))
    result["accuracy"] = round(float(np.mean(predictions["one"] == t_test)), 4)
    result["predictions_agree"] = bool(
        np.array_equal(predictions["loop"], predictions["one"])
        and np.array_equal(predictions["batch"], predictions["one"])
    )
    result["loop_over_batch"] = ratio(result["loop_ms"], result["batch_ms"])
    result["loop_over_one"] = ratio(result["loop_ms"], result["one_ms"])
    result["batch_over_floor"] = ratio(result["batch_ms"], result["floor_batch_ms"])
    result["one_over_floor"] = ratio(result["one_ms"], result["floor_one_ms"])
    return result
