"""gradient was called 100 times with batches of [300] rows; expected 100 calls
with 20 rows each."""


def train(params, gradient, loss, x, t, iters=300, batch_size=20, lr=0.5):
    losses = []
    for _ in range(iters):
        grads = gradient(params, x, t)
        for key in params:
            params[key] -= lr * grads[key]
        losses.append(loss(params, x, t))
    return losses
