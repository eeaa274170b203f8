"""np.maximum은 원소별로 비교하여(여기서는 브로드캐스트된 0과 x의 각 원소)
둘 중 큰 쪽을 고릅니다. 그래서 음수 입력은 모두 0이 되고 나머지는 그대로
나옵니다. 결과는 새 배열이고 x는 바뀌지 않습니다. max()와 np.max()는 쓸 수
없습니다. 둘 다 배열 하나에서 가장 큰 원소 하나를 찾는 함수입니다.
"""

import numpy as np


def relu(x):
    return np.maximum(0, x)
