"""Figures and sliders of ``notebooks/12_training_a_classifier.ipynb``."""

import matplotlib
import numpy as np
from matplotlib.ticker import NullFormatter
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from xent_widgets import COLORS, RENDER_DPI, STYLE, LivePlot, explore, new_figure, slider

_LOSS_TICKS = [0.05, 0.1, 0.2, 0.5, 1, 2]
WEIGHTS_FIGSIZE = (10.0, 3.3)


def _loss_axis(ax):
    """A log axis for losses in nats, labelled 0.1, 0.2, 0.5, ... instead of powers of ten."""
    ax.set_yscale("log")
    ax.set_yticks(_LOSS_TICKS, labels=[f"{t:g}" for t in _LOSS_TICKS])
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_ylim(0.08, 3)


__all__ = ["digits_plot", "learning_curves_plot", "weights_plot", "weights_explorer", "MAIN_EXPLORER"]


def digits_plot(images, labels, n=10):
    """The first ``n`` images (8×8, grey levels) with their labels above them.

    Examples
    --------
    >>> digits_plot(np.zeros((3, 64)), [0, 1, 2], n=3).readout
    'the first 3 training images, labels 0 1 2'
    """
    fig, axes = new_figure(ncols=n, width=0.85 * n, height=1.15)
    for ax, image, label in zip(np.atleast_1d(axes), images, labels):
        ax.imshow(np.reshape(image, (8, 8)), cmap="gray_r", vmin=0, vmax=1)
        ax.set_title(str(label), fontsize=10)
        ax.set_axis_off()
    text = f"the first {n} training images, labels " + " ".join(str(label) for label in labels[:n])
    return LivePlot(fig, lambda: text)


def learning_curves_plot(ce, mse=None):
    """Cross-entropy (left, log scale) and accuracy (right) against the step, train and validation.

    Parameters
    ----------
    ce, mse : dict
        Histories of the model trained with cross-entropy and with MSE on its softmax outputs:
        ``"step"`` (K,), and ``"train_loss"``, ``"val_loss"``, ``"train_accuracy"``,
        ``"val_accuracy"`` (K,), the losses being cross-entropy in nats for both models.
        Without ``mse`` only the cross-entropy model is drawn.

    Examples
    --------
    >>> steps = np.arange(3) * 10
    >>> h = {"step": steps, "train_loss": np.array([2.3, 1.0, 0.5]), "val_loss": np.array([2.3, 1.1, 0.6]),
    ...      "train_accuracy": np.array([0.1, 0.8, 0.9]), "val_accuracy": np.array([0.1, 0.7, 0.85])}
    >>> learning_curves_plot(h, h).readout
    'after 20 steps: cross-entropy model 0.6 nats, 85.0% on validation; MSE model 0.6 nats, 85.0%'
    >>> learning_curves_plot(h).readout
    'after 20 steps: cross-entropy model 0.6 nats, 85.0% on validation'
    """
    fig, axes = new_figure(ncols=2, width=8.8, height=3.2)
    models = [(ce, "trained with cross-entropy", COLORS["blue"])]
    if mse is not None:
        models.append((mse, "trained with MSE", COLORS["vermillion"]))
    for history, name, color in models:
        for part, style in [("train", "--"), ("val", "-")]:
            label = "training" if part == "train" else "validation"
            label = label if mse is None else f"{name}, {label}"   # one model: no need to name it
            axes[0].plot(history["step"], history[f"{part}_loss"], style, color=color, label=label)
            axes[1].plot(history["step"], history[f"{part}_accuracy"], style, color=color, label=label)
    axes[0].axhline(np.log(10), color=COLORS["black"], lw=0.8, ls=":")
    axes[0].text(history["step"][-1], np.log(10) * 1.05, "ln 10", ha="right", va="bottom", fontsize=9)
    _loss_axis(axes[0])
    axes[0].set_ylabel("cross-entropy (nats, log scale)")
    axes[1].set_ylabel("accuracy")
    axes[1].set_ylim(0.85, 1.0)   # the start, about 10%, is below: the differences are at the top
    for ax in axes:
        ax.set_xlabel("gradient-descent step")
        ax.set_xlim(0, history["step"][-1])
    fig.legend(*axes[0].get_legend_handles_labels(), loc="outside upper center", ncols=2, fontsize=8, frameon=False)
    last = len(ce["step"]) - 1
    text = (f"after {ce['step'][last]} steps: cross-entropy model {ce['val_loss'][last]:.3g} nats, "
            f"{ce['val_accuracy'][last]:.1%} on validation")
    if mse is not None:
        text += f"; MSE model {mse['val_loss'][last]:.3g} nats, {mse['val_accuracy'][last]:.1%}"
    return LivePlot(fig, lambda: text)


