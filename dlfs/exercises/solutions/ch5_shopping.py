"""The book's buy_apple_orange.py as a function: one layer for each node, the
forward calls from the inputs to the price, then the backward calls in
reverse, from dprice = 1 at the tax node. Each backward gets what the node
after it passed back, so the tax reaches every derivative before it: the
apples' price gets 1.1 * 2 = 2.2, not 2.
"""

from dlfs.layers import AddLayer, MulLayer  # or yours from exercises 5.5 and 5.6


def shopping(apple, apple_num, orange, orange_num, tax):
    mul_apple_layer = MulLayer()
    mul_orange_layer = MulLayer()
    add_apple_orange_layer = AddLayer()
    mul_tax_layer = MulLayer()

    # forward
    apple_price = mul_apple_layer.forward(apple, apple_num)
    orange_price = mul_orange_layer.forward(orange, orange_num)
    all_price = add_apple_orange_layer.forward(apple_price, orange_price)
    price = mul_tax_layer.forward(all_price, tax)

    # backward
    dprice = 1
    dall_price, dtax = mul_tax_layer.backward(dprice)
    dapple_price, dorange_price = add_apple_orange_layer.backward(dall_price)
    dorange, dorange_num = mul_orange_layer.backward(dorange_price)
    dapple, dapple_num = mul_apple_layer.backward(dapple_price)

    grads = {
        "apple": dapple,
        "apple_num": dapple_num,
        "orange": dorange,
        "orange_num": dorange_num,
        "tax": dtax,
    }
    return price, grads
