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
# # 4장 노트북: 신경망 학습
#
# 4장의 내용을 한곳에 모았습니다. 신경망이 얼마나 틀렸는지 재는 손실 함수(loss
# function), 수치 미분(numerical differentiation)과 기울기(gradient), 경사
# 하강법(gradient descent), 그리고 수치 미분으로 구한 기울기로 MNIST 숫자를
# 학습하는 신경망입니다. 모든 것은 `dlfs` 패키지에서 가져옵니다. 숫자를 바꾸고
# 셀을 다시 실행해 보세요.
#
# 그래프의 한글이 네모(□)로 보이면 matplotlib에 한글 글꼴을 지정하세요. 예를 들어
# `plt.rcParams["font.family"] = "Malgun Gothic"`(윈도우), `"AppleGothic"`(macOS),
# `"NanumGothic"`(리눅스, 나눔 글꼴을 설치한 뒤)처럼 씁니다.

# %%
import matplotlib.pyplot as plt
import numpy as np

from dlfs import (
    NumericalTwoLayerNet,
    cross_entropy_error,
    forward_diff,
    gradient_descent,
    load_mnist,
    numerical_diff,
    numerical_gradient,
    softmax,
    sum_squared_error,
)

# %% [markdown]
# ## 두 가지 손실 함수
#
# 정답 숫자는 2입니다. 첫 번째 추측은 2에 0.6을 주고, 두 번째 추측은 7에 0.6을
# 줍니다. 오차제곱합(sum of squared errors)과 교차 엔트로피 오차(cross-entropy
# error) 모두 더 나은 추측에서 더 작습니다.

# %%
t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
good = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
bad = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]
for name, y in (("좋은 추측", good), ("나쁜 추측", bad)):
    print(
        f"{name}: 오차제곱합 {sum_squared_error(y, t):.4f}, "
        f"교차 엔트로피 {cross_entropy_error(y, t):.4f}"
    )

# %% [markdown]
# ## 전방 차분과 중심 차분
#
# 1에서 exp의 미분은 자연상수 e입니다. 아래 표는 여러 간격 h에 대해 두 차분
# 공식의 오차를 보여 줍니다. 중심 차분(central difference)이 전방 차분(forward
# difference)보다 훨씬 정확하며, 간격이 너무 작으면 둘 다 나빠집니다.

# %%
exact = np.exp(1.0)
print("       h  전방 차분 오차  중심 차분 오차")
for h in (1e-1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12):
    fwd = abs(forward_diff(np.exp, 1.0, h=h) - exact)
    cen = abs(numerical_diff(np.exp, 1.0, h=h) - exact)
    print(f"{h:8.0e}  {fwd:14.2e}  {cen:14.2e}")
print("h = 1e-50:", forward_diff(np.exp, 1.0))


# %% [markdown]
# ## 그릇 모양 함수에서의 경사 하강법
#
# 함수는 x0의 제곱 더하기 x1의 제곱이며, (0, 0)에서 가장 낮습니다. (-3, 4)에서
# 출발합니다. 목록의 학습률(learning rate)을 다른 값으로 바꿔 보세요.


# %%
def function_2(x):
    return x[0] ** 2 + x[1] ** 2


print("(3, 4)에서의 기울기:", numerical_gradient(function_2, np.array([3.0, 4.0])))

grid = np.linspace(-4.5, 4.5, 200)
g0, g1 = np.meshgrid(grid, grid)
fig, ax = plt.subplots(figsize=(5, 5))
ax.contour(g0, g1, g0**2 + g1**2, levels=[1, 4, 9, 16, 25], colors="0.8")
for lr in (0.01, 0.1, 0.95):
    x, path = gradient_descent(
        function_2, [-3.0, 4.0], lr=lr, step_num=20, return_path=True
    )
    ax.plot(path[:, 0], path[:, 1], "o-", ms=3, label=f"lr = {lr}")
    print(f"lr = {lr}: 20단계 뒤 x = {x}")
ax.set_aspect("equal")
ax.set_xlabel("x0")
ax.set_ylabel("x1")
ax.legend()
plt.show()

