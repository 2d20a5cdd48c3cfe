"""Figures and sliders of ``notebooks/01_measuring_error.ipynb``."""

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_widgets import COLORS, LivePlot, explore, new_figure, slider

__all__ = ["l1_vs_squared_plot", "measuring_error_explorer", "MAIN_EXPLORER"]


def _third_output_losses(pred3):
    """(L1, MSE) of the notes' example with the third output set to ``pred3`` (scalar or array)."""
    pred3 = np.asarray(pred3, dtype=float)
    pred = np.stack(np.broadcast_arrays(*notes.L1_EXAMPLE_OUTPUT[:2], pred3), axis=-1)
    target = np.broadcast_to(np.asarray(notes.L1_EXAMPLE_TARGET), pred.shape)
    l1 = xc.mean_absolute_error(pred, target, reduction="none").mean(axis=-1)
    mse = xc.mean_squared_error(pred, target, reduction="none").mean(axis=-1)
    return l1, mse


def l1_vs_squared_plot(pred3=20.0):
    """L1 loss and squared error of the notes' example as one prediction moves.

    The outputs are (10, 10, ``pred3``) against the targets (30, 20, 50). Left, the mean
    absolute error (L1 loss); right, the mean squared error; both against ``pred3``, with
    the current point marked and a short line of the slope on each side of it. The L1 curve
    has a corner at the target 50, where its slope jumps from -1/3 to +1/3; the squared
    error is smooth, and its slope shrinks to 0 as the prediction nears the target.

    Parameters
    ----------
    pred3 : float
        The third output, between 0 and 60 (the notes have 20; the target is 50).

    Returns
    -------
    LivePlot

    Examples
    --------
    >>> l1_vs_squared_plot(20.0).readout
    'third output = 20.0 (target 50) &rarr; L1 = <b>20.00</b> (slope &minus;0.333), MSE = <b>466.67</b> (slope &minus;20.00)'
    """
    fig, (ax_l1, ax_mse) = new_figure(ncols=2, width=7.6, height=3.2)
    grid = np.linspace(0, 60, 601)
    l1_curve, mse_curve = _third_output_losses(grid)
    target3 = notes.L1_EXAMPLE_TARGET[2]
    panels = []
    for ax, curve, color, name, top in (
        (ax_l1, l1_curve, COLORS["blue"], "L1 loss (mean |error|)", 30),
        (ax_mse, mse_curve, COLORS["green"], "MSE (mean error²)", 1100),   # green: the vermillion slope line stands out
    ):
        ax.plot(grid, curve, color=color)
        ax.axvline(target3, color=COLORS["black"], lw=1, ls=":")
        ax.text(target3, top * 0.97, " target 50", va="top", ha="left", fontsize=9)
        ax.set_xlim(0, 60)
        ax.set_ylim(0, top)
        ax.set_xlabel("third output")
        ax.set_ylabel(name)
        tangent, = ax.plot([], [], color=COLORS["vermillion"], lw=2.5)
        point, = ax.plot([], [], "o", color=COLORS["vermillion"], ms=8)
        panels.append((tangent, point))

    def slope_text(left, right, digits):
        if abs(left - right) > 0.1:
            return f"corner: slope jumps from {left:+.{digits}f} to {right:+.{digits}f}".replace("-", "&minus;")
        return f"slope {(left + right) / 2:.{digits}f}".replace("-", "&minus;")

    h, half = 1e-4, 8.0  # finite-difference step; half the tangent's length along the x axis

    def update(pred3):
        texts = []
        # Both losses just left of, at and just right of pred3: the values and the one-sided
        # slopes (which differ at a corner).
        for (tangent, point), losses, digits in zip(panels, _third_output_losses(pred3 + np.array([-h, 0.0, h])), (3, 2)):
            below, value, above = (float(v) for v in losses)
            left, right = (value - below) / h, (above - value) / h
            # round the finite-difference slopes so that "0.000" never prints as "-0.000"
            left, right = round(left, digits) + 0.0, round(right, digits) + 0.0
            tangent.set_data([pred3 - half, pred3, pred3 + half], [value - half * left, value, value + half * right])
            point.set_data([pred3], [value])
            texts.append((value, slope_text(left, right, digits)))
        (l1, l1_slope), (mse, mse_slope) = texts
        return (
            f"third output = {pred3:.1f} (target 50) &rarr; L1 = <b>{l1:.2f}</b> ({l1_slope}), "
            f"MSE = <b>{mse:.2f}</b> ({mse_slope})"
        )

    return LivePlot(fig, update, animated=[artist for panel in panels for artist in panel], pred3=pred3)


def measuring_error_explorer(pred3=20.0):
    """Move the third output of the notes' example and compare the L1 loss with the squared error.

    Parameters
    ----------
    pred3 : float
        Initial third output (the notes have 20).

    Returns
    -------
    Explorer

    Examples
    --------
    >>> explorer = measuring_error_explorer()
    >>> explorer.controls["pred3"].value = 50.0
    >>> "L1 = <b>10.00</b>" in explorer.readout.value and "corner" in explorer.readout.value
    True
    """
    return explore(
        l1_vs_squared_plot(pred3), name="l1-vs-squared", main=True,
        pred3=slider("third output", 0.0, 60.0, pred3, step=1.0, readout_format=".1f"),
    )


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = measuring_error_explorer
