"""Figures and sliders for the xent notebooks; the mathematics stays in xent_core.

One module per notebook, named after it: the figures of ``notebooks/03_entropy.ipynb`` are in
``xent_widgets/entropy.py``, which the notebook imports as ``import xent_widgets.entropy as xw``.
Each such module names the notebook's main explorer ``MAIN_EXPLORER`` (the slider the browser
test and the benchmark press). This file holds what they share.

Every figure of the course is a :class:`LivePlot`: a plain function (``<topic>_plot``) draws it
into a matplotlib ``Figure`` once, and an ``update(**values)`` callback moves its artists in
place. :func:`explore` (called by ``<topic>_explorer``) then attaches sliders: each step calls
``update``, re-renders the same figure to PNG and feeds it to an ``ipywidgets.Image``, with a
one-line readout of the numbers beside it. Nothing here redraws through ``interact`` or an
``Output`` widget, whose outputs change on every run and break strict nbval.

Conventions (QuantEcon's style rules): lowercase axis labels with units, ``lw=2``, the
Okabe-Ito colour-blind-safe palette, captions in the notebook's markdown rather than titles.
"""

import io
import logging
import math
import os
import struct
import sys
import zlib

if sys.platform == "emscripten":
    # In the browser edition (JupyterLite, Pyodide) matplotlib builds its font cache at every
    # kernel start and announces it on stderr; the notice would only puzzle a student.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

import ipywidgets
import matplotlib
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = [
    "COLORS", "FRAME_DPI", "PIXEL_RATIO", "RENDER_DPI", "LivePlot", "Explorer", "new_figure", "css_size", "encode_png",
    "explore", "slider", "int_slider", "log_slider", "format_vector",
    "split_distribution", "frog_prediction",
]

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
COLORS = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
STYLE = {
    "axes.prop_cycle": matplotlib.cycler(color=list(COLORS.values())),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "lines.linewidth": 2,
    "font.size": 10,
}
# A figure's natural size in CSS pixels is its size in inches times FRAME_DPI (a 6.4-inch figure is
# 576 px wide). Its PNG is drawn at PIXEL_RATIO times that (RENDER_DPI), so it stays sharp on a
# display of device pixel ratio 2 and is never upscaled at 1: the browser only ever shrinks it.
FRAME_DPI = 90
PIXEL_RATIO = 2
RENDER_DPI = FRAME_DPI * PIXEL_RATIO
# No figure is displayed taller than this many CSS pixels, so that its sliders, readout and the
# whole figure fit together in a 1024x768 window (JupyterLab's own bars take about 150 px).
MAX_CSS_HEIGHT = 400


def css_size(fig):
    """The size, in CSS pixels, at which a figure is displayed: natural, capped at ``MAX_CSS_HEIGHT``.

    Examples
    --------
    >>> fig, ax = new_figure(width=6.4, height=3.4)
    >>> css_size(fig), (fig.canvas.get_width_height())
    ((576, 306), (1152, 612))
    """
    width, height = fig.get_size_inches() * FRAME_DPI
    scale = min(1.0, MAX_CSS_HEIGHT / height)
    return round(width * scale), round(height * scale)


def new_figure(ncols=1, width=6.4, height=3.4, **subplot_kw):
    """A course-styled ``Figure`` (not registered with pyplot) and its axes.

    Parameters
    ----------
    ncols : int
        Number of axes side by side.
    width, height : float
        Size in inches: the figure shows ``FRAME_DPI`` CSS pixels an inch (576 x 306 by default)
        and its PNG has ``PIXEL_RATIO`` times as many pixels each way.

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : Axes or array of Axes (one per column when ``ncols > 1``)

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> type(fig).__name__, len(fig.axes)
    ('Figure', 1)
    """
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(width, height), dpi=RENDER_DPI, layout="constrained")
        FigureCanvasAgg(fig)  # draws straight to pixels, without pyplot or a GUI backend
        axes = fig.subplots(1, ncols, subplot_kw=subplot_kw)
    return fig, axes


