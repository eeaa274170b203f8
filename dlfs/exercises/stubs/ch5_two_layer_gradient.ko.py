"""문제 ch5.two_layer_gradient. 코드를 작성한 다음 이 명령으로 검사하세요.

python -m dlfs.exercises check ch5.two_layer_gradient FILE.py
"""

import numpy as np


def gradient(params, x, t):
    """Affine-ReLU-Affine-SoftmaxWithLoss의 기울기. params와 같은 꼴의 딕셔너리."""
    grads = {}
    # 순전파: x -> Affine(W1, b1) -> ReLU -> Affine(W2, b2) -> 소프트맥스, 손실
    # 역전파: (y - t) / batch_size에서 첫 번째 Affine까지 거꾸로
    raise NotImplementedError  # 여기에 코드를 작성하세요
    return grads
