"""Figures and sliders of ``notebooks/02_information_content.ipynb``."""

import math

import matplotlib
import numpy as np

import xent_core as xc
from xent_widgets import COLORS, LivePlot, explore, int_slider, new_figure, slider

__all__ = ["surprise_plot", "surprise_explorer", "bracket_plot", "bracket_explorer", "MAIN_EXPLORER"]


# Probabilities with a marked point on the surprise curve: p = 1/2, 1/4, 1/8 are 1, 2, 3 bits.
_LANDMARKS = (0.5, 0.25, 0.125)

# The main slider's track: 0.005 to 1 in steps of 0.005, so that every probability the notebook
# names (1/2, 1/4, 1/8, 0.01, 0.2, 0.8) is a point of it.
P_LOW, P_HIGH, P_STEP = 0.005, 1.0, 0.005


def surprise_plot(p=0.5):
    """Information content ``-log2 p`` against ``p``, with the point at ``p`` marked.

    The curve is the information (信息量) of an event of probability ``p``, in bits on the left
    axis and in nats on the right one (the same curve: changing the base only rescales the
    axis). The bracket probabilities 1/2, 1/4 and 1/8 are marked as the landmarks 1, 2 and 3
    bits; the current ``p`` is the vermillion point, with dotted guides to both axes.

    Parameters
    ----------
    p : float
        Probability of the event, in (0, 1].

    Returns
    -------
    LivePlot

    Examples
    --------
    >>> surprise_plot(0.25).readout
    'p = 0.250 &rarr; I(p) = <b>2.000 bits</b> = 1.386 nats'
    """
    fig, ax = new_figure()
    grid = np.linspace(P_LOW, 1, 400)
    ax.plot(grid, xc.information_content(grid, base=2), color=COLORS["blue"], label="I(p) = -log2 p")
    marks = np.array(_LANDMARKS)
    ax.plot(marks, xc.information_content(marks, base=2), "o", color=COLORS["black"], ms=4)
    for mark in _LANDMARKS:
        bits = float(xc.information_content(mark, base=2))
        ax.annotate(f"p = 1/{round(1 / mark)}: {bits:g} bit{'s' if bits != 1 else ''}", (mark, bits),
                    xytext=(6, 4), textcoords="offset points", fontsize=8)
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 8)   # the track starts at p = 0.005: 7.64 bits
    ax.set_xlabel("probability p")
    ax.set_ylabel("information (bits)")
    nats_axis = ax.secondary_yaxis("right", functions=(lambda b: b * math.log(2), lambda n: n / math.log(2)))
    nats_axis.set_ylabel("information (nats)")
    ax.legend(loc="upper center", frameon=False)
    guide, = ax.plot([], [], ":", color=COLORS["vermillion"], lw=1.5)
    point, = ax.plot([], [], "o", color=COLORS["vermillion"], ms=8)
    label = ax.text(0.97, 0.72, "", transform=ax.transAxes, ha="right")

    def update(p):
        bits = float(xc.information_content(p, base=2)) + 0.0  # 0.0, not -0.0, at p = 1
        point.set_data([p], [bits])
        guide.set_data([p, p, 0], [0, bits, bits])
        label.set_text(f"p = {p:.3f}: {bits:.2f} bits")
        return f"p = {p:.3f} &rarr; I(p) = <b>{bits:.3f} bits</b> = {float(xc.information_content(p)):.3f} nats"

    return LivePlot(fig, update, animated=[guide, point, label], p=p)


def surprise_explorer(p=0.5):
    """The notebook's main slider: move ``p`` and watch its information content.

    Builds :func:`surprise_plot` with one slider for ``p`` (0.005 to 1 in steps of 0.005, so
    that halving from 1/2 to 1/4 to 1/8 lands on the track). It opens at ``p = 1/2``, 1 bit.

    Parameters
    ----------
    p : float
        Initial probability.

    Returns
    -------
    Explorer

    Examples
    --------
    >>> explorer = surprise_explorer()
    >>> explorer.readout.value
    'p = 0.500 &rarr; I(p) = <b>1.000 bits</b> = 0.693 nats'
    >>> explorer.controls["p"].value = 0.125
    >>> explorer.readout.value
    'p = 0.125 &rarr; I(p) = <b>3.000 bits</b> = 2.079 nats'
    """
    return explore(surprise_plot(p), name="surprise", main=True,
                   p=slider("p", P_LOW, P_HIGH, p, step=P_STEP, readout_format=".3f"))


# Knockout rounds of an 8-team bracket, as the columns of the drawing.
_ROUNDS = ("last eight", "semi-finals", "final", "champion")


def _elbow(x, y_pair, y_next, width):
    """Bracket connector from two boxes at ``x`` (heights ``y_pair``) to the next slot: x, y lists."""
    right, middle = x + width / 2, x + 0.5
    xs = [right, middle, np.nan, right, middle, middle, np.nan, middle, x + 1 - width / 2]
    ys = [y_pair[0], y_pair[0], np.nan, y_pair[1], y_pair[1], y_pair[0], np.nan, y_next, y_next]
    return xs, ys


