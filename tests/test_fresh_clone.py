"""A fresh clone with nothing installed runs the notebooks: what nbgitpuller, Binder and Colab give.

The kernel starts in ``notebooks/`` and the course modules live at the root of the repository;
``notebooks/`` holds tracked symbolic links to them (``xent_core.py -> ../xent_core.py``, ...),
so ``import xent_core`` finds them from the kernel's working directory, with no ``pip install``.
This test clones the repository (its committed HEAD), starts a kernel in the clone's
``notebooks/`` from which the editable install of this environment is removed, runs notebook
00 top to bottom there, and checks that the modules came from the clone.
"""

import json
import pathlib
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODULES = ["xent_core", "xent_notes", "xent_widgets", "xent_exercises"]
# The kernel of a machine where the course was never installed: the editable install's finder
# and any path into this checkout are dropped before ipykernel starts.
NO_INSTALL = (
    "import sys; "
    "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in getattr(f, '__module__', '').lower()]; "
    f"sys.path[:] = [p for p in sys.path if p.rstrip('/') != {str(ROOT)!r}]; "
    "from ipykernel import kernelapp; kernelapp.launch_new_instance()"
)


def test_every_module_has_a_tracked_link_in_notebooks():
    for name in ["xent_core.py", "xent_notes.py", "xent_widgets", "xent_exercises"]:
        listed = subprocess.run(["git", "ls-files", "-s", f"notebooks/{name}"], cwd=ROOT, capture_output=True, text=True)
        if listed.returncode:
            pytest.skip("not a git checkout")
        assert listed.stdout.startswith("120000 "), f"notebooks/{name} is not a tracked symbolic link"
        assert (ROOT / "notebooks" / name).resolve() == (ROOT / name).resolve()


def test_a_fresh_clone_runs_a_notebook_without_installing_the_course(tmp_path, monkeypatch):
    clone = tmp_path / "clone"
    if subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], capture_output=True).returncode:
        pytest.skip("not a git checkout")
    spec = tmp_path / "jupyter" / "kernels" / "noinstall"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-c", NO_INSTALL, "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "no install", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))

    notebooks = clone / "notebooks"
    nb = nbformat.read(notebooks / "00_start_here.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "import sys\n"
        "assert not any('editable' in getattr(f, '__module__', '').lower() for f in sys.meta_path)\n"
        f"print([sys.modules[name].__file__ for name in {MODULES!r}])"
    ))
    NotebookClient(nb, kernel_name="noinstall", timeout=120, resources={"metadata": {"path": str(notebooks)}}).execute()
    files = eval(nb.cells[-1].outputs[0]["text"])
    for name, file in zip(MODULES, files):
        assert pathlib.Path(file).parent in (notebooks, notebooks / name), f"{name} imported from {file}"
