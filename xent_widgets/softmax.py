"""Figures and sliders of ``notebooks/06_softmax.ipynb``."""

import matplotlib
import numpy as np

import xent_core as xc
import xent_notes as notes
from xent_widgets import COLORS, LivePlot, explore, format_vector, log_slider, new_figure, slider

__all__ = ["softmax_temperature_plot", "softmax_temperature_explorer", "softmax_two_class_plot", "softmax_two_class_explorer", "MAIN_EXPLORER"]


# The logits of the notes' PyTorch example (note 002): one sample, three classes.
# The temperature slider and the entropy curve span T in [0.01, 10], three whole decades, so that the
# logarithmic slider's grid (100 steps a decade) holds 0.01, 0.1, 1 and 10 exactly.
_TEMPERATURE_RANGE = (0.01, 10.0)
# The entropy axis reaches a little beyond the slider's range, so the marker is never cut in half.
_TEMPERATURE_AXIS = (_TEMPERATURE_RANGE[0] / 1.3, _TEMPERATURE_RANGE[1] * 1.3)


def softmax_temperature_plot(temperature=1.0, logits=notes.PYTORCH_LOGITS):
    """Softmax with temperature: bars of ``softmax(logits / T)`` beside the entropy against ``T``.

    Left, one bar per class with its probability written on top and a dashed line at the
    uniform value 1/C. Right, the entropy of ``softmax(logits / T)`` in nats against ``T`` (log
    scale), rising from 0 (one-hot on the arg max, T -> 0) towards ln C (uniform, T -> inf),
    with the current temperature marked. The readout gives T, the probabilities and the entropy.

    Parameters
    ----------
    temperature : float
        Temperature, > 0.
    logits : sequence of float
        The fixed scores; default the notes' (2.0, 1.0, 0.1).

    Returns
    -------
    LivePlot

    Examples
    --------
    >>> softmax_temperature_plot(1.0).readout
    'T = 1.00 &rarr; softmax(z / T) = [0.659, 0.242, 0.099], entropy H = <b>0.847 nats</b> (uniform: ln 3 = 1.099)'
    >>> softmax_temperature_plot(0.01).readout.split(" &rarr; ")[1][:32]
    'softmax(z / T) = [1.000, 0.000, '
    """
    logits = np.asarray(logits, dtype=float)
    n_classes = logits.size
    uniform_h = float(xc.information_content(1 / n_classes))  # entropy of the uniform distribution, ln C
    fig, (ax_bars, ax_h) = new_figure(ncols=2, width=8.0, height=3.4)

    classes = np.arange(n_classes)
    bars = ax_bars.bar(classes, np.zeros(n_classes), width=0.6, color=COLORS["blue"])
    # The uniform level's label sits right of the bars, where no bar or value label can reach it.
    ax_bars.hlines(1 / n_classes, -0.6, n_classes - 0.4, color=COLORS["black"], lw=1, ls="--")
    ax_bars.text(n_classes - 0.35, 1 / n_classes, f"uniform\n1/{n_classes}", ha="left", va="center", fontsize=9)
    ax_bars.set_xticks(classes, [f"class {i}\nz = {z:g}" for i, z in enumerate(logits)])
    ax_bars.set_xlim(-0.6, n_classes + 0.4)
    ax_bars.set_ylim(0, 1.1)
    ax_bars.set_ylabel("probability softmax(z / T)")
    # On a white patch, so the dashed uniform line never runs through a value.
    values = [ax_bars.text(i, 0, "", ha="center", va="bottom", bbox=dict(facecolor="white", edgecolor="none", pad=1))
              for i in classes]

    grid = np.geomspace(*_TEMPERATURE_AXIS, 300)
    curve = xc.entropy(xc.softmax(logits[None, :] / grid[:, None]))
    ax_h.plot(grid, curve, color=COLORS["blue"])
    ax_h.axhline(uniform_h, color=COLORS["black"], lw=1, ls="--")
    ax_h.text(_TEMPERATURE_AXIS[0] * 1.1, uniform_h + 0.03, f"ln {n_classes} (uniform)", fontsize=9)
    ax_h.set_xscale("log")
    ax_h.set_xlim(*_TEMPERATURE_AXIS)
    ax_h.xaxis.set_major_formatter(matplotlib.ticker.FormatStrFormatter("%g"))
    ax_h.set_ylim(0, uniform_h * 1.15)
    ax_h.set_xlabel("temperature T (log scale)")
    ax_h.set_ylabel("entropy of softmax(z / T) (nats)")
    point, = ax_h.plot([], [], "o", color=COLORS["vermillion"], ms=8, clip_on=False, zorder=3)  # whole at H = 0 too

    def update(temperature):
        probs = xc.softmax(logits, temperature=temperature)
        h = float(xc.entropy(probs))
        for bar, value, p in zip(bars, values, probs):
            bar.set_height(p)
            value.set_position((value.get_position()[0], p + 0.01))
            value.set_text(f"{p:.3f}")
        point.set_data([temperature], [h])
        return (
            f"T = {temperature:#.3g} &rarr; softmax(z / T) = {format_vector(probs)}, entropy H = <b>{h:.3f} nats</b> "
            f"(uniform: ln {n_classes} = {uniform_h:.3f})"
        )

    return LivePlot(fig, update, animated=[*bars, *values, point], temperature=temperature)


