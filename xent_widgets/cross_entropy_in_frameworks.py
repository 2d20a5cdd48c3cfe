"""Figures and sliders of ``notebooks/09_cross_entropy_in_frameworks.ipynb``."""

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_widgets import COLORS, LivePlot, explore, format_vector, new_figure, slider

__all__ = ["label_smoothing_plot", "label_smoothing_explorer", "double_softmax_plot", "MAIN_EXPLORER"]


def _smoothed_target(n_classes, true_class, label_smoothing):
    """The label-smoothed target ``(1 - ε) * onehot(true_class) + ε / n_classes``, ε = ``label_smoothing``.

    This is the distribution that ``CrossEntropyLoss(label_smoothing=ε)`` compares the prediction
    with; xent_core applies it inside :func:`xent_core.softmax_cross_entropy`.
    Private: the label-smoothing figure uses it for its bars and floor curve; notebook 09 writes
    the formula out itself.

    Examples
    --------
    >>> print(_smoothed_target(3, 0, 0.3))
    [0.8 0.1 0.1]
    """
    onehot = np.zeros(n_classes)
    onehot[true_class] = 1.0
    return (1 - label_smoothing) * onehot + label_smoothing / n_classes


def label_smoothing_plot(label_smoothing=0.1, logits=notes.PYTORCH_LOGITS, true_class=notes.PYTORCH_TARGET):
    """Label smoothing ε (``label_smoothing``) for one fixed prediction: smoothed target and loss.

    Left: the smoothed target distribution (bars that move with ε) beside the fixed prediction
    ``softmax(logits)``. Right: the loss of that prediction and the smallest loss any prediction
    could reach, the entropy of the smoothed target, as functions of ε.

    Examples
    --------
    >>> label_smoothing_plot(0.1).readout.split("&rarr;")[0]
    '&epsilon; = 0.10 '
    >>> round(float(label_smoothing_plot(0.1).values["label_smoothing"]), 2)
    0.1
    """
    logits = np.asarray(logits, dtype=float)
    n_classes = logits.size
    probs = xc.softmax(logits)
    fig, (left, right) = new_figure(ncols=2, width=8.0, height=3.2)
    x = np.arange(n_classes)
    target_bars = left.bar(x - 0.2, _smoothed_target(n_classes, true_class, label_smoothing), width=0.4,
                           color=COLORS["blue"], label="smoothed target")
    left.bar(x + 0.2, probs, width=0.4, color=COLORS["orange"], label="prediction softmax(z)")
    left.set_xticks(x, [f"class {c}" + (" (true)" if c == true_class else "") for c in x])
    left.set_ylim(0, 1.1)
    left.set_ylabel("probability")
    left.legend(loc="upper right", frameon=False)
    grid = np.linspace(0, 1, 201)
    losses = [float(xc.softmax_cross_entropy(logits[None], [true_class], label_smoothing=e)) for e in grid]
    floors = xc.entropy(np.array([_smoothed_target(n_classes, true_class, e) for e in grid]))
    right.plot(grid, losses, color=COLORS["vermillion"], label="loss of this prediction")
    right.plot(grid, floors, color=COLORS["blue"], ls="--", label="smallest possible loss H(target)")
    loss_point, = right.plot([], [], "o", color=COLORS["vermillion"], ms=8)
    floor_point, = right.plot([], [], "o", color=COLORS["blue"], ms=8)
    gap = right.vlines([], [], [], color=COLORS["black"], lw=1.5)
    right.set_xlim(-0.02, 1.02)
    right.set_ylim(0, 1.3 * max(max(losses), float(floors.max())))
    right.set_xlabel("label smoothing \u03b5")
    right.set_ylabel("loss (nats)")
    right.legend(loc="upper left", frameon=False)

    def update(label_smoothing):
        target = _smoothed_target(n_classes, true_class, label_smoothing)
        for bar, height in zip(target_bars, target):
            bar.set_height(height)
        loss = float(xc.softmax_cross_entropy(logits[None], [true_class], label_smoothing=label_smoothing))
        floor = float(xc.entropy(target))
        loss_point.set_data([label_smoothing], [loss])
        floor_point.set_data([label_smoothing], [floor])
        gap.set_segments([[(label_smoothing, floor), (label_smoothing, loss)]])
        return (f"&epsilon; = {label_smoothing:.2f} &rarr; target {format_vector(target)}; loss <b>{loss:.4f} nats</b>; "
                f"smallest possible {floor:.4f} nats; gap (KL) {loss - floor:.4f} nats")

    return LivePlot(fig, update, animated=[*target_bars, loss_point, floor_point, gap], label_smoothing=label_smoothing)


