"""on average (over the first and the last 10 iterations): it must fall."""

import numpy as np


def train(params, gradient, loss, x, t, iters=300, batch_size=20, lr=0.5):
    rng = np.random.default_rng(0)
    losses = []
    for _ in range(iters):
        batch_mask = rng.choice(len(x), batch_size)
        grads = gradient(params, x[batch_mask], t[batch_mask])
        for key in params:
            params[key] += lr * grads[key]
        losses.append(loss(params, x[batch_mask], t[batch_mask]))
    return losses
