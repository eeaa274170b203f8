"""Exercise ch5.two_layer_gradient. Check: python -m dlfs.exercises check ch5.two_layer_gradient FILE.py"""

import numpy as np


def gradient(params, x, t):
    """The gradients of Affine-ReLU-Affine-SoftmaxWithLoss, as a dict like params."""
    grads = {}
    # forward: x -> Affine(W1, b1) -> ReLU -> Affine(W2, b2) -> softmax, loss
    # backward: from (y - t) / batch_size back to the first Affine
    raise NotImplementedError  # your code here
    return grads
