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
# # Chapter 3 notebook
#
# A companion to the chapter 3 pages: activation functions, the forward pass
# of a small network, and inference on MNIST with the shipped weights,
# including a timing of one-image-at-a-time against batched inference on the
# machine that runs this notebook. Run it yourself with MNIST available
# (set the environment variable `DLFS_DATA` to the folder with the four
# MNIST files, or let `load_mnist` download them).

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

# load_mnist may import pooch (only to download missing files), which
# imports tqdm; in a notebook without ipywidgets tqdm warns about that.
warnings.filterwarnings("ignore", message="IProgress not found")

print("dlfs", dlfs.__version__, "with NumPy", np.__version__)

# %% [markdown]
# ## Activation functions
#
# The step function jumps, the sigmoid bends smoothly between 0 and 1, ReLU
# passes positive inputs and cuts negative ones to 0, and leaky ReLU lets a
# fraction of them through. Change `alpha` and re-run the cell.

# %%
alpha = 0.1
x = np.linspace(-5, 5, 501)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(x, step_function(x), "--", label="step")
ax.plot(x, sigmoid(x), label="sigmoid")
ax.plot(x, relu(x), label="ReLU")
ax.plot(x, leaky_relu(x, alpha=alpha), ":", label=f"leaky ReLU, alpha={alpha}")
ax.set_ylim(-1, 3)
ax.grid(alpha=0.3)
ax.legend()
plt.show()

# %% [markdown]
# ## The 2-3-2-2 network
#
# The book's hand-made network, one input and then a batch of three inputs
# as rows. The first row of the batch gives the single-input result again.

# %%
network = init_network()
print("one input:     ", forward(network, np.array([1.0, 0.5])))
batch = np.array([[1.0, 0.5], [0.0, 0.0], [-1.0, 2.0]])
print("a batch of 3:\n", forward(network, batch))

# %% [markdown]
# Softmax works row by row, so every row of a batch becomes its own
# probability distribution, even when one row's scores are far larger than
# another's.

# %%
scores = np.array([[1000.0, 1001.0], [0.0, 1.0], [0.3, 2.9]])
probabilities = softmax(scores)
print(probabilities)
print("row sums:", probabilities.sum(axis=1))

# %% [markdown]
# ## MNIST inference with the shipped weights

# %%
(x_train, t_train), (x_test, t_test) = load_mnist()
weights = load_weights()
print("x_test:", x_test.shape, x_test.dtype)
for name, value in weights.items():
    print(name, value.shape, value.dtype)

predicted = np.argmax(predict(weights, x_test), axis=1)
print("accuracy:", float(np.mean(predicted == t_test)))

# %% [markdown]
# ## One image at a time, or in batches?
#
# The same 10,000 predictions three ways. The times are measured now, on the
# machine that runs this notebook, so they vary from run to run; the counts
# of correct answers do not.


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
        f"batch size {batch_size:>6}: {calls:>6} calls of predict, "
        f"{correct} correct, {seconds:.3f} s"
    )

# %% [markdown]
# ## Some digits the network gets wrong
#
# The title shows the prediction and, in brackets, the true label.

# %%
wrong = np.flatnonzero(predicted != t_test)[:8]
fig, axes = plt.subplots(1, 8, figsize=(10, 1.8))
for ax, i in zip(axes, wrong, strict=True):
    ax.imshow(x_test[i].reshape(28, 28), cmap="gray_r")
    ax.set_title(f"{predicted[i]} ({t_test[i]})")
    ax.axis("off")
plt.show()