def _png_chunk(tag, data):
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def encode_png(rgba):
    """A lossless PNG of an ``(height, width, 4)`` uint8 RGBA array, fast enough for every slider step.

    Line art on a white background compresses well without PNG's per-row filters, and zlib at
    level 1 on the unfiltered rows takes about a third of the time Pillow's encoder does on a
    2x frame (7 ms instead of 20 ms for 1440 x 612 pixels), for a file of the same size.

    Examples
    --------
    >>> frame = np.zeros((2, 3, 4), dtype=np.uint8); frame[..., 3] = 255
    >>> png = encode_png(frame)
    >>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n", np.array_equal(np.asarray(PIL.Image.open(io.BytesIO(png))), frame)
    (True, True)
    """
    height, width, _ = rgba.shape
    rows = np.empty((height, width * 4 + 1), dtype=np.uint8)
    rows[:, 0] = 0  # filter type 0 (None) for every row
    rows[:, 1:] = rgba.reshape(height, width * 4)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlacing
    return b"".join([
        b"\x89PNG\r\n\x1a\n", _png_chunk(b"IHDR", header),
        _png_chunk(b"IDAT", zlib.compress(rows.data, 1)), _png_chunk(b"IEND", b""),
    ])


class LivePlot:
    """A figure plus the callback that moves it: ``update(**values) -> readout text``.

    Shown in a notebook, a LivePlot displays as its figure: a static PNG of twice the pixels,
    with width and height metadata that display it at its natural CSS size. Calling it updates
    the figure in place and returns itself, so ``plot(p=0.3)`` shows the state at p = 0.3.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure from :func:`new_figure`, with everything drawn for the initial values.
    update : callable
        ``update(**values)`` moves the artists for new values and returns a one-line readout
        (HTML allowed) of the numbers the figure shows.
    animated : list of matplotlib artists, optional
        The artists that ``update`` changes. When given, the rest of the figure is rendered
        once and cached, and each frame redraws only these on top (blitting: a few
        milliseconds instead of about 30). ``update`` must then change nothing else, not even
        axis limits. When omitted, every frame redraws the whole figure.
    **values
        The initial values, which ``update`` is called with once so the readout exists.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> line, = ax.plot([0, 1], [0, 0])
    >>> def update(height):
    ...     line.set_ydata([height, height])
    ...     return f"height {height}"
    >>> plot = LivePlot(fig, update, animated=[line], height=0.5)
    >>> plot(height=0.7).readout
    'height 0.7'
    >>> plot.png()[:4]
    b'\\x89PNG'
    """

    def __init__(self, fig, update, animated=None, **values):
        self.figure = fig
        self._update = update
        self._animated = list(animated or [])
        for artist in self._animated:
            artist.set_animated(True)
        self.values = dict(values)
        self.readout = update(**self.values)
        # Lay the figure out once; later frames keep these positions instead of re-solving
        # the constrained layout on every step.
        fig.canvas.draw()
        fig.set_layout_engine("none")
        self._background = fig.canvas.copy_from_bbox(fig.bbox) if self._animated else None

    def __call__(self, **values):
        self.values.update(values)
        self.readout = self._update(**self.values)
        return self

    def png(self):
        """The current frame as PNG bytes, ``PIXEL_RATIO`` times the CSS size (see :func:`encode_png`)."""
        canvas = self.figure.canvas
        if self._background is None:
            canvas.draw()
        else:
            canvas.restore_region(self._background)
            for artist in self._animated:
                self.figure.draw_artist(artist)
        return encode_png(np.asarray(canvas.buffer_rgba()))

    def css_size(self):
        """``(width, height)`` in CSS pixels at which the frame is displayed (see :func:`css_size`)."""
        return css_size(self.figure)

    def png_metadata(self):
        """Display metadata that shows the 2x PNG at its CSS size, e.g. ``{"width": 576, "height": 306}``."""
        width, height = self.css_size()
        return {"width": width, "height": height}

    def _repr_mimebundle_(self, include=None, exclude=None):
        values = ", ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}" for k, v in self.values.items())
        return {"image/png": self.png(), "text/plain": f"<figure at {values}>"}, {"image/png": self.png_metadata()}