def _figure(width, height):
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(width, height), dpi=RENDER_DPI, layout="constrained")
        FigureCanvasAgg(fig)
    return fig


def _color_limit(weights):
    """The colour scale's limit: the 98th percentile of the absolute weights, to 2 significant digits.

    A scale up to the single largest weight (2.79 after 600 steps) would leave most pixels
    pale; the 2% of weights beyond this limit show in the darkest colour instead.

    Examples
    --------
    >>> _color_limit(np.linspace(-1.0, 1.0, 101))
    0.98
    >>> _color_limit(np.zeros(5))
    1.0
    """
    limit = float(np.percentile(np.abs(weights), 98))
    return float(f"{limit:.2g}") if limit > 0 else 1.0


def weights_plot(history, step=0):
    """The ten columns of the weight matrix as 8×8 images (left) and the loss curves (right).

    Parameters
    ----------
    history : dict
        ``"step"`` (K,), ``"weights"`` (K, 64, 10) snapshots, ``"train_loss"``, ``"val_loss"`` (K,).
    step : int
        A step in ``history["step"]`` (the nearest recorded one is shown).

    Red pixels push the score of that digit up, blue ones down; the colour scale is fixed for all
    steps (up to the 98th percentile of the last snapshot's absolute weights, see
    :func:`_color_limit`), so early, small weights look pale.

    Examples
    --------
    >>> h = {"step": np.array([0, 10]), "weights": np.stack([np.zeros((64, 10)), np.ones((64, 10))]),
    ...      "train_loss": np.array([2.3, 1.0]), "val_loss": np.array([2.3, 1.2])}
    >>> weights_plot(h, step=10).readout
    'step 10: training loss 1.000 nats, validation loss 1.200 nats; largest weight 1'
    """
    fig = _figure(WEIGHTS_FIGSIZE[0], WEIGHTS_FIGSIZE[1])
    with matplotlib.rc_context(STYLE):
        left, right = fig.subfigures(1, 2, width_ratios=[2.8, 1])
        image_axes = left.subplots(2, 5, gridspec_kw={"wspace": 0.04, "hspace": 0.04})
        loss_ax = right.subplots()
    scale = _color_limit(history["weights"][-1])
    images = []
    for digit, ax in enumerate(image_axes.ravel()):
        images.append(ax.imshow(np.zeros((8, 8)), cmap="RdBu_r", vmin=-scale, vmax=scale))
        ax.set_title(f"digit {digit}", fontsize=10, pad=3)
        ax.set_axis_off()
    left.colorbar(images[0], ax=image_axes, orientation="vertical", fraction=0.03, pad=0.02, shrink=0.9,
                  ticks=[-scale, 0, scale], label="weight")
    for part, style, name in [("train", "--", "training"), ("val", "-", "validation")]:
        loss_ax.plot(history["step"], history[f"{part}_loss"], style, color=COLORS["blue"], label=name)
    _loss_axis(loss_ax)
    # a margin on both sides, so that the marker at the first and the last step is not cut in half
    last = float(history["step"][-1])
    loss_ax.set_xlim(-0.04 * last, 1.04 * last)
    loss_ax.set_xlabel("gradient-descent step")
    loss_ax.set_ylabel("cross-entropy (nats, log scale)")
    loss_ax.legend(loc="upper right", fontsize=8, frameon=False)
    guide = loss_ax.axvline(0, color=COLORS["black"], lw=1, ls=":")
    dot, = loss_ax.plot([], [], "o", color=COLORS["blue"], ms=7)

    def update(step):
        k = int(np.argmin(np.abs(history["step"] - step)))
        weights = history["weights"][k]
        for digit, image in enumerate(images):
            image.set_data(weights[:, digit].reshape(8, 8))
        s = history["step"][k]
        guide.set_xdata([s, s])
        dot.set_data([s], [history["val_loss"][k]])
        return (f"step {s}: training loss {history['train_loss'][k]:.3f} nats, validation loss "
                f"{history['val_loss'][k]:.3f} nats; largest weight {np.abs(weights).max():.3g}")

    return LivePlot(fig, update, animated=[*images, guide, dot], step=step)


