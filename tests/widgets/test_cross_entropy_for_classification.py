"""Tests of the figures and sliders of notebook 07: ``xent_widgets/cross_entropy_for_classification.py``."""

import math

import numpy as np

import xent_core as xc
import xent_widgets.cross_entropy_for_classification as xw


def test_main_explorer_moves():
    explorer = xw.MAIN_EXPLORER()
    first = next(iter(explorer.controls))
    assert first == "p"
    control = explorer.controls[first]
    control.value = round(control.value - control.step, 10)  # one arrow-key step
    assert "p = 0.590" in explorer.readout.value


def test_main_plot_marker_is_the_loss():
    plot = xw.true_class_loss_plot(0.6)
    for p in (0.9, 0.5, 0.1, 0.01):
        plot(p=p)
        point = plot.figure.axes[0].lines[2]  # curve, tangent, point
        x, y = point.get_data()
        assert x[0] == p
        assert math.isclose(y[0], -math.log(p), rel_tol=1e-12)
        assert math.isclose(y[0], float(xc.information_content(p)), rel_tol=1e-12)
        assert f"<b>{-math.log(p):.3f} nats</b>" in plot.readout
        assert f"{-math.log2(p):.3f} bits" in plot.readout
        # the tangent has slope -1/p
        tx, ty = plot.figure.axes[0].lines[1].get_data()
        assert math.isclose((ty[1] - ty[0]) / (tx[1] - tx[0]), -1 / p, rel_tol=1e-9)


def test_main_plot_at_zero_and_one():
    plot = xw.true_class_loss_plot(0.0)
    assert "<b>inf nats</b>" in plot.readout
    assert "<b>0.000 nats</b>" in plot(p=1.0).readout
    assert "-0.000" not in plot.readout


def test_wrong_mass_explorer_keeps_the_loss():
    explorer = xw.wrong_mass_explorer(share=0.0)
    before_png = bytes(explorer.image.value)
    explorer.controls["share"].value = 1.0
    assert bytes(explorer.image.value) != before_png
    heights = [bar.get_height() for bar in explorer.plot.figure.axes[0].patches]
    assert np.allclose(heights, [0.4, 0, 0.6, 0, 0])
    loss = f"{-math.log(0.6):.3f}"
    assert f"cross-entropy <b>{loss} nats</b>" in explorer.readout.value
    assert "mean squared error 0.0640" in explorer.readout.value  # (0.4**2 + 0.4**2) / 5


def _on_grid(control, value):
    steps = (value - control.min) / control.step
    return control.min <= value <= control.max and abs(steps - round(steps)) < 1e-9


def test_explorers_open_where_the_notebook_says_and_reach_its_values():
    p = xw.true_class_loss_explorer().controls["p"]
    assert p.value == 0.6                                   # the frog example
    assert all(_on_grid(p, value) for value in (0.5, 0.01, 0.0))   # "go down to 0.01 and then to 0"
    share = xw.wrong_mass_explorer().controls["share"]
    assert share.value == 1.0                               # the caption: all of the 0.4 on class 0
    assert _on_grid(share, 0.0) and _on_grid(share, 0.5)
