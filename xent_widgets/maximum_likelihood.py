"""Figures and sliders of ``notebooks/05_maximum_likelihood.ipynb``."""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_widgets import COLORS, LivePlot, explore, new_figure, slider

__all__ = ["likelihood_plot", "likelihood_explorer", "MAIN_EXPLORER"]


def likelihood_plot(theta=0.3, outcomes=notes.COIN_FLIPS):
    """The likelihood ``L(theta)`` and the log-likelihood of 0/1 outcomes, over every ``theta``.

    Left: ``L(theta) = theta^k (1 - theta)^(n - k)``; right: ``log L(theta)`` in nats. The point
    at ``theta`` moves with the slider; the grey points are the notes' three candidate models;
    the dotted line is the maximum, at ``theta = k / n`` in both panels (the log keeps the peak
    where it is).

    Examples
    --------
    >>> likelihood_plot(0.1).readout
    '&theta; = 0.10 &rarr; L(&theta;) = &theta;<sup>1</sup>(1 - &theta;)<sup>9</sup> = <b>0.03874</b>, log L(&theta;) = <b>-3.2508 nats</b> (the maximum: &theta; = k/n = 0.1)'
    """
    outcomes = np.asarray(outcomes)
    n, k = outcomes.size, int(outcomes.sum())
    best = k / n
    grid = np.linspace(0.001, 0.999, 999)
    likelihood = xc.bernoulli_likelihood(grid, outcomes)
    log_likelihood = xc.bernoulli_log_likelihood(grid, outcomes)
    fig, (ax_l, ax_log) = new_figure(ncols=2, width=7.6, height=3.3)
    ax_l.plot(grid, likelihood, color=COLORS["blue"])
    ax_log.plot(grid, log_likelihood, color=COLORS["blue"])
    models = np.array(notes.COIN_MODELS)
    top = float(xc.bernoulli_likelihood(best, outcomes))
    floor = float(xc.bernoulli_log_likelihood(np.array([0.01, 0.99]), outcomes).min())
    # Where each model's label goes, in data coordinates. On the log panel models 1 and 3 sit
    # close together near the top, where the moving point runs: their labels go well below the
    # curve, right of the dotted maximum line, with a thin line to their point.
    for ax, values, limits, places in [
        (ax_l, xc.bernoulli_likelihood(models, outcomes), (0, 1.15 * top), [None] * 3),
        (ax_log, xc.bernoulli_log_likelihood(models, outcomes), (floor - 2, 0), [(0.14, -13), (0.75, -7), (0.3, -20)]),
    ]:
        ax.plot(models, values, "o", color="0.55", ms=6, label="the three models")
        for number, (model, value, place) in enumerate(zip(models, values, places), start=1):
            if place is None:
                ax.annotate(f"model {number}", (model, value), xytext=(6, 4), textcoords="offset points", fontsize=8, color="0.35")
            else:
                ax.annotate(f"model {number}", (model, value), xytext=place, fontsize=8, color="0.35",
                            arrowprops=dict(arrowstyle="-", color="0.6", lw=0.8, shrinkA=1, shrinkB=4))
        ax.axvline(best, color=COLORS["green"], ls=":", label=f"maximum, θ = k/n = {best:g}")
        ax.set_xlim(0, 1)
        ax.set_ylim(*limits)
        ax.set_xlabel("θ = P(heads)")
    ax_l.set_ylabel("likelihood L(θ)")
    ax_log.set_ylabel("log-likelihood (nats)")
    ax_l.legend(loc="upper right", frameon=False, fontsize=8)
    point_l, = ax_l.plot([], [], "o", color=COLORS["vermillion"], ms=8, clip_on=False)
    point_log, = ax_log.plot([], [], "o", color=COLORS["vermillion"], ms=8, clip_on=False)

    def update(theta):
        value = float(xc.bernoulli_likelihood(theta, outcomes))
        log_value = float(xc.bernoulli_log_likelihood(theta, outcomes))
        point_l.set_data([theta], [value])
        point_log.set_data([theta], [log_value])
        note = " (the maximum: &theta; = k/n = " + f"{best:g})" if math.isclose(theta, best) else ""
        return (
            f"&theta; = {theta:.2f} &rarr; L(&theta;) = &theta;<sup>{k}</sup>(1 - &theta;)<sup>{n - k}</sup> = "
            f"<b>{value:.4g}</b>, log L(&theta;) = <b>{log_value:.4f} nats</b>{note}"
        )

    return LivePlot(fig, update, animated=[point_l, point_log], theta=theta)


def likelihood_explorer(theta=0.3):
    """The main explorer of notebook 05: slide the coin model ``theta`` along both curves.

    Examples
    --------
    >>> explorer = likelihood_explorer()
    >>> explorer.controls["theta"].value = 0.7
    >>> "<b>1.378e-05</b>" in explorer.readout.value
    True
    """
    return explore(
        likelihood_plot(theta), name="likelihood", main=True,
        theta=slider("θ = P(heads)", 0.01, 0.99, theta, step=0.01, readout_format=".2f"),
    )


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = likelihood_explorer
