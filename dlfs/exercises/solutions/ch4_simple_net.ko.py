"""책의 simpleNet: 2×3 가중치 행렬 하나와 그 손실, 그리고 기울기.

predict는 점수를 내고, softmax는 그 점수를 교차 엔트로피 오차에 필요한 확률로
바꿉니다. numerical_gradient에 넘기는 함수는 인수 w를 쓰지 않고 self를 거쳐
손실을 계산합니다. 그래도 되는 까닭은 numerical_gradient가 넘겨받은 바로 그
배열 self.W의 원소를 하나씩 조금씩 바꾸기 때문입니다. self.W의 복사본을 넘기면
손실이 전혀 바뀌지 않아 기울기가 0이 됩니다.
"""

from dlfs import cross_entropy_error, numerical_gradient, softmax


class SimpleNet:
    def __init__(self, W):
        self.W = W

    def predict(self, x):
        return x @ self.W

    def loss(self, x, t):
        return cross_entropy_error(softmax(self.predict(x)), t)

    def gradient(self, x, t):
        return numerical_gradient(lambda w: self.loss(x, t), self.W)
