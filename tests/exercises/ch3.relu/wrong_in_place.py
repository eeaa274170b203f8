"""relu changed the array it was given into [0., 0., 3.]: work on a copy"""


def relu(x):
    x[x < 0] = 0
    return x
