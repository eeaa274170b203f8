"""문제 ch5.shopping. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch5.shopping FILE.py
"""

from dlfs.layers import AddLayer, MulLayer  # 또는 문제 5.5와 5.6에서 만든 것


def shopping(apple, apple_num, orange, orange_num, tax):
    """계산 그래프로 구한 가격과, 입력마다 이름을 붙인 가격의 미분."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
