"""Tests of the figures and sliders of notebook 04: ``xent_widgets/kl_divergence_and_cross_entropy.py``."""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
import xent_widgets.kl_divergence_and_cross_entropy as xw


def test_kl_explorer_moves_with_first_slider():
    explorer = xw.MAIN_EXPLORER()
    first = next(iter(explorer.controls))
    assert first == "q1"
    explorer.controls[first].value = explorer.controls[first].value + explorer.controls[first].step
    q = xw.split_distribution(0.51, 0.6)
    kl = -sum(p * math.log(qi / p) for p, qi in zip([0.7, 0.2, 0.1], q))
    assert f"<b>{kl:.4f}</b>" in explorer.readout.value


def test_kl_split_bars_match_core():
    plot = xw.kl_split_plot(0.3, 0.5)
    ax_bars, ax_split = plot.figure.axes
    q = xw.split_distribution(0.3, 0.5)
    heights = [patch.get_height() for patch in ax_split.patches]
    h, kl, ce = heights
    assert math.isclose(h, float(xc.entropy(notes.LAPTOP_PROBS)))
    assert math.isclose(kl, float(xc.kl_divergence([0.7, 0.2, 0.1], q)))
    assert math.isclose(ce, h + kl)
    assert np.allclose([patch.get_height() for patch in ax_bars.patches[3:]], q)


def test_log_bound_explorer_gap():
    explorer = xw.log_bound_explorer()
    explorer.controls["x"].value = 2.0
    assert f"{2.0 - 1 - math.log(2.0):.4f}" in explorer.readout.value


def test_split_distribution_is_a_distribution():
    for q1 in np.linspace(0.05, 0.95, 7):
        for split in np.linspace(0.05, 0.95, 7):
            q = xw.split_distribution(q1, split)
            assert math.isclose(q.sum(), 1.0) and (q > 0).all()


def test_kl_split_axis_keeps_small_kl_visible():
    plot = xw.kl_split_plot(0.5, 0.6)
    ax_split = plot.figure.axes[1]
    h = -sum(p * math.log(p) for p in notes.LAPTOP_PROBS)
    bottom, top = ax_split.get_ylim()
    assert bottom == 0 and math.isclose(top, 2 * h)
    kl = 0.7 * math.log(0.7 / 0.5) + 0.2 * math.log(0.2 / 0.3) + 0.1 * math.log(0.1 / 0.2)
    assert kl / top > 0.05  # the red KL block is more than 5 % of the axis at the default q
    assert "cut off" not in ax_split.texts[0].get_text()


def test_kl_split_says_when_bars_are_cut_off():
    explorer = xw.kl_explorer()
    explorer.controls["q1"].value = 0.05
    plot = xw.kl_split_plot(0.05, 0.6)
    ce = float(xc.cross_entropy([0.7, 0.2, 0.1], xw.split_distribution(0.05, 0.6)))
    assert ce > plot.figure.axes[1].get_ylim()[1]
    assert f"= {ce:.3f} nats" in plot.figure.axes[1].texts[0].get_text()
    assert "cut off" in plot.figure.axes[1].texts[0].get_text()
    assert f"<b>{ce:.4f} nats</b>" in explorer.readout.value


def _on_grid(control, value):
    """True if the slider can show ``value``: inside its range and on its grid of steps."""
    steps = (value - control.min) / control.step
    return control.min - 1e-12 <= value <= control.max + 1e-12 and abs(steps - round(steps)) < 1e-6


def test_explorers_open_where_the_notebook_says_and_reach_what_it_names():
    bound = xw.log_bound_explorer()           # "the red segment is the gap at x = 0.5"
    assert bound.controls["x"].value == 0.5
    assert all(_on_grid(bound.controls["x"], x) for x in (0.5, 1.0, 2.0))
    main = xw.kl_explorer()                   # opens at q = [0.5, 0.3, 0.2]: KL 0.0851, H(p, q) 0.8869
    assert (main.controls["q1"].value, main.controls["split"].value) == (0.5, 0.6)
    assert "<b>0.0851</b>" in main.readout.value and "0.8869 nats" in main.readout.value
    for name, value in [("q1", 0.7), ("split", 0.67), ("q1", 0.3), ("q1", 0.05), ("split", 0.05)]:
        assert _on_grid(main.controls[name], value), (name, value)


def test_kl_split_legend_clears_the_bars_at_the_extremes():
    plot = xw.kl_split_plot(0.05, 0.05)
    fig = plot.figure
    fig.canvas.draw()
    ax_split = fig.axes[1]
    legend = ax_split.get_legend().get_window_extent()
    for bar in ax_split.patches:
        assert not legend.overlaps(bar.get_window_extent()), bar
