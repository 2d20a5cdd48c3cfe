"""Every notebook, present and future, carries exactly the slide metadata of ``tools/slides.py``.

A heading cell starts a slide, the cell calling the notebook's main explorer starts a subslide,
and no other cell has a ``slideshow`` key. After adding or merging a notebook, ``make slides``
(also part of ``make notebooks``) sets it.
"""

import importlib.util
import json
import pathlib
import shutil

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
_spec = importlib.util.spec_from_file_location("xent_slides_tool", ROOT / "tools" / "slides.py")
slides = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(slides)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_notebook_carries_exactly_the_slide_metadata(notebook):
    assert slides.mismatches(notebook) == [], "run `make slides` and commit the notebooks"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_every_heading_starts_a_slide_and_the_main_slider_a_subslide(notebook):
    cells = json.loads(notebook.read_text())["cells"]
    kinds = [cell["metadata"].get("slideshow", {}).get("slide_type") for cell in cells]
    assert kinds[0] == "slide" and cells[0]["source"][0].startswith("# ")
    assert kinds.count("subslide") == 1
    main = cells[kinds.index("subslide")]
    assert main["cell_type"] == "code" and "explorer(" in "".join(main["source"])
    assert set(kinds) == {"slide", "subslide", None}  # nothing skipped, no fragments or notes


def test_setting_the_metadata_twice_changes_nothing(tmp_path):
    copy = tmp_path / NOTEBOOKS[0].name
    shutil.copy(NOTEBOOKS[0], copy)
    slides.apply(copy)
    once = copy.read_text()
    assert slides.apply(copy) is False and copy.read_text() == once
