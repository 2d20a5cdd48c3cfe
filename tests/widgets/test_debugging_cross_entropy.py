"""Tests of the figures and sliders of notebook 11: ``xent_widgets/debugging_cross_entropy.py``."""

import math

import numpy as np

import xent_widgets.debugging_cross_entropy as xw


def test_the_clamp_replica_against_hand_values():
    # 1 - sigmoid(x) = 1 / (1 + e^x): below float32's resolution of 1 near x = 17, float64's near x = 37
    assert math.isclose(xw.bce_clamp_loss(5.0, np.float64), math.log1p(math.exp(5.0)), rel_tol=1e-12)
    assert xw.bce_clamp_loss(17.0, np.float32) == 100.0 and xw.bce_clamp_loss(16.0, np.float32) < 17
    assert xw.bce_clamp_loss(37.0, np.float64) == 100.0 and xw.bce_clamp_loss(36.0, np.float64) < 37


def test_explorer_opens_where_the_notebook_says_and_reaches_what_it_names():
    explorer = xw.MAIN_EXPLORER()
    control = explorer.controls["x"]
    assert control.value == 10.0                         # "the slider starts at x = 10"
    for x in (10.0, 17.0, 37.0, 100.0, 120.0):           # the values the prose names
        steps = (x - control.min) / control.step
        assert control.min <= x <= control.max and abs(steps - round(steps)) < 1e-9
    explorer.controls["x"].value = 120.0
    point = explorer.plot.figure.axes[0].lines[-2]
    assert point.get_ydata()[0] == 100.0
    assert "<b>120.0000</b> (exact)" in explorer.readout.value
