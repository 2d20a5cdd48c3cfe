"""Tests of the figures and sliders of notebook 05: ``xent_widgets/maximum_likelihood.py``."""

import math

from matplotlib.text import Text

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


def test_explorer_opens_where_the_notebook_says_and_reaches_what_it_names():
    explorer = xw.likelihood_explorer()       # "the red point starts at θ = 0.3"
    control = explorer.controls["theta"]
    assert control.value == 0.3
    for theta in (0.1, 0.2, 0.3, 0.7, 0.01, 0.99):   # the maximum, the notes' three models, the ends
        steps = (theta - control.min) / control.step
        assert control.min - 1e-12 <= theta <= control.max + 1e-12 and abs(steps - round(steps)) < 1e-6


def test_model_labels_do_not_overlap_each_other_or_the_moving_point():
    plot = xw.likelihood_plot(0.3)
    fig = plot.figure
    fig.canvas.draw()
    for ax in fig.axes:
        # the text's own box (an annotation's get_window_extent includes its leader line)
        labels = [Text.get_window_extent(text) for text in ax.texts if text.get_text().startswith("model")]
        assert len(labels) == 3
        for i, a in enumerate(labels):
            assert not any(a.overlaps(b) for b in labels[i + 1:])
        point = ax.lines[-1].get_window_extent()
        assert not any(label.overlaps(point) for label in labels)
