"""Tests of the figures and sliders of notebook 08: ``xent_widgets/why_not_mse.py``."""

import math

import numpy as np

import xent_core as xc
import xent_widgets.why_not_mse as xw


def _sigmoid(x):
    return 1 / (1 + math.exp(-x))


def _histories():
    rng = np.random.default_rng(1)
    labels = np.repeat([0.0, 1.0], 10)
    points = np.where(labels[:, None] == 1, 1.5, -1.5) + rng.normal(size=(20, 2))
    weights = np.linspace(-1, 1, 11)[:, None] * np.ones(2)
    bias = np.zeros(11)
    accuracy = np.array([np.mean(((points @ w) > 0) == (labels == 1)) for w in weights])
    history = {"weights": weights, "bias": bias, "loss": np.linspace(1, 0.1, 11), "accuracy": accuracy}
    return points, labels, history


def test_main_explorer_moves_readout_and_markers():
    explorer = xw.MAIN_EXPLORER()
    first = next(iter(explorer.controls))
    assert first == "x"
    explorer.controls[first].value = -10.0
    readout = explorer.readout.value
    s = _sigmoid(-10.0)
    assert "x = -10.0" in readout and f"{s:.5f}" in readout
    assert f"{2 * (s - 1) * s * (1 - s):.5f}" in readout and f"{s - 1:.5f}" in readout
    # the markers sit on the curves at xent_core's values
    lines = [line for ax in explorer.plot.figure.axes for line in ax.lines if line.get_marker() == "o"]
    heights = sorted(float(line.get_ydata()[0]) for line in lines)
    mse = abs(float(xc.sigmoid_mean_squared_error_grad(-10.0, 1.0, reduction="none")))
    ce = abs(float(xc.binary_cross_entropy_with_logits_grad(-10.0, 1.0, reduction="none")))
    assert np.allclose(heights, [mse, mse, ce, ce])
    assert all(float(line.get_xdata()[0]) == -10.0 for line in lines)


def test_loss_curves_tangent_slopes():
    plot = xw.loss_curves_plot(-6.0)
    tangents = [line for ax in plot.figure.axes for line in ax.lines if line.get_linestyle() == "--"]
    slopes = [(t.get_ydata()[-1] - t.get_ydata()[0]) / (t.get_xdata()[-1] - t.get_xdata()[0]) for t in tangents]
    s = _sigmoid(-6.0)
    assert np.allclose(slopes, [2 * (s - 1) * s * (1 - s), s - 1])
    before = plot.png()
    assert plot(x=-1.0).png() != before


def test_training_explorer_moves():
    points, labels, history = _histories()
    explorer = xw.training_explorer(points, labels, history, history)
    before_readout, before_image = explorer.readout.value, explorer.image.value
    explorer.controls["step"].value = 10
    assert explorer.readout.value.startswith("step 10:") and explorer.readout.value != before_readout
    assert explorer.image.value != before_image
    assert f"{history['accuracy'][10]:.1%}" in explorer.readout.value


def test_half_plane_is_the_positive_side():
    corners = xw._half_plane(np.array([1.0, 1.0]), 0.0)
    assert np.all(corners @ np.array([1.0, 1.0]) >= -1e-12)
    assert len(xw._half_plane(np.array([1.0, 0.0]), -10.0)) == 0  # line outside the square


def test_learning_curves_plot():
    _, _, history = _histories()
    plot = xw.learning_curves_plot(history, history)
    assert len(plot.figure.axes) == 2 and plot.readout.startswith("step 10:")
    before = plot.png()
    assert plot(step=3).readout.startswith("step 3:") and plot.png() != before


def _on_grid(control, value):
    steps = (value - control.min) / control.step
    return control.min <= value <= control.max and abs(steps - round(steps)) < 1e-9


def test_gradient_explorer_opens_where_the_notebook_says_and_reaches_its_values():
    x = xw.why_not_mse_explorer().controls["x"]
    assert x.value == -4.0                                  # "the point at x = -4 marked"
    assert all(_on_grid(x, value) for value in (-10.0, -2.0, 5.0))   # "try x = -10, x = -2 and x = 5"


def test_gradient_legend_is_outside_the_panels():
    plot = xw.gradient_plot(-0.7)
    renderer = plot.figure.canvas.get_renderer()
    legend = plot.figure.legends[0].get_window_extent(renderer)
    for ax in plot.figure.axes:
        assert not ax.get_window_extent(renderer).overlaps(legend)


def test_training_explorer_opens_at_the_start_and_reaches_the_steps_named():
    history = {"weights": np.zeros((401, 2)), "bias": np.zeros(401), "loss": np.ones(401), "accuracy": np.zeros(401)}
    step = xw.training_explorer(np.zeros((2, 2)), np.array([0, 1]), history, history).controls["step"]
    assert step.value == 0 and all(_on_grid(step, value) for value in (3, 100, 300, 325, 400))
