"""Tests of the shared figure machinery (``xent_widgets/__init__.py``), and every notebook's main slider moved without a browser."""

import importlib
import io
import pathlib

import numpy as np
import PIL.Image
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
    bundle, metadata = plot._repr_mimebundle_()
    assert bundle["image/png"].startswith(PNG_SIGNATURE)
    assert bundle["text/plain"] == "<figure at height=0.25>"
    assert metadata == {"image/png": {"width": 576, "height": 306}}


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
    assert explorer._repr_mimebundle_()[0]["text/plain"] == "<interactive figure: p (run the notebook to use the sliders)>"
    explorer.controls["p"].value = 0.75
    assert explorer.readout.value == "p = 0.75"
    assert bytes(explorer.image.value).startswith(PNG_SIGNATURE)


def png_size(png):
    return PIL.Image.open(io.BytesIO(png)).size


def simple_explorer(width=6.4, height=3.4):
    fig, ax = xw.new_figure(width=width, height=height)
    line, = ax.plot([0, 1], [0, 0])
    plot = xw.LivePlot(fig, lambda p: line.set_ydata([p, p]) or f"p = {p}", animated=[line], p=0.5)
    return xw.explore(plot, p=xw.slider("p", 0.0, 1.0, 0.5))


def test_frames_have_twice_the_pixels_of_their_css_size():
    """Drawn at 2x (sharp at device pixel ratio 2), displayed at the natural CSS size (never upscaled at 1)."""
    explorer = simple_explorer()
    assert xw.RENDER_DPI == 2 * xw.FRAME_DPI
    assert explorer.plot.css_size() == (576, 306)  # 6.4 x 3.4 inches at 90 CSS px an inch
    assert png_size(bytes(explorer.image.value)) == (1152, 612)
    assert png_size(explorer.plot.png()) == (1152, 612)


def test_image_widget_is_displayed_at_the_natural_css_width_and_only_shrinks():
    image = simple_explorer().image
    assert image.layout.width == "576px" and image.width == "576"
    assert image.layout.max_width == "100%" and image.layout.height == "auto"


def test_a_tall_figure_is_displayed_at_most_max_css_height_high():
    explorer = simple_explorer(width=6.0, height=6.0)
    width, height = explorer.plot.css_size()
    assert height == xw.MAX_CSS_HEIGHT and width == xw.MAX_CSS_HEIGHT
    assert explorer.image.layout.width == f"{width}px"
    assert png_size(bytes(explorer.image.value)) == (1080, 1080)  # still drawn at 2x the natural size


def test_explorer_output_carries_its_initial_frame_for_views_without_a_kernel():
    explorer = simple_explorer()
    initial = bytes(explorer.image.value)
    bundle, metadata = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["image/png"] == initial and png_size(bundle["image/png"]) == (1152, 612)
    assert metadata == {"image/png": {"width": 576, "height": 306}}


def test_every_main_explorer_png_is_twice_its_css_size_and_fits_a_1024x768_window():
    for notebook in NOTEBOOKS:
        explorer = figures_module(notebook).MAIN_EXPLORER()
        width, height = explorer.plot.css_size()
        assert png_size(bytes(explorer.image.value)) == (2 * width, 2 * height), notebook
        assert height <= xw.MAX_CSS_HEIGHT, notebook


def test_encode_png_is_lossless():
    rng = np.random.default_rng(0)
    frame = rng.integers(0, 256, size=(37, 53, 4), dtype=np.uint8)
    assert np.array_equal(np.asarray(PIL.Image.open(io.BytesIO(xw.encode_png(frame)))), frame)
