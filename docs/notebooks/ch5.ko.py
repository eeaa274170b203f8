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
# # 5장 노트북: 오차역전파법
#
# 5장 페이지의 짝이 되는 노트북입니다. dlfs의 모든 계층(layer)에는 `forward`
# 메서드와 `backward` 메서드가 있습니다. `forward`는 출력을 계산하고 나중에
# 필요한 값을 기억해 둡니다. `backward`는 계층의 출력에 대한 최종 결과의 미분을
# 받아서 입력에 대한 미분을 돌려줍니다. 첫 번째 계층부터 마지막 계층까지
# `forward`를 호출한 다음, 마지막 계층부터 첫 번째 계층까지 `backward`를 호출하는
# 것이 바로 오차역전파법(backpropagation)입니다. 맨 위 셀부터 실행하고 숫자를
# 바꿔 보세요.
#
# 그래프의 한글이 네모(□)로 보이면 matplotlib에 한글 글꼴을 지정하세요. 예를 들어
# `plt.rcParams["font.family"] = "Malgun Gothic"`(윈도우), `"AppleGothic"`(macOS),
# `"NanumGothic"`(리눅스, 나눔 글꼴을 설치한 뒤)처럼 씁니다.

# %%
import matplotlib.pyplot as plt
import numpy as np

from dlfs import (
    SGD,
    AddLayer,
    MulLayer,
    Sigmoid,
    TwoLayerNet,
    load_mnist,
    numerical_diff,
    sigmoid,
    train,
)

# %% [markdown]
# ## 계층으로 장보기
#
# 100원짜리 사과 2개와 150원짜리 귤 3개를 사고, 소비세율은 1.1입니다. 네 개의
# 계층을 순서대로 `forward`로 호출하고, 역순으로 `backward`로 호출합니다.
# 역전파(backward propagation)는 각 입력이 한 단위 변할 때 지불 금액이 얼마나
# 변하는지 알려 줍니다.

# %%
apple, apple_num, orange, orange_num, tax = 100, 2, 150, 3, 1.1
mul_apple, mul_orange, mul_tax = MulLayer(), MulLayer(), MulLayer()
add_fruit = AddLayer()

apple_price = mul_apple.forward(apple, apple_num)
orange_price = mul_orange.forward(orange, orange_num)
all_price = add_fruit.forward(apple_price, orange_price)
price = mul_tax.forward(all_price, tax)
print("지불 금액:", price)

dall_price, dtax = mul_tax.backward(1)
dapple_price, dorange_price = add_fruit.backward(dall_price)
dapple, dapple_num = mul_apple.backward(dapple_price)
dorange, dorange_num = mul_orange.backward(dorange_price)
for name, value in [
    ("사과 가격", dapple),
    ("사과 개수", dapple_num),
    ("귤 가격", dorange),
    ("귤 개수", dorange_num),
    ("세율", dtax),
]:
    print(f"d(지불 금액) / d({name}) = {value:.4g}")

# %% [markdown]
# 지불 금액이 715.0000000000001로 출력되는 것은 1.1을 이진수로 정확히 나타낼 수
# 없기 때문입니다. 오차는 1경분의 1 정도입니다.
#
# ## 시그모이드 계층의 지름길
#
# 시그모이드 함수의 미분은 y 곱하기 (1 - y)이고, 여기서 y는 시그모이드 자신의
# 출력입니다. 그래서 이 계층은 순전파 때 구한 y를 기억해 둡니다. 여러 입력에서
# 수치 미분(numerical differentiation)과 비교해 보세요.

