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
# # Chapter 5 notebook: backpropagation
#
# A companion to the chapter 5 pages. Every layer in dlfs has a `forward`
# method, which computes its output and remembers what it needs, and a
# `backward` method, which takes the derivative of the final result with
# respect to its output and returns the derivatives with respect to its inputs.
# Calling `forward` from first to last layer, then `backward` from last to
# first, is backpropagation. Run the cells from the top and change the numbers.

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
# ## Shopping with layers
#
# 2 apples at 100 yen and 3 oranges at 150 yen, with a tax rate of 1.1. Four
# layers, called forward in order and backward in reverse order. The backward
# pass tells how much the total changes per unit change of each input.

# %%
apple, apple_num, orange, orange_num, tax = 100, 2, 150, 3, 1.1
mul_apple, mul_orange, mul_tax = MulLayer(), MulLayer(), MulLayer()
add_fruit = AddLayer()

apple_price = mul_apple.forward(apple, apple_num)
orange_price = mul_orange.forward(orange, orange_num)
all_price = add_fruit.forward(apple_price, orange_price)
price = mul_tax.forward(all_price, tax)
print("total price:", price)

dall_price, dtax = mul_tax.backward(1)
dapple_price, dorange_price = add_fruit.backward(dall_price)
dapple, dapple_num = mul_apple.backward(dapple_price)
dorange, dorange_num = mul_orange.backward(dorange_price)
for name, value in [
    ("apple price", dapple),
    ("apples bought", dapple_num),
    ("orange price", dorange),
    ("oranges bought", dorange_num),
    ("tax rate", dtax),
]:
    print(f"d(total) / d({name}) = {value:.4g}")

# %% [markdown]
# The total prints as 715.0000000000001 because 1.1 has no exact binary
# form; the error is one part in ten thousand trillion.
#
# ## The sigmoid layer's shortcut
#
# The sigmoid's derivative is y times (1 - y), where y is its own output, so
# the layer keeps y from the forward pass. Compare it with a numerical
# derivative over a range of inputs.

# %%
x = np.linspace(-6, 6, 121)
layer = Sigmoid()
y = layer.forward(x)
backprop = layer.backward(np.ones_like(x))
numerical = np.array([numerical_diff(sigmoid, v) for v in x])
print("largest difference:", float(np.abs(backprop - numerical).max()))

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(x, y, label="sigmoid y")
ax.plot(x, backprop, label="backward: y (1 - y)")
ax.plot(x[::6], numerical[::6], "o", ms=4, label="numerical derivative")
ax.set_xlabel("x")
ax.legend()
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# ## Gradient check
#
# Backpropagation against the numerical gradient on a small network and
# random data. In float64 the two agree to about twelve digits; try
# `dtype=np.float32` to see why gradient checks are done in float64.

# %%
rng = np.random.default_rng(0)
x_small = rng.random((3, 20))
t_small = np.array([0, 3, 1])
small = TwoLayerNet(input_size=20, hidden_size=10, output_size=4, seed=0)
grad_numerical = small.numerical_gradient(x_small, t_small)
grad_backprop = small.gradient(x_small, t_small)
for key in small.params:
    diff = np.abs(grad_backprop[key] - grad_numerical[key]).max()
    print(f"{key}: max |backprop - numerical| = {diff:.1e}")

# %% [markdown]
# ## A short training run
#
# The book's network (784-50-10, ReLU) on the first 2,000 MNIST training
# images, 200 iterations of batch 100 with SGD at learning rate 0.1. The full
# 10,000-iteration run is on the chapter page; here it is small enough to
# change and rerun quickly.

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
print(f"loss: first {log.loss[0]:.3f}, last {log.loss[-1]:.3f}")
print(f"test accuracy after {log.eval_iterations[-1]} iterations: {log.test_acc[-1]}")

# %% [markdown]
# ## A longer run, epoch by epoch
#
# The chapter page shows the book's full run (10,000 iterations on all
# 60,000 images). This one takes seconds: 1,000 iterations on the first
# 5,000 training images, so an epoch is 50 iterations, and the accuracy on
# those 5,000 images and on the first 2,000 test images is measured 20 times.

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
ax_loss.plot(run.loss, alpha=0.5, lw=0.8, label="this run")
ax_loss.plot(log.loss, label="short run above")
ax_loss.set_xlabel("iteration")
ax_loss.set_ylabel("mini-batch loss")
ax_loss.legend()
ax_acc.plot(epochs, run.train_acc, "o-", label="train")
ax_acc.plot(epochs, run.test_acc, "s--", label="test")
ax_acc.set_xlabel("epoch")
ax_acc.set_ylabel("accuracy")
ax_acc.legend()
plt.show()
print(f"test accuracy after {len(epochs)} epochs: {run.test_acc[-1]}")
