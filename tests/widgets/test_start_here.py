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


def on_the_track(control, value):
    """True if the slider can stop at ``value``: within its range and on its step grid."""
    steps = (value - control.min) / control.step
    return control.min <= value <= control.max and abs(steps - round(steps)) < 1e-9


def test_the_slider_opens_and_stops_where_the_notebook_says():
    # the notebook: the slider opens at the notes' frog, p = 0.6 (loss 0.511 nats), moves in steps
    # of 0.01; "things to try" stop at 0.5, 0.1 and 0.01 and move up towards 1; Exercise 2 asks to
    # find p for 1 nat (0.37) roughly with it
    control = xw.start_here_explorer().controls["p"]
    assert control.value == 0.6 and control.step == 0.01
    for value in (0.6, 0.5, 0.1, 0.01, 0.99, 0.37):
        assert on_the_track(control, value), value
    for p, shown in ((0.6, "<b>0.511 nats</b> = 0.737 bits"), (0.5, "<b>0.693 nats</b> = 1.000 bits"),
                     (0.1, "<b>2.303 nats</b>"), (0.01, "<b>4.605 nats</b>")):
        assert shown in xw.headline_preview_plot(p).readout