# %% [markdown]
# ## 아주 작은 신경망의 기울기
#
# 가중치 행렬 하나, 입력 두 개, 클래스 세 개로 된 신경망입니다. `numerical_gradient`에
# 넘기는 함수는 인수를 쓰지 않습니다. 가중치 자체가 제자리에서 조금씩 바뀌고,
# 손실 함수는 그 가중치를 읽습니다.

# %%
W = np.array(
    [[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]
)
x = np.array([0.6, 0.9])
t = np.array([0, 0, 1])


def loss(W_now):
    return cross_entropy_error(softmax(x @ W), t)


print("손실:", loss(W))
dW = numerical_gradient(loss, W)
print("dL/dW:\n", dW)
W -= 0.5 * dW
print("한 단계 뒤 손실:", loss(W))

# %% [markdown]
# ## 수치 미분으로 구한 기울기로 MNIST 학습하기
#
# 일부러 아주 작게 만든 신경망(은닉 뉴런 5개, 매개변수 3,985개)과 이미지 10장으로
# 된 배치 하나를 써서, 수치 미분으로 기울기를 한 번 구하는 데 1초 정도 걸리게
# 했습니다. 경사 하강법을 세 번 진행하면 그 배치에 대한 손실이 줄어듭니다.

# %%
(x_train, t_train), (x_test, t_test) = load_mnist()
net = NumericalTwoLayerNet(784, 5, 10, weight_init_std=0.1, seed=0)
x10, t10 = x_train[:10], t_train[:10]
print(f"0단계: 손실 {net.loss(x10, t10):.4f}")
for step in range(1, 4):
    grads = net.numerical_gradient(x10, t10)
    for key in net.params:
        net.params[key] -= 1.0 * grads[key]
    print(f"{step}단계: 손실 {net.loss(x10, t10):.4f}")

# %% [markdown]
# ## 기록을 남기는 짧은 학습
#
# 4장 페이지에는 더 긴 학습(784-10-10 신경망, 100회 반복)의 그래프가 있습니다.
# 여기서는 몇 초 만에 실행할 수 있을 만큼 작게 학습합니다. 수치 미분으로 구하는
# 기울기가 모두 가볍도록 이미지를 14×14 픽셀로 줄이고(행과 열을 하나씩 건너뜀),
# 신경망은 196-5-10(매개변수 1,045개)으로 만듭니다. 반복마다 20장짜리
# 미니배치(mini-batch)를 무작위로 뽑아 손실을 기록하고 학습률 2로 한 번
# 갱신합니다. 5회
# 반복할 때마다 훈련 이미지 500장과 시험 이미지 500장에 대한 정확도를 잽니다.

# %%
small_train, small_test = (
    x.reshape(-1, 28, 28)[:, ::2, ::2].reshape(-1, 196) for x in (x_train, x_test)
)
net = NumericalTwoLayerNet(196, 5, 10, weight_init_std=0.1, seed=0)
rng = np.random.default_rng(0)
losses, evaluated, train_acc, test_acc = [], [], [], []


def evaluate(iteration):
    evaluated.append(iteration)
    train_acc.append(net.accuracy(small_train[:500], t_train[:500]))
    test_acc.append(net.accuracy(small_test[:500], t_test[:500]))


evaluate(0)
for i in range(1, 41):
    batch = rng.integers(0, len(small_train), 20)
    losses.append(net.loss(small_train[batch], t_train[batch]))
    grads = net.numerical_gradient(small_train[batch], t_train[batch])
    for key in net.params:
        net.params[key] -= 2.0 * grads[key]
    if i % 5 == 0:
        evaluate(i)

fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 3.5))
ax_loss.plot(range(1, len(losses) + 1), losses)
ax_loss.set_xlabel("반복")
ax_loss.set_ylabel("미니배치 손실")
ax_acc.plot(evaluated, train_acc, "o-", label="훈련")
ax_acc.plot(evaluated, test_acc, "s--", label="시험")
ax_acc.set_xlabel("반복")
ax_acc.set_ylabel("정확도")
ax_acc.set_ylim(0, 1)
ax_acc.legend()
plt.show()
print(f"시험 정확도: {test_acc[0]:.3f} -> {test_acc[-1]:.3f}")
