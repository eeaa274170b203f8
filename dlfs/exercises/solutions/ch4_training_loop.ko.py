"""책의 학습 루프인 미니배치 확률적 경사 하강법.

반복마다 무작위로 batch_size개의 행을 x와 t에서 같은 행으로 뽑고, 그
미니배치에서만 기울기를 계산합니다. 값싸고 조금 부정확한 걸음입니다. params는
params[key] -= ...로 그 자리에서 갱신하므로 다음 gradient 호출(과 호출한 쪽)이
새 값을 봅니다. 새 딕셔너리를 만들면 그렇게 되지 않습니다.
"""

import numpy as np


def train(params, gradient, loss, x, t, iters=300, batch_size=20, lr=0.5):
    rng = np.random.default_rng(0)
    losses = []
    for _ in range(iters):
        batch_mask = rng.choice(len(x), batch_size)
        x_batch = x[batch_mask]
        t_batch = t[batch_mask]
        grads = gradient(params, x_batch, t_batch)
        for key in params:
            params[key] -= lr * grads[key]
        losses.append(loss(params, x_batch, t_batch))
    return losses
