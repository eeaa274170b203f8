"""경사 하강법: x <- x - lr * grad f(x)로 내리막을 step_num번 이동합니다.

기울기는 f가 가장 빠르게 커지는 오르막 쪽을 가리키므로, 매번 기울기를 뺍니다.
기울기는 새 x마다 주어진 f로 다시 구합니다. `return`은 반복문 뒤에 와서,
step_num번을 모두 이동한 다음에 반환합니다. 여기서는 dlfs의
numerical_gradient를 쓰지만, 문제 4.7에서 만든 여러분의 함수도 똑같이 동작합니다.
"""

from dlfs import numerical_gradient


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    for _ in range(step_num):
        grad = numerical_gradient(f, x)
        x -= lr * grad
    return x
