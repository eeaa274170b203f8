"""문제 ch2.xor_gate. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch2.xor_gate FILE.py
"""


def AND(x1, x2):
    raise NotImplementedError  # 앞 문제에서 만든 게이트를 넣으세요


def NAND(x1, x2):
    raise NotImplementedError


def OR(x1, x2):
    raise NotImplementedError


def XOR(x1, x2):
    """x1, x2 중 정확히 하나가 1이면 1, 아니면 0: 게이트 두 층으로 만듭니다."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
