"""책의 buy_apple_orange.py를 함수로 옮겼습니다. 노드마다 계층을 하나씩 두고, 입력에서
가격 쪽으로 forward를 호출한 다음, 세금 노드의 dprice = 1에서 시작해 역순으로
backward를 호출합니다. 각 backward는 뒤 노드가 거꾸로 보낸 값을 받으므로, 세율이 그
앞의 모든 미분에 반영됩니다. 사과 가격의 미분은 2가 아니라 1.1 * 2 = 2.2입니다.
"""

from dlfs.layers import AddLayer, MulLayer  # 또는 문제 5.5와 5.6에서 만든 것


def shopping(apple, apple_num, orange, orange_num, tax):
    mul_apple_layer = MulLayer()
    mul_orange_layer = MulLayer()
    add_apple_orange_layer = AddLayer()
    mul_tax_layer = MulLayer()

    # 순전파
    apple_price = mul_apple_layer.forward(apple, apple_num)
    orange_price = mul_orange_layer.forward(orange, orange_num)
    all_price = add_apple_orange_layer.forward(apple_price, orange_price)
    price = mul_tax_layer.forward(all_price, tax)

    # 역전파
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
