"""Every numeric argument of every constructor and training function is checked
the same way: one table says which values each kind of argument takes, and a
refused value raises the error of its kind (the rule in dlfs/_validate.py),
with a message that starts with the argument's name."""

import inspect
import re

import numpy as np
import pytest

from dlfs._validate import checks
from dlfs.gradient import gradient_descent, numerical_gradient
from dlfs.nets import MultiLayerNet, TwoLayerNet
from dlfs.numerical_net import NumericalTwoLayerNet, train_numerical
from dlfs.optim import SGD
from dlfs.train import TrainingLog, train

VALUES = {
    "True": True,
    "inf": float("inf"),
    "nan": float("nan"),
    "0": 0,
    "-1": -1,
    "3.5": 3.5,
    "'3'": "3",
    "None": None,
    "2.0": 2.0,
    "int64(3)": np.int64(3),
    "Generator": np.random.default_rng(0),
}

# What each kind of argument does with each value: ok (accepted), T (TypeError)
# or V (ValueError).  Columns in the order of VALUES.
# fmt: off
#                   True inf nan 0  -1 3.5 '3' None 2.0 int64(3) Generator
KINDS = {
    "count":        "T    T   T   V  V  T   T   T    T   ok       T",
    "count or 0":   "T    T   T   ok V  T   T   T    T   ok       T",
    "seed":         "T    T   T   ok V  T   T   ok   T   ok       T",
    "seed or rng":  "T    T   T   ok V  T   T   ok   T   ok       ok",
    "rate":         "T    V   V   V  V  ok  T   T    ok  ok       T",
    "rate or name": "T    V   V   V  V  ok  V   T    ok  ok       T",
}
# fmt: on
OUTCOME = {"ok": None, "T": TypeError, "V": ValueError}


def two_layer_net(**argument):
    sizes = {"input_size": 4, "hidden_size": 3, "output_size": 2}
    return TwoLayerNet(**{**sizes, **argument})


def multi_layer_net(**argument):
    sizes = {"input_size": 4, "hidden_size_list": [3, 3], "output_size": 2}
    if "hidden_size_list[1]" in argument:
        argument = {"hidden_size_list": [3, argument.pop("hidden_size_list[1]")]}
    return MultiLayerNet(**{**sizes, **argument})


def numerical_two_layer_net(**argument):
    sizes = {"input_size": 2, "hidden_size": 2, "output_size": 2}
    return NumericalTwoLayerNet(**{**sizes, **argument})


DATA = (
    np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]),
    np.array([0, 1, 1, 0]),
)


def run_train(**argument):
    counts = {"iters_num": 1, "batch_size": 2, **argument}
    log = train(TwoLayerNet(2, 3, 2, seed=0), *DATA, *DATA, **counts)
    assert isinstance(log, TrainingLog)
    assert len(log.loss) == counts["iters_num"]


def run_train_numerical(**argument):
    settings = {"iters_num": 1, "batch_size": 2, "eval_every": 1, "eval_size": 4}
    settings = {**settings, **argument}
    net = NumericalTwoLayerNet(2, 2, 2, seed=0)
    losses, _, _ = train_numerical(net, (DATA, DATA), **settings)
    assert len(losses) == settings["iters_num"]


def run_gradient_descent(**argument):
    x = gradient_descent(lambda x: float(np.sum(x**2)), [3.0], **argument)
    assert x.shape == (1,)


def run_numerical_gradient(**argument):
    x = np.array([3.0])
    np.testing.assert_allclose(
        numerical_gradient(lambda x: x[0] ** 2, x, **argument), 6
    )


