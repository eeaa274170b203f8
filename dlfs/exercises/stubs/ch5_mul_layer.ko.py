"""문제 ch5.mul_layer. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch5.mul_layer FILE.py
"""


class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        raise NotImplementedError  # 여기에 코드를 작성하세요: x * y를 반환

    def backward(self, dout):
        raise NotImplementedError  # 여기에 코드를 작성하세요: dx, dy를 반환
