"""Open every notebook in JupyterLab in a real headless Chromium, look at it, run it, and move its main slider.

nbval proves the kernel side; this proves what a student sees. Each notebook is opened fresh
(not yet run) and then run, and both times looked at in a 1024x768 and a 1920x1080 window, at
device pixel ratio 1 and 2 (one page, its size and pixel ratio switched through Chromium's
DevTools protocol):

- before running, no answer is visible: no "Correct:" anywhere, and of each cell tagged
  ``solution`` (collapsed, with its outputs) at most a first line that is a comment;
- after running, every cell ran without an error, no solution's answer shows (its verdict folds
  the exact value under "Correct ✓", since running a cell expands its outputs), and every slider rendered; no image is
  upscaled (its CSS width times the pixel ratio is at most its natural pixel width, and no live
  figure is wider than its natural CSS size); each live figure fits the window together with its
  sliders and readout; no table or image overflows its cell horizontally;
- pressing an arrow key on the main slider changes the figure (its pixels) and the readout, at
  every size.

It also measures, at 1920x1080 and pixel ratio 2, the time from the key press to the new frame
being decoded and painted, and writes a screenshot per notebook per window size (at pixel ratio
2, the main slider scrolled into view), one of the main slider alone (``NAME-main.png``, the
README's pictures) and the latency table under ``test-artifacts/browser/``.

Needs Debian's Chromium (``sudo apt-get install chromium``); without it the test skips and says
so, unless ``XENT_REQUIRE_BROWSER=1`` (set by CI), which turns the skip into a failure.
"""

import base64
import contextlib
import json
import os
import pathlib
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import headless  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
NOTEBOOKS += sorted((ROOT / "notebooks" / "zh").glob("[0-9][0-9]_*.ipynb"))  # the Chinese edition
ARTIFACTS = ROOT / "test-artifacts" / "browser"
KEY_PRESSES = 9  # per notebook, alternating right and left, for the latency figures
# (width, height) of the windows a student is likely to have: a small laptop and a projector.
WINDOWS = [(1024, 768), (1920, 1080)]
PIXEL_RATIOS = [1, 2]
LATENCY_AT = (1920, 1080, 2)  # window and pixel ratio of the latency figures


def _where(notebook):
    """The notebook's path under notebooks/ ("zh/00_start_here.ipynb") and a flat name for files and ids."""
    path = notebook.relative_to(ROOT / "notebooks").as_posix()
    return path, path.removesuffix(".ipynb").replace("/", "-")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise TimeoutError(f"timed out after {timeout} s waiting for {what}")


