"""Chapter 5: the mini-batch training loop."""

import copy
import json

import numpy as np
import pytest

from dlfs.nets import TwoLayerNet
from dlfs.optim import SGD
from dlfs.train import TrainingLog, iters_per_epoch, train, train_neuralnet


def blobs(n, seed):
    """Three well separated Gaussian blobs in the plane, with labels."""
    rng = np.random.default_rng(seed)
    centers = np.array([[2.0, 0.0], [-2.0, 2.0], [-2.0, -2.0]])
    labels = rng.integers(0, 3, n)
    return centers[labels] + 0.8 * rng.standard_normal((n, 2)), labels


@pytest.fixture(scope="module")
def data():
    x_train, t_train = blobs(200, seed=1)
    x_test, t_test = blobs(100, seed=2)
    return x_train, t_train, x_test, t_test


def make_net():
    return TwoLayerNet(2, 10, 3, weight_init_std=0.1, seed=0)


def test_same_seed_and_network_give_identical_runs(data):
    net = make_net()
    first = train(copy.deepcopy(net), *data, iters_num=60, batch_size=16, seed=3)
    second = train(copy.deepcopy(net), *data, iters_num=60, batch_size=16, seed=3)
    assert first.loss == second.loss
    assert first.train_acc == second.train_acc
    assert first.test_acc == second.test_acc
    other = train(copy.deepcopy(net), *data, iters_num=60, batch_size=16, seed=4)
    assert other.loss != first.loss
    assert other.loss[0] != first.loss[0]


def test_loss_decreases_and_accuracy_is_recorded_each_epoch(data):
    net = make_net()
    log = train(net, *data, iters_num=400, batch_size=30, optimizer=SGD(lr=0.1))

    assert isinstance(log, TrainingLog)
    assert len(log.loss) == 400
    assert np.mean(log.loss[-50:]) < 0.5 * np.mean(log.loss[:50])
    assert np.mean(log.loss[:5]) == pytest.approx(np.log(3), abs=0.1)

    assert log.iters_per_epoch == 7  # ceil(200 / 30)
    assert log.eval_iterations == [*range(7, 400, 7), 400]  # 399 = 57 * 7, then 400
    assert len(log.train_acc) == len(log.test_acc) == len(log.eval_iterations)
    assert log.train_acc[-1] == net.accuracy(data[0], data[1])
    assert log.test_acc[-1] == net.accuracy(data[2], data[3])
    assert log.train_acc[-1] > 0.9
    assert log.test_acc[-1] > 0.9

    as_dict = log.to_dict()
    round_trip = json.loads(json.dumps(as_dict))
    assert round_trip == {
        "loss": log.loss,
        "eval_iterations": log.eval_iterations,
        "train_acc": log.train_acc,
        "test_acc": log.test_acc,
        "iters_per_epoch": 7,
    }


def test_evaluations_fall_on_epoch_ends_only_when_iters_is_a_multiple(data):
    log = train(make_net(), *data, iters_num=40, batch_size=50)  # 4 per epoch
    assert log.iters_per_epoch == 4
    assert log.eval_iterations == list(range(4, 41, 4))
    log = train(make_net(), *data, iters_num=3, batch_size=50)
    assert log.eval_iterations == [3]
    log = train(make_net(), *data, iters_num=3, batch_size=500)  # bigger than data
    assert log.iters_per_epoch == 1
    assert log.eval_iterations == [1, 2, 3]


def test_epoch_losses_are_the_mean_batch_loss_of_each_epoch_and_the_partial_last(data):
    log = train(make_net(), *data, iters_num=23, batch_size=40)  # 5 per epoch
    assert log.eval_iterations == [5, 10, 15, 20, 23]
    loss = log.loss
    assert log.epoch_losses() == [
        float(np.mean(loss[0:5])),
        float(np.mean(loss[5:10])),
        float(np.mean(loss[10:15])),
        float(np.mean(loss[15:20])),
        float(np.mean(loss[20:23])),  # the partial last epoch: its own 3 iterations
    ]
    by_hand = TrainingLog(loss=[4.0, 2.0, 3.0, 1.0, 6.0], eval_iterations=[2, 4, 5])
    assert by_hand.epoch_losses() == [3.0, 2.0, 6.0]
    assert TrainingLog().epoch_losses() == []  # zero iterations, no epoch


