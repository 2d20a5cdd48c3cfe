"""Headless Chromium for every test that opens the course in a browser.

The notebooks in JupyterLab (``test_in_browser.py``, the slides, the class hub), the static site
(``test_site.py``) and the in-browser edition (``lite/test_lite.py``) all start Debian's Chromium
through Playwright the same way: :data:`CHROMIUM`, the flags in :data:`ARGS`, :func:`require`
and :func:`launched`.
"""

import contextlib
import os
import pathlib
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium finds no network here and in CI; these stop it from trying (and from retrying).
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
    "--disable-extensions", "--metrics-recording-only", "--no-default-browser-check",
]


def require(strict=False):
    """Skip the test where Chromium is missing (a student's ``make test``), saying how to install it.

    It fails instead under ``XENT_REQUIRE_BROWSER=1`` (CI) or with ``strict=True`` (the targets
    whose only purpose is the browser, such as ``make test-site``).
    """
    if pathlib.Path(CHROMIUM).exists():
        return
    message = "Chromium not found: install it with `sudo apt-get install chromium` to run the browser tests."
    if strict or os.environ.get("XENT_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


@contextlib.contextmanager
def launched():
    """A headless Chromium (a Playwright ``Browser``), closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


# Scripts for a page showing a notebook in JupyterLab or JupyterLite (``window.jupyterapp``,
# which the course's settings and JupyterLite expose).
RUN_ALL = """async () => {
    const app = window.jupyterapp;
    const panel = app.shell.currentWidget;
    await panel.context.ready;
    await panel.sessionContext.ready;
    await app.commands.execute('notebook:clear-all-cell-outputs');
    await app.commands.execute('notebook:run-all-cells');
}"""

# Done when the kernel is idle and every code cell has run, or one raised: Run All stops at a cell
# that raises, and the cells after it never run.
FINISHED = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    const cells = panel.content.widgets.filter(cell => cell.model.type === 'code');
    const raised = cells.some(cell => cell.model.outputs.toJSON().some(output => output.output_type === 'error'));
    return !!kernel && kernel.status === 'idle' && (raised || cells.every(cell => cell.model.executionCount !== null));
}"""

# Each error output as "ename: evalue" and the last lines of its traceback.
ERRORS = """() => window.jupyterapp.shell.currentWidget.content.widgets
    .filter(cell => cell.model.type === 'code')
    .flatMap(cell => cell.model.outputs.toJSON())
    .filter(output => output.output_type === 'error')
    .map(output => `${output.ename}: ${output.evalue}\\n` + output.traceback.slice(-3).join('\\n').replace(/\\x1b\\[[0-9;]*m/g, ''))"""
