"""The Chinese edition: one gettext catalogue per notebook, and the notebooks built from them.

The English notebooks are the one source. ``translations/zh_CN/NN_slug.po`` holds one entry per
English Markdown cell: msgid = the cell's whole Markdown source, msgstr = its Chinese translation,
no msgctxt (cell ids are not stable) unless a notebook has two identical Markdown cells, whose
second copy gets msgctxt "occurrence 2" (and so on). ``build`` writes ``notebooks/zh/NN_slug.ipynb``:
the English notebook with every Markdown cell replaced by its translation, code cells and their
outputs copied unchanged.

    python tools/translate.py build            # every notebook that has a catalogue
    python tools/translate.py update NN_slug   # create or merge a catalogue after English edits
    python tools/translate.py glossary         # glossary.csv changed: rewrite notebook 00's tables

``update`` works like msgmerge: an English cell without an entry gets one, with the translation
of the most similar orphaned entry marked fuzzy (or empty); orphaned entries are then dropped.
``problems`` lists what the sync tests (tests/test_translation.py) reject.
"""

import copy
import csv
import difflib
import json
import pathlib
import re
import sys

import polib

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENGLISH = ROOT / "notebooks"
CATALOGUES = ROOT / "translations" / "zh_CN"
CHINESE = ROOT / "notebooks" / "zh"
GLOSSARY = ROOT / "glossary.csv"


def english_notebooks():
    return sorted(ENGLISH.glob("[0-9][0-9]_*.ipynb"))


def catalogue_path(stem):
    return CATALOGUES / f"{stem}.po"


def source(cell):
    text = cell["source"]
    return text if isinstance(text, str) else "".join(text)


def read_notebook(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def write_notebook(notebook, path):
    """Write as nbformat (and so nbstripout) does, so that a rebuild changes no byte."""
    import nbformat

    nbformat.write(nbformat.from_dict(notebook), str(path))


def markdown_keys(notebook):
    """(cell index, msgctxt, msgid) of every Markdown cell; msgctxt tells identical cells apart."""
    seen, keys = {}, []
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        text = source(cell)
        seen[text] = seen.get(text, 0) + 1
        keys.append((index, None if seen[text] == 1 else f"occurrence {seen[text]}", text))
    return keys


def load_catalogue(path):
    return polib.pofile(str(path), wrapwidth=0)


def entries_by_key(catalogue):
    return {(entry.msgctxt, entry.msgid): entry for entry in catalogue if not entry.obsolete}


def translated(english, catalogue):
    """The Chinese notebook: every Markdown cell replaced by its msgstr; KeyError names a missing one."""
    entries = entries_by_key(catalogue)
    chinese = copy.deepcopy(english)
    for index, msgctxt, msgid in markdown_keys(english):
        entry = entries[(msgctxt, msgid)]
        chinese["cells"][index]["source"] = entry.msgstr.splitlines(keepends=True)
    return chinese


def build(stems=None):
    """Write notebooks/zh/NN_slug.ipynb for every English notebook that has a catalogue."""
    CHINESE.mkdir(parents=True, exist_ok=True)
    built = []
    for path in english_notebooks():
        if (stems and path.stem not in stems) or not catalogue_path(path.stem).exists():
            continue
        catalogue = load_catalogue(catalogue_path(path.stem))
        chinese = translated(read_notebook(path), catalogue)
        write_notebook(chinese, CHINESE / path.name)
        built.append(path.name)
    return built


def new_catalogue(stem=""):
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.header = (f"Chinese (zh_CN) translation of notebooks/{stem}.ipynb: one entry per Markdown cell.\n"
                        "Written by tools/translate.py update; checked by tests/test_translation.py.")
    catalogue.metadata = {
        "Project-Id-Version": "xent",
        "Language": "zh_CN",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    return catalogue


def update(stem):
    """Create or merge the catalogue of one notebook (msgmerge-like); returns (new, fuzzy, dropped)."""
    english = read_notebook(ENGLISH / f"{stem}.ipynb")
    path = catalogue_path(stem)
    old = load_catalogue(path) if path.exists() else new_catalogue(stem)
    old_entries = entries_by_key(old)
    keys = [(msgctxt, msgid) for _, msgctxt, msgid in markdown_keys(english)]
    orphans = [entry for key, entry in old_entries.items() if key not in keys]
    catalogue = new_catalogue(stem)
    catalogue.metadata.update(old.metadata)
    new = fuzzy = 0
    for msgctxt, msgid in keys:
        entry = old_entries.get((msgctxt, msgid))
        if entry is None:
            new += 1
            entry = polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgstr="")
            closest = max(orphans, default=None, key=lambda o: difflib.SequenceMatcher(None, o.msgid, msgid).ratio())
            if closest is not None and difflib.SequenceMatcher(None, closest.msgid, msgid).ratio() > 0.6:
                entry.msgstr, entry.previous_msgid = closest.msgstr, closest.msgid
                entry.flags.append("fuzzy")
                fuzzy += 1
        catalogue.append(entry)
    catalogue.save(str(path))
    return new, fuzzy, len(orphans)


# ---- what the sync tests check -------------------------------------------------------------

# Inline math may wrap onto a second line (not across a blank line, which ends the paragraph).
MATH = re.compile(r"\$\$.+?\$\$|\$(?:[^$\n]|\n(?!\n))+?\$", re.S)
FENCED = re.compile(r"```.*?```", re.S)
CODE = re.compile(r"`[^`\n]+`")
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)|https?://[^\s)）,，;；。>]+")
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\d])")