# %%
x = np.linspace(-6, 6, 121)
layer = Sigmoid()
y = layer.forward(x)
backprop = layer.backward(np.ones_like(x))
numerical = np.array([numerical_diff(sigmoid, v) for v in x])
print("최대 차이:", float(np.abs(backprop - numerical).max()))

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(x, y, label="시그모이드 y")
ax.plot(x, backprop, label="역전파: y (1 - y)")
ax.plot(x[::6], numerical[::6], "o", ms=4, label="수치 미분")
ax.set_xlabel("x")
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# ## 기울기 확인
#
# 작은 신경망과 무작위 데이터로 오차역전파법의 결과를 수치 미분으로 구한
# 기울기(gradient)와 비교합니다. float64에서는 두 값이 열두 자리 정도까지
# 일치합니다. `dtype=np.float32`로 바꿔 보면 기울기 확인을 왜 float64로 하는지 알
# 수 있습니다.

# %%
rng = np.random.default_rng(0)
x_small = rng.random((3, 20))
t_small = np.array([0, 3, 1])
small = TwoLayerNet(input_size=20, hidden_size=10, output_size=4, seed=0)
grad_numerical = small.numerical_gradient(x_small, t_small)
grad_backprop = small.gradient(x_small, t_small)
for key in small.params:
    diff = np.abs(grad_backprop[key] - grad_numerical[key]).max()
    print(f"{key}: 최대 |역전파 - 수치 미분| = {diff:.1e}")

# %% [markdown]
# ## 짧은 학습
#
# 책의 신경망(784-50-10, ReLU)을 MNIST 훈련 이미지 처음 2,000장으로 학습합니다.
# 배치 크기 100으로 200회 반복하며, 학습률(learning rate) 0.1의 확률적 경사
# 하강법(SGD)을 씁니다. 10,000회 반복하는 전체 학습은 5장 페이지에 있습니다.
# 여기서는 바꿔 가며 빠르게 다시 실행할 수 있을 만큼 작게 학습합니다.

# %%
(x_train, t_train), (x_test, t_test) = load_mnist()
net = TwoLayerNet(784, 50, 10, seed=0, dtype=np.float32)
log = train(
    net,
    x_train[:2000],
    t_train[:2000],
    x_test[:1000],
    t_test[:1000],
    iters_num=200,
    batch_size=100,
    optimizer=SGD(lr=0.1),
    seed=0,
)
print(f"손실: 처음 {log.loss[0]:.3f}, 마지막 {log.loss[-1]:.3f}")
print(f"{log.eval_iterations[-1]}회 반복 뒤 시험 정확도: {log.test_acc[-1]}")

# %% [markdown]
# ## 에폭별로 본 조금 더 긴 학습
#
# 5장 페이지에는 책의 전체 학습(이미지 60,000장 전체로 10,000회 반복)이 나옵니다.
# 이번 학습은 몇 초면 끝납니다. 훈련 이미지 처음 5,000장으로 1,000회 반복하므로
# 1에폭(epoch)은 50회 반복이고, 그 5,000장과 시험 이미지 처음 2,000장에 대한
# 정확도를 20번 잽니다.

# %%
net = TwoLayerNet(784, 50, 10, seed=0, dtype=np.float32)
run = train(
    net,
    x_train[:5000],
    t_train[:5000],
    x_test[:2000],
    t_test[:2000],
    iters_num=1000,
    batch_size=100,
    optimizer=SGD(lr=0.1),
    seed=0,
)
epochs = np.array(run.eval_iterations) / run.iters_per_epoch

fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 3.5))
ax_loss.plot(run.loss, alpha=0.5, lw=0.8, label="이번 학습")
ax_loss.plot(log.loss, label="위의 짧은 학습")
ax_loss.set_xlabel("반복")
ax_loss.set_ylabel("미니배치 손실")
ax_loss.legend()
ax_acc.plot(epochs, run.train_acc, "o-", label="훈련")
ax_acc.plot(epochs, run.test_acc, "s--", label="시험")
ax_acc.set_xlabel("에폭")
ax_acc.set_ylabel("정확도")
ax_acc.legend()
plt.show()
print(f"{len(epochs)}에폭 뒤 시험 정확도: {run.test_acc[-1]}")
