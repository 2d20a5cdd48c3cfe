"""Present a notebook as slides in JupyterLab (jupyterlab-slideshow) and move its slider live.

A teacher's path from docs/teaching.md: open notebook 07, run it, start the slideshow, step
forward slide by slide until the main slider's subslide is on screen, check that the live figure
with its slider fits a 1280x800 projector, press an arrow key on the slider and see the figure
change. Screenshots of the slide before and after go to ``test-artifacts/slides/``.

Uses the JupyterLab server and Chromium of ``tests/test_in_browser.py`` (its fixtures, not a
copy). Run by ``make test-teach``, which installs ``requirements-teach.txt``; skipped by a plain
``make test``.
"""

import contextlib
import json
import importlib.util
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "slides"
NOTEBOOK = "07_cross_entropy_for_classification.ipynb"
SCREEN = {"width": 1280, "height": 800}

if os.environ.get("XENT_CLASSROOM") != "1":
    pytest.skip("run by `make test-teach`", allow_module_level=True)
pytest.importorskip("jupyterlab_slideshow", reason="`make test-teach` installs requirements-teach.txt")

_spec = importlib.util.spec_from_file_location("xent_in_browser", ROOT / "tests" / "test_in_browser.py")
in_browser = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(in_browser)
lab, browser = in_browser.lab, in_browser.browser  # the browser test's fixtures

# The main explorer's box when it is on screen (not hidden by the deck), else null.
MAIN_ON_SCREEN = """() => {
    const main = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .xent-main');
    if (!main || !main.checkVisibility()) return null;
    const box = main.getBoundingClientRect();
    const onScreen = box.width > 0 && box.top >= 0 && box.top < window.innerHeight && box.left >= 0;
    return onScreen ? {top: box.top, bottom: box.bottom, left: box.left, right: box.right} : null;
}"""


def test_a_slide_shows_the_main_slider_and_its_arrow_key_moves_the_figure(lab, browser):
    page = browser.new_page(viewport=SCREEN)
    try:
        page.goto(f"{lab['base']}/lab/workspaces/slides/tree/{NOTEBOOK}?reset&token={lab['token']}")
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget "
                               "&& window.jupyterapp.shell.currentWidget.sessionContext", timeout=60_000)
        page.evaluate(in_browser.headless.RUN_ALL)
        page.wait_for_function(in_browser.headless.FINISHED, timeout=180_000, polling=200)
        assert page.evaluate(in_browser.headless.ERRORS) == [], "a cell raised"

        # Start at the top, as a presenter does (running all cells left the last cell active).
        page.evaluate("() => { window.jupyterapp.shell.currentWidget.content.activeCellIndex = 0; }")
        page.evaluate("() => window.jupyterapp.commands.execute('deck:start')")
        page.wait_for_selector("body[data-jp-deck-mode='presenting']", state="attached", timeout=30_000)
        page.keyboard.press("Escape")  # leave any cell editor: the arrow keys belong to the deck
        # The main slider is a subslide under its section's slide: right to that slide, then down.
        kinds = [cell["metadata"].get("slideshow", {}).get("slide_type") for cell in json.loads((ROOT / "notebooks" / NOTEBOOK).read_text())["cells"]]
        main_index = kinds.index("subslide")
        section = max(index for index, kind in enumerate(kinds[:main_index]) if kind == "slide")
        active = "() => window.jupyterapp.shell.currentWidget.content.activeCellIndex"
        for key, target in (("ArrowRight", section), ("ArrowDown", main_index)):
            for _ in range(40):
                if page.evaluate(active) == target:
                    break
                page.keyboard.press(key)  # deck:forward, then deck:down, as a presenter does
                page.wait_for_timeout(300)
            assert page.evaluate(active) == target, f"{key} never reached cell {target}"
        page.wait_for_timeout(1000)  # the deck's transition
        box = page.evaluate(MAIN_ON_SCREEN)
        assert box["bottom"] <= SCREEN["height"] and box["right"] <= SCREEN["width"], f"the slider slide overflows: {box}"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=ARTIFACTS / "slide_07_main_slider.png")

        main = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .xent-main")
        image, readout, handle = main.locator("img"), main.locator(".widget-html-content"), main.locator(".noUi-handle").first
        pixels, text, source = image.screenshot(), readout.inner_text(), image.get_attribute("src")
        handle.focus()
        handle.press("ArrowRight")
        page.wait_for_function("([img, old]) => img.getAttribute('src') !== old", arg=[image.element_handle(), source], timeout=10_000)
        page.wait_for_function("([el, old]) => el.innerText !== old", arg=[readout.element_handle(), text])
        assert image.screenshot() != pixels, "the figure's pixels did not change"
        assert page.evaluate(MAIN_ON_SCREEN) is not None, "the arrow key moved the deck off the slider's slide"
        page.screenshot(path=ARTIFACTS / "slide_07_main_slider_moved.png")
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(Exception):
            page.screenshot(path=ARTIFACTS / "FAILED-slides.png")
        raise
    finally:
        with contextlib.suppress(Exception):
            page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
        page.close()
