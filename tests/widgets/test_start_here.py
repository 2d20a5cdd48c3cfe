"""Tests of the figures and sliders of notebook 00: ``xent_widgets/start_here.py``."""

import math

import numpy as np

import xent_widgets.start_here as xw


def test_start_here_explorer_moves_marker_and_bars():
    explorer = xw.MAIN_EXPLORER()
    assert next(iter(explorer.controls)) == "p"
    control = explorer.controls["p"]
    control.value = round(control.value + control.step, 2)  # one arrow-key step
    assert "p(frog) = 0.61" in explorer.readout.value
    # the marker sits on -ln p, computed independently
    ax_loss = explorer.plot.figure.axes[1]
    point = [line for line in ax_loss.lines if line.get_marker() == "o"][0]
    x, y = point.get_data()
    assert math.isclose(x[0], 0.61) and math.isclose(y[0], -math.log(0.61))
    # the bars show the prediction (0.3, 0.6, 0.1) scaled: frog p, the rest 3 : 1
    heights = [bar.get_height() for bar in explorer.plot.figure.axes[0].patches]
    assert np.allclose(heights, [0.39 * 0.75, 0.61, 0.39 * 0.25])


def test_start_here_plot_at_one_half_is_one_bit():
    plot = xw.headline_preview_plot(0.5)
    assert "<b>0.693 nats</b> = 1.000 bits" in plot.readout