def math_spans(text):
    return sorted(MATH.findall(FENCED.sub("", text)))


def code_spans(text):
    fenced = FENCED.findall(text)
    return sorted(fenced + CODE.findall(MATH.sub("", FENCED.sub("", text))))


def link_targets(text):
    return sorted((m.group(1) or m.group(0)).rstrip(".") for m in LINK_TARGET.finditer(text))


def numbers(text):
    """The numbers in a text (digits, with a decimal part), as a set of strings."""
    return set(NUMBER.findall(text))


def prose(text):
    """The text without fenced code, inline code, math and link targets: where glossary terms are looked for."""
    text = FENCED.sub(" ", text)
    text = MATH.sub(" ", text)
    text = CODE.sub(" ", text)
    return re.sub(r"\]\([^)]*\)|https?://\S+", " ", text)


def load_glossary(path=GLOSSARY):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


GLOSSARY_HEADERS = {
    "en": "| English | 中文 | symbol / meaning | notebook |\n|---|---|---|---|",
    "zh": "| 中文 | English | 符号 / 含义 | 笔记本 |\n|---|---|---|---|",
}


def glossary_table(language, glossary=None):
    """The Markdown glossary table of notebook 00, in English or Chinese, from glossary.csv."""
    rows = glossary if glossary is not None else load_glossary()
    if language == "en":
        lines = [f"| {r['english']} | {r['chinese']} | {r['meaning']} | {r['notebooks']} |" for r in rows]
    else:
        lines = [f"| {r['chinese']} | {r['english']} | {r['meaning_zh']} | {r['notebooks']} |" for r in rows]
    return GLOSSARY_HEADERS[language] + "\n" + "\n".join(lines)


def _english_pattern(form):
    # Whole words, any case, an optional plural ending.
    return re.compile(r"(?<![\w-])" + re.escape(form) + r"(?:s|es)?(?![\w])", re.I)


def glossary_terms_missing(english, chinese, glossary):
    """The glossary rows an English text uses whose Chinese forms are all absent from its translation."""
    english, chinese = prose(english), prose(chinese)
    missing = []
    for row in glossary:
        forms = [f.strip() for f in row["en_forms"].split("|") if f.strip()]
        if any(_english_pattern(form).search(english) for form in forms):
            zh_forms = [f.strip() for f in row["zh_forms"].split("|") if f.strip()]
            if not any(form.lower() in chinese.lower() for form in zh_forms):
                missing.append(f"{row['english']} → {' or '.join(zh_forms)}")
    return missing


def emphasis(text):
    """How a text renders: its bold, italic and link elements, and the asterisks left over as text.

    CommonMark (and JupyterLab's renderer) closes ``**`` only when it is right-flanking: in Chinese,
    ``**时间：**约`` stays literal because a full-width colon precedes the ``**`` and a character
    follows it; write ``**时间**：约``.
    """
    from markdown_it import MarkdownIt

    counts = {}

    def walk(tokens):
        depth = {"strong": 0, "em": 0}
        for token in tokens:
            kind, _, side = token.type.rpartition("_")
            if kind in depth and side == "open":
                if depth[kind]:  # **a。**b ... **c** pairs as <strong>a。<strong>b ...</strong>c</strong>
                    counts[f"{kind} inside {kind}"] = counts.get(f"{kind} inside {kind}", 0) + 1
                depth[kind] += 1
            elif kind in depth and side == "close":
                depth[kind] -= 1
            if token.type in ("strong_open", "em_open", "link_open"):
                counts[token.type] = counts.get(token.type, 0) + 1
            if token.type == "text" and "*" in token.content:
                counts["literal *"] = counts.get("literal *", 0) + token.content.count("*")
            walk(token.children or [])

    walk(MarkdownIt("commonmark").enable("table").parse(text))
    return counts


