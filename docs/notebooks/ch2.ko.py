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
# # 2장 노트북: 퍼셉트론과 논리 게이트
#
# 퍼셉트론(perceptron)을 다루는 2장 페이지의 짝이 되는 노트북입니다. 맨 위 셀부터
# 차례로 실행하고, 가중치와 편향을 바꿔 다시 실행하면서 무엇이 달라지는지
# 살펴보세요.
#
# 퍼셉트론은 입력마다 가중치(weight)를 곱하고, 그 곱들과 편향(bias)을 더해서 합이
# 0보다 크면 1을, 그렇지 않으면 0을 출력합니다. dlfs에서는 이것이
# `perceptron(x, w, b)`라는 함수 하나입니다.
#
# 그래프의 한글이 네모(□)로 보이면 matplotlib에 한글 글꼴을 지정하세요. 예를 들어
# `plt.rcParams["font.family"] = "Malgun Gothic"`(윈도우), `"AppleGothic"`(macOS),
# `"NanumGothic"`(리눅스, 나눔 글꼴을 설치한 뒤)처럼 씁니다.

# %%
import itertools

import matplotlib.pyplot as plt
import numpy as np

from dlfs import AND, NAND, OR, XOR, perceptron
from dlfs.perceptron import AND_PARAMS, NAND_PARAMS, OR_PARAMS

pairs = np.array([[0, 0], [1, 0], [0, 1], [1, 1]])
print("AND  w, b =", AND_PARAMS)
print("NAND w, b =", NAND_PARAMS)
print("OR   w, b =", OR_PARAMS)

# %% [markdown]
# ## 진리표
#
# 게이트는 벡터화되어 있어서 한 번의 호출로 네 가지 입력 쌍 모두에 대한 답을
# 냅니다.

# %%
print("x1 x2 | AND NAND OR XOR")
table = zip(pairs, AND(pairs), NAND(pairs), OR(pairs), XOR(pairs), strict=True)
for (x1, x2), a, n, o, x in table:
    print(f" {x1}  {x2} |  {a}    {n}   {o}   {x}")

# %% [markdown]
# ## 나만의 매개변수
#
# 직선으로 1과 0을 갈라 놓는 가중치와 편향이라면 무엇이든 게이트가 됩니다.
# 아래의 `w`와 `b`를 바꿔 보세요. 어떤 진리표가 나오나요?

# %%
w, b = np.array([1.0, 1.0]), -1.5
print("내 값:", perceptron(pairs, w, b))
print("AND:  ", AND(pairs))

# %% [markdown]
# ## XOR 퍼셉트론 찾기
#
# -1부터 1까지의 격자 위에 있는 모든 가중치와 편향을 시험해 보고, 그 퍼셉트론들이
# 만드는 진리표를 모읍니다. 가능한 진리표 16가지 중 두 가지는 끝내 나오지
# 않습니다. 바로 XOR (0, 1, 1, 0)과 그 부정인 XNOR (1, 0, 0, 1)입니다.

# %%
grid = np.linspace(-1, 1, 21)
found = {
    tuple(perceptron(pairs, [w1, w2], bias).tolist())
    for w1, w2, bias in itertools.product(grid, grid, grid)
}
print(len(found), "← 찾은 진리표 수(전체 16가지)")
all_tables = set(itertools.product([0, 1], repeat=4))
print("나오지 않은 진리표:", sorted(all_tables - found))

# %% [markdown]
# ## 퍼셉트론이 활성화하는 곳
#
# 게이트는 0과 1만 받지만 `perceptron`은 어떤 실수 입력이든 받으므로, 평면을 그
# 출력에 따라 색칠할 수 있습니다. 퍼셉트론 하나(OR 게이트)는 직선의 한쪽에서
# 활성화하고, 2층 신경망 AND(NAND, OR)는 두 직선 사이의 띠에서 활성화합니다.
# XOR 게이트에 필요한 것이 바로 이 띠입니다.

# %%
axis = np.linspace(-0.5, 1.5, 201)
g1, g2 = np.meshgrid(axis, axis)
points = np.column_stack([g1.ravel(), g2.ravel()])


def two_layer(x):
    s = np.column_stack([perceptron(x, *NAND_PARAMS), perceptron(x, *OR_PARAMS)])
    return perceptron(s, *AND_PARAMS)


colours = np.where(XOR(pairs) == 1, "tab:orange", "tab:blue")
fig, axes = plt.subplots(1, 2, figsize=(8, 4), sharey=True)
panels = [
    ("퍼셉트론 하나: OR", perceptron(points, *OR_PARAMS)),
    ("층 두 개: AND(NAND, OR)", two_layer(points)),
]
for ax, (title, y) in zip(axes, panels, strict=True):
    fires = y.reshape(g1.shape)
    ax.contourf(g1, g2, fires, levels=[0.5, 1.5], colors=["tab:orange"], alpha=0.2)
    ax.scatter(pairs[:, 0], pairs[:, 1], c=colours, s=120, edgecolors="black")
    ax.set_title(title)
    ax.set_xlabel("x1")
    ax.set_aspect("equal")
axes[0].set_ylabel("x2")
plt.show()

# %% [markdown]
# 색칠된 영역은 퍼셉트론이 활성화하는(1을 출력하는) 곳입니다. 점의 색은 XOR
# 게이트가 출력해야 하는 값을 나타냅니다. 주황색은 1, 파란색은 0입니다. 왼쪽
# 그림에서는 점 (1, 1)이 OR 게이트가 1을 출력하는 영역에 있으므로, OR 게이트의
# 직선 하나로는 이 점을 틀리게 분류합니다. 오른쪽 그림에서는 XOR 게이트의 출력이
# 1인 두 점만 정확히 띠 안에 들어갑니다.
#
# ## 층별로 본 XOR

# %%
s1 = NAND(pairs)
s2 = OR(pairs)
y = AND(s1, s2)
print("x1 x2 | s1 s2 | y")
for (x1, x2), a, c, d in zip(pairs, s1, s2, y, strict=True):
    print(f" {x1}  {x2} |  {a}  {c} | {d}")
