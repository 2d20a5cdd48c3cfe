"""Tests of the figures and sliders of notebook 01: ``xent_widgets/measuring_error.py``."""

import math

import xent_widgets.measuring_error as xw


def test_measuring_error_explorer_moves_readout_and_markers():
    explorer = xw.MAIN_EXPLORER()
    assert next(iter(explorer.controls)) == "pred3"
    control = explorer.controls["pred3"]
    assert "L1 = <b>20.00</b>" in explorer.readout.value and "MSE = <b>466.67</b>" in explorer.readout.value
    control.value = control.value + control.step  # one arrow-key step: 20 -> 21
    l1 = (20 + 10 + 29) / 3
    mse = (20**2 + 10**2 + 29**2) / 3
    for ax, expected in zip(explorer.plot.figure.axes, (l1, mse)):
        point = [line for line in ax.lines if line.get_marker() == "o"][0]
        x, y = point.get_data()
        assert x[0] == 21 and math.isclose(y[0], expected)
    assert f"L1 = <b>{l1:.2f}</b>" in explorer.readout.value
    assert f"MSE = <b>{mse:.2f}</b>" in explorer.readout.value
    # the slope of the squared error, 2 (21 - 50) / 3, is in the readout
    assert f"slope &minus;{2 * 29 / 3:.2f}" in explorer.readout.value


def test_corner_at_the_target():
    plot = xw.l1_vs_squared_plot(50.0)
    assert "corner: slope jumps from &minus;0.333 to +0.333" in plot.readout
    assert "MSE = <b>166.67</b> (slope 0.00)" in plot.readout


def on_the_track(control, value):
    """True if the slider can stop at ``value``: within its range and on its step grid."""
    steps = (value - control.min) / control.step
    return control.min <= value <= control.max and abs(steps - round(steps)) < 1e-9


def test_the_slider_opens_and_stops_where_the_notebook_says():
    # the notebook: the third output moves between 0 and 60 in steps of 1, opens at the notes' 20,
    # and "what to look for" stops at 20, 50 and 60
    control = xw.measuring_error_explorer().controls["pred3"]
    assert control.value == 20 and control.step == 1 and (control.min, control.max) == (0, 60)
    for value in (0, 20, 50, 60):
        assert on_the_track(control, value), value
    assert "L1 = <b>13.33</b>" in xw.l1_vs_squared_plot(60.0).readout
    assert "MSE = <b>200.00</b> (slope 6.67)" in xw.l1_vs_squared_plot(60.0).readout
