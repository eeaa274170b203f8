"""문제 ch4.numerical_diff. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch4.numerical_diff FILE.py
"""


def numerical_diff(f, x):
    """중심 차분으로 구한 x에서 f의 기울기."""
    raise NotImplementedError  # 여기에 코드를 작성하세요
