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
# # Chapter 4 notebook: learning from data
#
# The chapter in one place: a loss that measures how wrong a network is,
# numerical derivatives and gradients, gradient descent, and a network that
# learns MNIST digits with numerical gradients. Everything comes from the
# `dlfs` package; change the numbers and run the cells again.

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
# ## Two loss functions
#
# The correct digit is 2. The first guess puts 0.6 on it, the second puts
# 0.6 on a 7. Both losses are smaller for the better guess.

# %%
t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
good = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]
bad = [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]
for name, y in (("good guess", good), ("bad guess", bad)):
    print(
        f"{name}: sum of squares {sum_squared_error(y, t):.4f}, "
        f"cross-entropy {cross_entropy_error(y, t):.4f}"
    )

# %% [markdown]
# ## Forward and central differences
#
# The derivative of exp at 1 is e. The table shows the error of both
# difference formulas for a range of steps h: the central difference is far
# better, and too small a step makes both worse.

# %%
exact = np.exp(1.0)
print("       h   forward error   central error")
for h in (1e-1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12):
    fwd = abs(forward_diff(np.exp, 1.0, h=h) - exact)
    cen = abs(numerical_diff(np.exp, 1.0, h=h) - exact)
    print(f"{h:8.0e}  {fwd:14.2e}  {cen:14.2e}")
print("h = 1e-50:", forward_diff(np.exp, 1.0))


# %% [markdown]
# ## Gradient descent on a bowl
#
# The function is x0 squared plus x1 squared, lowest at (0, 0). Starting from
# (-3, 4), try other learning rates in the list.


# %%
def function_2(x):
    return x[0] ** 2 + x[1] ** 2


print("gradient at (3, 4):", numerical_gradient(function_2, np.array([3.0, 4.0])))

grid = np.linspace(-4.5, 4.5, 200)
g0, g1 = np.meshgrid(grid, grid)
fig, ax = plt.subplots(figsize=(5, 5))
ax.contour(g0, g1, g0**2 + g1**2, levels=[1, 4, 9, 16, 25], colors="0.8")
for lr in (0.01, 0.1, 0.95):
    x, path = gradient_descent(
        function_2, [-3.0, 4.0], lr=lr, step_num=20, return_path=True
    )
    ax.plot(path[:, 0], path[:, 1], "o-", ms=3, label=f"lr = {lr}")
    print(f"lr = {lr}: after 20 steps x = {x}")
ax.set_aspect("equal")
ax.set_xlabel("x0")
ax.set_ylabel("x1")
ax.legend()
plt.show()

# %% [markdown]
# ## The gradient of a tiny network
#
# One weight matrix, two inputs, three classes. The function handed to
# `numerical_gradient` ignores its argument: the weights are nudged in place,
# and the loss reads them.

# %%
W = np.array(
    [[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]
)
x = np.array([0.6, 0.9])
t = np.array([0, 0, 1])


def loss(W_now):
    return cross_entropy_error(softmax(x @ W), t)


print("loss:", loss(W))
dW = numerical_gradient(loss, W)
print("dL/dW:\n", dW)
W -= 0.5 * dW
print("loss after one step:", loss(W))

# %% [markdown]
# ## Learning MNIST with numerical gradients
#
# A deliberately tiny network (5 hidden neurons, 3,985 parameters) and one
# batch of 10 images, so that each numerical gradient takes about a second.
# Three steps of gradient descent lower the loss on the batch.

# %%
(x_train, t_train), (x_test, t_test) = load_mnist()
net = NumericalTwoLayerNet(784, 5, 10, weight_init_std=0.1, seed=0)
x10, t10 = x_train[:10], t_train[:10]
print(f"step 0: loss {net.loss(x10, t10):.4f}")
for step in range(1, 4):
    grads = net.numerical_gradient(x10, t10)
    for key in net.params:
        net.params[key] -= 1.0 * grads[key]
    print(f"step {step}: loss {net.loss(x10, t10):.4f}")

# %% [markdown]
# ## A short run with a log
#
# The chapter page draws a longer run (a 784-10-10 network, 100 iterations);
# this one is small enough to run here in seconds. To make every numerical
# gradient cheap, the images are shrunk to 14x14 pixels (every second row and
# column) and the network is 196-5-10 (1,045 parameters). Each iteration
# draws a random mini-batch of 20, logs its loss and takes one step with a
# learning rate of 2; every 5
# iterations the accuracy on 500 training and 500 test images is measured.

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
ax_loss.set_xlabel("iteration")
ax_loss.set_ylabel("mini-batch loss")
ax_acc.plot(evaluated, train_acc, "o-", label="train")
ax_acc.plot(evaluated, test_acc, "s--", label="test")
ax_acc.set_xlabel("iteration")
ax_acc.set_ylabel("accuracy")
ax_acc.set_ylim(0, 1)
ax_acc.legend()
plt.show()
print(f"test accuracy: {test_acc[0]:.3f} -> {test_acc[-1]:.3f}")
