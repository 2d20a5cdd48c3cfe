"""Tests of the figures and sliders of notebook 05: ``xent_widgets/maximum_likelihood.py``."""

import math

import xent_widgets.maximum_likelihood as xw


def test_likelihood_explorer_moves_with_first_slider():
    explorer = xw.MAIN_EXPLORER()
    first = next(iter(explorer.controls))
    assert first == "theta"
    explorer.controls[first].value = 0.31
    # The moving marker sits on L(0.31) = 0.31 * 0.69**9, computed by hand.
    point = explorer.plot.figure.axes[0].lines[-1]
    assert point.get_xdata()[0] == 0.31
    assert math.isclose(point.get_ydata()[0], 0.31 * 0.69**9)
    log_point = explorer.plot.figure.axes[1].lines[-1]
    assert math.isclose(log_point.get_ydata()[0], math.log(0.31) + 9 * math.log(0.69))


def test_likelihood_readout_at_the_maximum():
    explorer = xw.likelihood_explorer()
    explorer.controls["theta"].value = 0.1
    assert "the maximum" in explorer.readout.value
    assert f"{0.1 * 0.9**9:.4g}" in explorer.readout.value
