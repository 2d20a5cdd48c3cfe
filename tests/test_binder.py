"""Binder builds the course from ``environment.yml``: asked of repo2docker, Binder's own builder.

repo2docker (``requirements-hub.txt``) tries its build packs in order and uses the first that
detects the repository; this checks that it is the conda one, reading ``environment.yml`` (no
``binder/`` folder or Dockerfile overrides it), with Python 3.11, and that it installs that file
only after the whole repository is copied in (its ``-r requirements.txt`` and ``-e .`` are local
files), and that the README's badge opens notebook 00 in JupyterLab. Run by ``make test-hub``.
"""

import re
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
repo2docker_app = pytest.importorskip("repo2docker.app", reason="`make test-hub` installs repo2docker")


@pytest.fixture
def build_pack(monkeypatch):
    monkeypatch.chdir(ROOT)  # repo2docker looks at the current directory
    for pack_class in repo2docker_app.Repo2Docker().buildpacks:
        pack = pack_class("buildpack-deps:jammy")
        if pack.detect():
            pack.platform = "linux/amd64"
            return pack
    pytest.fail("repo2docker detects no build pack")


def test_repo2docker_builds_from_environment_yml(build_pack):
    assert type(build_pack).__name__ == "CondaBuildPack"
    assert build_pack.environment_yaml_path == "environment.yml"
    assert build_pack.python_version == "3.11"
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()


def test_it_installs_the_environment_with_the_repository_in_place(build_pack):
    assert build_pack._should_preassemble_env is False  # -r requirements.txt and -e . are local
    dockerfile = build_pack.render()
    updates = re.findall(r"env update -p \S+ --file \"(\S+)\"", dockerfile)
    assert updates == ["environment.yml"]
    assert dockerfile.index("COPY --chown=") < dockerfile.index("env update -p")


def test_the_readme_has_a_binder_badge_that_opens_notebook_00_in_jupyterlab():
    readme = (ROOT / "README.md").read_text()
    badge = re.search(r"\[!\[Binder\]\([^)]+\)\]\((https://mybinder\.org/v2/gh/[^)]+)\)", readme)
    assert badge, "no Binder badge in the README"
    assert badge.group(1).endswith("?urlpath=lab/tree/notebooks/00_start_here.ipynb")
