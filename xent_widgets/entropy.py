"""Figures and sliders of ``notebooks/03_entropy.ipynb``."""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_widgets import (
    COLORS,
    LivePlot,
    explore,
    log_slider,
    new_figure,
    slider,
    split_distribution,
)

__all__ = [
    "binary_entropy_plot", "binary_entropy_explorer", "rare_event_plot", "rare_event_explorer",
    "three_outcome_plot", "three_outcome_explorer", "entropy_histogram", "MAIN_EXPLORER", "THREE_OUTCOME_STEP",
]

# The step of both sliders of the three-outcome explorer: 1/60 puts the laptop (0.7 and a share
# of 2/3 for 0.2, 0.1) and the uniform distribution (1/3 and a share of 1/2) exactly on the grid.
THREE_OUTCOME_STEP = 1 / 60


_SQRT3_2 = math.sqrt(3) / 2


def _triangle_xy(probs):
    """Position of three-outcome distributions in the triangle: outcome 1 at the top,
    outcome 2 bottom left, outcome 3 bottom right (each corner is a certain outcome)."""
    probs = np.asarray(probs, dtype=float)
    return 0.5 * probs[..., 0] + probs[..., 2], _SQRT3_2 * probs[..., 0]


def binary_entropy_plot(p=0.5):
    """Entropy of a coin (the 0-1 distribution) against its probability of heads, in bits.

    The solid curve is ``H(p) = -p log2 p - (1 - p) log2(1 - p)``; the two dashed curves are its
    terms, the share of the average surprise that comes from heads and from tails. The point
    marks the coin at ``p``. The curve is 0 for a certain coin and peaks at 1 bit for a fair one.

    Parameters
    ----------
    p : float
        Probability of heads, in [0, 1].

    Returns
    -------
    LivePlot

    Examples
    --------
    >>> binary_entropy_plot(0.5).readout
    'p(heads) = 0.500 &rarr; H = <b>1.000 bits</b> = 0.693 nats'
    """
    fig, ax = new_figure()
    grid = np.linspace(0, 1, 401)
    coins = np.stack([grid, 1 - grid], axis=-1)
    ax.plot(grid, xc.entropy(coins, base=2), color=COLORS["blue"], label="H(p): both terms")
    heads = grid * xc.information_content(np.where(grid > 0, grid, 1), base=2)  # 0 log 0 = 0
    ax.plot(grid, heads, "--", color=COLORS["orange"], lw=1.5, label="-p log2 p (heads)")
    ax.plot(grid, heads[::-1], "--", color=COLORS["green"], lw=1.5, label="-(1-p) log2(1-p) (tails)")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.12)
    ax.set_xlabel("probability of heads p")
    ax.set_ylabel("entropy (bits)")
    ax.legend(loc="upper left", frameon=False, fontsize=8)
    guide, = ax.plot([], [], ":", color=COLORS["vermillion"], lw=1.5)
    point, = ax.plot([], [], "o", color=COLORS["vermillion"], ms=8)
    label = ax.text(0.98, 0.92, "", transform=ax.transAxes, ha="right")

    def update(p):
        bits = float(xc.entropy([p, 1 - p], base=2))
        point.set_data([p], [bits])
        guide.set_data([p, p], [0, bits])
        label.set_text(f"p = {p:.3f}: H = {bits:.3f} bits")
        return f"p(heads) = {p:.3f} &rarr; H = <b>{bits:.3f} bits</b> = {float(xc.entropy([p, 1 - p])):.3f} nats"

    return LivePlot(fig, update, animated=[guide, point, label], p=p)


def binary_entropy_explorer(p=0.5):
    """:func:`binary_entropy_plot` with a slider for the probability of heads.

    Parameters
    ----------
    p : float
        Initial probability of heads.

    Returns
    -------
    Explorer

    Examples
    --------
    >>> explorer = binary_entropy_explorer()
    >>> explorer.controls["p"].value = 0.9
    >>> explorer.readout.value
    'p(heads) = 0.900 &rarr; H = <b>0.469 bits</b> = 0.325 nats'
    """
    return explore(binary_entropy_plot(p), name="coin", p=slider("p(heads)", 0.0, 1.0, p, step=0.01))


