"""Open every notebook in JupyterLab in a real headless Chromium, run it, and move its main slider.

nbval proves the kernel side; this proves what a student sees: every cell runs without an
error, every slider renders, and pressing an arrow key on a notebook's main slider changes the
plot's pixels and the readout. It also measures, in the browser, the time from the key press to
the new frame being decoded, and writes the figures and a screenshot of each main slider under
``test-artifacts/browser/`` (a benchmark, not an assertion).

Needs Debian's Chromium (``sudo apt-get install chromium``); without it the test skips and says
so, unless ``XENT_REQUIRE_BROWSER=1`` (set by CI), which turns the skip into a failure.
"""

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

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
NOTEBOOKS += sorted((ROOT / "notebooks" / "zh").glob("[0-9][0-9]_*.ipynb"))  # the Chinese edition
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
KEY_PRESSES = 9  # per notebook, alternating right and left, for the latency figures
# Chromium finds no network here and in CI; these stop it from trying (and from retrying).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
    "--disable-extensions", "--metrics-recording-only", "--no-default-browser-check",
]


def _where(notebook):
    """The notebook's path under notebooks/ ("zh/00_start_here.ipynb") and a flat name for files and ids."""
    where = notebook.relative_to(ROOT / "notebooks").as_posix()
    return where, where.removesuffix(".ipynb").replace("/", "-")


def _require_chromium():
    if pathlib.Path(CHROMIUM).exists():
        return
    message = "Chromium not found: install it with `sudo apt-get install chromium` to run the browser test."
    if os.environ.get("XENT_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


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
    _require_chromium()
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
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(config), JUPYTER_RUNTIME_DIR=str(home / "runtime"))
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
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


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


RUN_ALL = """async () => {
    const app = window.jupyterapp;
    const panel = app.shell.currentWidget;
    await panel.context.ready;
    await panel.sessionContext.ready;
    await app.commands.execute('notebook:clear-all-cell-outputs');
    await app.commands.execute('notebook:run-all-cells');
}"""

# Done when every code cell has an execution count and the kernel is idle.
FINISHED = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    const cells = panel.content.widgets.filter(cell => cell.model.type === 'code');
    return !!kernel && kernel.status === 'idle' && cells.every(cell => cell.model.executionCount !== null);
}"""

ERRORS = """() => window.jupyterapp.shell.currentWidget.content.widgets
    .filter(cell => cell.model.type === 'code')
    .flatMap(cell => cell.model.outputs.toJSON())
    .filter(output => output.output_type === 'error')
    .map(output => `${output.ename}: ${output.evalue}`)"""

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


def _explorer_count(notebook):
    """How many live figures the committed notebook displays (their text line says so)."""
    cells = json.loads(notebook.read_text())["cells"]
    texts = ["".join(out.get("data", {}).get("text/plain", "")) for cell in cells for out in cell.get("outputs", [])]
    return sum(text.startswith("<interactive figure") for text in texts)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[_where(path)[1] for path in NOTEBOOKS])
def test_notebook_runs_and_its_main_slider_moves_the_plot(notebook, lab, browser, latencies):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    where, name = _where(notebook)
    try:
        # A workspace of its own, reset, so that JupyterLab does not reopen earlier notebooks.
        page.goto(f"{lab['base']}/lab/workspaces/{name}/tree/{where}?reset&token={lab['token']}")
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget "
                               "&& window.jupyterapp.shell.currentWidget.sessionContext", timeout=60_000)
        page.evaluate(RUN_ALL)
        page.wait_for_function(FINISHED, timeout=180_000, polling=200)
        assert page.evaluate(ERRORS) == [], "a cell raised"

        panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
        explorers = panel.locator(".xent-explorer")
        expected = _explorer_count(notebook)
        assert expected >= 1, "the committed notebook shows no live figure"
        explorers.nth(expected - 1).wait_for(timeout=30_000)
        assert explorers.count() == expected
        assert panel.get_by_text("Error displaying widget").count() == 0
        sliders = panel.locator(".xent-explorer .widget-slider")
        assert sliders.count() >= expected
        for index in range(sliders.count()):
            box = sliders.nth(index).bounding_box()
            assert box and box["width"] > 50 and box["height"] > 5, f"slider {index} did not render"

        main = panel.locator(".xent-main")
        assert main.count() == 1, "exactly one main explorer per notebook"
        main.scroll_into_view_if_needed()
        image, readout, handle = main.locator("img"), main.locator(".widget-html-content"), main.locator(".noUi-handle").first
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        main.screenshot(path=ARTIFACTS / f"{name}.png")
        pixels, text = image.screenshot(), readout.inner_text()

        times = []
        for press in range(KEY_PRESSES):
            page.evaluate(WATCH_NEXT_FRAME)
            handle.focus()
            handle.press("ArrowRight" if press % 2 == 0 else "ArrowLeft")
            times.append(page.evaluate("window.__xentFrame"))
            if press == 0:
                assert times[0] is not None, "no new frame within 10 s of the key press"
                page.wait_for_function("([el, old]) => el.innerText !== old", arg=[readout.element_handle(), text])
                assert image.screenshot() != pixels, "the plot's pixels did not change"
        assert None not in times, f"a key press produced no frame: {times}"
        latencies[name] = times
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(Exception):
            page.screenshot(path=ARTIFACTS / f"FAILED-{name}.png", full_page=True)
        raise
    finally:
        with contextlib.suppress(Exception):
            page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
        page.close()
