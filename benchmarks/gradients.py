"""Chapter 5's lesson: backpropagation (오차역전파법) against numerical differentiation.

One gradient of a float64 :class:`~dlfs.nets.TwoLayerNet` on one mini-batch,
first by central differences (two forward passes per parameter), then by
backpropagation; their times, and how far apart the two gradients are.

The two agree to about 10 digits except where a hidden unit's input lies
within ``h`` of ReLU's kink at 0 for some image: there the central
difference straddles the kink and is itself off (by up to about 1e-4 on a
batch of 100).  The results count those inputs, give the largest difference
away from them (leaving out ``W1`` and ``b1`` of the units concerned), and
the relative error ``|num - bp| / (|num| + |bp|)`` over all parameters, the
usual summary of a gradient check.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from benchmarks.timing import clock, median, ms, ratio, repeat, significant
from dlfs.nets import TwoLayerNet

H = 1e-4  # the step of dlfs.gradient.numerical_gradient


def _kinks(
    network: TwoLayerNet, x: np.ndarray, numerical: dict, exact: dict
) -> tuple[np.ndarray, float]:
    """Inputs within h of ReLU's kink, and the largest difference away from them."""
    first = network.layers["Affine1"]
    near = np.abs(x @ first.W + first.b) < H  # (image, hidden unit) near the kink
    smooth = {key: np.abs(numerical[key] - exact[key]) for key in exact}
    kinked_units = near.any(axis=0)  # only W1 and b1 of these units see a kink
    smooth["W1"], smooth["b1"] = (
        smooth["W1"][:, ~kinked_units],
        smooth["b1"][~kinked_units],
    )
    return near, max(float(d.max(initial=0.0)) for d in smooth.values())


def run(
    x_train: np.ndarray,
    t_train: np.ndarray,
    *,
    sizes: Sequence[int],
    batch_size: int,
    seed: int,
    repeats: int,
    number: int,
) -> dict[str, Any]:
    """Time both ways on the same batch; backprop before and after numerical."""
    rng = np.random.default_rng(seed)
    batch = rng.integers(0, len(x_train), batch_size)
    x, t = x_train[batch].astype(np.float64), t_train[batch]
    network = TwoLayerNet(*sizes, seed=seed)
    n_params = sum(p.size for p in network.params.values())

    def backprop() -> None:
        network.gradient(x, t)

    times = repeat(backprop, repeats, number)
    t0 = clock()
    numerical = network.numerical_gradient(x, t)
    numerical_s = clock() - t0
    times += repeat(backprop, repeats, number)
    exact = network.gradient(x, t)

    by_param = {
        key: significant(float(np.abs(numerical[key] - exact[key]).max()), 3)
        for key in network.params
    }
    difference = np.concatenate([(numerical[k] - exact[k]).ravel() for k in exact])
    total = np.concatenate(
        [np.abs(numerical[k]).ravel() for k in exact]
    ) + np.concatenate([np.abs(exact[k]).ravel() for k in exact])
    relative_error = float(np.linalg.norm(difference) / np.linalg.norm(total))
    near, away_from_kinks = _kinks(network, x, numerical, exact)
    backprop_ms = ms(median(times))
    numerical_s = significant(numerical_s)
    return {
        "sizes": list(sizes),
        "batch_size": batch_size,
        "dtype": "float64",
        "parameters": n_params,
        "loss_evaluations": 2 * n_params,
        "numerical_s": numerical_s,
        "backprop_ms": backprop_ms,
        "numerical_over_backprop": ratio(numerical_s * 1e3, backprop_ms),
        "max_abs_diff": max(by_param.values()),
        "max_abs_diff_by_param": by_param,
        "relative_error": significant(relative_error, 3),
        "hidden_inputs_within_h_of_kink": int(near.sum()),
        "max_abs_diff_away_from_kinks": significant(away_from_kinks, 3),
    }
