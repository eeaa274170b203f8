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
# # Chapter 2 notebook: perceptrons and logic gates
#
# A companion to the chapter page on the perceptron. Run the cells from the
# top; change the weights and biases and run them again to see what moves.
#
# A perceptron multiplies each input by a weight, adds the products and a
# bias, and outputs 1 when the total is above zero, 0 otherwise. In dlfs that
# is one function, `perceptron(x, w, b)`.

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
# ## Truth tables
#
# The gates are vectorised: one call answers for all four input pairs.

# %%
print("x1 x2 | AND NAND OR XOR")
table = zip(pairs, AND(pairs), NAND(pairs), OR(pairs), XOR(pairs), strict=True)
for (x1, x2), a, n, o, x in table:
    print(f" {x1}  {x2} |  {a}    {n}   {o}   {x}")

# %% [markdown]
# ## Your own parameters
#
# Any weights and bias whose line separates the 1s from the 0s make a gate.
# Try changing `w` and `b` below: which truth table do you get?

# %%
w, b = np.array([1.0, 1.0]), -1.5
print("yours:", perceptron(pairs, w, b))
print("AND:  ", AND(pairs))

# %% [markdown]
# ## Searching for an XOR perceptron
#
# Try every weight and bias on a grid from -1 to 1 and collect the truth
# tables the perceptrons produce. Of the 16 possible tables, two never show
# up: XOR (0, 1, 1, 0) and its negation XNOR (1, 0, 0, 1).

# %%
grid = np.linspace(-1, 1, 21)
found = {
    tuple(perceptron(pairs, [w1, w2], bias).tolist())
    for w1, w2, bias in itertools.product(grid, grid, grid)
}
print(len(found), "of 16 truth tables found")
all_tables = set(itertools.product([0, 1], repeat=4))
print("missing:", sorted(all_tables - found))

# %% [markdown]
# ## Where the perceptrons fire
#
# The gates accept only 0 and 1, but `perceptron` takes any real inputs, so we
# can colour the plane by its output. One perceptron (OR) fires on one side of
# a line; the two-layer network AND(NAND, OR) fires in a band between two
# lines, which is what XOR needs.

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
    ("one perceptron: OR", perceptron(points, *OR_PARAMS)),
    ("two layers: AND(NAND, OR)", two_layer(points)),
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
# The shading marks where the perceptron fires (outputs 1). The dots are
# coloured by what XOR should output: orange for 1, blue for 0. On the left,
# the point (1, 1) lies in the region where OR fires, so OR's single line gets
# it wrong; on the right, the band holds exactly the two points where XOR is 1.
#
# ## XOR layer by layer

# %%
s1 = NAND(pairs)
s2 = OR(pairs)
y = AND(s1, s2)
print("x1 x2 | s1 s2 | y")
for (x1, x2), a, c, d in zip(pairs, s1, s2, y, strict=True):
    print(f" {x1}  {x2} |  {a}  {c} | {d}")
