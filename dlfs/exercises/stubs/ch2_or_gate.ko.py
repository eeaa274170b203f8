"""문제 ch2.or_gate. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch2.or_gate FILE.py
"""


def OR(x1, x2):
    """w1*x1 + w2*x2 + b로 OR 게이트처럼 1 또는 0을 반환합니다."""
    w1, w2, b = 0.0, 0.0, 0.0  # 가중치와 편향을 고르세요
    raise NotImplementedError  # 여기에 코드를 작성하세요