@pytest.mark.parametrize(
    ("train_size", "batch_size", "expected"),
    [(200, 30, 7), (200, 50, 4), (200, 500, 1), (60_000, 100, 600)],
)
def test_iters_per_epoch_is_what_train_records(data, train_size, batch_size, expected):
    assert iters_per_epoch(train_size, batch_size) == expected
    if train_size == len(data[0]):
        log = train(make_net(), *data, iters_num=1, batch_size=batch_size)
        assert log.iters_per_epoch == expected


def test_accuracy_recorded_at_each_epoch_end_is_the_networks_accuracy_then(data):
    net = make_net()
    seen = []

    def report(line):
        seen.append(
            (line, net.accuracy(data[0], data[1]), net.accuracy(data[2], data[3]))
        )

    log = train(net, *data, iters_num=30, batch_size=25, report=report)
    assert log.eval_iterations == [8, 16, 24, 30]
    assert [s[1] for s in seen] == log.train_acc
    assert [s[2] for s in seen] == log.test_acc


def test_report_gets_one_line_per_evaluation_with_the_numbers_of_the_log(data):
    lines = []
    log = train(make_net(), *data, iters_num=23, batch_size=40, report=lines.append)
    assert log.eval_iterations == [5, 10, 15, 20, 23]  # 5 iterations per epoch
    assert len(lines) == 5
    for epoch, (line, i) in enumerate(zip(lines, log.eval_iterations, strict=True), 1):
        acc = log.train_acc[epoch - 1], log.test_acc[epoch - 1]
        assert line == (
            f"epoch {epoch:3d}  iter {i:6d}  loss {log.loss[i - 1]:.4f}  "
            f"train acc {acc[0]:.4f}  test acc {acc[1]:.4f}"
        )


def test_train_is_silent_by_default_and_prints_with_report_print(data, capsys):
    train(make_net(), *data, iters_num=10, batch_size=100)  # 2 per epoch
    assert capsys.readouterr().out == ""
    train(make_net(), *data, iters_num=10, batch_size=100, report=print)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:4] for line in lines] == [
        ["epoch", str(e), "iter", str(2 * e)] for e in range(1, 6)
    ]


def test_train_checks_then_runs_the_loop_the_page_shows(data):
    net, copy_of_net = make_net(), make_net()
    log = train(net, *data, iters_num=12, batch_size=30, seed=5, report=print)
    shown = train_neuralnet(
        copy_of_net, *data, SGD(lr=0.1), iters_num=12, batch_size=30, seed=5
    )
    assert log == shown
    for key in net.params:
        np.testing.assert_array_equal(net.params[key], copy_of_net.params[key])


def test_recorded_loss_is_the_batch_loss_before_that_update(data):
    x_train, t_train, _, _ = data
    seed, batch_size, lr = 7, 16, 0.5
    net = make_net()
    replay = copy.deepcopy(net)

    log = train(
        net, *data, iters_num=5, batch_size=batch_size, optimizer=SGD(lr=lr), seed=seed
    )

    # Replay the loop by hand: the same sampler, the loss before each update.
    rng = np.random.default_rng(seed)
    optimizer = SGD(lr=lr)
    expected = []
    for _ in range(5):
        batch = rng.integers(0, len(x_train), batch_size)
        expected.append(replay.loss(x_train[batch], t_train[batch]))
        optimizer.update(replay.params, replay.gradient(x_train[batch], t_train[batch]))
    assert log.loss == expected

    # The first loss is that of the untouched network, not the updated one.
    first_batch = np.random.default_rng(seed).integers(0, len(x_train), batch_size)
    untouched = make_net()
    assert log.loss[0] == untouched.loss(x_train[first_batch], t_train[first_batch])
    assert log.loss[0] != net.loss(x_train[first_batch], t_train[first_batch])
    for key in net.params:
        np.testing.assert_array_equal(net.params[key], replay.params[key])


