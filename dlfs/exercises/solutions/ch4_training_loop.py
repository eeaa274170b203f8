"""Mini-batch stochastic gradient descent, the book's training loop.

Each iteration draws batch_size random rows, the same rows of x and of t,
and computes the gradients on that mini-batch only: cheap and a little
noisy. params is updated in place, params[key] -= ..., so the next call of
gradient (and the caller) sees the new values; a new dict would not be.
"""

import numpy as np


def train(params, gradient, loss, x, t, iters=300, batch_size=20, lr=0.5):
    rng = np.random.default_rng(0)
    losses = []
    for _ in range(iters):
        batch_mask = rng.choice(len(x), batch_size)
        x_batch = x[batch_mask]
        t_batch = t[batch_mask]
        grads = gradient(params, x_batch, t_batch)
        for key in params:
            params[key] -= lr * grads[key]
        losses.append(loss(params, x_batch, t_batch))
    return losses