def weights_explorer(history=None, step=0):
    """The notebook's main slider: move through the training steps and watch the weights form.

    Without ``history`` it trains the notebook's model (600 steps, snapshots every 10) itself.

    Examples
    --------
    >>> h = {"step": np.array([0, 10]), "weights": np.stack([np.zeros((64, 10)), np.ones((64, 10))]),
    ...      "train_loss": np.array([2.3, 1.0]), "val_loss": np.array([2.3, 1.2])}
    >>> explorer = weights_explorer(h)
    >>> explorer.controls["step"].value = 10
    >>> explorer.readout.value.startswith("step 10:")
    True
    """
    history = _default_history() if history is None else history
    steps = history["step"]
    spacing = int(steps[1] - steps[0])
    control = slider("step", int(steps[0]), int(steps[-1]), step, step=spacing, readout_format=".0f")
    return explore(weights_plot(history, step), name="digit-weights", main=True, step=control)


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = weights_explorer


# --------------------------------------------------------------------------------------------
# The notebook's recipe, for the explorers' defaults (the browser test and the slider benchmark
# open them without arguments); the notebook writes the same steps out in its own cells.
# --------------------------------------------------------------------------------------------
SEED, LEARNING_RATE, PENALTY, STEPS, RECORD_EVERY = 0, 5.0, 1e-3, 600, 10


def digits_split(seed=SEED):
    """Pixels scaled to [0, 1] and centred on the training mean, labels, and 60/20/20 index sets.

    Examples
    --------
    >>> x, y, (train, val, test) = digits_split()
    >>> x.shape, len(train), len(val), len(test)
    ((1797, 64), 1077, 360, 360)
    """
    from sklearn.datasets import load_digits

    images, labels = load_digits(return_X_y=True)
    order = np.random.default_rng(seed).permutation(len(labels))
    train, val, test = order[:1077], order[1077:1437], order[1437:]
    pixels = images / 16.0
    return pixels - pixels[train].mean(axis=0), labels, (train, val, test)


def _default_history():
    import xent_core as xc

    x, y, (train, val, _) = digits_split()
    weights = np.random.default_rng(1).normal(0.0, 0.01, size=(64, 10))
    bias = np.zeros(10)
    history = {key: [] for key in ("step", "weights", "train_loss", "val_loss")}
    for step in range(STEPS + 1):
        if step % RECORD_EVERY == 0:
            history["step"].append(step)
            history["weights"].append(weights.copy())
            history["train_loss"].append(xc.softmax_cross_entropy(x[train] @ weights + bias, y[train]))
            history["val_loss"].append(xc.softmax_cross_entropy(x[val] @ weights + bias, y[val]))
        if step == STEPS:
            break
        grad = xc.softmax_cross_entropy_grad(x[train] @ weights + bias, y[train])
        weights = weights - LEARNING_RATE * (x[train].T @ grad + PENALTY * weights)
        bias = bias - LEARNING_RATE * grad.sum(axis=0)
    return {key: np.array(value) for key, value in history.items()}
