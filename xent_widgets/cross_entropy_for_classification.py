"""Figures and sliders of ``notebooks/07_cross_entropy_for_classification.ipynb``."""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_widgets import (
    COLORS,
    LivePlot,
    explore,
    format_vector,
    frog_prediction,
    new_figure,
    slider,
)

__all__ = ["true_class_loss_plot", "true_class_loss_explorer", "wrong_mass_plot", "wrong_mass_explorer", "MAIN_EXPLORER"]


# The loss axis of the true-class figure: tall enough for p = 0.001 (6.9 nats).
_LOSS_TOP = 7.5


def _tangent(p, loss, half_length=0.12):
    """End points of a short tangent to -ln p at ``p``, of fixed length on screen."""
    slope_on_screen = (1 / p) / _LOSS_TOP  # axes span 1 in p and _LOSS_TOP in loss
    dx = half_length / math.sqrt(1 + slope_on_screen**2)
    xs = np.array([p - dx, p + dx])
    return xs, loss - (xs - p) / p


def true_class_loss_plot(p=0.6):
    """The loss -ln p against the probability p the model gives the true class, with ``p`` marked.

    The left panel has a linear p axis, with the tangent at the point (slope -1/p: steeper and
    steeper as p falls); the right panel has a logarithmic p axis, on which -ln p is a straight
    line: every tenfold drop of p adds ln 10 = 2.303 nats, marked at p = 0.1, 0.01 and 0.001.
    The readout gives the loss in nats and bits and the three-class prediction
    (cat, frog, mouse) with frog true and the rest split 3 : 1, so p = 0.6 is the notes'
    (0.3, 0.6, 0.1). At p = 0 the loss is +inf (xent_core returns inf, it does not raise).

    Examples
    --------
    >>> plot = true_class_loss_plot(0.6)
    >>> print(plot.readout)
    p = 0.600 &rarr; loss &minus;ln p = <b>0.511 nats</b> = 0.737 bits, slope &minus;1/p = &minus;1.67; (cat, frog, mouse) = (0.300, 0.600, 0.100), frog true
    >>> print(plot(p=0.0).readout)
    p = 0.000 &rarr; loss &minus;ln p = <b>inf nats</b> = inf bits, slope &minus;1/p = &minus;inf; (cat, frog, mouse) = (0.750, 0.000, 0.250), frog true
    """
    fig, (ax, ax_log) = new_figure(ncols=2, width=8.4, height=3.4)
    grid = np.geomspace(0.0005, 1, 800)  # dense near 0, where the curve is steep
    curve = xc.information_content(grid)
    for axis in (ax, ax_log):
        axis.plot(grid, curve, color=COLORS["blue"])
        axis.set_ylim(0, _LOSS_TOP)
        axis.set_ylabel("loss $-\\ln p$ (nats)")
    ax.set_xlim(0, 1)
    ax.set_xlabel("probability of the true class p")
    ax_log.set_xscale("log")
    ax_log.set_xlim(0.0008, 1.25)
    ax_log.set_xlabel("probability of the true class p (log scale)")
    marks = np.array([0.1, 0.01, 0.001])
    mark_losses = xc.information_content(marks)
    ax_log.plot(marks, mark_losses, "o", color=COLORS["black"], ms=4)
    for mark, mark_loss in zip(marks, mark_losses):
        ax_log.annotate(f"p = {mark:g}: {mark_loss:.2f}", (mark, mark_loss), xytext=(6, 3),
                        textcoords="offset points", fontsize=8)
    tangent, = ax.plot([], [], color=COLORS["orange"], lw=2)
    point, = ax.plot([], [], "o", color=COLORS["vermillion"], ms=8, clip_on=False, zorder=3)
    point_log, = ax_log.plot([], [], "o", color=COLORS["vermillion"], ms=8, zorder=3)

    def update(p):
        prediction = frog_prediction(p)  # (cat, frog, mouse), the rest split 3 : 1 as in notebook 00
        loss = 0.0 + float(xc.categorical_cross_entropy(prediction, notes.FROG_TRUE_CLASS))  # 0.0 + turns -0 into 0
        bits = 0.0 + float(xc.information_content(p, base=2))
        if math.isinf(loss):
            point.set_data([0], [_LOSS_TOP])
            point_log.set_data([], [])
            tangent.set_data([], [])
            slope = "&minus;inf"
        else:
            point.set_data([p], [loss])
            point_log.set_data([p], [loss])
            tangent.set_data(*_tangent(p, loss))
            slope = f"&minus;{1 / p:.3g}"
        cat, frog, mouse = prediction
        return (f"p = {p:.3f} &rarr; loss &minus;ln p = <b>{loss:.3f} nats</b> = {bits:.3f} bits, "
                f"slope &minus;1/p = {slope}; (cat, frog, mouse) = ({cat:.3f}, {frog:.3f}, {mouse:.3f}), frog true")

    return LivePlot(fig, update, animated=[tangent, point, point_log], p=p)


