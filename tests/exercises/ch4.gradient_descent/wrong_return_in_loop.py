"""Gave [-2.4, 3.2], the point after one step: is the `return` inside the
loop?"""

from dlfs import numerical_gradient


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    for _ in range(step_num):
        x -= lr * numerical_gradient(f, x)
        return x
