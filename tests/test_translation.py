"""The Chinese edition stays in sync with the English notebooks (tools/translate.py, issue 15).

For every English notebook with a catalogue (translations/zh_CN/NN_slug.po): every Markdown cell
has a non-empty, non-fuzzy translation whose math, inline code, link targets and numbers are the
English cell's and which uses the Chinese form of every glossary term the English cell uses; the
catalogue has no orphaned entries; notebooks/zh/NN_slug.ipynb is exactly what the build writes
(same cells, order and types, code cells and outputs byte-identical). Strict nbval runs the
Chinese notebooks too (they are under notebooks/, which pytest collects).

A notebook without a catalogue must be listed in PENDING: nothing is skipped silently.
"""

import importlib.util
import pathlib
import re
import shutil

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("translate", ROOT / "tools" / "translate.py")
translate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translate)

# English notebooks not yet translated; remove a notebook from here when its catalogue lands.
PENDING = set()

ENGLISH = translate.english_notebooks()
TRANSLATED = [path for path in ENGLISH if path.stem not in PENDING]
GLOSSARY = translate.load_glossary()
ids = lambda paths: [path.stem for path in paths]  # noqa: E731


def test_pending_lists_exactly_the_notebooks_without_a_catalogue():
    stems = {path.stem for path in ENGLISH}
    assert PENDING <= stems, f"PENDING names notebooks that do not exist: {sorted(PENDING - stems)}"
    with_catalogue = {path.stem for path in translate.CATALOGUES.glob("*.po")}
    assert not PENDING & with_catalogue, f"translated now, remove from PENDING: {sorted(PENDING & with_catalogue)}"
    assert stems - PENDING <= with_catalogue, (
        f"no catalogue and not in PENDING: {sorted(stems - PENDING - with_catalogue)}; "
        "translate it (python tools/translate.py update NN_slug) or list it in PENDING")
    assert with_catalogue <= stems, f"catalogues without an English notebook: {sorted(with_catalogue - stems)}"
    built = {path.stem for path in translate.CHINESE.glob("*.ipynb")}
    assert built == stems - PENDING, "notebooks/zh/ must hold exactly the translated notebooks (make notebooks)"


@pytest.mark.parametrize("notebook", TRANSLATED, ids=ids(TRANSLATED))
def test_catalogue_translates_every_markdown_cell(notebook):
    catalogue = translate.load_catalogue(translate.catalogue_path(notebook.stem))
    assert catalogue.metadata.get("Language") == "zh_CN"
    assert "charset=UTF-8" in catalogue.metadata.get("Content-Type", "")
    problems = translate.catalogue_problems(translate.read_notebook(notebook), catalogue, GLOSSARY)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("notebook", TRANSLATED, ids=ids(TRANSLATED))
def test_chinese_notebook_is_the_build_of_english_and_catalogue(notebook):
    english = translate.read_notebook(notebook)
    chinese = translate.read_notebook(translate.CHINESE / notebook.name)
    assert translate.notebook_problems(english, chinese) == []
    catalogue = translate.load_catalogue(translate.catalogue_path(notebook.stem))
    assert chinese == translate.translated(english, catalogue), \
        "notebooks/zh is stale: run `make notebooks` (or python tools/translate.py build)"


