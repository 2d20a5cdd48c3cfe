"""Figures and sliders of ``notebooks/08_why_not_mse.ipynb``."""

import math

import matplotlib
import numpy as np

import xent_core as xc
from xent_widgets import COLORS, STYLE, LivePlot, explore, new_figure, slider

__all__ = ["gradient_plot", "why_not_mse_explorer", "loss_curves_plot", "learning_curves_plot", "training_explorer", "MAIN_EXPLORER"]


_LOGIT_GRID = np.linspace(-10, 10, 801)


def _sigmoid_losses(x, t=1.0):
    """MSE and cross-entropy of sigmoid(x) against target t, and their gradients in x (arrays)."""
    x = np.asarray(x, dtype=float)
    t = np.full_like(x, t)
    mse = xc.mean_squared_error(xc.sigmoid(x), t, reduction="none")
    ce = xc.binary_cross_entropy_with_logits(x, t, reduction="none")
    mse_grad = xc.sigmoid_mean_squared_error_grad(x, t, reduction="none")
    ce_grad = xc.binary_cross_entropy_with_logits_grad(x, t, reduction="none")
    return mse, ce, mse_grad, ce_grad


def gradient_plot(x=-4.0):
    """Size of the gradient of MSE and of cross-entropy on a sigmoid output, against the logit.

    The target is t = 1. The left panel has a linear scale (MSE's gradient peaks at
    x = -ln 2 and is small everywhere); the right panel the same curves on a log scale, where
    MSE's gradient falls off like e^x for a confidently wrong logit while cross-entropy's stays
    near 1. The point at the logit ``x`` is marked on all four curves.

    Examples
    --------
    >>> gradient_plot(-10.0).readout.split(";")[0]
    'x = -10.0 → σ(x) = 0.00005'
    """
    fig, axes = new_figure(ncols=2, width=8.4, height=3.0)
    mse, ce, mse_grad, ce_grad = _sigmoid_losses(_LOGIT_GRID)
    markers = []
    for ax, scale in zip(axes, ["linear", "log"]):
        ax.plot(_LOGIT_GRID, np.abs(ce_grad), color=COLORS["blue"], label="cross-entropy: |σ(x) − 1|")
        ax.plot(_LOGIT_GRID, np.abs(mse_grad), color=COLORS["vermillion"], label="MSE: |2(σ(x) − 1)σ(x)(1 − σ(x))|")
        ax.set_yscale(scale)
        ax.set_xlim(-10, 10)
        ax.set_xlabel("logit x (target t = 1)")
        ce_point, = ax.plot([], [], "o", color=COLORS["blue"], ms=8)
        mse_point, = ax.plot([], [], "o", color=COLORS["vermillion"], ms=8)
        guide = ax.axvline(0, color=COLORS["black"], lw=0.8, ls=":")
        markers.append((ce_point, mse_point, guide))
    axes[0].set_ylim(0, 1.05)
    axes[0].set_ylabel("|gradient| (per unit of logit)")
    # Above both panels, outside the axes: no curve or marker line can run through it.
    fig.legend(*axes[0].get_legend_handles_labels(), loc="outside upper center", ncols=2, fontsize=9, frameon=False)
    axes[1].set_ylim(1e-9, 3)
    axes[1].set_ylabel("|gradient| (log scale)")

    def update(x):
        mse_x, ce_x, mse_grad_x, ce_grad_x = (float(v) for v in _sigmoid_losses(float(x)))
        for ce_point, mse_point, guide in markers:
            ce_point.set_data([x], [abs(ce_grad_x)])
            mse_point.set_data([x], [abs(mse_grad_x)])
            guide.set_xdata([x, x])
        s = float(xc.sigmoid(x))
        return (
            f"x = {x:.1f} → σ(x) = {s:.5f}; loss: MSE {mse_x:.4f}, cross-entropy {ce_x:.4f}; "
            f"gradient: MSE <b>{mse_grad_x:.5f}</b>, cross-entropy <b>{ce_grad_x:.5f}</b>"
        )

    return LivePlot(fig, update, animated=[artist for group in markers for artist in group], x=x)


