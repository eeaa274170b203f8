"""x moved uphill, away from the minimum at (0, 0)."""

from dlfs import numerical_gradient


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    for _ in range(step_num):
        x += lr * numerical_gradient(f, x)
    return x
