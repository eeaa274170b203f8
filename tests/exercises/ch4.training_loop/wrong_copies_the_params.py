"""expected above 0.9: the params that train was given learned too little."""

import numpy as np


def train(params, gradient, loss, x, t, iters=300, batch_size=20, lr=0.5):
    rng = np.random.default_rng(0)
    losses = []
    mine = {key: value.copy() for key, value in params.items()}
    for _ in range(iters):
        batch_mask = rng.choice(len(x), batch_size)
        grads = gradient(mine, x[batch_mask], t[batch_mask])
        for key in mine:
            mine[key] = mine[key] - lr * grads[key]
        losses.append(loss(mine, x[batch_mask], t[batch_mask]))
    return losses
