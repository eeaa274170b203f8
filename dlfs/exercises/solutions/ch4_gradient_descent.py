"""Gradient descent: step_num steps downhill, each x <- x - lr * grad f(x).

The gradient points uphill, where f grows fastest, so each step subtracts
it; the gradient is taken afresh at every new x, for the f that was given.
The `return` comes after the loop, once all step_num steps are taken. The
numerical_gradient of dlfs works here as your own from exercise 4.7 would.
"""

from dlfs import numerical_gradient


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    x = init_x
    for _ in range(step_num):
        grad = numerical_gradient(f, x)
        x -= lr * grad
    return x
