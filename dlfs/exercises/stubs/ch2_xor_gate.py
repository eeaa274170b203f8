"""Exercise ch2.xor_gate. Write your code, then check it with

python -m dlfs.exercises check ch2.xor_gate FILE.py
"""


def AND(x1, x2):
    raise NotImplementedError  # your gates from the exercises before


def NAND(x1, x2):
    raise NotImplementedError


def OR(x1, x2):
    raise NotImplementedError


def XOR(x1, x2):
    """1 when exactly one of x1, x2 is 1, else 0: two layers of gates."""
    raise NotImplementedError  # your code here
