# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 3장 노트북
#
# 3장 페이지의 짝이 되는 노트북입니다. 활성화 함수(activation function), 작은
# 신경망의 순전파(forward propagation), 그리고 함께 제공되는 가중치로 하는 MNIST
# 추론을 다룹니다. 이 노트북을 실행하는 컴퓨터에서 이미지를 한 장씩 추론할 때와
# 배치(batch)로 추론할 때의 시간도 잽니다. MNIST를 쓸 수 있는 상태에서 직접
# 실행해 보세요(환경 변수 `DLFS_DATA`를 MNIST 파일 네 개가 든 폴더로 지정하거나,
# `load_mnist`가 파일을 내려받게 두면 됩니다).
#
# 그래프의 한글이 네모(□)로 보이면 matplotlib에 한글 글꼴을 지정하세요. 예를 들어
# `plt.rcParams["font.family"] = "Malgun Gothic"`(윈도우), `"AppleGothic"`(macOS),
# `"NanumGothic"`(리눅스, 나눔 글꼴을 설치한 뒤)처럼 씁니다.

# %%
import time
import warnings

import matplotlib.pyplot as plt
import numpy as np

import dlfs
from dlfs import (
    forward,
    init_network,
    leaky_relu,
    load_mnist,
    load_weights,
    predict,
    relu,
    sigmoid,
    softmax,
    step_function,
)

# load_mnist는 (없는 파일을 내려받을 때만) pooch를 임포트하고, pooch는 tqdm을
# 임포트합니다. ipywidgets가 없는 노트북에서는 tqdm이 이를 경고합니다.
warnings.filterwarnings("ignore", message="IProgress not found")

print("dlfs", dlfs.__version__, "| 넘파이", np.__version__)

# %% [markdown]
# ## 활성화 함수
#
# 계단 함수(step function)는 값이 갑자기 뛰어오르고, 시그모이드 함수(sigmoid
# function)는 0과 1 사이에서 매끄럽게 휘어집니다. ReLU 함수는 양수 입력은
# 그대로 통과시키고 음수 입력은 0으로 잘라 내며, 리키 ReLU(leaky ReLU)는 음수
# 입력의 일부를 통과시킵니다. `alpha`를 바꾸고 셀을 다시 실행해 보세요.

# %%
alpha = 0.1
x = np.linspace(-5, 5, 501)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(x, step_function(x), "--", label="계단 함수")
ax.plot(x, sigmoid(x), label="시그모이드")
ax.plot(x, relu(x), label="ReLU")
ax.plot(x, leaky_relu(x, alpha=alpha), ":", label=f"리키 ReLU, alpha={alpha}")
ax.set_ylim(-1, 3)
ax.grid(alpha=0.3)
ax.legend()
plt.show()

# %% [markdown]
# ## 2-3-2-2 신경망
#
# 책에서 손으로 만든 신경망에 입력 하나를 넣고, 이어서 입력 세 개를 행으로 쌓은
# 배치를 넣습니다. 배치의 첫 번째 행은 입력 하나를 넣었을 때와 같은 결과를 다시
# 냅니다.

# %%
network = init_network()
print("입력 하나:", forward(network, np.array([1.0, 0.5])))
batch = np.array([[1.0, 0.5], [0.0, 0.0], [-1.0, 2.0]])
print("입력 3개의 배치:\n", forward(network, batch))

# %% [markdown]
# 소프트맥스 함수(softmax function)는 행마다 따로 계산하므로, 배치의 각 행이
# 저마다 하나의 확률 분포가 됩니다. 어떤 행의 점수가 다른 행보다 훨씬 크더라도
# 마찬가지입니다.

# %%
scores = np.array([[1000.0, 1001.0], [0.0, 1.0], [0.3, 2.9]])
probabilities = softmax(scores)
print(probabilities)
print("행별 합:", probabilities.sum(axis=1))

# %% [markdown]
# ## 함께 제공되는 가중치로 MNIST 추론하기

# %%
(x_train, t_train), (x_test, t_test) = load_mnist()
weights = load_weights()
print("x_test:", x_test.shape, x_test.dtype)
for name, value in weights.items():
    print(name, value.shape, value.dtype)

predicted = np.argmax(predict(weights, x_test), axis=1)
print("정확도:", float(np.mean(predicted == t_test)))

# %% [markdown]
# ## 한 장씩 처리할까, 배치로 처리할까?
#
# 같은 예측 10,000개를 세 가지 방법으로 구합니다. 시간은 지금 이 노트북을
# 실행하는 컴퓨터에서 재므로 실행할 때마다 달라지지만, 맞힌 개수는 달라지지
# 않습니다.


# %%
def count_correct(batch_size):
    correct = 0
    for i in range(0, len(x_test), batch_size):
        y = predict(weights, x_test[i : i + batch_size])
        correct += int(np.sum(np.argmax(y, axis=-1) == t_test[i : i + batch_size]))
    return correct


for batch_size in (1, 100, 10_000):
    start = time.perf_counter()
    correct = count_correct(batch_size)
    seconds = time.perf_counter() - start
    calls = len(x_test) // batch_size
    print(
        f"배치 크기 {batch_size:>6}: predict 호출 {calls:>6}번, "
        f"맞힌 개수 {correct}, {seconds:.3f}초"
    )

# %% [markdown]
# ## 신경망이 틀리게 분류한 숫자들
#
# 각 그림의 제목은 신경망의 예측이고, 괄호 안은 정답 레이블(label)입니다.

# %%
wrong = np.flatnonzero(predicted != t_test)[:8]
fig, axes = plt.subplots(1, 8, figsize=(10, 1.8))
for ax, i in zip(axes, wrong, strict=True):
    ax.imshow(x_test[i].reshape(28, 28), cmap="gray_r")
    ax.set_title(f"{predicted[i]} ({t_test[i]})")
    ax.axis("off")
plt.show()
