"""step_function([-1.0, 0.0, 2.0]) gave [False, False, True]: the result
holds True/False, not the numbers 1 and 0."""


def step_function(x):
    return x > 0