def softmax_temperature_explorer(temperature=1.0, logits=notes.PYTORCH_LOGITS):
    """The notebook's main slider: move the temperature T and watch softmax(z / T) and its entropy.

    The slider is logarithmic, like the entropy plot's T axis: each decade from 0.01 to 10 gets a
    third of the track. Small T sharpens the distribution towards the one-hot vector of the arg max (entropy 0),
    large T flattens it towards uniform (entropy ln C).

    Examples
    --------
    >>> explorer = softmax_temperature_explorer()
    >>> explorer.controls["temperature"].value = 0.5
    >>> explorer.readout.value[:46]
    'T = 0.500 &rarr; softmax(z / T) = [0.864, 0.11'
    """
    return explore(
        softmax_temperature_plot(temperature, logits), name="softmax-temperature", main=True,
        temperature=log_slider("temperature T", _TEMPERATURE_RANGE[0], _TEMPERATURE_RANGE[1], temperature),
    )


def softmax_two_class_plot(a=1.5, b=-0.5):
    """Two-class softmax is the sigmoid of the difference: ``softmax([a, b])[0] = sigmoid(a - b)``.

    The sigmoid curve against the difference ``d = a - b``, with the point
    ``(a - b, softmax([a, b])[0])`` marked: it always lies on the curve, and moving ``a`` and
    ``b`` together does not move it (only the difference matters).

    Parameters
    ----------
    a, b : float
        The logits of class 0 and class 1.

    Returns
    -------
    LivePlot

    Examples
    --------
    >>> softmax_two_class_plot(1.5, -0.5).readout
    'a = 1.50, b = -0.50 &rarr; softmax([a, b])[0] = <b>0.8808</b>; sigmoid(a - b) = sigmoid(2.00) = 0.8808'
    """
    fig, ax = new_figure(width=6.4, height=3.2)
    grid = np.linspace(-8, 8, 400)
    ax.plot(grid, xc.sigmoid(grid), color=COLORS["blue"], label="sigmoid(d)")
    ax.axhline(0.5, color=COLORS["black"], lw=1, ls=":")
    ax.axvline(0.0, color=COLORS["black"], lw=1, ls=":")
    ax.set_xlim(-8, 8)
    ax.set_ylim(-0.03, 1.03)
    ax.set_xlabel("difference of logits d = a - b")
    ax.set_ylabel("probability of class 0")
    point, = ax.plot([], [], "o", color=COLORS["vermillion"], ms=8, label="softmax([a, b])[0]")
    ax.legend(loc="upper left", frameon=False)

    def update(a, b):
        p0 = float(xc.softmax([a, b])[0])
        point.set_data([a - b], [p0])
        return (
            f"a = {a:.2f}, b = {b:.2f} &rarr; softmax([a, b])[0] = <b>{p0:.4f}</b>; "
            f"sigmoid(a - b) = sigmoid({a - b:.2f}) = {float(xc.sigmoid(a - b)):.4f}"
        )

    return LivePlot(fig, update, animated=[point], a=a, b=b)


def softmax_two_class_explorer(a=1.5, b=-0.5):
    """Sliders for the two logits of :func:`softmax_two_class_plot`.

    Examples
    --------
    >>> explorer = softmax_two_class_explorer()
    >>> explorer.controls["a"].value = 2.5
    >>> explorer.readout.value.endswith("sigmoid(a - b) = sigmoid(3.00) = 0.9526")
    True
    """
    return explore(
        softmax_two_class_plot(a, b), name="softmax-two-class",
        a=slider("a", -4.0, 4.0, a, step=0.1, readout_format=".1f"),
        b=slider("b", -4.0, 4.0, b, step=0.1, readout_format=".1f"),
    )


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = softmax_temperature_explorer
