"""returned 715: expected two values, the price and the dict of derivatives."""


def shopping(apple, apple_num, orange, orange_num, tax):
    return (apple * apple_num + orange * orange_num) * tax
