"""Tests of the figures and sliders of notebook 06: ``xent_widgets/softmax.py``."""

import math

import numpy as np

import xent_core as xc
import xent_notes as notes
import xent_widgets.softmax as xw


def _softmax_by_hand(z):
    exps = [math.exp(v) for v in z]
    return [v / sum(exps) for v in exps]


def test_temperature_explorer_moves():
    explorer = xw.MAIN_EXPLORER()
    control = next(iter(explorer.controls.values()))
    assert control is explorer.controls["temperature"]
    control.value = 0.5
    assert explorer.readout.value.startswith("T = 0.500 ")  # as the slider shows it (d3 ".3g")
    expected = xc.softmax(notes.PYTORCH_LOGITS, temperature=0.5)
    # independently: exp(z / T) normalized
    assert np.allclose(expected, _softmax_by_hand([4.0, 2.0, 0.2]))
    ax_bars, ax_h = explorer.plot.figure.axes
    assert np.allclose([bar.get_height() for bar in ax_bars.patches], expected)
    point = [line for line in ax_h.lines if line.get_marker() == "o"][0]
    h = -sum(p * math.log(p) for p in expected)
    assert np.allclose(point.get_xydata(), [[0.5, h]])
    assert f"{h:.3f} nats" in explorer.readout.value


def test_temperature_limits():
    cold = xw.softmax_temperature_plot(0.05)
    assert "[1.000, 0.000, 0.000]" in cold.readout
    hot = xw.softmax_temperature_plot(10.0)
    by_hand = [math.exp(z / 10) / sum(math.exp(y / 10) for y in notes.PYTORCH_LOGITS) for z in notes.PYTORCH_LOGITS]
    assert all(abs(p - 1 / 3) < 0.04 for p in by_hand)
    assert "[" + ", ".join(f"{p:.3f}" for p in by_hand) + "]" in hot.readout


def test_two_class_explorer():
    explorer = xw.softmax_two_class_explorer()
    before_png = explorer.image.value
    explorer.controls["a"].value = 2.5
    assert explorer.image.value != before_png
    point = [line for line in explorer.plot.figure.axes[0].lines if line.get_marker() == "o"][0]
    sigma = 1 / (1 + math.exp(-3.0))
    assert np.allclose(point.get_xydata(), [[3.0, sigma]])
    # moving both logits together leaves the point where it is
    explorer.controls["b"].value = 0.5
    explorer.controls["a"].value = 3.5
    assert np.allclose(point.get_xydata(), [[3.0, sigma]])


def _on_log_grid(control, value):
    """True if a FloatLogSlider can show ``value`` exactly: its exponent is a whole number of steps from min."""
    steps = (math.log10(value) - control.min) / control.step
    return control.min <= math.log10(value) <= control.max and abs(steps - round(steps)) < 1e-9


def test_temperature_explorer_opens_where_the_notebook_says_and_reaches_its_values():
    control = xw.softmax_temperature_explorer().controls["temperature"]
    assert type(control).__name__ == "FloatLogSlider"       # T spans three decades, like the plot's axis
    assert control.value == 1.0                             # "at T = 1", the plain softmax
    for named in (0.01, 0.1, 0.5, 1.0, 10.0):               # the prose: drag down to 0.01, up to 10
        assert _on_log_grid(control, named) or named == 0.5, named
    assert abs(10 ** (control.min + round((math.log10(0.5) - control.min) / control.step) * control.step) - 0.5) < 0.006
    # T < 1 takes two thirds of the track, not a tenth
    assert (0 - control.min) / (control.max - control.min) > 0.6


def test_temperature_bar_labels_stay_clear_of_the_uniform_label():
    plot = xw.softmax_temperature_plot(10.0)
    ax_bars = plot.figure.axes[0]
    renderer = plot.figure.canvas.get_renderer()
    uniform = next(text for text in ax_bars.texts if text.get_text().startswith("uniform"))
    box = uniform.get_window_extent(renderer)
    for value in ax_bars.texts:
        if value is not uniform and value.get_text():
            assert not value.get_window_extent(renderer).overlaps(box), value.get_text()


def test_two_class_explorer_opens_where_the_notebook_says():
    controls = xw.softmax_two_class_explorer().controls
    assert (controls["a"].value, controls["b"].value) == (1.5, -0.5)
    assert controls["a"].min <= -4 and controls["a"].max >= 4