def _server_ready(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab from this environment on 127.0.0.1, a random port and token, a temporary workspace."""
    headless.require()
    home = tmp_path_factory.mktemp("jupyterlab")
    workspace = home / "course"
    workspace.mkdir()
    for notebook in NOTEBOOKS:
        (workspace / _where(notebook)[0]).parent.mkdir(exist_ok=True)
        shutil.copy(notebook, workspace / _where(notebook)[0])
    config = home / "config"
    (config / "labconfig").mkdir(parents=True)
    # The news announcements would fetch a remote feed and pop up a toast over the notebook.
    (config / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}})
    )
    # Lay out every cell instead of skipping the painting of off-screen ones ("contentVisibility",
    # the default), so that element screenshots capture the element and not what scrolled past.
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    port, token = _free_port(), secrets.token_hex(16)
    # The kernels import this checkout's modules (an editable install may point elsewhere).
    pythonpath = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(config), JUPYTER_RUNTIME_DIR=str(home / "runtime"), PYTHONPATH=pythonpath)
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={workspace}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}", f"--LabApp.user_settings_dir={home / 'settings'}",
        "--LabApp.expose_app_in_browser=True", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ] + (["--allow-root"] if os.geteuid() == 0 else [])
    log = (home / "server.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until(lambda: server.poll() is None and _server_ready(f"{base}/api/status?token={token}"), 60, "JupyterLab to start")
        yield {"base": base, "token": token}
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(lab):
    with headless.launched() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def latencies():
    """Collects each notebook's key-press-to-frame times; written out when the module ends."""
    figures = {}
    yield figures
    if figures:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        lines = ["| notebook | median ms | worst ms |", "|---|---:|---:|"]
        lines += [f"| {name} | {statistics.median(ms):.0f} | {max(ms):.0f} |" for name, ms in figures.items()]
        everything = [value for ms in figures.values() for value in ms]
        lines.append(f"| all {len(figures)} notebooks | {statistics.median(everything):.0f} | {max(everything):.0f} |")
        (ARTIFACTS / "latency.md").write_text("\n".join(lines) + "\n")


# Resolves with the milliseconds from the next keydown on the main slider to the new frame
# being decoded and painted, or null after 10 s.
WATCH_NEXT_FRAME = """() => {
    const root = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .xent-main');
    const image = root.querySelector('img');
    const handle = root.querySelector('.noUi-handle');
    window.__xentFrame = new Promise(resolve => {
        let pressed = null;
        handle.addEventListener('keydown', () => { pressed = performance.now(); }, {once: true, capture: true});
        const observer = new MutationObserver(async () => {
            observer.disconnect();
            await image.decode();
            requestAnimationFrame(() => resolve(pressed === null ? null : performance.now() - pressed));
        });
        observer.observe(image, {attributes: true, attributeFilter: ['src']});
        setTimeout(() => { observer.disconnect(); resolve(null); }, 10000);
    });
}"""


# Whatever of an answer the open notebook shows: "Correct:" in any output or text not collapsed,
# or in a collapsed one's placeholder if shown; of each cell tagged `solution`, its source unless collapsed
# (then the placeholder's one line must be a comment), and its outputs unless collapsed. Read
# from the cells' models and placeholders, so that it does not depend on what is scrolled into view.
VISIBLE_ANSWERS = """() => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    const problems = [];
    const placeholder = (cell, kind) => {
        const text = cell.node.querySelector(`.jp-${kind}Placeholder .jp-PlaceholderText`);
        return text && text.checkVisibility() ? text.textContent : '';
    };
    notebook.widgets.forEach((cell, index) => {
        let shown = cell.inputHidden ? placeholder(cell, 'Input') : cell.model.sharedModel.getSource();
        if (cell.model.type === 'markdown' && !cell.inputHidden) shown = cell.node.textContent;
        if (cell.model.type === 'code') {
            shown += '\\n' + (cell.outputHidden ? placeholder(cell, 'Output') : JSON.stringify(cell.model.outputs.toJSON()));
        }
        if (shown.includes('Correct:')) problems.push(`"Correct:" is visible in cell ${index}`);
        if (!(cell.model.getMetadata('tags') || []).includes('solution')) return;
        if (!cell.inputHidden) problems.push(`solution cell ${index} shows its source`);
        else if (!placeholder(cell, 'Input').trim().startsWith('#')) {
            problems.push(`solution cell ${index} shows its first line ${JSON.stringify(placeholder(cell, 'Input'))}`);
        }
        if (cell.model.outputs.length && !cell.outputHidden) problems.push(`solution cell ${index} shows its output`);
    });
    return problems;
}"""

# After Run All JupyterLab shows every output, a collapsed solution's too (running a cell
# expands its outputs): each solution's verdict must keep its answer behind a click, in a closed
# <details> whose summary holds no "Correct:". Read from the outputs JupyterLab renders (HTML before
# plain text) and from the page, so that it does not depend on what is scrolled into view.
ANSWERS_AFTER_RUN = """() => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    const problems = [];
    notebook.widgets.forEach((cell, index) => {
        if (cell.model.type !== 'code' || !(cell.model.getMetadata('tags') || []).includes('solution')) return;
        if (!cell.inputHidden) problems.push(`solution cell ${index} shows its source after Run All`);
        for (const output of cell.model.outputs.toJSON()) {
            const data = output.data || {};
            const html = [].concat(data['text/html'] || []).join('');
            const shown = html || [].concat(data['text/plain'] || output.text || []).join('');
            const summary = (html.match(/<summary>([\\s\\S]*?)<\\/summary>/) || ['', ''])[1];
            if (shown.includes('Correct:') && (!html.startsWith('<details') || summary.includes('Correct:'))) {
                problems.push(`solution cell ${index} shows its verdict after Run All: ${shown.slice(0, 80)}`);
            }
        }
        if (cell.node.querySelector('.jp-OutputArea details[open]')) problems.push(`solution cell ${index} opens its answer`);
    });
    return problems;
}"""

# Sizes of what the student sees: every output image, and each live figure with its controls,
# against the notebook's visible area. Returns a list of problems.
LAYOUT_PROBLEMS = """() => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    const dpr = window.devicePixelRatio;
    const problems = [];
    const viewport = panel.querySelector('.jp-WindowedPanel-outer') || panel.querySelector('.jp-Notebook');
    const area = viewport.getBoundingClientRect();
    panel.querySelectorAll('.jp-OutputArea-output img').forEach((img, index) => {
        const width = img.getBoundingClientRect().width;
        if (img.naturalWidth && width * dpr > img.naturalWidth + 1) {
            problems.push(`image ${index} is upscaled: ${width.toFixed(0)} CSS px x ${dpr} > ${img.naturalWidth} px`);
        }
    });
    panel.querySelectorAll('.xent-explorer').forEach((explorer, index) => {
        const img = explorer.querySelector('img');
        const box = explorer.getBoundingClientRect(), picture = img.getBoundingClientRect();
        const natural = parseFloat(img.getAttribute('width'));
        if (picture.width > natural + 1) {
            problems.push(`live figure ${index} is ${picture.width.toFixed(0)} px wide, more than its natural ${natural} px`);
        }
        if (box.height > area.height) {
            problems.push(`live figure ${index} with its sliders is ${box.height.toFixed(0)} px high, the notebook shows ${area.height.toFixed(0)} px`);
        }
        if (picture.right > area.right + 1) {
            problems.push(`live figure ${index} runs past the notebook's right edge`);
        }
    });
    panel.querySelectorAll('.jp-Cell table, .jp-Cell .jp-OutputArea-output img').forEach(element => {
        const holder = element.closest('.jp-OutputArea-output, .jp-RenderedHTMLCommon, .jp-Cell');
        const own = element.getBoundingClientRect(), room = holder.getBoundingClientRect();
        // The element itself, or anything in it (a long formula in a table cell), past the holder's edge.
        const widest = Math.max(own.right, ...[...element.querySelectorAll('*')].map(inner => inner.getBoundingClientRect().right));
        if (own.width > 0 && widest > room.right + 1) {
            const cell = [...panel.querySelectorAll('.jp-Cell')].indexOf(element.closest('.jp-Cell'));
            const text = element.innerText.replace(/\\s+/g, ' ').slice(0, 60);
            problems.push(`a ${element.tagName.toLowerCase()} in cell ${cell} ("${text}") reaches ${(widest - room.left).toFixed(0)} px, its cell is ${room.width.toFixed(0)} px wide`);
        }
    });
    return problems;
}"""

# A fingerprint of the main figure's current pixels (decoded at natural size).
FRAME_FINGERPRINT = """async () => {
    const img = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .xent-main img');
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    for (let i = 0; i < data.length; i += 1) hash = (Math.imul(hash, 31) + data[i]) | 0;
    return `${canvas.width}x${canvas.height}:${hash}`;
}"""


def _explorer_count(notebook):
    """How many live figures the committed notebook displays (their text line says so)."""
    cells = json.loads(notebook.read_text())["cells"]
    texts = ["".join(out.get("data", {}).get("text/plain", "")) for cell in cells for out in cell.get("outputs", [])]
    return sum(text.startswith("<interactive figure") for text in texts)


def _windows():
    return [(width, height, ratio) for width, height in WINDOWS for ratio in PIXEL_RATIOS]


def _resize(page, devtools, width, height, ratio):
    """The window's size and device pixel ratio, switched in place (no reload), and laid out again."""
    devtools.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": ratio, "mobile": False})
    page.wait_for_function("([w, h, r]) => window.innerWidth === w && window.innerHeight === h && window.devicePixelRatio === r",
                           arg=[width, height, ratio])
    # Lumino lays out on the resize event; two frames later the notebook has its new size.
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_timeout(150)


def _screenshot(devtools, path, box=None):
    """The window (or a box of it, in CSS pixels) at the emulated size and pixel ratio."""
    options = {"format": "png"}
    if box:
        options["clip"] = {"x": box["x"], "y": box["y"], "width": box["width"], "height": box["height"], "scale": 1}
    path.write_bytes(base64.b64decode(devtools.send("Page.captureScreenshot", options)["data"]))


def _press(page, handle, key):
    """Press an arrow key on the slider; the milliseconds to the new frame, or None after 10 s."""
    page.evaluate(WATCH_NEXT_FRAME)
    handle.focus()
    handle.press(key)
    return page.evaluate("window.__xentFrame")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[_where(path)[1] for path in NOTEBOOKS])