# The one table: every numeric argument, and its kind.
ARGUMENTS = {
    TwoLayerNet: (
        two_layer_net,
        {
            "input_size": "count",
            "hidden_size": "count",
            "output_size": "count",
            "weight_init_std": "rate",
            "seed": "seed or rng",
        },
    ),
    MultiLayerNet: (
        multi_layer_net,
        {
            "input_size": "count",
            "hidden_size_list[1]": "count",
            "output_size": "count",
            "weight_init_std": "rate or name",
            "seed": "seed or rng",
        },
    ),
    NumericalTwoLayerNet: (
        numerical_two_layer_net,
        {
            "input_size": "count",
            "hidden_size": "count",
            "output_size": "count",
            "weight_init_std": "rate",
            "seed": "seed or rng",
        },
    ),
    SGD: (SGD, {"lr": "rate"}),
    train: (
        run_train,
        {"iters_num": "count or 0", "batch_size": "count", "seed": "seed"},
    ),
    train_numerical: (
        run_train_numerical,
        {
            "iters_num": "count or 0",
            "batch_size": "count",
            "learning_rate": "rate",
            "eval_every": "count",
            "eval_size": "count",
            "seed": "seed",
        },
    ),
    gradient_descent: (
        run_gradient_descent,
        {"lr": "rate", "step_num": "count or 0"},
    ),
    numerical_gradient: (run_numerical_gradient, {"h": "rate"}),
}


def cases():
    """(call, argument, value, error, id) for every argument and value; error is
    None if the value is accepted."""
    for target, (call, kinds) in ARGUMENTS.items():
        for argument, kind in kinds.items():
            outcomes = KINDS[kind].split()
            for (label, value), outcome in zip(VALUES.items(), outcomes, strict=True):
                name = f"{target.__name__}-{argument}-{label}"
                yield call, argument, value, OUTCOME[outcome], name


REFUSED = [pytest.param(*case[:4], id=case[4]) for case in cases() if case[3]]
ACCEPTED = [pytest.param(*case[:3], id=case[4]) for case in cases() if not case[3]]


@pytest.mark.parametrize(("call", "argument", "value", "error"), REFUSED)
def test_a_refused_value_raises_the_error_of_its_kind_naming_the_argument(
    call, argument, value, error
):
    with pytest.raises(error) as info:
        call(**{argument: value})
    assert type(info.value) is error
    message = str(info.value)
    assert re.match(rf"{re.escape(argument)} must be \S", message), message
    assert message.endswith(f", got {value!r}"), message


@pytest.mark.parametrize(("call", "argument", "value"), ACCEPTED)
def test_an_accepted_value_builds_or_runs(call, argument, value):
    call(**{argument: value})


@pytest.mark.parametrize("target", ARGUMENTS, ids=lambda target: target.__name__)
def test_the_table_has_every_numeric_argument(target):
    signature = inspect.signature(target)
    numeric = {
        name
        for name, parameter in signature.parameters.items()
        if re.search(r"\b(int|float)\b", str(parameter.annotation))
        and not str(parameter.annotation).startswith("Callable")  # f returns one
    }
    in_table = {argument.split("[")[0] for argument in ARGUMENTS[target][1]}
    assert in_table == numeric


@pytest.mark.parametrize("hidden", [3, "33", None])
def test_hidden_size_list_that_is_not_a_list_is_refused_naming_it(hidden):
    with pytest.raises(TypeError, match=r"^hidden_size_list must be a list of whole"):
        MultiLayerNet(4, hidden, 2)


# Targets, where they enter: a network's loss and accuracy, and train.
NETWORKS = {
    "TwoLayerNet": lambda: TwoLayerNet(2, 3, 2, seed=0),
    "MultiLayerNet": lambda: MultiLayerNet(2, [3], 2, seed=0),
    "NumericalTwoLayerNet": lambda: NumericalTwoLayerNet(2, 3, 2, seed=0),
}
BAD_LABELS = [
    (np.array([0, 1, -1, 0]), ValueError, "the label -1"),  # NumPy: the last class
    (np.array([0, 1, 2, 0]), ValueError, "the label 2"),
    (np.array([0.0, 1.0, 1.0, 0.0]), TypeError, "an array of float64"),
    (np.array([0, 1]), ValueError, "shape (2,)"),  # too few: NumPy broadcasts
]


