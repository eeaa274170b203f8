"""The result holds True/False: convert it to numbers with `.astype(int)`"""


def step_function(x):
    return x > 0