def why_not_mse_explorer(x=-4.0):
    """The notebook's main slider: move the logit x and compare the two gradients (target 1).

    Examples
    --------
    >>> explorer = why_not_mse_explorer()
    >>> explorer.controls["x"].value = 0.0
    >>> explorer.readout.value.split(";")[0]
    'x = 0.0 → σ(x) = 0.50000'
    """
    return explore(gradient_plot(x), name="why-not-mse", main=True, x=slider("logit x", -10.0, 10.0, x, step=0.1, readout_format=".1f"))


def loss_curves_plot(x=-6.0):
    """The two losses of sigmoid(x) against target 1 as functions of the logit, with tangents.

    Left: MSE (sigmoid(x) - 1)^2, with its concave stretch x < -ln 2 shaded (the plateau);
    right: cross-entropy -log sigmoid(x), convex everywhere. At the logit ``x`` each curve
    gets its tangent line, whose slope is the gradient.

    Examples
    --------
    >>> loss_curves_plot(-6.0).readout
    'x = -6.0: slope of MSE -0.00492, slope of cross-entropy -0.99753'
    """
    fig, axes = new_figure(ncols=2, width=8.8, height=3.2)
    mse, ce, _, _ = _sigmoid_losses(_LOGIT_GRID)
    axes[0].axvspan(-10, -math.log(2), color=COLORS["vermillion"], alpha=0.08, lw=0)
    axes[0].text(-9.6, 0.55, "bends down", fontsize=9, color=COLORS["vermillion"])
    axes[0].plot(_LOGIT_GRID, mse, color=COLORS["vermillion"])
    axes[0].set_ylim(0, 1.15)
    axes[0].set_ylabel("MSE (σ(x) − 1)²")
    axes[1].plot(_LOGIT_GRID, ce, color=COLORS["blue"])
    axes[1].set_ylim(0, 11)
    axes[1].set_ylabel("cross-entropy −ln σ(x) (nats)")
    artists = []
    for ax, color in zip(axes, [COLORS["vermillion"], COLORS["blue"]]):
        ax.set_xlim(-10, 10)
        ax.set_xlabel("logit x (target t = 1)")
        tangent, = ax.plot([], [], "--", color=COLORS["black"], lw=1.2)
        point, = ax.plot([], [], "o", color=color, ms=8)
        artists.append((tangent, point))

    def update(x):
        values = [float(v) for v in _sigmoid_losses(float(x))]
        span = np.array([x - 3, x + 3])
        for (tangent, point), loss, grad in zip(artists, values[:2], values[2:]):
            tangent.set_data(span, loss + grad * (span - x))
            point.set_data([x], [loss])
        return f"x = {x:.1f}: slope of MSE {values[2]:.5f}, slope of cross-entropy {values[3]:.5f}"

    return LivePlot(fig, update, animated=[a for pair in artists for a in pair], x=x)


def _half_plane(w, b, half_width=5.0):
    """Corners of the part of the square [-h, h]^2 where w . point + b >= 0 (clip the square by a line)."""
    h = half_width
    square = [(-h, -h), (h, -h), (h, h), (-h, h)]
    corners = []
    for (x1, y1), (x2, y2) in zip(square, square[1:] + square[:1]):
        s1, s2 = w[0] * x1 + w[1] * y1 + b, w[0] * x2 + w[1] * y2 + b
        if s1 >= 0:
            corners.append((x1, y1))
        if (s1 >= 0) != (s2 >= 0):
            share = s1 / (s1 - s2)
            corners.append((x1 + share * (x2 - x1), y1 + share * (y2 - y1)))
    return np.array(corners) if corners else np.zeros((0, 2))


