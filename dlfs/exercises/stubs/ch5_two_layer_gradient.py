"""Exercise ch5.two_layer_gradient. Write your code, then check it with

python -m dlfs.exercises check ch5.two_layer_gradient FILE.py
"""

import numpy as np


def gradient(params, x, t):
    """Gradients of Affine-ReLU-Affine-SoftmaxWithLoss, a dict like params."""
    grads = {}
    # forward: x -> Affine(W1, b1) -> ReLU -> Affine(W2, b2) -> softmax, loss
    # backward: from (y - t) / batch_size back to the first Affine
    raise NotImplementedError  # your code here
    return grads
