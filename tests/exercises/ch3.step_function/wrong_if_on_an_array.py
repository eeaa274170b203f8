"""raised ValueError: `if` works for one number only, and for an array the
comparison gives an array of True/False, one for each element."""


def step_function(x):
    if x > 0:
        return 1
    return 0
