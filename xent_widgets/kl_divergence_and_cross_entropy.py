"""Figures and sliders of ``notebooks/04_kl_divergence_and_cross_entropy.ipynb``."""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_widgets import (
    COLORS,
    LivePlot,
    explore,
    format_vector,
    new_figure,
    slider,
    split_distribution,
)

__all__ = ["kl_split_plot", "kl_explorer", "log_bound_plot", "log_bound_explorer", "kl_histogram", "MAIN_EXPLORER"]


def kl_split_plot(q1=0.5, split=0.6, p=notes.LAPTOP_PROBS):
    """Cross-entropy split into entropy plus KL divergence, for a model ``q`` of a fixed ``p``.

    Left: the bars of ``p`` (the laptop-boot table) and of ``q`` (see :func:`split_distribution`).
    Right: a stacked bar of ``H(p)`` and ``KL(p || q)`` next to ``H(p, q)`` computed directly;
    the two bars always have the same height, and the dashed line ``H(p)`` is the lowest either
    can go (Gibbs' inequality). The right axis is fixed at twice ``H(p)`` (1.6 nats for the
    laptop), so the ``H(p)`` bar fills half of it and a small KL stays visible; a bar that
    would pass the top (``KL > H(p)``, only at extreme slider settings) is cut off there, and
    the numbers beside it say so.

    Examples
    --------
    >>> kl_split_plot(0.5, 0.6).readout
    'q = [0.500, 0.300, 0.200] &rarr; H(p) 0.8018 + KL(p&#8214;q) <b>0.0851</b> = H(p, q) <b>0.8869 nats</b>'
    """
    p = np.asarray(p, dtype=float)
    h = float(xc.entropy(p))
    fig, (ax_bars, ax_split) = new_figure(ncols=2, width=7.2, height=3.2)
    x = np.arange(p.size)
    ax_bars.bar(x - 0.2, p, width=0.38, color=COLORS["blue"], label="p (reference)")
    q_bars = ax_bars.bar(x + 0.2, p, width=0.38, color=COLORS["orange"], label="q (model)")
    ax_bars.set_xticks(x, notes.LAPTOP_OUTCOMES[: p.size] if p.size == 3 else [str(i + 1) for i in x])
    ax_bars.set_ylim(0, 1.15)
    ax_bars.set_yticks(np.linspace(0, 1, 6))
    ax_bars.set_ylabel("probability")
    ax_bars.legend(loc="upper center", ncol=2, frameon=False)
    # Fixed height 2 H(p): H(p) fills half the axis, so a KL of a few hundredths of a nat is
    # still a visible red block. The largest H(p, q) the sliders reach (2.7 nats for the laptop)
    # would squash it; bars beyond the top are clipped there, and the text says so.
    top = max(2.0 * h, 1.0)
    ax_split.set_ylim(0, top)
    ax_split.set_xlim(-0.5, 3.4)
    ax_split.bar([0], [h], width=0.6, color=COLORS["blue"], label="H(p): entropy")
    kl_bar = ax_split.bar([0], [0.0], bottom=[h], width=0.6, color=COLORS["vermillion"], label="KL(p‖q)")[0]
    ce_bar = ax_split.bar([1], [h], width=0.6, color=COLORS["orange"], label="H(p, q): cross-entropy")[0]
    ax_split.plot([-0.5, 1.4], [h, h], color=COLORS["black"], lw=1, ls="--")
    ax_split.set_xticks([0, 1], ["H(p) + KL", "H(p, q)"])
    ax_split.set_ylabel("nats")
    # The legend sits right of the bars (which end at x = 1.3), so a bar cut off at the top
    # never runs into it.
    ax_split.legend(loc="upper left", bbox_to_anchor=(0.53, 1.0), frameon=False, fontsize=8, borderaxespad=0.2)
    # One text artist for both numbers: each animated text costs a few ms per frame.
    sum_text = ax_split.text(1.45, 0.95 * h, "", ha="left", va="top")

    def update(q1, split):
        q = split_distribution(q1, split)
        kl = float(xc.kl_divergence(p, q))
        ce = float(xc.cross_entropy(p, q))
        for bar, value in zip(q_bars, q):
            bar.set_height(value)
        kl_bar.set_height(kl)
        ce_bar.set_height(ce)
        cut = f"\n(bars cut off\nat {top:.1f} nats)" if ce > top else ""
        sum_text.set_text(f"{h:.3f} + {kl:.3f}\n= {ce:.3f} nats{cut}")
        return (
            f"q = {format_vector(q)} &rarr; H(p) {h:.4f} + KL(p&#8214;q) <b>{kl:.4f}</b> = "
            f"H(p, q) <b>{ce:.4f} nats</b>"
        )

    return LivePlot(fig, update, animated=[*q_bars, kl_bar, ce_bar, sum_text], q1=q1, split=split)