def learning_curves_plot(ce, mse, step=None):
    """Loss (log scale) and accuracy against the gradient-descent step, for the two trainings.

    Parameters
    ----------
    ce, mse : dict
        Training histories with arrays ``"loss"`` and ``"accuracy"`` (one entry per step,
        step 0 being the start), for the model trained with cross-entropy and with MSE.
    step : int, optional
        The step marked by a dotted line (default: the last).

    Examples
    --------
    >>> steps = np.arange(5.0)
    >>> plot = learning_curves_plot({"loss": 1 / (1 + steps), "accuracy": steps / 4},
    ...                             {"loss": np.ones(5), "accuracy": np.zeros(5)})
    >>> plot.readout
    'step 4: cross-entropy loss 0.200, accuracy 100.0%; MSE loss 1.000, accuracy 0.0%'
    """
    fig, axes = new_figure(ncols=2, width=8.4, height=3.0)
    last = len(ce["loss"]) - 1
    for history, name, color in [(ce, "trained with cross-entropy", COLORS["blue"]), (mse, "trained with MSE", COLORS["vermillion"])]:
        steps = np.arange(len(history["loss"]))
        axes[0].plot(steps, history["loss"], color=color, label=name)
        axes[1].plot(steps, history["accuracy"], color=color, label=name)
    axes[0].set_yscale("log")
    axes[0].set_ylabel("its own training loss (log scale)")
    axes[1].set_ylim(-0.03, 1.03)
    axes[1].set_ylabel("training accuracy")
    axes[1].legend(loc="center right", fontsize=8, frameon=False)
    for ax in axes:
        ax.set_xlabel("gradient-descent step")
        ax.set_xlim(0, last)
    guides = [ax.axvline(last, color=COLORS["black"], lw=1, ls=":") for ax in axes]

    def update(step):
        k = int(round(step))
        for guide in guides:
            guide.set_xdata([k, k])
        return (f"step {k}: cross-entropy loss {ce['loss'][k]:.3f}, accuracy {ce['accuracy'][k]:.1%}; "
                f"MSE loss {mse['loss'][k]:.3f}, accuracy {mse['accuracy'][k]:.1%}")

    return LivePlot(fig, update, animated=guides, step=last if step is None else step)


