"""Tests of the shared figure machinery (``xent_widgets/__init__.py``), and every notebook's main slider moved without a browser."""

import importlib
import pathlib

import pytest

import xent_widgets as xw

NOTEBOOKS = sorted(path.stem for path in (pathlib.Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def figures_module(notebook):
    """The figures module of a notebook: ``03_entropy`` -> ``xent_widgets.entropy``."""
    return importlib.import_module(f"xent_widgets.{notebook[3:]}")


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_notebook_names_one_main_explorer_that_carries_the_main_class(notebook):
    module = figures_module(notebook)
    assert "MAIN_EXPLORER" in module.__all__ and module.MAIN_EXPLORER.__name__.endswith("_explorer")
    assert "xent-main" in module.MAIN_EXPLORER().widget._dom_classes


def other_value(control):
    """A value of the slider far from its current one, on its step grid."""
    target = control.min if control.value - control.min > control.max - control.value else control.max
    return control.min + round((target - control.min) / control.step) * control.step


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_moving_the_main_slider_changes_readout_and_frame(notebook):
    """One step (the browser test presses an arrow key once) and a far move both visibly change the figure."""
    explorer = figures_module(notebook).MAIN_EXPLORER()
    control = next(iter(explorer.controls.values()))
    readout, frame = explorer.readout.value, bytes(explorer.image.value)
    assert frame.startswith(PNG_SIGNATURE) and readout
    step = control.step if control.value + control.step <= control.max else -control.step
    control.value = control.value + step
    stepped_readout, stepped_frame = explorer.readout.value, bytes(explorer.image.value)
    assert stepped_readout != readout
    assert stepped_frame != frame and stepped_frame.startswith(PNG_SIGNATURE)
    control.value = other_value(control)
    assert explorer.readout.value not in (readout, stepped_readout)
    assert bytes(explorer.image.value) not in (frame, stepped_frame)
    assert bytes(explorer.image.value).startswith(PNG_SIGNATURE)


def test_live_plot_shows_as_a_static_png_with_a_stable_text_line():
    fig, ax = xw.new_figure()
    line, = ax.plot([0, 1], [0, 0])

    def update(height):
        line.set_ydata([height, height])
        return f"height {height}"

    plot = xw.LivePlot(fig, update, animated=[line], height=0.25)
    bundle = plot._repr_mimebundle_()
    assert bundle["image/png"].startswith(PNG_SIGNATURE)
    assert bundle["text/plain"] == "<figure at height=0.25>"


def test_blitted_frame_equals_a_full_redraw():
    """Blitting must not leave stale pixels: the cached-background frame equals a fresh render."""
    def build(animated):
        fig, ax = xw.new_figure()
        ax.set_ylim(0, 1)
        line, = ax.plot([0, 1], [0.2, 0.2])
        return xw.LivePlot(fig, lambda height: line.set_ydata([height, height]) or "", animated=[line] if animated else None, height=0.2)

    blitted, redrawn = build(True), build(False)
    for plot in (blitted, redrawn):
        plot(height=0.8)
    assert blitted.png() == redrawn.png()


def test_explorer_text_line_is_stable_for_nbval():
    fig, ax = xw.new_figure()
    plot = xw.LivePlot(fig, lambda p: f"p = {p}", p=0.5)
    explorer = xw.explore(plot, p=xw.slider("p", 0.0, 1.0, 0.5))
    assert explorer._repr_mimebundle_()["text/plain"] == "<interactive figure: p (run the notebook to use the sliders)>"
    explorer.controls["p"].value = 0.75
    assert explorer.readout.value == "p = 0.75"
    assert bytes(explorer.image.value).startswith(PNG_SIGNATURE)
