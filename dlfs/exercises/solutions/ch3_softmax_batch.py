"""Each row is a softmax of its own: the maximum and the sum are taken along
axis=1, one for each row. keepdims=True keeps them as a column of shape (N, 1),
which broadcasts back over its row. One maximum for the whole batch would not
do: a row far below it underflows to 0 / 0, and a sum over the whole array
would make the whole batch, not each row, add up to 1.
"""

import numpy as np


def softmax(a):
    c = np.max(a, axis=1, keepdims=True)
    exp_a = np.exp(a - c)  # each row minus its own maximum
    return exp_a / np.sum(exp_a, axis=1, keepdims=True)
