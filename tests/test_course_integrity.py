"""The course hangs together: every notebook finds its modules, every name it calls exists, the
notes' examples it types are the ones in ``xent_notes``, and xent_core's docstrings name the
notebook that really introduces each function."""

import ast
import importlib
import json
import pathlib
import re

import numpy as np
import pytest

import xent_core as xc
import xent_notes as notes

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def code_of(notebook):
    cells = json.loads(notebook.read_text())["cells"]
    return "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")


def slug(notebook):
    """``03_entropy.ipynb`` -> ``entropy``: the name of the notebook's two modules."""
    return notebook.stem[3:]


# Notebooks still on the old one-line form (the comment at the end of the import line), being
# edited on another branch when the form changed; empty this set once they follow it.
OLD_IMPORT_FORM_PENDING = set()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_the_import_cell_names_the_notebooks_own_modules(notebook):
    """Each import of the notebook's own modules has its comment on the line above, so that no
    line of the import cell is longer than 75 characters."""
    code = code_of(notebook)
    name = slug(notebook)
    assert (ROOT / "xent_widgets" / f"{name}.py").exists() and (ROOT / "xent_exercises" / f"{name}.py").exists()
    if notebook.stem in OLD_IMPORT_FORM_PENDING and "as xw     # this notebook's figures" in code:
        assert f"import xent_widgets.{name} as xw     # this notebook's figures: xent_widgets/{name}.py" in code
        assert f"import xent_exercises.{name} as xe   # its exercise checkers: xent_exercises/{name}.py" in code
        return
    assert f"# this notebook's figures: xent_widgets/{name}.py\nimport xent_widgets.{name} as xw\n" in code
    assert f"# its exercise checkers: xent_exercises/{name}.py\nimport xent_exercises.{name} as xe" in code


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_name_a_notebook_calls_exists(notebook):
    code = code_of(notebook)
    modules = {
        "xc": xc,
        "xw": importlib.import_module(f"xent_widgets.{slug(notebook)}"),
        "xe": importlib.import_module(f"xent_exercises.{slug(notebook)}"),
    }
    for alias, module in modules.items():
        for name in set(re.findall(rf"\b{alias}\.(\w+)", code)):
            assert hasattr(module, name), f"{notebook.name} calls {alias}.{name}, which {module.__name__} does not define"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_notebook_shows_its_main_explorer(notebook):
    module = importlib.import_module(f"xent_widgets.{slug(notebook)}")
    assert f"xw.{module.MAIN_EXPLORER.__name__}(" in code_of(notebook)


def markdown_of(notebook):
    return ["".join(cell["source"]) for cell in json.loads(notebook.read_text())["cells"] if cell["cell_type"] == "markdown"]


@pytest.mark.parametrize("function_name", xc.__all__)
def test_xent_core_docstrings_name_the_notebook_that_introduces_them(function_name):
    """The named notebook calls it; an earlier one (after the tour of 00) only with a pointer to it."""
    stated = re.findall(r"Introduced in\s+``(\d\d)_\w+\.ipynb``", getattr(xc, function_name).__doc__)
    assert stated, f"xent_core.{function_name}'s docstring names no notebook"
    number = stated[0]
    calls = rf"\bxc\.{function_name}\("
    assert re.search(calls, code_of(next(nb for nb in NOTEBOOKS if nb.name.startswith(number))))
    for notebook in NOTEBOOKS[1:]:
        if notebook.name.startswith(number):
            break
        if re.search(calls, code_of(notebook)):
            pointer = [text for text in markdown_of(notebook) if f"`xc.{function_name}`" in text and f"notebook {number}" in text]
            assert pointer, f"{notebook.name} uses xc.{function_name} before notebook {number} introduces it, without saying so"


# What the notebooks type where the reader must see the numbers: (notebook, variable, value in
# xent_notes). The variable's first assignment in the notebook is evaluated on its own.
TYPED = [
    ("00_start_here", "probs", notes.FROG_PREDICTION),
    ("01_measuring_error", "output", notes.L1_EXAMPLE_OUTPUT),
    ("01_measuring_error", "target", notes.L1_EXAMPLE_TARGET),
    ("02_information_content", "world_cup", notes.WORLD_CUP_LAST_EIGHT),
    ("02_information_content", "lol", notes.LOL_LAST_EIGHT),
    ("03_entropy", "probs", notes.LAPTOP_PROBS),
    ("04_kl_divergence_and_cross_entropy", "p", notes.LAPTOP_PROBS),
    ("05_maximum_likelihood", "flips", notes.COIN_FLIPS),
    ("05_maximum_likelihood", "models", notes.COIN_MODELS),
    ("06_softmax", "logits", notes.PYTORCH_LOGITS),
    ("07_cross_entropy_for_classification", "probs", notes.FROG_PREDICTION),
    ("07_cross_entropy_for_classification", "labels", notes.MULTILABEL_TARGET),
    ("07_cross_entropy_for_classification", "sigmoid_probs", notes.MULTILABEL_PREDICTION),
    ("09_cross_entropy_in_frameworks", "logits", [notes.PYTORCH_LOGITS]),
    ("10_checking_the_sources", "output", notes.L1_EXAMPLE_OUTPUT),
    ("10_checking_the_sources", "target", notes.L1_EXAMPLE_TARGET),
    ("10_checking_the_sources", "laptop", notes.LAPTOP_PROBS),
    ("10_checking_the_sources", "flips", notes.COIN_FLIPS),
    ("10_checking_the_sources", "thetas", notes.COIN_MODELS),
]


def typed_value(notebook_stem, variable):
    """Evaluate the right-hand side of the first ``variable = ...`` in the notebook's code."""
    tree = ast.parse(code_of(ROOT / "notebooks" / f"{notebook_stem}.ipynb"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                pairs = zip(target.elts, node.value.elts)   # a, b = x, y
            else:
                pairs = [(target, node.value)]
            for name, value in pairs:
                if isinstance(name, ast.Name) and name.id == variable:
                    return eval(compile(ast.Expression(value), variable, "eval"), {"np": np})
    raise AssertionError(f"{notebook_stem} assigns no {variable}")


@pytest.mark.parametrize(("notebook", "variable", "expected"), TYPED, ids=lambda x: x if isinstance(x, str) else "")
def test_what_a_notebook_types_is_the_notes_example(notebook, variable, expected):
    typed = typed_value(notebook, variable)
    if isinstance(expected[0], str):
        assert list(typed) == list(expected)
    else:
        assert np.array_equal(np.asarray(typed, dtype=float), np.asarray(expected, dtype=float))


def test_the_frog_figures_reproduce_the_notes_prediction():
    from xent_widgets import frog_prediction

    assert np.allclose(frog_prediction(notes.FROG_PREDICTION[notes.FROG_TRUE_CLASS]), notes.FROG_PREDICTION, rtol=0, atol=1e-15)