def test_training_with_one_hot_targets_matches_training_with_labels(data):
    x_train, t_train, x_test, t_test = data
    eye = np.eye(3)
    by_label = train(make_net(), *data, iters_num=20, batch_size=10)
    by_one_hot = train(
        make_net(),
        x_train,
        eye[t_train],
        x_test,
        eye[t_test],
        iters_num=20,
        batch_size=10,
    )
    np.testing.assert_allclose(by_one_hot.loss, by_label.loss, rtol=1e-12)
    assert by_one_hot.train_acc == by_label.train_acc
    assert by_one_hot.test_acc == by_label.test_acc


def test_zero_iterations_leave_the_network_unchanged(data):
    net = make_net()
    before = {key: value.copy() for key, value in net.params.items()}
    log = train(net, *data, iters_num=0, batch_size=10)
    assert log.loss == []
    assert log.eval_iterations == []
    for key in net.params:
        np.testing.assert_array_equal(net.params[key], before[key])


@pytest.mark.parametrize(
    ("which", "message"),
    [
        (
            "t_train",
            r"^t_train must be one target for each of the 200 samples of x_train",
        ),
        ("x_test", r"^t_test must be one target for each of the 99 samples of x_test"),
        (
            "empty",
            r"^x_train must be a batch of at least one sample, got shape \(0, 2\)$",
        ),
    ],
)
def test_data_that_does_not_fit_is_refused_before_training(data, which, message):
    x_train, t_train, x_test, t_test = data
    if which == "t_train":
        t_train = t_train[:-1]
    elif which == "x_test":
        x_test = x_test[:-1]
    else:
        x_train, t_train = x_train[:0], t_train[:0]
    net = make_net()
    before = {key: value.copy() for key, value in net.params.items()}
    with pytest.raises(ValueError, match=message):
        train(net, x_train, t_train, x_test, t_test, iters_num=1)
    for key in net.params:
        np.testing.assert_array_equal(net.params[key], before[key])


@pytest.mark.parametrize("which", ["x_train", "x_test"])
def test_inputs_of_the_wrong_width_name_the_array_and_the_network_size(data, which):
    x_train, t_train, x_test, t_test = data
    wide = {"x_train": x_train, "x_test": x_test}
    wide[which] = np.hstack([wide[which], wide[which]])  # 4 features, net takes 2
    with pytest.raises(ValueError) as info:
        train(make_net(), wide["x_train"], t_train, wide["x_test"], t_test)
    assert str(info.value) == (
        f"{which} must be an array of shape (samples, 2) for this network, "
        f"got shape {wide[which].shape}"
    )


@pytest.mark.parametrize("which", ["t_train", "t_test"])
def test_one_hot_targets_of_the_wrong_width_name_the_array(data, which):
    x_train, t_train, x_test, t_test = data
    targets = {"t_train": np.eye(3)[t_train], "t_test": np.eye(3)[t_test]}
    targets[which] = np.eye(4)[targets[which].argmax(axis=1)]  # 4 columns, 3 outputs
    with pytest.raises(ValueError) as info:
        train(make_net(), x_train, targets["t_train"], x_test, targets["t_test"])
    assert str(info.value) == (
        f"{which} must be labels (samples,) or one-hot rows (samples, 3), "
        f"got shape {targets[which].shape}"
    )


def test_targets_of_three_dimensions_are_refused(data):
    x_train, t_train, x_test, t_test = data
    with pytest.raises(ValueError, match=r"^t_train must be labels .* \(200, 1, 1\)$"):
        train(make_net(), x_train, t_train[:, None, None], x_test, t_test)


@pytest.mark.parametrize(
    ("loss", "final", "at"),
    [
        ([2.3, 1.9, 1.5], 1.0, None),
        ([2.3, float("nan"), float("inf")], 1.0, 2),
        ([2.3, float("inf")], 1.0, 2),
        ([2.3, 1.9], float("nan"), 2),  # only the last update went wrong
    ],
)
def test_diverged_at_names_the_first_iteration_with_a_nan_or_infinite_loss(
    loss, final, at
):
    log = TrainingLog(loss=loss)
    assert log.diverged_at({"W1": np.array([0.5, final])}) == at