def _exponent(value, spec=".3g"):
    """``format(value, spec)`` with the exponent as the browser's slider box writes it.

    Examples
    --------
    >>> _exponent(1e-6, ".2e"), _exponent(2.14e-5), _exponent(0.0114)
    ('1.00e-6', '2.14e-5', '0.0114')
    """
    text = format(value, spec)
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    return f"{mantissa}e{int(exponent)}"


def rare_event_plot(p=1e-6):
    """Entropy of a coin with a tiny probability ``p`` of heads (a lottery ticket), on log axes.

    Both axes are logarithmic, so one-in-a-million and one-in-two fit on the same picture: the
    entropy in bits falls with ``p``, about as fast as ``p`` itself (a little slower, by the
    factor ``log2(1/p)``), towards the 0 of a certain outcome.

    Parameters
    ----------
    p : float
        Probability of heads (of winning), in (0, 0.5].

    Returns
    -------
    LivePlot

    Examples
    --------
    >>> rare_event_plot(1e-6).readout
    'p(win) = 1.00e-6 &rarr; H = <b>2.14e-5 bits</b>'
    """
    fig, ax = new_figure(width=6.0, height=3.0)
    grid = np.logspace(-7, math.log10(0.5), 300)
    ax.plot(grid, xc.entropy(np.stack([grid, 1 - grid], axis=-1), base=2), color=COLORS["blue"])
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(1e-7, 1)
    ax.set_ylim(1e-6, 2)
    ax.set_xlabel("probability of winning p (log scale)")
    ax.set_ylabel("entropy (bits, log scale)")
    guide, = ax.plot([], [], ":", color=COLORS["vermillion"], lw=1.5)
    point, = ax.plot([], [], "o", color=COLORS["vermillion"], ms=8, clip_on=False)
    label = ax.text(0.03, 0.92, "", transform=ax.transAxes, ha="left")

    def update(p):
        bits = float(xc.entropy([p, 1 - p], base=2))
        point.set_data([p], [bits])
        guide.set_data([p, p], [1e-6, bits])
        label.set_text(f"p = {_exponent(p, '.2e')}: H = {_exponent(bits)} bits")
        return f"p(win) = {_exponent(p, '.2e')} &rarr; H = <b>{_exponent(bits)} bits</b>"

    return LivePlot(fig, update, animated=[guide, point, label], p=p)


def rare_event_explorer(p=1e-6):
    """:func:`rare_event_plot` with a logarithmic slider for the chance of winning, 1e-6 to 0.5.

    Examples
    --------
    >>> explorer = rare_event_explorer()
    >>> explorer.controls["p"].value = 0.001
    >>> explorer.readout.value
    'p(win) = 1.00e-3 &rarr; H = <b>0.0114 bits</b>'
    """
    # ".2e" is read the same way by the slider's own box (d3-format in the browser) and by
    # _exponent in the readout: both show 1.00e-6.
    chance = log_slider("chance of winning", 1e-6, 0.5, p, readout_format=".2e")
    return explore(rare_event_plot(p), name="lottery", p=chance)