def cell_problems(english_text, chinese_text, glossary):
    """What is wrong with one translation of one Markdown cell (an empty list when nothing is)."""
    found = []
    if math_spans(english_text) != math_spans(chinese_text):
        found.append(f"math spans differ: {sorted(set(math_spans(english_text)) ^ set(math_spans(chinese_text)))}")
    if code_spans(english_text) != code_spans(chinese_text):
        found.append(f"code spans differ: {sorted(set(code_spans(english_text)) ^ set(code_spans(chinese_text)))}")
    if link_targets(english_text) != link_targets(chinese_text):
        found.append(f"link targets differ: {sorted(set(link_targets(english_text)) ^ set(link_targets(chinese_text)))}")
    if emphasis(english_text) != emphasis(chinese_text):
        found.append(f"bold/italic/links render differently: {emphasis(english_text)} in English, "
                     f"{emphasis(chinese_text)} in the translation (put full-width punctuation outside **…**)")
    lost = sorted(numbers(english_text) - numbers(chinese_text), key=float)
    if lost:
        found.append(f"numbers missing from the translation: {lost}")
    terms = glossary_terms_missing(english_text, chinese_text, glossary)
    if terms:
        found.append(f"glossary terms missing from the translation: {terms}")
    return found


def _name(index, text):
    first = text.strip().splitlines()[0] if text.strip() else ""
    return f"Markdown cell {index} ({first[:60]!r})"


def catalogue_problems(english, catalogue, glossary):
    """Every English Markdown cell translated (non-empty, not fuzzy, consistent), no orphans."""
    found = []
    entries = entries_by_key(catalogue)
    keys = markdown_keys(english)
    wanted = {(msgctxt, msgid) for _, msgctxt, msgid in keys}
    for index, msgctxt, msgid in keys:
        entry = entries.get((msgctxt, msgid))
        if entry is None:
            found.append(f"{_name(index, msgid)} has no entry in the catalogue: its English changed "
                         "or is new (run `python tools/translate.py update NN_slug` and translate it)")
        elif not entry.msgstr.strip():
            found.append(f"{_name(index, msgid)} is not translated")
        elif entry.fuzzy:
            found.append(f"{_name(index, msgid)} has a fuzzy translation: check it and remove the flag")
        else:
            found += [f"{_name(index, msgid)}: {problem}" for problem in cell_problems(msgid, entry.msgstr, glossary)]
    for key, entry in entries.items():
        if key not in wanted:
            found.append(f"orphaned catalogue entry (no English cell has this text): {entry.msgid.strip()[:80]!r}")
    found += [f"obsolete entry left in the catalogue: {entry.msgid.strip()[:80]!r}"
              for entry in catalogue if entry.obsolete]
    return found


def notebook_problems(english, chinese):
    """The built Chinese notebook against the English: same cells, types, code and outputs."""
    found = []
    if len(english["cells"]) != len(chinese["cells"]):
        return [f"{len(chinese['cells'])} cells in the Chinese notebook, {len(english['cells'])} in the English"]
    for index, (en, zh) in enumerate(zip(english["cells"], chinese["cells"])):
        if en["cell_type"] != zh["cell_type"]:
            found.append(f"cell {index} is {zh['cell_type']} in Chinese, {en['cell_type']} in English")
        elif en["cell_type"] == "code":
            for field in ("source", "outputs", "metadata", "execution_count"):
                if en.get(field) != zh.get(field):
                    found.append(f"code cell {index}: its {field} differs from the English")
        elif en.get("metadata") != zh.get("metadata"):
            found.append(f"Markdown cell {index}: its metadata differs from the English")
    return found


def _replace_table(text, header, table):
    start = text.index(header)
    end = text.find("\n\n", start)
    return text[:start] + table + ("" if end < 0 else text[end:])


def sync_glossary(stem="00_start_here"):
    """Rewrite the glossary table of notebook 00 (English cell and its Chinese entry) from glossary.csv."""
    glossary = load_glossary()
    path = ENGLISH / f"{stem}.ipynb"
    english = read_notebook(path)
    catalogue = load_catalogue(catalogue_path(stem)) if catalogue_path(stem).exists() else None
    for index, msgctxt, msgid in markdown_keys(english):
        if GLOSSARY_HEADERS["en"] not in msgid:
            continue
        new = _replace_table(msgid, GLOSSARY_HEADERS["en"], glossary_table("en", glossary))
        english["cells"][index]["source"] = new.splitlines(keepends=True)
        entry = entries_by_key(catalogue).get((msgctxt, msgid)) if catalogue else None
        if entry is not None:
            entry.msgid = new
            entry.msgstr = _replace_table(entry.msgstr, GLOSSARY_HEADERS["zh"], glossary_table("zh", glossary))
    write_notebook(english, path)
    if catalogue is not None:
        catalogue.save(str(catalogue_path(stem)))


def main(argv):
    if argv[:1] == ["build"]:
        for name in build(argv[1:] or None):
            print(f"wrote notebooks/zh/{name}")
    elif argv[:1] == ["glossary"]:
        sync_glossary()
        build(["00_start_here"])
        print("notebook 00's glossary tables rewritten from glossary.csv (both editions)")
    elif argv[:1] == ["update"] and len(argv) == 2:
        new, fuzzy, dropped = update(pathlib.Path(argv[1]).stem)
        print(f"{argv[1]}: {new} new entries ({fuzzy} fuzzy from a similar old one), {dropped} orphans dropped")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