def kl_explorer(q1=0.5, split=0.6):
    """The main explorer of notebook 04: move the model ``q`` and watch KL and cross-entropy.

    The first slider sets ``q1`` (the model's probability that the laptop boots); the second
    splits the rest between "won't boot" and "explodes". ``p = [0.7, 0.2, 0.1]`` stays fixed,
    so the blue ``H(p)`` never moves and every change of ``H(p, q)`` is a change of KL.

    Examples
    --------
    >>> explorer = kl_explorer()
    >>> explorer.controls["q1"].value = 0.7
    >>> explorer.controls["split"].value = 0.67  # q = [0.7, 0.201, 0.099]: almost p
    >>> explorer.readout.value.split(" &rarr;")[0], "KL(p&#8214;q) <b>0.0000</b>" in explorer.readout.value
    ('q = [0.700, 0.201, 0.099]', True)
    """
    controls = {
        "q1": slider("q1 = P(boots)", 0.05, 0.95, q1, step=0.01),
        "split": slider("share of the rest to q2", 0.05, 0.95, split, step=0.01),
    }
    for control in controls.values():   # one label width, so the two tracks line up (as in 03)
        control.style.description_width = "180px"
        control.layout.width = "480px"
    return explore(kl_split_plot(q1, split), name="kl-split", main=True, **controls)


def log_bound_plot(x=0.5):
    """``ln x`` under its tangent line ``x - 1``: the inequality behind Gibbs' inequality.

    The vertical segment at ``x`` is the gap ``x - 1 - ln x``, which is never negative and is
    zero only at ``x = 1``, where the line touches the curve.

    Examples
    --------
    >>> log_bound_plot(2.0).readout
    'x = 2.00: ln x = 0.6931 &le; x - 1 = 1.0000, gap <b>0.3069</b>'
    """
    fig, ax = new_figure(width=6.0, height=3.4)
    grid = np.linspace(0.02, 3.0, 400)
    ax.plot(grid, np.log(grid), color=COLORS["blue"], label="ln x")
    ax.plot(grid, grid - 1, color=COLORS["orange"], label="x - 1")
    ax.plot([1], [0], "o", color=COLORS["black"], ms=5)
    ax.axhline(0, color=COLORS["black"], lw=0.5)
    ax.set_xlim(0, 3)
    ax.set_ylim(-3, 2.2)
    ax.set_xlabel("x (a ratio q/p)")
    ax.set_ylabel("value")
    ax.legend(loc="upper left", frameon=False)
    gap, = ax.plot([], [], color=COLORS["vermillion"], lw=3)
    label = ax.text(2.95, -2.8, "", ha="right")

    def update(x):
        low, high = math.log(x), x - 1
        gap.set_data([x, x], [low, high])
        label.set_text(f"gap at x = {x:.2f}: {high - low:.3f}")
        return f"x = {x:.2f}: ln x = {low:.4f} &le; x - 1 = {high:.4f}, gap <b>{high - low:.4f}</b>"

    return LivePlot(fig, update, animated=[gap, label], x=x)


def log_bound_explorer(x=0.5):
    """Slide ``x`` and watch the gap between ``x - 1`` and ``ln x`` (zero only at ``x = 1``).

    Examples
    --------
    >>> explorer = log_bound_explorer()
    >>> explorer.controls["x"].value = 1.0
    >>> "gap <b>0.0000</b>" in explorer.readout.value
    True
    """
    return explore(log_bound_plot(x), name="log-bound", x=slider("x", 0.05, 3.0, x, step=0.05, readout_format=".2f"))


def kl_histogram(kls):
    """Histogram of many KL divergences, the smallest one marked: none falls below 0.

    Parameters
    ----------
    kls : array_like
        KL divergences in nats, e.g. of random pairs of distributions.

    Returns
    -------
    LivePlot
        A static figure (no sliders), shown as an image in the notebook.

    Examples
    --------
    >>> plot = kl_histogram([0.1, 0.5, 0.2, 1.3])
    >>> plot.figure.axes[0].get_xlabel(), plot.readout
    ('KL(p‖q) (nats)', 'smallest KL of 4 values: 0.1 nats')
    """
    kls = np.asarray(kls, dtype=float)
    fig, ax = new_figure(width=6.0, height=3.0)
    upper = max(1.0, float(np.quantile(kls, 0.99)))
    # The top 1 % (a q with a near-zero probability where p has mass) is counted in the last bin.
    ax.hist(np.minimum(kls, upper), bins=np.linspace(0, upper, 50), color=COLORS["sky"])
    ax.axvline(0, color=COLORS["black"], lw=1)
    ax.axvline(kls.min(), color=COLORS["vermillion"], ls="--", label=f"smallest: {kls.min():.2g} nats")
    ax.set_xlabel("KL(p‖q) (nats)")
    ax.set_ylabel("pairs")
    ax.legend(loc="upper right", frameon=False)
    return LivePlot(fig, lambda: f"smallest KL of {kls.size} values: {kls.min():.3g} nats")


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = kl_explorer