def test_notebook_looks_right_runs_and_its_main_slider_moves_the_plot(notebook, lab, browser, latencies):
    page = browser.new_page(viewport={"width": WINDOWS[0][0], "height": WINDOWS[0][1]})
    devtools = page.context.new_cdp_session(page)
    # Faults that need a notebook helper rather than this machinery: reported together at the end,
    # after every other check has run.
    seen = []
    try:
        # A workspace of its own, reset, so that JupyterLab does not reopen earlier notebooks.
        page.goto(f"{lab['base']}/lab/workspaces/{_where(notebook)[1]}/tree/{_where(notebook)[0]}?reset&token={lab['token']}")
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget "
                               "&& window.jupyterapp.shell.currentWidget.sessionContext", timeout=60_000)
        page.evaluate("async () => { const panel = window.jupyterapp.shell.currentWidget; await panel.context.ready; "
                      "await panel.revealed; }")
        page.wait_for_function("() => { const nb = window.jupyterapp.shell.currentWidget.content; "
                               "return nb.widgets.length === nb.model.cells.length && nb.widgets.length > 0; }")
        for width, height, ratio in _windows():
            _resize(page, devtools, width, height, ratio)
            seen += [f"fresh at {width}x{height}@{ratio}x: {problem}" for problem in page.evaluate(VISIBLE_ANSWERS)]

        page.evaluate(headless.RUN_ALL)
        page.wait_for_function(headless.FINISHED, timeout=180_000, polling=200)
        assert page.evaluate(headless.ERRORS) == [], "a cell raised"
        seen += [f"after Run All: {problem}" for problem in page.evaluate(ANSWERS_AFTER_RUN)]

        panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
        explorers = panel.locator(".xent-explorer")
        expected = _explorer_count(notebook)
        assert expected >= 1, "the committed notebook shows no live figure"
        explorers.nth(expected - 1).wait_for(timeout=30_000)
        assert explorers.count() == expected
        assert panel.get_by_text("Error displaying widget").count() == 0
        page.wait_for_function("() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .xent-explorer img')]"
                               ".every(img => img.complete && img.naturalWidth > 0)")
        sliders = panel.locator(".xent-explorer .widget-slider")
        assert sliders.count() >= expected
        for index in range(sliders.count()):
            box = sliders.nth(index).bounding_box()
            assert box and box["width"] > 50 and box["height"] > 5, f"slider {index} did not render"

        main = panel.locator(".xent-main")
        assert main.count() == 1, "exactly one main explorer per notebook"
        readout, handle = main.locator(".widget-html-content"), main.locator(".noUi-handle").first
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        layout = []
        for width, height, ratio in _windows():
            _resize(page, devtools, width, height, ratio)
            layout += [f"at {width}x{height}@{ratio}x: {problem}" for problem in page.evaluate(LAYOUT_PROBLEMS)]
            main.evaluate("element => element.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(100)
            if ratio == max(PIXEL_RATIOS):
                _screenshot(devtools, ARTIFACTS / f"{_where(notebook)[1]}-{width}x{height}.png")
            if (width, height, ratio) == LATENCY_AT:  # the main slider alone, as in the README
                _screenshot(devtools, ARTIFACTS / f"{_where(notebook)[1]}-main.png", main.bounding_box())
            text, pixels = readout.inner_text(), page.evaluate(FRAME_FINGERPRINT)
            where = f"at {width}x{height}@{ratio}x"
            assert _press(page, handle, "ArrowRight") is not None, f"{where}: no new frame within 10 s of a key press"
            page.wait_for_function("([el, old]) => el.innerText !== old", arg=[readout.element_handle(), text])
            assert page.evaluate(FRAME_FINGERPRINT) != pixels, f"{where}: the plot's pixels did not change"
            assert _press(page, handle, "ArrowLeft") is not None, f"{where}: no new frame within 10 s of a key press"

        _resize(page, devtools, *LATENCY_AT)
        main.evaluate("element => element.scrollIntoView({block: 'start'})")
        times = []
        for press in range(KEY_PRESSES):
            page.evaluate(WATCH_NEXT_FRAME)
            handle.focus()
            handle.press("ArrowRight" if press % 2 == 0 else "ArrowLeft")
            times.append(page.evaluate("window.__xentFrame"))
        assert None not in times, f"a key press produced no frame: {times}"
        latencies[_where(notebook)[1]] = times
        assert layout == [], "\n".join(layout)
        assert seen == [], "an answer is visible:\n" + "\n".join(seen)
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(Exception):
            page.screenshot(path=ARTIFACTS / f"FAILED-{_where(notebook)[1]}.png", full_page=True)
        raise
    finally:
        with contextlib.suppress(Exception):
            page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
        page.close()