def true_class_loss_explorer(p=0.6):
    """The notebook's main slider: the probability p of the true class, and its loss -ln p.

    Move p down towards 0 and watch the loss climb ever faster: 0.105 nats at p = 0.9,
    0.693 at 0.5, 2.303 at 0.1, 4.605 at 0.01 and +inf at 0. See :func:`true_class_loss_plot`.

    Examples
    --------
    >>> explorer = true_class_loss_explorer()
    >>> explorer.controls["p"].value = 0.01
    >>> print(explorer.readout.value)
    p = 0.010 &rarr; loss &minus;ln p = <b>4.605 nats</b> = 6.644 bits, slope &minus;1/p = &minus;100; (cat, frog, mouse) = (0.742, 0.010, 0.247), frog true
    """
    return explore(true_class_loss_plot(p), name="true-class-loss", main=True, p=slider("p", 0.0, 1.0, p, step=0.01))


_CLASSES = ["0", "1", "2", "3", "4"]


def _five_class_prediction(share):
    """The notes' [0.1, 0.1, 0.6, 0.1, 0.1] (share 0) with a ``share`` of the wrong mass moved to class 0."""
    wrong = np.array([0.1 + 0.3 * share, 0.1 - 0.1 * share, 0.0, 0.1 - 0.1 * share, 0.1 - 0.1 * share])
    return wrong + np.array([0, 0, 0.6, 0, 0])


def wrong_mass_plot(share=0.0):
    """Five-class bars with the true class 2 fixed at 0.6 while the other 0.4 is redistributed.

    At ``share = 0`` the wrong classes get 0.1 each (the notes' prediction
    [0.1, 0.1, 0.6, 0.1, 0.1]); at ``share = 1`` all of the 0.4 sits on class 0. The
    cross-entropy stays at -ln 0.6 = 0.511 throughout, because it reads only the true class's
    probability; the mean squared error, which looks at every class, changes.

    Examples
    --------
    >>> print(wrong_mass_plot(1.0).readout)
    wrong-class share on class 0 = 1.00: prediction [0.4, 0, 0.6, 0, 0] &rarr; cross-entropy <b>0.511 nats</b>, mean squared error 0.0640
    """
    fig, ax = new_figure(width=6.4, height=3.2)
    target = np.array([0, 0, 1, 0, 0])
    colors = [COLORS["sky"]] * 5
    colors[2] = COLORS["vermillion"]
    bars = ax.bar(_CLASSES, _five_class_prediction(share), color=colors)
    ax.set_ylim(0, 1)
    ax.set_xlabel("class (2 is the true class)")
    ax.set_ylabel("predicted probability")
    ax.text(0.98, 0.92, f"cross-entropy $-\\ln 0.6$ = {float(xc.information_content(0.6)):.3f} nats,\nwherever the other 0.4 goes",
            transform=ax.transAxes, ha="right", va="top")

    def update(share):
        prediction = _five_class_prediction(share)
        for bar, height in zip(bars, prediction):
            bar.set_height(height)
        loss = float(xc.categorical_cross_entropy(prediction, target))
        mse = float(xc.mean_squared_error(prediction, target))
        return (f"wrong-class share on class 0 = {share:.2f}: prediction {format_vector(prediction, '.2g')} &rarr; "
                f"cross-entropy <b>{loss:.3f} nats</b>, mean squared error {mse:.4f}")

    return LivePlot(fig, update, animated=list(bars), share=share)


def wrong_mass_explorer(share=1.0):
    """Slide the wrong classes' 0.4 onto class 0: the cross-entropy does not move, the MSE does.

    It opens with all of the 0.4 on class 0 (``share = 1``), the prediction the notebook shows first.

    Examples
    --------
    >>> explorer = wrong_mass_explorer()
    >>> explorer.controls["share"].value = 0.5
    >>> print(explorer.readout.value.split("&rarr;")[1].strip())
    cross-entropy <b>0.511 nats</b>, mean squared error 0.0460
    """
    return explore(wrong_mass_plot(share), name="wrong-mass", share=slider("share", 0.0, 1.0, share, step=0.05))


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = true_class_loss_explorer
