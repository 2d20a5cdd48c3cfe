"""Tests of the figures and sliders of notebook 13: ``xent_widgets/honest_probabilities.py``."""

import math

import numpy as np
import pytest

import xent_core as xc
import xent_widgets.honest_probabilities as xw


def _on_log_grid(control, value):
    """A grid point of the log slider shows as ``value`` in its 2-decimal readout."""
    steps = round((math.log10(value) - control.min) / control.step)
    nearest = 10 ** (control.min + steps * control.step)
    return control.min <= math.log10(value) <= control.max and f"{nearest:.2f}" == f"{value:.2f}"


def _logits():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 3, size=200)
    logits = rng.normal(size=(200, 3))
    logits[np.arange(200), labels] += 1.5
    return logits, labels


def test_main_explorer_opens_at_t_1_and_reaches_the_temperatures_named():
    explorer = xw.MAIN_EXPLORER()
    control = explorer.controls["temperature"]
    assert control.value == 1.0 and explorer.readout.value.startswith("T = 1.00")
    assert "test ECE <b>0.091</b>" in explorer.readout.value          # the notebook's 0.091 before scaling
    for value in (0.2, 0.5, 1.0, 10.0, 0.1):                          # "T = 0.2", "near T = 0.5", "T = 1", the ends
        assert _on_log_grid(control, value)
    control.value = 0.5
    assert "test ECE <b>0.015</b>" in explorer.readout.value


def test_calibration_plot_bars_are_the_bins_of_xent_core():
    logits, labels = _logits()
    plot = xw.calibration_plot(logits, labels, logits, labels, 2.0)
    probs = xc.softmax(logits / 2.0)
    _, accuracy, _ = xc.calibration_bins(probs, labels)
    heights = [patch.get_height() for patch in plot.figure.axes[0].patches[:15]]
    np.testing.assert_allclose(heights, np.nan_to_num(accuracy))
    assert f"{xc.expected_calibration_error(probs, labels):.3f}" in plot.readout
    before = plot.png()
    assert plot(temperature=0.5).png() != before


def test_the_fitted_temperature_line_is_at_the_validation_minimum():
    logits, labels = _logits()
    plot = xw.calibration_plot(3 * logits, labels, logits, labels)
    line = [l for l in plot.figure.axes[1].lines if l.get_linestyle() == ":"][0]
    grid = np.geomspace(0.1, 10, 2001)
    best = grid[np.argmin([xc.softmax_cross_entropy(3 * logits / t, labels) for t in grid])]
    assert abs(math.log(line.get_xdata()[0] / best)) < 0.04


@pytest.mark.parametrize("p", [0.3, 0.7, 0.9])
def test_scoring_rules_minimum_is_the_honest_forecast(p):
    plot = xw.scoring_rules_plot(p)
    assert f"log loss r = {p:.3f}" in plot.readout and f"Brier score r = {p:.3f}" in plot.readout
    log_dot, brier_dot = (ax.lines[1] for ax in plot.figure.axes[:2])
    assert math.isclose(log_dot.get_xdata()[0], p, abs_tol=1e-3) and math.isclose(brier_dot.get_xdata()[0], p, abs_tol=1e-3)
    # the log-loss minimum is the entropy of (p, 1 - p)
    assert math.isclose(log_dot.get_ydata()[0], xc.entropy([p, 1 - p]), rel_tol=1e-9)


def test_scoring_explorer_opens_at_the_prose_value_and_moves():
    explorer = xw.scoring_rules_explorer()
    p = explorer.controls["p"]
    assert p.value == 0.7 and p.min <= 0.05 and p.max >= 0.95
    before = explorer.image.value
    p.value = 0.3
    assert explorer.readout.value.startswith("true p = 0.30") and explorer.image.value != before


def test_static_plots():
    results = {"plain": {"recall": 0.5, "ece": 0.08}, "focal": {"recall": 0.57, "ece": 0.19}}
    assert xw.imbalance_plot(results).readout == "plain: recall 0.500, ECE 0.080; focal: recall 0.570, ECE 0.190"
    run = {"step": np.arange(4) * 10, "train_loss": np.array([2.3, 1.4, 1.3, 1.25]), "floor": 0.5, "accuracy": 0.95, "ece": 0.3}
    plot = xw.label_noise_plot({0.0: run, 0.1: run})
    floors = [l for l in plot.figure.axes[0].lines if l.get_linestyle() == ":"]
    assert [l.get_ydata()[0] for l in floors] == [0.5, 0.5]
