"""Estimated minutes per notebook, for students on their own and for a teacher presenting it live.

    python tools/timings.py            # write the minutes into README.md and docs/teaching.md
    python tools/timings.py --check    # exit 1 if either file, or a notebook's Time line, disagrees

Self-study (the ``**Time:** about N minutes.`` line under each notebook's title): a reader reads
all the prose at 150 words a minute, spends 1.5 minutes on each code cell (read, run, look at
the output) and 4 on each exercise:

    words of Markdown / 150 + 1.5 x code cells + 4 x exercises, to the nearest 5, at least 10.

Live walkthrough (a teacher presenting the lesson, the part before "## On your own"; the
exercises are homework): the teacher tells the prose rather than reading it out (250 words a
minute of the notebook's text), runs each visible code cell and comments on its output (0.75
minute; hidden check cells are not shown) and gives each live figure 4 minutes (move the
slider, ask the class what will happen, move it again):

    words of Markdown before "## On your own" / 250 + 0.75 x visible code cells before it
    + 4 x live figures, to the nearest 5, at least 10.

Both are estimates from the notebook's text; docs/teaching.md says how they compare with a class.
A new notebook gets its row in both tables from this script (``make timings``).
"""

import json
import math
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TIME_LINE = re.compile(r"^\*\*Time:\*\* about (\d+) minutes\.$", re.M)
EXPLORER_CALL = re.compile(r"^xw\.\w+_explorer\(", re.M)
START, END = "<!-- timings: start (tools/timings.py writes this table) -->", "<!-- timings: end -->"


def _to_five(minutes):
    return max(10, 5 * math.floor(minutes / 5 + 0.5))


def estimate(notebook):
    """{'self_study', 'live', 'exercises', 'figures', 'stated'} for one notebook file."""
    cells = json.loads(notebook.read_text())["cells"]
    text = lambda cell: "".join(cell["source"])  # noqa: E731
    markdown = " ".join(text(cell) for cell in cells if cell["cell_type"] == "markdown")
    exercises = len(re.findall(r"\*\*Exercise \d+\.\*\*", markdown))
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    lesson = []
    for cell in cells:
        if cell["cell_type"] == "markdown" and text(cell).startswith("## On your own"):
            break
        lesson.append(cell)
    lesson_words = sum(len(text(cell).split()) for cell in lesson if cell["cell_type"] == "markdown")
    visible = [cell for cell in lesson if cell["cell_type"] == "code" and not cell["metadata"].get("tags")]
    figures = sum(bool(EXPLORER_CALL.search(text(cell))) for cell in visible)
    stated = TIME_LINE.search(text(cells[0]))
    return {
        "self_study": _to_five(len(markdown.split()) / 150 + 1.5 * len(code) + 4 * exercises),
        "live": _to_five(lesson_words / 250 + 0.75 * len(visible) + 4 * figures),
        "exercises": exercises,
        "figures": figures,
        "stated": int(stated.group(1)) if stated else None,
    }


def _notebooks():
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def _title(notebook):
    first = "".join(json.loads(notebook.read_text())["cells"][0]["source"])
    return first.splitlines()[0].lstrip("# ").strip()


def guide_table():
    """The teacher's table: one row per notebook, its minutes live and on one's own."""
    rows = ["| # | notebook | live walkthrough, min | self-study, min | exercises | live figures |",
            "|---|---|---:|---:|---:|---:|"]
    for notebook in _notebooks():
        minutes = estimate(notebook)
        rows.append(f"| {notebook.name[:2]} | [{_title(notebook)}](../notebooks/{notebook.name}) | "
                    f"{minutes['live']} | {minutes['self_study']} | {minutes['exercises']} | {minutes['figures']} |")
    return "\n".join(rows)


def readme_with_minutes(readme):
    """README.md with its notebook table's "minutes on one's own" column (self-study) set from the notebooks."""
    minutes = {nb.name: estimate(nb)["self_study"] for nb in _notebooks()}
    lines = readme.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("| # | notebook | what you do there |"):
            lines[index] = "| # | notebook | what you do there | minutes on one's own |"
        elif line.startswith("|---|---|---|"):
            lines[index] = "|---|---|---|---:|"
        else:
            found = re.match(r"\| \d\d \| \[[^\]]*\]\(notebooks/([^)]+\.ipynb)\) \|", line)
            if found and found.group(1) in minutes:
                cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
                lines[index] = "| " + " | ".join(cells[:3]) + f" | {minutes[found.group(1)]} |"
    return "\n".join(lines) + "\n"


def guide_with_table(guide):
    before, rest = guide.split(START, 1)
    after = rest.split(END, 1)[1]
    return f"{before}{START}\n{guide_table()}\n{END}{after}"


def main(argv):
    readme, guide = ROOT / "README.md", ROOT / "docs" / "teaching.md"
    new_readme, new_guide = readme_with_minutes(readme.read_text()), guide_with_table(guide.read_text())
    wrong_lines = [nb.name for nb in _notebooks() if estimate(nb)["stated"] != estimate(nb)["self_study"]]
    if "--check" in argv:
        stale = [path.name for path, new in ((readme, new_readme), (guide, new_guide)) if path.read_text() != new]
        for name in stale:
            print(f"{name}: its minutes are stale; run `make timings`")
        for name in wrong_lines:
            print(f"{name}: its **Time:** line is not the self-study estimate {estimate(NOTEBOOKS / name)['self_study']}")
        return 1 if stale or wrong_lines else 0
    readme.write_text(new_readme)
    guide.write_text(new_guide)
    for name in wrong_lines:
        print(f"{name}: set its **Time:** line to about {estimate(NOTEBOOKS / name)['self_study']} minutes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