def three_outcome_plot(p1=0.7, share=2 / 3, labels=notes.LAPTOP_OUTCOMES):
    """A three-outcome distribution as bars and as a point in the triangle of all of them.

    The distribution is ``(p1, (1 - p1) * share, (1 - p1) * (1 - share))`` (see
    :func:`split_distribution`): ``p1`` for the first
    outcome and ``share`` of the remaining probability for the second, so no slider setting
    can make a probability negative or the total differ from 1. Left: the three probabilities.
    Right: every three-outcome distribution is a point of the triangle (a corner is a certain
    outcome, the centre is the uniform distribution); the colours are the entropy in nats,
    largest (ln 3) at the centre, 0 at the corners. The point marks the current distribution.

    Parameters
    ----------
    p1 : float
        Probability of the first outcome, in [0, 1].
    share : float
        Fraction of ``1 - p1`` given to the second outcome, in [0, 1].
    labels : sequence of 3 str
        Names of the outcomes (default: the notes' laptop, which boots, won't boot or explodes).

    Returns
    -------
    LivePlot

    Examples
    --------
    The notes' laptop: 0.7, 0.2, 0.1.

    >>> three_outcome_plot(0.7, 2 / 3).readout
    'p = (0.700, 0.200, 0.100) &rarr; H = <b>0.8018 nats</b> = 1.1568 bits (most possible: ln 3 = 1.0986 nats)'
    """
    fig, (ax_bars, ax_tri) = new_figure(ncols=2, width=7.6, height=3.4)
    colors = [COLORS["blue"], COLORS["orange"], COLORS["vermillion"]]
    bars = ax_bars.bar(labels, split_distribution(p1, share), color=colors, width=0.6)
    ax_bars.set_ylim(0, 1.12)
    ax_bars.set_ylabel("probability")
    values = [ax_bars.text(i, 0, "", ha="center", va="bottom") for i in range(3)]

    n = 60
    i, j = np.meshgrid(np.arange(n + 1), np.arange(n + 1), indexing="ij")
    keep = i + j <= n
    grid = np.stack([i[keep], j[keep], n - i[keep] - j[keep]], axis=-1) / n
    x, y = _triangle_xy(grid)
    levels = np.linspace(0, math.log(3), 12)
    filled = ax_tri.tricontourf(x, y, xc.entropy(grid), levels=levels, cmap="cividis")
    ax_tri.plot([0, 1, 0.5, 0], [0, 0, _SQRT3_2, 0], color="0.3", lw=1)
    fig.colorbar(filled, ax=ax_tri, label="entropy (nats)", ticks=[0, 0.25, 0.5, 0.75, math.log(3)],
                 format=lambda value, _: "ln 3" if math.isclose(value, math.log(3)) else f"{value:g}")
    corner = dict(fontsize=8.5, ha="center")
    ax_tri.text(0.5, _SQRT3_2 + 0.05, f"{labels[0]} certain", va="bottom", **corner)
    ax_tri.text(0.0, -0.06, f"{labels[1]}\ncertain", va="top", **corner)
    ax_tri.text(1.0, -0.06, f"{labels[2]}\ncertain", va="top", **corner)
    ax_tri.plot([0.5], [_SQRT3_2 / 3], "+", color="white", ms=9, mew=2)
    ax_tri.set_xlim(-0.15, 1.15)
    ax_tri.set_ylim(-0.22, 1.05)
    ax_tri.set_aspect("equal")
    ax_tri.axis("off")
    point, = ax_tri.plot([], [], "o", color=COLORS["vermillion"], mec="white", mew=1.5, ms=10)
    label = ax_tri.text(0.5, 0.98, "", transform=ax_tri.transAxes, ha="center", va="bottom")

    def update(p1, share):
        probs = split_distribution(p1, share)
        nats = float(xc.entropy(probs))
        for bar, value, prob in zip(bars, values, probs):
            bar.set_height(prob)
            value.set_position((value.get_position()[0], prob + 0.01))
            value.set_text(f"{prob:.3f}")
        px, py = _triangle_xy(probs)
        point.set_data([px], [py])
        label.set_text(f"H = {nats:.4f} nats")
        return (f"p = ({probs[0]:.3f}, {probs[1]:.3f}, {probs[2]:.3f}) &rarr; H = <b>{nats:.4f} nats</b> "
                f"= {float(xc.entropy(probs, base=2)):.4f} bits (most possible: ln 3 = {math.log(3):.4f} nats)")

    return LivePlot(fig, update, animated=[*bars, *values, point, label], p1=p1, share=share)


