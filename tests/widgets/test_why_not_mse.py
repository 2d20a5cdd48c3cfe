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
    assert f"{2 * (s - 1) * s * (1 - s):.3g}" in readout and f"{s - 1:.3g}" in readout
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
