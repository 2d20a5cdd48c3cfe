"""Give every notebook the slide metadata a presenter needs, and nothing else.

    python tools/slides.py            # rewrite notebooks/NN_*.ipynb in place (idempotent)
    python tools/slides.py --check    # exit 1 and name the cells whose metadata differs

The rule (jupyterlab-slideshow and JupyterLab's slide type field read ``metadata.slideshow``):

- every heading cell (a markdown cell whose first line starts with ``#``) starts a ``slide``;
- the cell that calls the notebook's main explorer (``xw.<MAIN_EXPLORER>()``, named in its
  figures module) starts a ``subslide``, so that the live figure with its sliders has a screen
  of its own (it fits 1280x800) instead of being scrolled to below the text before it;
- every other cell carries no ``slideshow`` key at all: it follows the cell before it
  (a ``-``, "skip", would hide it from the slides, and hidden answers must stay reachable).

Run it after adding or merging a notebook; ``tests/test_slides.py`` checks every notebook.
"""

import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
IMPORT = re.compile(r"^import xent_widgets\.(\w+) as xw\b", re.M)
MAIN = re.compile(r"^MAIN_EXPLORER = (\w+)\s*$", re.M)


def main_explorer_call(cells):
    """``xw.<name>(`` of the notebook's main explorer, from its import cell and figures module."""
    for cell in cells:
        found = IMPORT.search("".join(cell["source"])) if cell["cell_type"] == "code" else None
        if found:
            module = (ROOT / "xent_widgets" / f"{found.group(1)}.py").read_text()
            return f"xw.{MAIN.search(module).group(1)}("
    raise ValueError("no `import xent_widgets.<slug> as xw` cell")


def slide_types(cells):
    """The slide type each cell must carry: 'slide', 'subslide' or None (no slideshow key)."""
    call = main_explorer_call(cells)
    types = []
    for cell in cells:
        source = "".join(cell["source"]).lstrip()
        if cell["cell_type"] == "markdown" and source.startswith("#"):
            types.append("slide")
        elif cell["cell_type"] == "code" and source.startswith(call):
            types.append("subslide")
        else:
            types.append(None)
    if types.count("subslide") != 1:
        raise ValueError(f"expected one cell calling {call}...), found {types.count('subslide')}")
    return types


def apply(notebook):
    """Set the slide metadata of one notebook file; return True if the file changed."""
    text = notebook.read_text()
    data = json.loads(text)
    for cell, kind in zip(data["cells"], slide_types(data["cells"])):
        cell["metadata"].pop("slideshow", None)
        if kind:
            cell["metadata"]["slideshow"] = {"slide_type": kind}
    # the layout nbformat and nbstripout write: indent 1, sorted keys, UTF-8, final newline
    new = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if new != text:
        notebook.write_text(new)
    return new != text


def mismatches(notebook):
    """(cell index, found, expected) for each cell whose slide metadata breaks the rule."""
    cells = json.loads(notebook.read_text())["cells"]
    found = [cell["metadata"].get("slideshow") for cell in cells]
    expected = [{"slide_type": kind} if kind else None for kind in slide_types(cells)]
    return [(index, got, want) for index, (got, want) in enumerate(zip(found, expected)) if got != want]


def main(argv):
    notebooks = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if "--check" in argv:
        bad = {nb.name: mismatches(nb) for nb in notebooks}
        bad = {name: cells for name, cells in bad.items() if cells}
        for name, cells in bad.items():
            print(f"{name}: cells {[index for index, _, _ in cells]} need `make slides`")
        return 1 if bad else 0
    for notebook in notebooks:
        if apply(notebook):
            print(f"slide metadata set: {notebook.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
