"""return the price and the dict of derivatives, `return price, grads`."""


def shopping(apple, apple_num, orange, orange_num, tax):
    return (apple * apple_num + orange * orange_num) * tax