@pytest.mark.parametrize("network", NETWORKS)
@pytest.mark.parametrize("method", ["loss", "accuracy"])
@pytest.mark.parametrize(("t", "error", "got"), BAD_LABELS)
def test_labels_outside_the_classes_or_of_the_wrong_count_are_refused(
    network, method, t, error, got
):
    net = NETWORKS[network]()
    with pytest.raises(error, match=r"^t must be .*, got ") as info:
        getattr(net, method)(DATA[0], t)
    assert str(info.value).endswith(f"got {got}")


@pytest.mark.parametrize(("t", "error", "got"), BAD_LABELS)
def test_train_refuses_the_same_labels_naming_the_argument(t, error, got):
    with pytest.raises(error, match=r"^t_test must be") as info:
        train(TwoLayerNet(2, 3, 2, seed=0), *DATA, DATA[0], t, iters_num=1)
    assert str(info.value).endswith(f"got {got}")


def test_a_batch_of_images_that_flatten_to_the_input_width_is_accepted():
    net = MultiLayerNet(12, [4], 3, seed=0)
    images = np.zeros((2, 1, 3, 4))
    assert net.accuracy(images, np.array([0, 2])) == net.accuracy(
        images.reshape(2, 12), np.array([0, 2])
    )


# Other data that would fail deep inside, or train silently on nothing.


def test_train_refuses_a_network_without_backpropagation_naming_train_numerical():
    net = NumericalTwoLayerNet(2, 3, 2, seed=0)
    with pytest.raises(TypeError, match=r"^network must be .*train_numerical\)"):
        train(net, *DATA, *DATA, iters_num=1)


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_training_inputs_with_nan_or_inf_are_refused_naming_the_sample(bad):
    # A NaN x_train used to train to accuracy 0.5 without a word.
    x = DATA[0].copy()
    x[2, 1] = bad
    with pytest.raises(ValueError) as info:
        train(TwoLayerNet(2, 3, 2, seed=0), x, DATA[1], *DATA, iters_num=1)
    assert (
        str(info.value) == "x_train must be finite numbers, got NaN or inf in sample 2"
    )
    net = NumericalTwoLayerNet(2, 2, 2, seed=0)
    with pytest.raises(ValueError, match=r"^x_test must be finite numbers"):
        train_numerical(net, (DATA, (x, DATA[1])), iters_num=1, batch_size=2)


@pytest.mark.parametrize("method", ["loss", "accuracy"])
def test_a_layer_network_refuses_a_list_of_inputs_naming_x(method):
    # The layers read x.shape: a list used to end in an AttributeError.
    net = TwoLayerNet(2, 3, 2, seed=0)
    with pytest.raises(TypeError, match=r"^x must be a NumPy array, got list$"):
        getattr(net, method)(DATA[0].tolist(), DATA[1])


def test_numerical_gradient_refuses_a_list_naming_x():
    with pytest.raises(TypeError, match=r"^x must be a float array, got list$"):
        numerical_gradient(lambda x: x[0] ** 2, [3.0])


def test_a_checked_method_called_by_another_of_the_same_object_is_checked_once():
    seen = []

    @checks(
        outer=lambda self, n: seen.append(("outer", n)),
        inner=lambda self, n: seen.append(("inner", n)),
    )
    class Walker:
        def outer(self, n):
            return [self.inner(n) for _ in range(3)]

        def inner(self, n):
            return n

    first, second = Walker(), Walker()
    assert first.outer(2) == [2, 2, 2]
    assert seen == [("outer", 2)]  # the outer call checked what came in
    first.inner(5)  # called from outside: checked
    second.inner(7)
    assert seen == [("outer", 2), ("inner", 5), ("inner", 7)]


def test_the_numerical_gradient_of_a_network_refuses_bad_labels_before_it_starts():
    net = NumericalTwoLayerNet(4, 3, 2, seed=0)
    with pytest.raises(ValueError, match="got the label 2"):
        net.numerical_gradient(np.zeros((2, 4)), np.array([0, 2]))
