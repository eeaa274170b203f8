"""the minimum is at m. The steps did not follow this f's gradient."""


def gradient_descent(f, init_x, lr=0.01, step_num=100):
    # right for f = x0**2 + x1**2 only: each step scales x by 1 - 2 * lr
    return init_x * (1 - 2 * lr) ** step_num