def bracket_plot(teams, team, wins=3, win_prob=0.5, box_width=0.62):
    """An 8-team knockout bracket with one team's road to the title highlighted.

    The eight ``teams`` start in the left column; each match sends one of two teams on to the
    next column (semi-finals, final, champion). The path of ``team`` through its first
    ``wins`` matches is drawn in vermillion, and under each column the probability that
    ``team`` gets that far, ``win_prob ** k`` after ``k`` wins, with its information content
    ``-log2`` of it: every won match adds ``-log2 win_prob`` bits (1 bit for an even match).

    Parameters
    ----------
    teams : sequence of 8 str
        Team names in bracket order: 0 plays 1, 2 plays 3, and so on.
    team : str
        The team whose road is drawn.
    wins : int
        Matches it has won so far, 0 to 3.
    win_prob : float
        Probability that it wins any one match (independently).
    box_width : float
        Width of a team's box, in column units.

    Returns
    -------
    LivePlot
        ``update(wins)`` moves the highlight; the readout gives the probability and the bits.

    Examples
    --------
    >>> teams = ["BLG", "T1", "TL", "FNC", "GEN", "TOP", "G2", "FLY"]
    >>> bracket_plot(teams, "BLG", wins=2).readout
    'BLG has won 2 of 3 matches: P = 0.5^2 = 0.250 &rarr; I = <b>2.000 bits</b>'
    """
    teams = list(teams)
    if len(teams) != 8 or team not in teams:
        raise ValueError(f"bracket_plot needs 8 teams including {team!r}, got {teams!r}.")
    index = teams.index(team)
    fig, ax = new_figure(width=6.4, height=3.7)
    ax.set_xlim(-0.45, 3.45)
    ax.set_ylim(-2.0, 7.6)
    ax.axis("off")
    slots = [np.arange(8)[::-1].astype(float)]  # the heights of each column's boxes
    for _ in range(3):
        slots.append(slots[-1].reshape(-1, 2).mean(axis=1))
    height = 0.62

    def box(col, y, text, highlight=False):
        patch = matplotlib.patches.FancyBboxPatch(
            (col - box_width / 2, y - height / 2), box_width, height, boxstyle="round,pad=0,rounding_size=0.12",
            fc=COLORS["vermillion"] if highlight else "white", ec="none" if highlight else "0.6", lw=1,
            mutation_aspect=1 / 2.5)
        ax.add_patch(patch)
        label = ax.text(col, y, text, ha="center", va="center", fontsize=8.5,
                        color="white" if highlight else ("0.2" if col == 0 else "0.6"),
                        weight="bold" if highlight else "normal")
        return [patch, label]

    for col in range(4):
        for k, y in enumerate(slots[col]):
            box(col, y, teams[k] if col == 0 else "?")
        if col < 3:
            for k, y_next in enumerate(slots[col + 1]):
                xs, ys = _elbow(col, slots[col][2 * k:2 * k + 2], y_next, box_width)
                ax.plot(xs, ys, color="0.7", lw=1)
        ax.text(col, -1.0, _ROUNDS[col], ha="center", va="center", fontsize=9, style="italic")
    box(0, slots[0][index], team, highlight=True)
    road, names, notes = [], [], []
    for col in range(1, 4):
        k = index >> col
        y_from, y_to = slots[col - 1][index >> (col - 1)], slots[col][k]
        right, middle = col - 1 + box_width / 2, col - 0.5
        line, = ax.plot([right, middle, middle, col - box_width / 2], [y_from, y_from, y_to, y_to],
                        color=COLORS["vermillion"], lw=2.5)
        road.append([line])
        names.append(box(col, y_to, team, highlight=True))
    for col in range(4):
        bits = float(xc.information_content(win_prob**col, base=2)) + 0.0  # 0.0, not -0.0
        notes.append(ax.text(col, -1.65, f"P = {win_prob ** col:.3g}: {bits:.3g} bit{'' if bits == 1 else 's'}",
                             ha="center", va="center", fontsize=8.5))

    def update(wins):
        wins = int(wins)
        for col in range(3):
            for artist in road[col] + names[col]:
                artist.set_visible(col < wins)
        for col in range(4):
            notes[col].set_color(COLORS["vermillion"] if col == wins else "0.45")
            notes[col].set_weight("bold" if col == wins else "normal")
        prob = win_prob**wins
        bits = float(xc.information_content(prob, base=2))
        return (f"{team} has won {wins} of 3 matches: P = {win_prob:g}^{wins} = {prob:.3f} "
                f"&rarr; I = <b>{bits:.3f} bits</b>")

    animated = [artist for group in road + names for artist in group] + notes
    return LivePlot(fig, update, animated=animated, wins=wins)


def bracket_explorer(teams, team, wins=3, win_prob=0.5):
    """:func:`bracket_plot` with a slider for the number of matches won (0 to 3).

    Parameters
    ----------
    teams, team, wins, win_prob
        As for :func:`bracket_plot`.

    Returns
    -------
    Explorer

    Examples
    --------
    >>> explorer = bracket_explorer(["BLG", "T1", "TL", "FNC", "GEN", "TOP", "G2", "FLY"], "BLG")
    >>> explorer.controls["wins"].value = 1
    >>> explorer.readout.value
    'BLG has won 1 of 3 matches: P = 0.5^1 = 0.500 &rarr; I = <b>1.000 bits</b>'
    """
    control = int_slider("matches won", 0, 3, wins)
    return explore(bracket_plot(teams, team, wins, win_prob), name="bracket", wins=control)


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = surprise_explorer