class Explorer:
    """Sliders bound to a :class:`LivePlot`: each change updates the figure and the readout.

    Parameters
    ----------
    plot : LivePlot
    controls : dict of str to ipywidgets.ValueWidget
        One widget per keyword of ``plot``'s ``update``.
    name : str
        A stable CSS class suffix (``xent-<name>``) by which the browser test finds it.
    main : bool
        Whether this is its notebook's main explorer (CSS class ``xent-main``): the one a
        notebook module names ``MAIN_EXPLORER``.

    Attributes
    ----------
    image : ipywidgets.Image
        The current frame, a PNG of ``PIXEL_RATIO`` times the pixels, displayed at the figure's
        CSS size (or narrower, in a narrower cell; never wider).
    readout : ipywidgets.HTML
        The numbers behind the frame.
    widget : ipywidgets.VBox
        Controls, readout and image, as displayed.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> line, = ax.plot([0, 1], [0, 0])
    >>> plot = LivePlot(fig, lambda height: line.set_ydata([height, height]) or f"height {height}",
    ...                 animated=[line], height=0.5)
    >>> explorer = Explorer(plot, {"height": slider("height", 0.0, 1.0, 0.5)})
    >>> explorer.controls["height"].value = 0.75
    >>> explorer.readout.value
    'height 0.75'
    """

    def __init__(self, plot, controls, name="explorer", main=False):
        self.plot, self.controls = plot, controls
        width, height = plot.css_size()
        # A fixed CSS width (the flex column would otherwise stretch the image to the cell's
        # width, upscaling it), shrinking with a narrower cell, the height following the width.
        self.image = ipywidgets.Image(
            format="png", width=str(width),
            layout=ipywidgets.Layout(width=f"{width}px", max_width="100%", height="auto", margin="2px 0px"),
        )
        self.readout = ipywidgets.HTML()
        self.widget = ipywidgets.VBox([*controls.values(), self.readout, self.image])
        self.widget.add_class("xent-explorer")
        self.widget.add_class(f"xent-{name}")
        if main:
            self.widget.add_class("xent-main")
        for control in controls.values():
            control.observe(self._on_change, names="value")
        self._on_change()

    def _on_change(self, change=None):
        self.plot(**{key: control.value for key, control in self.controls.items()})
        self.readout.value = self.plot.readout
        self.image.value = self.plot.png()

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        # The default text is the repr of every child, PNG bytes included; nbval sees this line.
        bundle["text/plain"] = f"<interactive figure: {', '.join(self.controls)} (run the notebook to use the sliders)>"
        # The frame as displayed, for every view without a kernel or without the widget's state
        # (GitHub, nbconvert HTML, JupyterLab on an untrusted notebook): they show the figure.
        bundle["image/png"] = bytes(self.image.value)
        return bundle, {"image/png": self.plot.png_metadata()}


def slider(description, low, high, value, step=None, readout_format=".3f"):
    """A float slider as the course uses them: continuous updates, a readable label.

    Examples
    --------
    >>> s = slider("p", 0.01, 1.0, 0.125)
    >>> (s.min, s.max, s.value)
    (0.01, 1.0, 0.125)
    """
    step = step if step is not None else 10 ** math.floor(math.log10((high - low) / 100))
    return ipywidgets.FloatSlider(
        value=value, min=low, max=high, step=step, description=description,
        readout_format=readout_format, continuous_update=True,
        style={"description_width": "initial"}, layout=ipywidgets.Layout(width="420px"),
    )


def int_slider(description, low, high, value):
    """An integer slider styled like :func:`slider` (steps of 1).

    Examples
    --------
    >>> s = int_slider("matches won", 0, 3, 2)
    >>> (s.min, s.max, s.value, s.step)
    (0, 3, 2, 1)
    """
    return ipywidgets.IntSlider(
        value=value, min=low, max=high, step=1, description=description, continuous_update=True,
        style={"description_width": "initial"}, layout=ipywidgets.Layout(width="420px"),
    )


def log_slider(description, low, high, value, readout_format=".3g"):
    """A slider on a logarithmic scale, for quantities that span decades (a temperature, a p of 1e-6).

    Equal distances on the track are equal factors: ``low``, ``high`` and ``value`` are the
    quantities themselves (not their logs), and the track has 100 steps a decade.

    Examples
    --------
    >>> s = log_slider("p", 1e-6, 1.0, 0.125)
    >>> (s.min, s.max, round(s.value, 12))
    (-6.0, 0.0, 0.125)
    """
    return ipywidgets.FloatLogSlider(
        value=value, base=10, min=math.log10(low), max=math.log10(high), step=0.01, description=description,
        readout_format=readout_format, continuous_update=True,
        style={"description_width": "initial"}, layout=ipywidgets.Layout(width="420px"),
    )


def format_vector(values, spec=".3f"):
    """A short list of rounded numbers for readouts.

    Examples
    --------
    >>> format_vector([0.6590011, 0.2424329, 0.0985659])
    '[0.659, 0.242, 0.099]'
    >>> format_vector([0.4, 0.0, 0.6], ".2g")
    '[0.4, 0, 0.6]'
    """
    return "[" + ", ".join(f"{float(v):{spec}}" for v in values) + "]"


