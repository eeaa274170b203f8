"""The fruits' derivatives leave out the tax: the backward pass starts at the
tax node"""

from dlfs.layers import AddLayer, MulLayer


def shopping(apple, apple_num, orange, orange_num, tax):
    mul_apple, mul_orange, add, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
    total = add.forward(
        mul_apple.forward(apple, apple_num), mul_orange.forward(orange, orange_num)
    )
    price = mul_tax.forward(total, tax)
    _, dtax = mul_tax.backward(1)
    dapple, dapple_num = mul_apple.backward(1)
    dorange, dorange_num = mul_orange.backward(1)
    grads = {"apple": dapple, "apple_num": dapple_num, "orange": dorange}
    grads |= {"orange_num": dorange_num, "tax": dtax}
    return price, grads
