"""The minutes a teacher plans with are the ones tools/timings.py computes from the notebooks.

Each notebook's ``**Time:**`` line is its self-study estimate, the README's notebook table gives
it too, and docs/teaching.md's table gives it with the live-walkthrough estimate, one row per
notebook (a new notebook gets its rows from ``make timings``).
"""

import importlib.util
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
_spec = importlib.util.spec_from_file_location("xent_timings_tool", ROOT / "tools" / "timings.py")
timings = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(timings)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_the_time_line_is_the_self_study_estimate_and_both_tables_list_it(notebook):
    minutes = timings.estimate(notebook)
    assert minutes["stated"] == minutes["self_study"]
    assert minutes["live"] < minutes["self_study"]
    readme = (ROOT / "README.md").read_text()
    rows = [line for line in readme.splitlines() if f"](notebooks/{notebook.name}) | " in line]
    assert len(rows) == 1 and rows[0].endswith(f" | {minutes['self_study']} |"), "run `make timings`"
    guide = (ROOT / "docs" / "teaching.md").read_text()
    assert f"(../notebooks/{notebook.name}) | {minutes['live']} | {minutes['self_study']} |" in guide


def test_readme_and_guide_are_what_make_timings_writes():
    readme, guide = (ROOT / "README.md").read_text(), (ROOT / "docs" / "teaching.md").read_text()
    assert timings.readme_with_minutes(readme) == readme, "run `make timings`"
    assert timings.guide_with_table(guide) == guide, "run `make timings`"


def test_the_estimates_follow_the_stated_rule():
    # a notebook of 1500 words, 10 code cells of which 4 are visible in the lesson, 3 exercises
    assert timings._to_five(1500 / 150 + 1.5 * 10 + 4 * 3) == 35
    assert timings._to_five(3.0) == 10 and timings._to_five(22.4) == 20 and timings._to_five(22.5) == 25