def test_a_changed_english_sentence_fails_and_names_the_cell(tmp_path):
    stem = TRANSLATED[0].stem
    english = translate.read_notebook(translate.ENGLISH / f"{stem}.ipynb")
    catalogue = translate.load_catalogue(translate.catalogue_path(stem))
    assert translate.catalogue_problems(english, catalogue, GLOSSARY) == []
    # Edit one sentence of a copy of the English notebook: the catalogue no longer covers it.
    index, _, text = translate.markdown_keys(english)[1]
    sentence = re.search(r"[A-Z][^.]*\.", text).group(0)
    english["cells"][index]["source"] = text.replace(sentence, sentence[:-1] + ", or so we say.", 1)
    copy = tmp_path / f"{stem}.ipynb"
    translate.write_notebook(english, copy)
    problems = translate.catalogue_problems(translate.read_notebook(copy), catalogue, GLOSSARY)
    assert any(f"Markdown cell {index} " in p and "no entry in the catalogue" in p for p in problems), problems
    assert any("orphaned catalogue entry" in p for p in problems), problems
    # `update` carries the old translation over as fuzzy: still a failure until someone checks it.
    shutil.copy(translate.catalogue_path(stem), tmp_path / "old.po")
    merged = translate.load_catalogue(tmp_path / "old.po")
    entry = translate.entries_by_key(merged)[(None, text)]
    entry.msgid, entry.flags = english["cells"][index]["source"], ["fuzzy"]
    problems = translate.catalogue_problems(english, merged, GLOSSARY)
    assert problems == [f"{translate._name(index, entry.msgid)} has a fuzzy translation: check it and remove the flag"]


def test_the_checks_catch_a_bad_translation():
    glossary = GLOSSARY
    english = "The **cross-entropy** is $-\\ln 0.6 \\approx 0.511$ nats; see `xc.entropy` and [01](01_measuring_error.ipynb)."
    good = "**交叉熵**为 $-\\ln 0.6 \\approx 0.511$ 奈特；见 `xc.entropy` 和 [01](01_measuring_error.ipynb)。"
    assert translate.cell_problems(english, good, glossary) == []
    assert translate.cell_problems(english, good.replace("0.511", "0.51"), glossary)       # math changed
    assert translate.cell_problems(english, good.replace("xc.entropy", "xc.entrop"), glossary)  # code changed
    assert translate.cell_problems(english, good.replace("01_", "02_"), glossary)          # link changed
    assert translate.cell_problems(english, good.replace("交叉熵", "交叉墒"), glossary)      # term missing
    assert translate.cell_problems("Note 001 says 70.", "笔记说是 70。", glossary)           # number lost
    # Full-width punctuation inside **…** followed by text: CommonMark leaves the asterisks literal.
    assert translate.cell_problems("**Time:** about 55 minutes.", "**时间**：约 55 分钟。", glossary) == []
    assert translate.cell_problems("**Time:** about 55 minutes.", "**时间：**约 55 分钟。", glossary)


def test_notebook_00_glossary_table_is_glossary_csv():
    """The glossary of both editions is glossary.csv: notebook 00 shows exactly its rows."""
    english = translate.read_notebook(translate.ENGLISH / "00_start_here.ipynb")
    cells = [translate.source(cell) for cell in english["cells"] if cell["cell_type"] == "markdown"]
    assert sum(translate.glossary_table("en", GLOSSARY) in text for text in cells) == 1
    if "00_start_here" not in PENDING:
        chinese = translate.read_notebook(translate.CHINESE / "00_start_here.ipynb")
        cells = [translate.source(cell) for cell in chinese["cells"] if cell["cell_type"] == "markdown"]
        assert sum(translate.glossary_table("zh", GLOSSARY) in text for text in cells) == 1


def test_glossary_rows_are_complete():
    for row in GLOSSARY:
        assert all(row[field].strip() for field in row), row
        assert translate.cell_problems(row["meaning"], row["meaning_zh"], []) == [], row["english"]


def test_readme_zh_links_every_notebook_of_both_editions_that_exists():
    readme = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", readme)
    assert all((ROOT / target).exists() for target in targets), [t for t in targets if not (ROOT / t).exists()]
    for notebook in ENGLISH:
        chinese = f"notebooks/zh/{notebook.name}"
        expected = chinese if notebook.stem not in PENDING else f"notebooks/{notebook.name}"
        assert expected in targets, f"README.zh-CN.md should link {expected}"
    assert "README.zh-CN.md" in (ROOT / "README.md").read_text(encoding="utf-8")
