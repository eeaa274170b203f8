"""Exercise ch4.training_loop. Write your code, then check it with

python -m dlfs.exercises check ch4.training_loop FILE.py
"""

import numpy as np


def train(params, gradient, loss, x, t, iters=300, batch_size=20, lr=0.5):
    """Mini-batch SGD on params, in place; returns the loss of every iteration."""
    rng = np.random.default_rng(0)
    losses = []
    raise NotImplementedError  # your code here