def explore(plot, name="explorer", main=False, **controls):
    """Attach sliders to a LivePlot: ``explore(plot, p=slider("p", 0, 1, 0.5))``.

    Parameters
    ----------
    plot : LivePlot
    name, main
        As for :class:`Explorer`.
    **controls : ipywidgets.ValueWidget
        One slider per keyword of the plot's ``update``, from :func:`slider` or :func:`int_slider`.

    Returns
    -------
    Explorer
        Displays as the sliders, a readout and the live figure.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> line, = ax.plot([0, 1], [0, 0])
    >>> plot = LivePlot(fig, lambda p: line.set_ydata([p, p]) or f"p = {p:.3f}", animated=[line], p=0.25)
    >>> explorer = explore(plot, name="level", p=slider("p", 0.0, 1.0, 0.25))
    >>> explorer.controls["p"].value = 0.5
    >>> explorer.readout.value
    'p = 0.500'
    """
    return Explorer(plot, controls, name=name, main=main)


def split_distribution(q1, split):
    """Three probabilities from two slider values: ``q1``, then ``split`` of the rest to outcome 2.

    ``q = [q1, (1 - q1) * split, (1 - q1) * (1 - split)]`` is a distribution for every ``q1`` and
    ``split`` in [0, 1], which is why the three-outcome sliders of notebooks 03 and 04 use it
    instead of two free probabilities (whose sum could pass 1). Rows if the inputs are arrays.

    Examples
    --------
    >>> print(split_distribution(0.5, 0.6))
    [0.5 0.3 0.2]
    """
    q1, split = np.broadcast_arrays(np.asarray(q1, dtype=float), np.asarray(split, dtype=float))
    rest = 1.0 - q1
    return np.stack([q1, rest * split, rest * (1.0 - split)], axis=-1)


def frog_prediction(p):
    """The notes' frog prediction with probability ``p`` on the frog: (cat, frog, mouse).

    The rest, ``1 - p``, is split 3 : 1 between cat and mouse, which gives the notes'
    ``(0.3, 0.6, 0.1)`` at ``p = 0.6`` (``xent_notes.FROG_PREDICTION``). Rows if ``p`` is an
    array. Used by the figures of notebooks 00 and 07.

    Examples
    --------
    >>> print(frog_prediction(0.6).round(12))
    [0.3 0.6 0.1]
    """
    p = np.asarray(p, dtype=float)
    rest = 1.0 - p
    return np.stack([rest * 0.75, p, rest * 0.25], axis=-1)


# --- Static frames: sliders that work in a published page, with no kernel --------------------
# A page exported with its widget state shows a slider that moves, but nothing recomputes the
# figure (ipywidgets#2069). The static form precomputes ``n`` frames along the explorer's first
# slider and links, in the browser, a SelectionSlider to a Stack of those frames (and one of
# their readouts): jslink runs in the page's JavaScript, so moving the slider changes the figure.
# `make site` executes every notebook with XENT_STATIC_FRAMES=20 in the kernel's environment,
# which makes each explorer display in this form; the committed notebooks are not changed.

STATIC_FRAMES_VARIABLE = "XENT_STATIC_FRAMES"
__all__ += ["static_values", "static_explorer", "use_static_frames"]


def _nice_grid(low, high, n, unit):
    """Round multiples of a 1-2-2.5-5 spacing (itself a multiple of ``unit``) in [low, high], at most n + 1 of them."""
    span = high - low
    for exponent in range(math.floor(math.log10(span / n)) - 1, math.ceil(math.log10(span)) + 1):
        for mantissa in (1, 2, 2.5, 5):
            spacing = max(unit, round(mantissa * 10.0 ** exponent / unit) * unit)
            first, last = math.ceil(low / spacing - 1e-9), math.floor(high / spacing + 1e-9)
            if last - first + 1 <= n + 1:
                return [k * spacing for k in range(first, last + 1)]
    return [low, high]


def static_values(control, n=20):
    """About ``n`` round values spread over a slider's range, with both ends and its current value.

    The values are the multiples of a round spacing (0.05, 0.1, 0.25, 1, ...; a multiple of the
    slider's step) inside its range, at most ``n + 1`` of them, plus the two ends and the
    current value, in increasing order. A log slider gets round exponents instead, so its
    values are spread evenly over its decades.

    Examples
    --------
    >>> static_values(slider("p", 0.0, 1.0, 0.3, step=0.01), n=5)
    [0.0, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0]
    >>> static_values(slider("p", 0.01, 0.99, 0.6, step=0.01), n=10)
    [0.01, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99]
    >>> static_values(int_slider("wins", 0, 3, 2), n=20)
    [0, 1, 2, 3]
    >>> [f"{v:.3g}" for v in static_values(log_slider("p", 1e-6, 1.0, 1e-6), n=4)]
    ['1e-06', '0.0001', '0.01', '1']
    """
    if isinstance(control, ipywidgets.FloatLogSlider):
        grid = _nice_grid(control.min, control.max, n, control.step)
        values = [float(control.base ** np.round(e, 12)) for e in [control.min, *grid, control.max]]
    else:
        grid = _nice_grid(control.min, control.max, n, control.step)
        values = [float(np.round(v, 12)) for v in [control.min, *grid, control.max]]
    current = control.value
    if isinstance(control, ipywidgets.IntSlider):
        values = [int(round(v)) for v in values]
    return sorted({type(current)(v) for v in values} | {current})


