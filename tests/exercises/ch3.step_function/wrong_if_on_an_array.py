"""`if x > 0:` works for one number only; for an array, `x > 0` is an array of
True/False."""


def step_function(x):
    if x > 0:
        return 1
    return 0
