"""Serve the course the way a class gets it: JupyterHub + an nbgitpuller link, end to end in Chromium.

JupyterHub (from PyPI, ``requirements-hub.txt``) runs on 127.0.0.1 with the course's
``docs/hub/jupyterhub_config.py`` plus a dummy authenticator and a local spawner, behind
configurable-http-proxy (from npm). A student opens an nbgitpuller link that clones the
repository (its committed HEAD, from a local path) into ``~/xent``, logs in, lands in JupyterLab
on a notebook, runs it and moves its main slider. The test writes how long each step took and
the memory the student's server and kernel use to ``test-artifacts/hub/hub.md``.

Run by ``make test-hub`` (which installs what it needs); skipped by a plain ``make test``.
"""

import contextlib
import importlib.util
import json
import os
import pathlib
import secrets
import subprocess
import sys
import time
import urllib.parse

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "hub"
PROXY = ROOT / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
NOTEBOOK = "07_cross_entropy_for_classification.ipynb"

if os.environ.get("XENT_CLASSROOM") != "1":
    pytest.skip("run by `make test-hub`", allow_module_level=True)

# The browser test's Chromium, its flags and its JupyterLab scripts, reused rather than copied.
_spec = importlib.util.spec_from_file_location("xent_in_browser", ROOT / "tests" / "test_in_browser.py")
in_browser = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(in_browser)

TEST_CONFIG = """
import sys
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {home!r}
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.args = ["--LabApp.expose_app_in_browser=True", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"] + {root_args!r}
c.Spawner.environment = {{"JUPYTER_CONFIG_DIR": {jupyter_config!r}}}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.db_url = "sqlite:///{work}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{work}/cookie_secret"
"""


def _tree_rss_mb(pid):
    import psutil

    processes = [psutil.Process(pid)] + psutil.Process(pid).children(recursive=True)
    return sum(process.memory_info().rss for process in processes) / 2**20


def _singleuser_pid(home):
    import psutil

    for process in psutil.process_iter(["cmdline", "cwd"]):
        with contextlib.suppress(psutil.Error):
            if "jupyterhub.singleuser" in " ".join(process.info["cmdline"] or []) and process.info["cwd"] == str(home):
                return process.pid
    raise LookupError("no single-user server running in " + str(home))


@pytest.fixture
def hub(tmp_path):
    in_browser.headless.require()
    assert PROXY.exists(), "configurable-http-proxy missing: `make test-hub` installs it from npm"
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "init", "--quiet", "--bare", str(origin)], check=True)
    subprocess.run(["git", "-C", str(ROOT), "push", "--quiet", str(origin), "HEAD:refs/heads/main"], check=True)
    jupyter_config = tmp_path / "jupyter-config"
    (jupyter_config / "labconfig").mkdir(parents=True)
    (jupyter_config / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
    port, password = in_browser._free_port(), secrets.token_hex(8)
    config = (ROOT / "docs" / "hub" / "jupyterhub_config.py").read_text() + TEST_CONFIG.format(
        password=password, home=str(tmp_path / "home" / "{username}"), port=port,
        hub_port=in_browser._free_port(), api_port=in_browser._free_port(), proxy=str(PROXY),
        work=tmp_path, jupyter_config=str(jupyter_config),
        root_args=["--allow-root"] if os.geteuid() == 0 else [])
    (tmp_path / "jupyterhub_config.py").write_text(config)
    env = dict(os.environ, PATH=f"{pathlib.Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    log = (tmp_path / "hub.log").open("w")
    started = time.monotonic()
    server = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(tmp_path / "jupyterhub_config.py")],
                              cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        in_browser._wait_until(lambda: server.poll() is None and in_browser._server_ready(f"{base}/hub/api"), 90, "JupyterHub to start")
        yield {"base": base, "origin": origin, "password": password, "home": tmp_path / "home",
               "startup": time.monotonic() - started, "log": tmp_path / "hub.log"}
    finally:
        server.terminate()  # JupyterHub stops the proxy and the servers it spawned
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_a_student_follows_an_nbgitpuller_link_runs_the_notebook_and_moves_its_slider(hub):
    link = f"{hub['base']}/hub/user-redirect/git-pull?" + urllib.parse.urlencode({
        "repo": f"file://{hub['origin']}", "branch": "main", "targetpath": "xent",
        "urlpath": f"lab/tree/xent/notebooks/{NOTEBOOK}"})
    timings = {"JupyterHub and its proxy start": hub["startup"]}
    with in_browser.headless.launched() as chromium:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        try:
            clicked = time.monotonic()
            page.goto(link)
            page.fill("input[name=username]", "student1")
            page.fill("input[name=password]", hub["password"])
            page.click("input[type=submit], button[type=submit]")
            page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget "
                                   "&& window.jupyterapp.shell.currentWidget.sessionContext", timeout=180_000)
            timings["link clicked to the notebook open (log in, spawn, clone)"] = time.monotonic() - clicked
            assert (hub["home"] / "student1" / "xent" / "notebooks" / NOTEBOOK).exists()
            assert page.evaluate("() => window.jupyterapp.shell.currentWidget.context.path") == f"xent/notebooks/{NOTEBOOK}"

            ran = time.monotonic()
            page.evaluate(in_browser.headless.RUN_ALL)
            page.wait_for_function(in_browser.headless.FINISHED, timeout=180_000, polling=200)
            timings["the notebook run (kernel start included)"] = time.monotonic() - ran
            assert page.evaluate(in_browser.headless.ERRORS) == [], "a cell raised"

            main = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .xent-main")
            main.wait_for(timeout=30_000)
            main.scroll_into_view_if_needed()
            image, handle = main.locator("img"), main.locator(".noUi-handle").first
            page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
            before = image.get_attribute("src")
            moved = time.monotonic()
            handle.focus()
            handle.press("ArrowRight")
            page.wait_for_function("([img, old]) => img.getAttribute('src') !== old", arg=[image.element_handle(), before], timeout=10_000)
            timings["arrow key to a new frame"] = time.monotonic() - moved
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=ARTIFACTS / "hub_notebook.png")
            memory = _tree_rss_mb(_singleuser_pid(hub["home"] / "student1"))
        except Exception:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(Exception):
                page.screenshot(path=ARTIFACTS / "FAILED-hub.png", full_page=True)
            raise
    lines = ["| step | seconds |", "|---|---:|"] + [f"| {step} | {seconds:.1f} |" for step, seconds in timings.items()]
    lines.append(f"\nMemory of one active student (single-user server + kernel, RSS): {memory:.0f} MB")
    (ARTIFACTS / "hub.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    assert memory < 512, "a student needs more memory than docs/hub/jupyterhub_config.py's mem_limit"
