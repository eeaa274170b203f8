"""relu changed the array it was given into [0., 0., 3.]: the caller's array
must stay as it was."""


def relu(x):
    x[x < 0] = 0
    return x
