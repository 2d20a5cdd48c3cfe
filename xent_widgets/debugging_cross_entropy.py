"""Figures and sliders of ``notebooks/11_debugging_cross_entropy.ipynb``."""

import numpy as np

import xent_core as xc
from xent_widgets import COLORS, LivePlot, explore, new_figure, slider

__all__ = ["bce_clamp_loss", "bce_clamp_plot", "bce_clamp_explorer", "MAIN_EXPLORER"]

_GRID = np.linspace(0, 130, 1301)


def bce_clamp_loss(x, dtype=np.float32):
    """What PyTorch's ``BCELoss(sigmoid(x), 0)`` returns, in ``dtype``: ``-max(log(1 - sigmoid(x)), -100)``.

    Examples
    --------
    >>> print(bce_clamp_loss(20.0), round(float(bce_clamp_loss(20.0, np.float64)), 4), bce_clamp_loss(40.0, np.float64))
    100.0 20.0 100.0
    """
    probs = xc.sigmoid(np.asarray(x, dtype=dtype))
    with np.errstate(divide="ignore"):
        return -np.maximum(np.log(dtype(1) - probs), dtype(-100))


def bce_clamp_plot(x=10.0):
    """Loss of a confidently wrong logit ``x`` (target 0): ``BCELoss(sigmoid(x))`` in float32 and
    float64 against ``BCEWithLogitsLoss(x)``, the exact ``x + log(1 + e^-x)``.

    Examples
    --------
    >>> bce_clamp_plot(20.0).readout
    'logit x = 20.0, target 0 &rarr; BCELoss(sigmoid(x)): <b>100.0000</b> in float32, <b>20.0000</b> in float64; BCEWithLogitsLoss(x): <b>20.0000</b> (exact)'
    """
    fig, ax = new_figure(width=6.4, height=3.4)
    exact = xc.binary_cross_entropy_with_logits(_GRID, np.zeros_like(_GRID), reduction="none")
    ax.plot(_GRID, bce_clamp_loss(_GRID, np.float32), color=COLORS["vermillion"], label="BCELoss(sigmoid(x)), float32")
    ax.plot(_GRID, bce_clamp_loss(_GRID, np.float64), color=COLORS["orange"], ls="--", label="BCELoss(sigmoid(x)), float64")
    ax.plot(_GRID, exact, color=COLORS["blue"], ls=":", lw=2.5, label="BCEWithLogitsLoss(x) (exact)")
    ax.axhline(100, color="0.6", lw=0.8)
    ax.set_xlim(0, 130)
    ax.set_ylim(0, 135)
    ax.set_xlabel("logit x of a sample whose label is 0")
    ax.set_ylabel("loss (nats)")
    ax.legend(loc="upper left", frameon=False, fontsize=8)
    point32, = ax.plot([], [], "o", color=COLORS["vermillion"], ms=8)
    point_exact, = ax.plot([], [], "o", color=COLORS["blue"], ms=6)

    def update(x):
        lost32, lost64 = bce_clamp_loss(x, np.float32), bce_clamp_loss(x, np.float64)
        right = xc.binary_cross_entropy_with_logits(x, 0.0)
        point32.set_data([x], [lost32])
        point_exact.set_data([x], [right])
        return (f"logit x = {x:.1f}, target 0 &rarr; BCELoss(sigmoid(x)): <b>{lost32:.4f}</b> in float32, "
                f"<b>{lost64:.4f}</b> in float64; BCEWithLogitsLoss(x): <b>{right:.4f}</b> (exact)")

    return LivePlot(fig, update, animated=[point32, point_exact], x=x)


def bce_clamp_explorer(x=10.0):
    """The main explorer of notebook 11: slide the logit of a wrong, confident prediction.

    Examples
    --------
    >>> explorer = bce_clamp_explorer()
    >>> explorer.controls["x"].value = 120.0
    >>> "<b>100.0000</b> in float64; BCEWithLogitsLoss(x): <b>120.0000</b>" in explorer.readout.value
    True
    """
    return explore(bce_clamp_plot(x), name="bce_clamp", main=True,
                   x=slider("logit x", 0.0, 130.0, x, step=0.5, readout_format=".1f"))


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = bce_clamp_explorer