def three_outcome_explorer(p1=0.7, share=2 / 3):
    """The notebook's main sliders: reshape a three-outcome distribution and watch its entropy.

    Builds :func:`three_outcome_plot` with a slider for the first outcome's probability (the
    main slider) and one for the second outcome's share of the rest, both in steps of 1/60
    (``THREE_OUTCOME_STEP``) so that the laptop and the uniform distribution are on the grid.

    Parameters
    ----------
    p1, share : float
        Initial values (default: the laptop, 0.7, 0.2, 0.1).

    Returns
    -------
    Explorer

    Examples
    --------
    >>> explorer = three_outcome_explorer()
    >>> explorer.controls["p1"].value = 1 / 3
    >>> explorer.controls["share"].value = 0.5
    >>> explorer.readout.value
    'p = (0.333, 0.333, 0.333) &rarr; H = <b>1.0986 nats</b> = 1.5850 bits (most possible: ln 3 = 1.0986 nats)'
    """
    controls = {
        "p1": slider("p(boots)", 0.0, 1.0, p1, step=THREE_OUTCOME_STEP),
        "share": slider("won't boot's share of the rest", 0.0, 1.0, share, step=THREE_OUTCOME_STEP),
    }
    for control in controls.values():   # one label width, wide enough for the longer one, so the tracks line up
        control.style.description_width = "230px"
        control.layout.width = "480px"
    return explore(three_outcome_plot(p1, share), name="three-outcomes", main=True, **controls)


def entropy_histogram(entropies, n_outcomes, base=None):
    """Histogram of the entropies of many distributions, with the bound ``log n`` marked.

    Shows that no distribution over ``n_outcomes`` outcomes passes the entropy of the uniform
    one, ``log n`` (the vermillion line).

    Parameters
    ----------
    entropies : array_like
        One entropy per distribution.
    n_outcomes : int
        Number of outcomes ``n`` of each distribution; the line is at ``log n``, the entropy
        of the uniform distribution.
    base : float, optional
        None if the entropies are in nats, 2 if in bits.

    Returns
    -------
    LivePlot
        The histogram stays; ``update(n_outcomes)`` moves the bound line to ``log n_outcomes``.
        The readout compares the largest entropy with the bound.

    Examples
    --------
    >>> plot = entropy_histogram([0.5, 0.9, 1.0], 3)
    >>> plot.readout
    '3 distributions: largest entropy 1.0000 nats, bound log 3 = 1.0986 nats'
    >>> plot(n_outcomes=8).readout
    '3 distributions: largest entropy 1.0000 nats, bound log 8 = 2.0794 nats'
    """
    entropies = np.asarray(entropies, dtype=float)
    unit = "nats" if base is None else ("bits" if base == 2 else f"log base {base:g}")

    def log_n(n):
        """The entropy of the uniform distribution over ``n`` outcomes: -log(1/n) = log n."""
        return float(xc.information_content(1 / n, base=base))

    bound = log_n(n_outcomes)
    fig, ax = new_figure(height=3.0)
    ax.hist(entropies, bins=np.linspace(0, bound * 1.08, 55), color=COLORS["sky"])
    line = ax.axvline(bound, color=COLORS["vermillion"])
    top = ax.get_ylim()[1] * 1.15
    ax.set_ylim(0, top)
    right = ax.get_xlim()[1]
    note = ax.text(bound, top, "", ha="right", va="top", color=COLORS["vermillion"])
    ax.set_xlabel(f"entropy ({unit})")
    ax.set_ylabel("number of distributions")

    def update(n_outcomes):
        bound = log_n(n_outcomes)
        line.set_xdata([bound, bound])
        note.set_x(bound)
        note.set_text(f"uniform: log {n_outcomes} = {bound:.4f} ")
        ax.set_xlim(right=max(right, bound * 1.08))
        return (f"{entropies.size} distributions: largest entropy {entropies.max():.4f} {unit}, "
                f"bound log {n_outcomes} = {bound:.4f} {unit}")

    return LivePlot(fig, update, n_outcomes=n_outcomes)


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = three_outcome_explorer
