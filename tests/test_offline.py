"""The course needs no network and gives the same text every time it runs.

Two checks: no notebook or module refers to a remote resource (image, script, download), and
every notebook, executed in a fresh kernel with networking cut off (a new network namespace,
``unshare -n``, where the machine permits it), prints the same text as its committed outputs.
With nbval's run (online) that makes two fresh runs that must print the same text: the course
is deterministic as well as offline.
"""

import configparser
import json
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
MODULES = sorted(ROOT.glob("xent_*.py")) + sorted(ROOT.glob("xent_*/*.py"))
REMOTE = re.compile(
    r"!\[[^\]]*\]\(\s*(https?:)?//"  # markdown image
    r"|<(img|script|iframe|link|video|audio|source)\b[^>]*\b(src|href)\s*=\s*[\"']?(https?:)?//"  # HTML resource
    r"|\b(urllib|requests|httpx|urlretrieve|urlopen|http\.client|fetch_openml|load_dataset)\b",  # a download
    re.IGNORECASE,
)


def _cells(notebook):
    return json.loads(notebook.read_text())["cells"]


def _sanitizers():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "tests" / "sanitize.cfg")
    return [(re.compile(section["regex"]), section["replace"]) for section in map(parser.__getitem__, parser.sections())]


def text_outputs(cells):
    """What nbval compares, per code cell: streams (joined), text/plain and text/html, sanitized."""
    sanitizers = _sanitizers()

    def clean(text):
        text = "".join(text) if isinstance(text, list) else text
        for pattern, replacement in sanitizers:
            text = pattern.sub(replacement, text)
        return text

    result = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        texts = []
        for output in cell.get("outputs", []):
            if output["output_type"] == "stream":
                # A stream arrives in chunks that depend on timing; nbval joins them too.
                text = clean(output["text"])
                if texts and texts[-1][0] == output["name"]:
                    texts[-1] = (output["name"], texts[-1][1] + text)
                else:
                    texts.append((output["name"], text))
            elif output["output_type"] == "error":
                texts.append(("error", output["ename"]))
            else:
                texts += [(mime, clean(output["data"][mime])) for mime in ("text/plain", "text/html") if mime in output.get("data", {})]
        result.append(texts)
    return result


@pytest.mark.parametrize("path", NOTEBOOKS + MODULES, ids=lambda path: path.name)
def test_no_remote_resources(path):
    if path.suffix == ".ipynb":
        sources = ["".join(cell["source"]) for cell in _cells(path)]
        sources += [
            "".join(output.get("data", {}).get(mime, ""))
            for cell in _cells(path) for output in cell.get("outputs", []) for mime in ("text/html", "text/markdown")
        ]
    else:
        sources = [path.read_text()]
    found = [match.group(0) for source in sources for match in REMOTE.finditer(source)]
    assert found == [], f"{path.name} refers to remote resources: {found}"


def _network_cut_off_prefix():
    """The command prefix that runs a process without network, or None where not permitted."""
    if shutil.which("unshare") and shutil.which("ip"):
        probe = subprocess.run(["unshare", "-n", "ip", "link", "set", "lo", "up"], capture_output=True)
        if probe.returncode == 0:
            # Inside the namespace only loopback exists (the kernel talks to its client over it).
            return ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "sh"]
    return None


RUN_OFFLINE = """
import concurrent.futures, json, sys
import nbclient, nbformat

def execute(path):
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.rsplit("/", 1)[0])}}).execute()
    return path, notebook["cells"]

with concurrent.futures.ProcessPoolExecutor(2) as pool:
    json.dump(dict(pool.map(execute, sys.argv[2:])), open(sys.argv[1], "w"))
"""


@pytest.fixture(scope="module")
def executed_offline(tmp_path_factory):
    output = tmp_path_factory.mktemp("offline") / "runs.json"
    prefix = _network_cut_off_prefix()
    command = (prefix or []) + [sys.executable, "-c", RUN_OFFLINE, str(output)] + [str(path) for path in NOTEBOOKS]
    subprocess.run(command, check=True, cwd=ROOT / "notebooks")
    return prefix is not None, json.loads(output.read_text())


def test_networking_is_cut_off_where_the_machine_permits(executed_offline):
    network_cut, _ = executed_offline
    if not network_cut:
        pytest.skip("this machine does not permit `unshare -n`: the notebooks ran with networking; "
                    "test_no_remote_resources still checks that they refer to nothing remote")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_an_offline_run_prints_the_committed_text(notebook, executed_offline):
    _, runs = executed_offline
    offline = text_outputs(runs[str(notebook)])
    assert offline == text_outputs(_cells(notebook)), "an offline run printed other text than the committed outputs"
