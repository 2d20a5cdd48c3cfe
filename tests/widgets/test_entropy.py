"""Tests of the figures and sliders of notebook 03: ``xent_widgets/entropy.py``."""

import math

import numpy as np

import xent_widgets.entropy as xw


def _entropy_bits(probs):
    return -sum(p * math.log(p) for p in probs if p > 0) / math.log(2)


def test_three_outcome_explorer_moves_with_main_slider():
    explorer = xw.MAIN_EXPLORER()
    first = next(iter(explorer.controls))
    assert first == "p1"
    assert "0.8018 nats" in explorer.readout.value
    explorer.controls[first].value = explorer.controls[first].value - explorer.controls[first].step
    p1 = 0.7 - xw.THREE_OUTCOME_STEP
    probs = [p1, (1 - p1) * 2 / 3, (1 - p1) / 3]
    assert f"{-sum(p * math.log(p) for p in probs):.4f} nats" in explorer.readout.value


def test_three_outcome_bars_and_point():
    plot = xw.three_outcome_plot(0.5, 0.5)
    bars = plot.figure.axes[0].patches
    assert np.allclose([bar.get_height() for bar in bars], [0.5, 0.25, 0.25])
    for p1 in (0.0, 1.0):
        for share in (0.0, 1.0):
            plot(p1=p1, share=share)
            heights = [bar.get_height() for bar in bars]
            assert min(heights) >= 0 and math.isclose(sum(heights), 1.0)
    plot(p1=1 / 3, share=0.5)
    assert f"{math.log(3):.4f} nats" in plot.readout


def test_binary_entropy_marker_and_peak():
    plot = xw.binary_entropy_plot(0.5)
    assert "1.000 bits" in plot.readout
    plot(p=0.1)
    point = [line for line in plot.figure.axes[0].lines if line.get_marker() == "o"][0]
    assert math.isclose(point.get_data()[1][0], _entropy_bits([0.1, 0.9]), rel_tol=1e-12)
    explorer = xw.binary_entropy_explorer(0.5)
    before = explorer.image.value
    explorer.controls["p"].value = 0.51
    assert explorer.image.value != before


def test_entropy_histogram_marks_bound():
    plot = xw.entropy_histogram([0.1, 0.5, 1.0], 3)
    assert math.isclose(plot.figure.axes[0].lines[0].get_xdata()[0], math.log(3))
    assert "bound log 3 = 1.0986 nats" in plot.readout
    assert xw.entropy_histogram([1.0, 2.5], 8, base=2).figure.axes[0].get_xlabel() == "entropy (bits)"


def test_entropy_histogram_update_moves_the_bound():
    # regression: update(n_outcomes) used to print the bound of the n it was built with
    plot = xw.entropy_histogram([0.1, 0.5, 1.0], 3)(n_outcomes=8)
    assert f"bound log 8 = {math.log(8):.4f} nats" in plot.readout
    ax = plot.figure.axes[0]
    assert math.isclose(ax.lines[0].get_xdata()[0], math.log(8))
    assert ax.texts[0].get_text() == f"uniform: log 8 = {math.log(8):.4f} "
    assert ax.get_xlim()[1] >= math.log(8)
    bits = xw.entropy_histogram([1.0, 1.5], 4, base=2)(n_outcomes=16)
    assert "bound log 16 = 4.0000 bits" in bits.readout


def _on_grid(control, value):
    """True if the slider can show ``value``: inside its range and on its grid of steps."""
    if type(control).__name__ == "FloatLogSlider":
        position = math.log(value, control.base)
    else:
        position = value
    steps = (position - control.min) / control.step
    return control.min - 1e-12 <= position <= control.max + 1e-12 and abs(steps - round(steps)) < 1e-6


def test_explorers_open_where_the_notebook_says_and_reach_what_it_names():
    coin = xw.binary_entropy_explorer(p=0.3)   # "the point starts at p = 0.3, 0.881 bits"
    assert coin.controls["p"].value == 0.3 and "0.881 bits" in coin.readout.value
    assert all(_on_grid(coin.controls["p"], p) for p in (0.5, 0.9, 0.99, 1.0, 0.8))
    lottery = xw.rare_event_explorer()        # "a one-in-a-million chance of winning: 2.14e-05 bits"
    assert lottery.controls["p"].value == 1e-6 and "2.14e-5 bits" in lottery.readout.value
    assert "p(win) = 1.00e-6" in lottery.readout.value   # as the slider's box: ".2e"
    assert lottery.controls["p"].readout_format == ".2e"
    assert type(lottery.controls["p"]).__name__ == "FloatLogSlider"
    assert all(_on_grid(lottery.controls["p"], p) for p in (1e-6, 1e-3, 0.01, 0.1))
    main = xw.three_outcome_explorer()        # "the figure starts at the laptop, 0.7, 0.2, 0.1: 0.8018 nats"
    assert main.controls["p1"].value == 0.7 and math.isclose(main.controls["share"].value, 2 / 3)
    assert "0.8018 nats" in main.readout.value and "(0.700, 0.200, 0.100)" in main.readout.value
    for name, value in [("p1", 0.7), ("share", 2 / 3), ("p1", 1 / 3), ("share", 0.5), ("p1", 1.0), ("p1", 0.0)]:
        assert _on_grid(main.controls[name], value), (name, value)
    # the uniform point, as the browser would set it (on the grid): ln 3 = 1.0986 nats = 1.5850 bits
    step = xw.THREE_OUTCOME_STEP
    main.controls["p1"].value = round((1 / 3) / step) * step
    main.controls["share"].value = round(0.5 / step) * step
    assert "1.0986 nats</b> = 1.5850 bits" in main.readout.value


def test_bar_chart_has_no_axis_label_under_the_outcome_names():
    ax_bars = xw.three_outcome_plot().figure.axes[0]
    assert ax_bars.get_xlabel() == ""
    assert [t.get_text() for t in ax_bars.get_xticklabels()] == ["boots", "won't boot", "explodes"]
