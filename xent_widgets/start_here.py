"""Figures and sliders of ``notebooks/00_start_here.ipynb``."""

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_widgets import COLORS, LivePlot, explore, frog_prediction, new_figure, slider

__all__ = ["headline_preview_plot", "start_here_explorer", "MAIN_EXPLORER"]


def headline_preview_plot(p=0.6):
    """The course's headline picture: the loss is -ln of the probability given to the true class.

    Left, a model's prediction for a picture of a frog (classes cat, frog, mouse), with
    probability ``p`` on the frog and the rest split 3 : 1 between cat and mouse. Right, the
    cross-entropy loss of that prediction, ``-ln p``, against ``p``, with the current point
    marked. The readout gives the loss in nats and in bits.

    Parameters
    ----------
    p : float
        Probability the model gives the true class (the frog), in (0, 1).

    Returns
    -------
    LivePlot

    Examples
    --------
    >>> headline_preview_plot(0.6).readout
    'p(frog) = 0.60 &rarr; prediction (0.30, 0.60, 0.10), loss = &minus;ln 0.60 = <b>0.511 nats</b> = 0.737 bits'
    """
    fig, (ax_bars, ax_loss) = new_figure(ncols=2, width=7.6, height=3.2)
    colors = [COLORS["sky"], COLORS["vermillion"], COLORS["sky"]]
    bars = ax_bars.bar(notes.PET_CLASSES, frog_prediction(p), color=colors, width=0.6)
    ax_bars.set_ylim(0, 1.12)
    ax_bars.set_ylabel("predicted probability")
    ax_bars.set_xlabel("class (true class: frog)")
    values = [ax_bars.text(i, 0, "", ha="center", va="bottom") for i in range(3)]

    grid = np.linspace(0.005, 1.0, 400)
    target = np.full(grid.shape, notes.FROG_TRUE_CLASS)
    curve = xc.categorical_cross_entropy(frog_prediction(grid), target, reduction="none")
    ax_loss.plot(grid, curve, color=COLORS["blue"], label="loss = -ln p(frog)")
    ax_loss.set_xlim(0, 1)
    ax_loss.set_ylim(0, 5)
    ax_loss.set_xlabel("probability of the true class, p(frog)")
    ax_loss.set_ylabel("loss (nats)")
    ax_loss.legend(loc="upper right", frameon=False)
    point, = ax_loss.plot([], [], "o", color=COLORS["vermillion"], ms=8)
    label = ax_loss.text(0.97, 0.72, "", transform=ax_loss.transAxes, ha="right")

    def update(p):
        probs = frog_prediction(p)
        nats = float(xc.categorical_cross_entropy(probs, notes.FROG_TRUE_CLASS))
        bits = float(xc.information_content(p, base=2))
        for bar, text, q in zip(bars, values, probs):
            bar.set_height(q)
            text.set_position((bar.get_x() + bar.get_width() / 2, q + 0.02))
            text.set_text(f"{q:.2f}")
        point.set_data([p], [nats])
        label.set_text(f"loss {nats:.3f} nats\n= {bits:.3f} bits")
        shown = ", ".join(f"{q:.2f}" for q in probs)
        return (
            f"p(frog) = {p:.2f} &rarr; prediction ({shown}), loss = &minus;ln {p:.2f} = "
            f"<b>{nats:.3f} nats</b> = {bits:.3f} bits"
        )

    return LivePlot(fig, update, animated=[*bars, *values, point, label], p=p)


def start_here_explorer(p=0.6):
    """The start notebook's slider: move the probability of the true class and watch the loss.

    Parameters
    ----------
    p : float
        Initial probability of the true class (the frog).

    Returns
    -------
    Explorer

    Examples
    --------
    >>> explorer = start_here_explorer()
    >>> explorer.controls["p"].value = 0.5
    >>> explorer.readout.value.endswith("= 1.000 bits")
    True
    """
    return explore(
        headline_preview_plot(p), name="true-class-loss", main=True,
        p=slider("p(frog)", 0.01, 0.99, p, step=0.01, readout_format=".2f"),
    )


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = start_here_explorer
