"""gradient_descent(f, [-3, 4], 0.1, 5) gave [-2.4, 3.2], the point after one
step: the function returned inside the loop, before the other steps."""

from dlfs import numerical_gradient


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    for _ in range(step_num):
        x -= lr * numerical_gradient(f, x)
        return x