def label_smoothing_explorer(label_smoothing=0.1):
    """The notebook's main slider: move the label smoothing ``label_smoothing`` and watch target and loss.

    The bars show the smoothed target for the true class 0 of logits [2.0, 1.0, 0.1]; the
    right panel marks this prediction's loss and the entropy of the smoothed target, the
    floor below which no prediction can go.

    Examples
    --------
    >>> explorer = label_smoothing_explorer()
    >>> explorer.controls["label_smoothing"].value = 0.3
    >>> "0.30" in explorer.readout.value
    True
    """
    return explore(label_smoothing_plot(label_smoothing), name="label-smoothing", main=True,
                   label_smoothing=slider("label smoothing \u03b5", 0.0, 1.0, label_smoothing, step=0.05, readout_format=".2f"))


def _double_softmax_floor(n_classes):
    """The smallest loss CrossEntropyLoss can reach when it is fed probabilities instead of logits.

    Softmax outputs lie in [0, 1]; the best case is the perfect one-hot prediction, used as
    logits, whose loss is ``log(1 + (C - 1) / e)`` instead of 0. Computed with xent_core.
    Private: the figure uses it for its curve and marker; notebook 09 computes the floor itself.

    Examples
    --------
    >>> print(round(_double_softmax_floor(3), 4))
    0.5514
    """
    perfect = np.zeros(n_classes)
    perfect[0] = 1.0
    return float(xc.softmax_cross_entropy(perfect[None], [0]))


def double_softmax_plot(n_classes=10):
    """The floor of the double-softmax bug against the number of classes, with ``ln C`` for scale.

    A model whose outputs pass through softmax before ``CrossEntropyLoss`` can never get below
    the lower curve, even when it is perfectly right; the upper curve is the loss of a
    uniform guess, ``ln C``. A marker shows ``n_classes``.

    Examples
    --------
    >>> double_softmax_plot(10).readout
    'C = 10 classes &rarr; floor <b>1.4612 nats</b>; uniform guess ln C = 2.3026 nats'
    """
    fig, ax = new_figure()
    counts = np.unique(np.geomspace(2, 1000, 80).round().astype(int))
    ax.plot(counts, xc.information_content(1 / counts), color=COLORS["sky"], label="uniform guess: ln C")
    ax.plot(counts, [_double_softmax_floor(c) for c in counts], color=COLORS["vermillion"],
            label="perfect prediction, softmax applied twice")
    ax.axhline(0, color=COLORS["green"], label="perfect prediction, softmax once: 0")
    ax.set_xscale("log")
    ax.set_xlim(2, 1000)
    ax.set_ylim(-0.2, 7.5)
    ax.set_xlabel("number of classes C")
    ax.set_ylabel("loss (nats)")
    ax.legend(loc="upper left", frameon=False)
    point, = ax.plot([], [], "o", color=COLORS["vermillion"], ms=8)

    def update(n_classes):
        floor = _double_softmax_floor(n_classes)
        point.set_data([n_classes], [floor])
        return (f"C = {n_classes} classes &rarr; floor <b>{floor:.4f} nats</b>; "
                f"uniform guess ln C = {float(xc.information_content(1 / n_classes)):.4f} nats")

    return LivePlot(fig, update, animated=[point], n_classes=n_classes)


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = label_smoothing_explorer
