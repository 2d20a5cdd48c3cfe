"""The static form of the explorers (``xent_widgets.static_explorer``), which the course site shows.

Each notebook's every explorer, built the way its notebook builds it, becomes about 20
precomputed frames along its first slider, linked in the browser to a slider; the frames must
differ, start where the notebook opens, and leave the explorer as it was. tests/test_site.py
checks the same widgets in the published pages, in Chromium.
"""

import importlib
import json
import os
import pathlib
import subprocess
import sys

import ipywidgets
import numpy as np
import pytest
from ipywidgets.widgets.widget import _instances  # every live widget (Widget.widgets is deprecated)
from ipywidgets.widgets.widget_link import Link

import xent_widgets as xw

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(path.stem for path in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def links_of(widget):
    """The (source attribute, target) pairs of the jslinks that start at ``widget``."""
    return {(link.source[1], link.target[0].model_id, link.target[1]) for link in list(_instances.values())
            if isinstance(link, Link) and link.source[0] is widget}


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_the_main_explorer_becomes_about_20_linked_frames_that_start_where_the_notebook_does(notebook):
    explorer = importlib.import_module(f"xent_widgets.{notebook[3:]}").MAIN_EXPLORER()
    control = next(iter(explorer.controls.values()))
    start, frame = control.value, bytes(explorer.image.value)
    static = xw.static_explorer(explorer, n=20)
    choice, note, readouts, frames = static.children
    assert isinstance(choice, ipywidgets.SelectionSlider) and isinstance(frames, ipywidgets.Stack)
    count = len(frames.children)
    assert 2 <= count <= 24 and len(readouts.children) == count == len(choice.options)
    assert f"{count} precomputed frames" in note.value
    # The page opens on the notebook's own frame, and the explorer is left as it was.
    assert frames.selected_index == readouts.selected_index == choice.index
    assert bytes(frames.children[choice.index].value) == frame
    assert control.value == start and bytes(explorer.image.value) == frame
    images = [bytes(image.value) for image in frames.children]
    assert all(image.startswith(PNG_SIGNATURE) for image in images)
    assert len(set(images)) == count, "two frames are the same picture"
    assert len({html.value for html in readouts.children}) == count
    # Linked in the browser (jslink), not through the kernel.
    assert links_of(choice) == {("index", frames.model_id, "selected_index"), ("index", readouts.model_id, "selected_index")}
    assert {"xent-static", "xent-explorer", "xent-main"} <= set(static._dom_classes)


def test_static_values_are_round_numbers_between_the_ends_and_keep_the_current_value():
    values = xw.static_values(xw.slider("p", 0.01, 0.99, 0.62, step=0.01), n=20)
    assert values[0] == 0.01 and values[-1] == 0.99 and 0.62 in values and len(values) == 22
    inner = [v for v in values[1:-1] if v != 0.62]
    assert inner == [round(0.05 * k, 2) for k in range(1, 20)]  # 0.05, 0.10, ..., 0.95
    assert xw.static_values(xw.int_slider("decimals", 0, 6, 3), n=20) == [0, 1, 2, 3, 4, 5, 6]
    assert xw.static_values(xw.slider("x", -10.0, 10.0, 0.0, step=0.1), n=20) == [float(k) for k in range(-10, 11)]
    logs = np.log10(xw.static_values(xw.log_slider("p", 1e-6, 0.5, 1e-6), n=20))
    assert logs[0] == pytest.approx(-6) and logs[-1] == pytest.approx(np.log10(0.5))
    assert np.allclose(np.diff(logs[:-1]), 0.5)  # half decades: 1e-6, 3.16e-6, 1e-5, ...
    for n in (5, 10, 20, 40):
        assert len(xw.static_values(xw.slider("p", 0.0, 1.0, 0.333, step=0.001), n=n)) <= n + 4


def test_other_sliders_are_named_at_their_fixed_values():
    explorer = importlib.import_module("xent_widgets.kl_divergence_and_cross_entropy").kl_explorer()
    note = xw.static_explorer(explorer, n=5).children[1].value
    second = list(explorer.controls.values())[1]
    assert f"{second.description} = {second.value:{second.readout_format}}" in note


def test_the_environment_variable_makes_every_explorer_display_its_static_form():
    """What `make site` does: XENT_STATIC_FRAMES in the kernel's environment, the notebook unchanged."""
    code = (
        "import json, xent_widgets.entropy as m\n"
        "explorer = m.binary_entropy_explorer()\n"
        "bundle = explorer._repr_mimebundle_()\n"
        "from ipywidgets.widgets.widget import _instances\n"
        "view = _instances[bundle['application/vnd.jupyter.widget-view+json']['model_id']]\n"
        "print(json.dumps([bundle['text/plain'], view._dom_classes, len(view.children[3].children)]))\n"
    )
    env = dict(os.environ, XENT_STATIC_FRAMES="8")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    text, classes, frames = json.loads(result.stdout.splitlines()[-1])
    assert text.startswith("<interactive figure: p") and "xent-static" in classes and 5 <= frames <= 8 + 4
