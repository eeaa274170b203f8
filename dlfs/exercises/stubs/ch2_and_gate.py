"""Exercise ch2.and_gate. Write your code, then check it with

python -m dlfs.exercises check ch2.and_gate FILE.py
"""


def AND(x1, x2):
    """Return 1 or 0 as the AND gate does, from w1*x1 + w2*x2 + b."""
    w1, w2, b = 0.0, 0.0, 0.0  # choose your weights and bias
    raise NotImplementedError  # your code here
