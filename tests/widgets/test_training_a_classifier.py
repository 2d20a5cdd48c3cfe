"""Tests of the figures and sliders of notebook 12: ``xent_widgets/training_a_classifier.py``."""

import math

import numpy as np

import xent_core as xc
import xent_widgets.training_a_classifier as xw


def _history(k=4):
    steps = np.arange(k) * 10
    weights = np.stack([np.full((64, 10), float(i)) for i in range(k)])
    weights[:, 0, 3] = -np.arange(k)          # one pixel of digit 3 goes negative
    loss = 2.3 / (1 + steps)
    return {"step": steps, "weights": weights, "train_loss": loss, "val_loss": loss * 1.2,
            "train_accuracy": np.linspace(0.1, 0.9, k), "val_accuracy": np.linspace(0.1, 0.8, k)}


def test_weights_explorer_shows_the_snapshot_of_the_chosen_step():
    history = _history()
    explorer = xw.weights_explorer(history)
    assert explorer.controls["step"].value == 0 and explorer.readout.value.startswith("step 0:")
    before = explorer.image.value
    explorer.controls["step"].value = 20
    assert explorer.readout.value.startswith("step 20:") and explorer.image.value != before
    images = [ax.images[0] for ax in explorer.plot.figure.axes if ax.images]
    assert len(images) == 10
    np.testing.assert_array_equal(images[3].get_array(), history["weights"][2][:, 3].reshape(8, 8))
    assert "largest weight 2" in explorer.readout.value


def test_main_explorer_trains_the_notebooks_model_and_reaches_the_steps_named():
    explorer = xw.MAIN_EXPLORER()
    step = explorer.controls["step"]
    assert step.value == 0 and step.min == 0 and step.max == 600 and step.step == 10
    assert all(value % step.step == 0 for value in (0, 50, 600))        # "step 0", "the first 50 steps"
    step.value = 0
    # at step 0 the loss is the untrained one, about ln 10
    start = float(explorer.readout.value.split("training loss ")[1].split(" ")[0])
    assert abs(start - math.log(10)) < 0.01


def test_the_default_recipe_matches_the_notebooks_split():
    x, y, (train, val, test) = xw.digits_split()
    assert len(set(train) | set(val) | set(test)) == 1797
    np.testing.assert_allclose(x[train].mean(axis=0), 0, atol=1e-12)
    assert np.bincount(y[train]).min() == 92


def test_learning_curves_and_digits_plots():
    history = _history()
    plot = xw.learning_curves_plot(history, history)
    assert plot.readout.startswith("after 30 steps") and len(plot.figure.axes) == 2
    assert plot.png()[:4] == b"\x89PNG"
    digits = xw.digits_plot(np.zeros((10, 64)), list(range(10)))
    assert digits.readout.endswith("0 1 2 3 4 5 6 7 8 9")


def test_loss_axis_labels_read_as_plain_numbers():
    plot = xw.learning_curves_plot(_history(), _history())
    labels = [t.get_text() for t in plot.figure.axes[0].get_yticklabels()]
    assert "0.5" in labels and "2" in labels and not any("10^" in t or "times" in t for t in labels)
    assert xc.softmax_cross_entropy(np.zeros((1, 10)), [0]) == np.log(10)


def test_the_step_marker_stays_whole_inside_the_loss_axes_at_every_step():
    history = _history()
    explorer = xw.weights_explorer(history)
    figure = explorer.plot.figure
    loss_ax = next(ax for ax in figure.axes if not ax.images and ax.get_lines())
    dot = next(line for line in loss_ax.get_lines() if line.get_marker() == "o")
    renderer = figure.canvas.get_renderer()
    box = loss_ax.get_window_extent(renderer)
    for step in history["step"]:
        explorer.controls["step"].value = int(step)
        x, y = loss_ax.transData.transform((dot.get_xdata()[0], dot.get_ydata()[0]))
        radius = dot.get_markersize() / 2 * figure.dpi / 72
        assert box.x0 <= x - radius and x + radius <= box.x1, f"marker cut at step {step}"
        assert box.y0 <= y - radius and y + radius <= box.y1, f"marker cut at step {step}"


def test_weight_images_use_a_colour_scale_most_weights_can_be_seen_on():
    weights = np.random.default_rng(0).normal(0.0, 0.3, size=(64, 10))
    weights[0, 0] = 3.0                       # one large weight must not wash out the rest
    history = {"step": np.array([0, 10]), "weights": np.stack([weights * 0, weights]),
               "train_loss": np.array([2.3, 1.0]), "val_loss": np.array([2.3, 1.2])}
    plot = xw.weights_plot(history, step=10)
    image = next(ax for ax in plot.figure.axes if ax.images).images[0]
    low, high = image.get_clim()
    assert low == -high and high == xw._color_limit(weights) and high < 1.0
    assert np.mean(np.abs(weights) > high) <= 0.03
    assert xw.learning_curves_plot(_history()).readout.endswith("on validation")
