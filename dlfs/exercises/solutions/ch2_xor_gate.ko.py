"""(1, 0)과 (0, 1)을 한쪽에, (0, 0)과 (1, 1)을 다른 쪽에 두는 직선은 없으므로
퍼셉트론 하나로는 XOR 게이트를 계산할 수 없지만, 두 층이면 됩니다.
NAND와 OR 게이트가 둘 다 활성화하는 입력은 (1, 0)과 (0, 1)뿐이므로,
두 출력의 AND가 곧 XOR입니다. XOR에는 자기 가중치가 없습니다.
책의 XOR처럼 게이트들을 호출할 뿐입니다.
"""


def AND(x1, x2):
    w1, w2, b = 0.5, 0.5, -0.7
    return 1 if w1 * x1 + w2 * x2 + b > 0 else 0


def NAND(x1, x2):
    w1, w2, b = -0.5, -0.5, 0.7
    return 1 if w1 * x1 + w2 * x2 + b > 0 else 0


def OR(x1, x2):
    w1, w2, b = 0.5, 0.5, -0.2
    return 1 if w1 * x1 + w2 * x2 + b > 0 else 0


def XOR(x1, x2):
    s1 = NAND(x1, x2)
    s2 = OR(x1, x2)
    y = AND(s1, s2)
    return y