def _static_label(control, value):
    spec = getattr(control, "readout_format", "d")
    return f"{value:{spec}}"


def static_explorer(explorer, n=20):
    """The explorer as a widget that works without a kernel: ``n`` precomputed frames of its first slider.

    A ``SelectionSlider`` (labelled like the explorer's first slider, starting at its current
    value) is linked in the browser (``jslink``) to a ``Stack`` of ``Image`` frames and a
    ``Stack`` of their readouts. The other sliders stay at their current values, which the note
    under the slider names. The explorer is left as it was.

    Parameters
    ----------
    explorer : Explorer
    n : int
        How many frames to aim for (:func:`static_values`: the current value is added).

    Returns
    -------
    ipywidgets.VBox
        CSS classes ``xent-explorer xent-static`` plus the explorer's own (``xent-<name>``,
        ``xent-main``); its ``frames`` Stack holds one ``Image`` per value.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> line, = ax.plot([0, 1], [0, 0])
    >>> plot = LivePlot(fig, lambda p: line.set_ydata([p, p]) or f"p = {p:.2f}", animated=[line], p=0.25)
    >>> static = static_explorer(explore(plot, p=slider("p", 0.0, 1.0, 0.25, step=0.01)), n=5)
    >>> slider_, note, readouts, frames = static.children
    >>> slider_.label, len(frames.children), frames.selected_index == slider_.index
    ('0.250', 7, True)
    >>> readouts.children[-1].value
    'p = 1.00'
    """
    (name, control), *others = explorer.controls.items()
    start = control.value
    values = static_values(control, n)
    frames, readouts = [], []
    for value in values:
        control.value = value
        # Sized like the explorer's own image (its width and height traits and layout).
        frames.append(ipywidgets.Image(value=explorer.image.value, format=explorer.image.format,
                                       width=explorer.image.width, height=explorer.image.height,
                                       layout=ipywidgets.Layout(max_width="100%", width=explorer.image.layout.width,
                                                                height=explorer.image.layout.height)))
        readouts.append(ipywidgets.HTML(explorer.readout.value))
    control.value = start
    index = values.index(start)
    choice = ipywidgets.SelectionSlider(
        options=[(_static_label(control, v), k) for k, v in enumerate(values)], value=index,
        description=control.description, continuous_update=True,
        style={"description_width": "initial"}, layout=ipywidgets.Layout(width="420px"),
    )
    fixed = ", ".join(f"{other.description} = {_static_label(other, other.value)}" for _, other in others)
    note = ipywidgets.HTML(
        f"<small><i>{len(values)} precomputed frames, {control.description} from {_static_label(control, values[0])}"
        f" to {_static_label(control, values[-1])}{'; ' + fixed + ' here' if fixed else ''}."
        " Run the notebook for the full slider.</i></small>")
    frame_stack = ipywidgets.Stack(frames, selected_index=index)
    readout_stack = ipywidgets.Stack(readouts, selected_index=index)
    ipywidgets.jslink((choice, "index"), (frame_stack, "selected_index"))
    ipywidgets.jslink((choice, "index"), (readout_stack, "selected_index"))
    widget = ipywidgets.VBox([choice, note, readout_stack, frame_stack])
    for css_class in ("xent-static", *explorer.widget._dom_classes):
        widget.add_class(css_class)
    return widget


def use_static_frames(n=20):
    """Make every :class:`Explorer` display as :func:`static_explorer` (``n`` frames) from now on.

    Called at import when the environment variable ``XENT_STATIC_FRAMES`` is set (to ``n``),
    which is how `make site` builds its pages; the notebooks' own text output is unchanged.
    """
    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = static_explorer(self, n)._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/plain"] = f"<interactive figure: {', '.join(self.controls)} (run the notebook to use the sliders)>"
        return bundle

    Explorer._repr_mimebundle_ = _repr_mimebundle_


if os.environ.get(STATIC_FRAMES_VARIABLE):
    use_static_frames(int(os.environ[STATIC_FRAMES_VARIABLE]))