def _training_plot(points, labels, ce, mse, step=0):
    """The two logistic regressions at one step of gradient descent, side by side.

    Left and middle: the data (blue class 0, orange class 1) over the regions where the model
    predicts class 1 (sigmoid(w . point + b) > 0.5, orange) and class 0 (blue), split by the
    decision boundary w . point + b = 0, for the model trained with cross-entropy and with MSE. Right: both accuracies
    against the step, with the current ``step`` marked.

    Parameters
    ----------
    points : ndarray, shape (n, 2)
    labels : ndarray, shape (n,)
        0/1 labels.
    ce, mse : dict
        Training histories: ``"weights"`` (steps + 1, 2), ``"bias"`` (steps + 1,),
        ``"loss"`` and ``"accuracy"`` (steps + 1,).
    step : int

    Examples
    --------
    >>> history = {"weights": np.array([[-1.0, -1.0], [1.0, 1.0]]), "bias": np.zeros(2),
    ...            "loss": np.array([2.0, 0.1]), "accuracy": np.array([0.0, 1.0])}
    >>> _training_plot(np.array([[1.0, 1.0], [-1.0, -1.0]]), np.array([1, 0]), history, history, step=1).readout
    'step 1: cross-entropy model accuracy <b>100.0%</b> (loss 0.100), MSE model accuracy <b>100.0%</b> (loss 0.100)'
    """
    # Two rows, so that the figure fits the notebook's width at its natural size and every
    # label stays readable: the two models side by side on top, the accuracy curves below.
    fig, first = new_figure(ncols=1, width=6.4, height=5.6)
    fig.delaxes(first)
    with matplotlib.rc_context(STYLE):
        grid = fig.add_gridspec(2, 2, height_ratios=[1.25, 1.0])
        axes = [fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[0, 1]), fig.add_subplot(grid[1, :])]
    regions, scatters = [], []
    for ax, name in zip(axes[:2], ["trained with cross-entropy", "trained with MSE"]):
        pair = []
        for color in (COLORS["orange"], COLORS["blue"]):
            pair += ax.fill([0], [0], color=color, alpha=0.22, lw=0)
        boundary, = ax.plot([], [], color=COLORS["black"], lw=1.2)
        for value, color in [(0, COLORS["blue"]), (1, COLORS["orange"])]:
            chosen = labels == value
            scatters += ax.plot(points[chosen, 0], points[chosen, 1], "o", ms=3.5, color=color, mec=COLORS["black"], mew=0.4)
        ax.set_xlim(-5, 5)
        ax.set_ylim(-5, 5)
        ax.set_aspect("equal")
        ax.set_xlabel("feature 1")
        ax.set_ylabel("feature 2")
        ax.text(0.02, 1.02, name, transform=ax.transAxes, fontsize=9)
        regions.append((*pair, boundary))
    for history, color, name in [(ce, COLORS["blue"], "cross-entropy"), (mse, COLORS["vermillion"], "MSE")]:
        axes[2].plot(np.arange(len(history["accuracy"])), history["accuracy"], color=color, label=name)
    axes[2].legend(loc="center right", fontsize=8, frameon=False)
    axes[2].set_xlim(0, len(ce["accuracy"]) - 1)
    axes[2].set_ylim(-0.03, 1.03)
    axes[2].set_xlabel("gradient-descent step")
    axes[2].set_ylabel("training accuracy")
    marker = axes[2].axvline(0, color=COLORS["black"], lw=1, ls=":")
    dots = [axes[2].plot([], [], "o", color=color, ms=7)[0] for color in (COLORS["blue"], COLORS["vermillion"])]

    def update(step):
        k = int(round(step))
        parts = []
        for (positive, negative, boundary), dot, history, name in zip(regions, dots, [ce, mse], ["cross-entropy", "MSE"]):
            w, b = history["weights"][k], history["bias"][k]
            edge = _half_plane(w, b)
            positive.set_xy(edge)
            negative.set_xy(_half_plane(-w, -b))
            on_line = np.abs(edge @ w + b) <= 1e-9 * (1 + np.abs(w).sum() + abs(b))
            boundary.set_data(edge[on_line, 0], edge[on_line, 1])
            dot.set_data([k], [history["accuracy"][k]])
            parts.append(f"{name} model accuracy <b>{history['accuracy'][k]:.1%}</b> (loss {history['loss'][k]:.3f})")
        marker.set_xdata([k, k])
        return f"step {k}: " + ", ".join(parts)

    # The data points are animated too, only so that they are drawn on top of the regions.
    shaded = [artist for group in regions for artist in group]
    return LivePlot(fig, update, animated=[*shaded, *scatters, marker, *dots], step=step)


def training_explorer(points, labels, ce, mse, step=0):
    """Slide through the gradient-descent steps of the two precomputed trainings.

    Examples
    --------
    >>> history = {"weights": np.array([[-1.0, -1.0], [1.0, 1.0]]), "bias": np.zeros(2),
    ...            "loss": np.array([2.0, 0.1]), "accuracy": np.array([0.0, 1.0])}
    >>> explorer = training_explorer(np.array([[1.0, 1.0], [-1.0, -1.0]]), np.array([1, 0]), history, history)
    >>> explorer.controls["step"].value = 1
    >>> explorer.readout.value.startswith("step 1:")
    True
    """
    last = len(ce["accuracy"]) - 1
    plot = _training_plot(points, labels, ce, mse, step)
    return explore(plot, name="mse-training", step=slider("step", 0, last, step, step=1, readout_format=".0f"))


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = why_not_mse_explorer
