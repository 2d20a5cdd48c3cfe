"""Build the static course site: one HTML page per notebook, an index, a student edition, PDF handouts.

    .venv/bin/python publish/build_site.py [--out build/site] [--frames 20] [--no-pdf]

(`make site` runs it after `npm ci` in publish/.) What it writes, all relative links, opened
straight from the disk (file://) or from any static host:

    index.html, NN_slug.html        the teacher's edition: every cell, solutions folded in <details>
    student/index.html, student/NN_slug.html
                                    the student edition: the cells tagged ``solution`` removed
    zh/index.html, zh/NN_slug.html  the Chinese edition (teacher's pages): the same executed notebook
                                    with its Markdown cells replaced by their translations
                                    (translations/zh_CN/, as tools/translate.py builds notebooks/zh/)
    pdf/NN_slug.pdf                 A4 handouts of the student pages, printed by the system Chromium
    _static/                        MathJax 2, require.js, the ipywidgets HTML manager (from npm,
                                    publish/node_modules) and site.css: no CDN at run time
    build-report.json               build time, page weights, frames per explorer

Every notebook is executed in a fresh kernel whose environment has XENT_STATIC_FRAMES set, so each
explorer displays as precomputed frames linked to a slider in the page
(``xent_widgets.static_explorer``); the widget state is embedded and trimmed to what the page
shows. The committed notebooks are read, never written.
"""

import argparse
import base64
import concurrent.futures
import copy
import html
import io
import json
import os
import pathlib
import re
import shutil
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
PUBLISH = ROOT / "publish"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
sys.path.insert(0, str(ROOT / "tools"))
import translate  # noqa: E402  (tools/translate.py: the Chinese catalogues and how they apply)
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
NODE_MODULES = PUBLISH / "node_modules"
# What the pages load, copied from npm packages (publish/package.json pins them): source, target.
MATHJAX_PARTS = [
    "MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions", "jax/input/TeX",
    "jax/output/CommonHTML", "jax/element", "fonts/HTML-CSS/TeX/woff",
]
MATHJAX_URL = "mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
REQUIRE_URL = "require.js"
WIDGETS_URL = "html-manager/embed-amd.js"


# --- executing ---------------------------------------------------------------------------------

def execute(path, frames):
    """The notebook executed in a fresh kernel with static explorers, as a JSON string."""
    os.environ["XENT_STATIC_FRAMES"] = str(frames)
    import nbclient
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", store_widget_state=True,
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nbformat.writes(nb)


def _references(value):
    if isinstance(value, str):
        return [value[len("IPY_MODEL_"):]] if value.startswith("IPY_MODEL_") else []
    if isinstance(value, dict):
        return [ref for item in value.values() for ref in _references(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in _references(item)]
    return []


def trim_widget_state(nb):
    """Keep only the widgets the page displays (and the links between them); drop the rest.

    The kernel's state holds every widget ever created, including each interactive explorer
    that was displayed in its static form instead; they would only weigh on the page.
    """
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    shown = {output["data"][WIDGET_VIEW]["model_id"] for cell in nb.cells for output in cell.get("outputs", [])
             if WIDGET_VIEW in output.get("data", {})}
    keep, todo = set(), list(shown)
    while True:
        while todo:
            model = todo.pop()
            if model in state and model not in keep:
                keep.add(model)
                todo.extend(_references(state[model]["state"]))
        links = [model for model, entry in state.items() if model not in keep
                 and entry["model_name"] in ("LinkModel", "DirectionalLinkModel")
                 and set(_references(entry["state"])) <= keep and _references(entry["state"])]
        if not links:
            break
        todo.extend(links)
    for model in set(state) - keep:
        del state[model]


def compress_images(nb):
    """Re-encode every Image widget's PNG with a 256-colour palette (a quarter of the bytes; flat plots lose nothing visible)."""
    import PIL.Image

    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for entry in state.values():
        if entry["model_name"] != "ImageModel" or entry["state"].get("format") != "png":
            continue
        for buffer in entry.get("buffers", []):  # nbclient keeps them beside the state, base64-encoded
            image = PIL.Image.open(io.BytesIO(base64.b64decode(buffer["data"])))
            quantized = image.convert("RGBA").quantize(256, method=PIL.Image.Quantize.FASTOCTREE)
            out = io.BytesIO()
            quantized.save(out, format="png", optimize=True)
            buffer["data"] = base64.b64encode(out.getvalue()).decode()


def chinese(nb, stem):
    """The executed notebook with its Markdown cells translated (code cells and outputs untouched)."""
    import nbformat

    zh = nbformat.from_dict(translate.translated(nb, translate.load_catalogue(translate.catalogue_path(stem))))
    for cell in zh.cells:
        if cell.cell_type == "markdown" and isinstance(cell.source, list):
            cell.source = "".join(cell.source)
    return zh


def build_page(index, table, out, frames, zh_table=None):
    """Execute notebook ``index`` with static explorers and write its page in every edition."""
    import nbformat

    stem = table[index][2]
    nb = nbformat.reads(execute(ROOT / "notebooks" / f"{stem}.ipynb", frames), as_version=4)
    trim_widget_state(nb)
    compress_images(nb)
    (out / f"{stem}.html").write_text(export(nb, table, index, student=False, static="_static"))
    (out / "student" / f"{stem}.html").write_text(export(nb, table, index, student=True, static="../_static"))
    if zh_table is not None:
        (out / "zh" / f"{stem}.html").write_text(
            export(chinese(nb, stem), zh_table, index, student=False, static="../_static", language="zh"))
    states = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    return stem, {
        "bytes": (out / f"{stem}.html").stat().st_size,
        "student_bytes": (out / "student" / f"{stem}.html").stat().st_size,
        **({"zh_bytes": (out / "zh" / f"{stem}.html").stat().st_size} if zh_table is not None else {}),
        "static_sliders": sum(entry["model_name"] == "SelectionSliderModel" for entry in states.values()),
        "frames": sum(entry["model_name"] == "ImageModel" for entry in states.values()),
    }


# --- pages ---------------------------------------------------------------------------------------

def notebook_table(language="en"):
    """(number, title, stem) of each notebook, from the README's table (the course's one order).

    In Chinese, from README.zh-CN.md's table, whose links go to notebooks/zh/.
    """
    readme, folder = ("README.zh-CN.md", "notebooks/zh/") if language == "zh" else ("README.md", "notebooks/")
    rows = re.findall(r"^\| (\d\d) \| \[([^\]]+)\]\(" + re.escape(folder) + r"(\d\d_\w+)\.ipynb\) \|",
                      (ROOT / readme).read_text(), re.M)
    return [(number, title, stem) for number, title, stem in rows]


def contents_and_neighbours(table, index, contents):
    """The links every navigation bar starts with: the contents, then the previous and next page, then a spacer."""
    links = [f'<a href="index.html">{contents}</a>']
    if index is not None:
        if index > 0:
            number, title, stem = table[index - 1]
            links.append(f'<a href="{stem}.html" rel="prev">← {number} {html.escape(title)}</a>')
        if index + 1 < len(table):
            number, title, stem = table[index + 1]
            links.append(f'<a href="{stem}.html" rel="next">{number} {html.escape(title)} →</a>')
    links.append('<span class="xent-nav-spacer"></span>')
    return links


def nav_zh(table, index):
    """The navigation bar of the Chinese page ``index`` (None for the index): the teacher's edition only."""
    links = contents_and_neighbours(table, index, "目录")
    page = "index.html" if index is None else f"{table[index][2]}.html"
    links.append(f'<a href="../{page}" lang="en">English</a>')
    return '<nav class="xent-nav">' + "\n".join(links) + "</nav>"


def nav(table, index, student):
    """The navigation bar of page ``index`` (None for the index page)."""
    links = contents_and_neighbours(table, index, "Contents")
    page = "index.html" if index is None else f"{table[index][2]}.html"
    if student:
        links.append(f'<a href="../{page}">Teacher\'s edition (with solutions)</a>')
        if index is not None:
            links.append(f'<a href="../pdf/{table[index][2]}.pdf">PDF handout</a>')
    else:
        links.append(f'<a href="student/{page}">Student edition</a>')
        if index is not None:
            links.append(f'<a href="pdf/{table[index][2]}.pdf">PDF handout</a>')
    return '<nav class="xent-nav">' + "\n".join(links) + "</nav>"


def relink(body):
    """Links between notebooks point to their pages."""
    return re.sub(r'href="(?:\./)?(\d\d_\w+)\.ipynb(#[^"]*)?"', lambda m: f'href="{m[1]}.html{m[2] or ""}"', body)


def export(nb, table, index, student, static, language="en"):
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.HTMLExporter.extra_template_basedirs = [str(PUBLISH / "templates")]
    config.HTMLExporter.template_name = "xent_site"
    config.HTMLExporter.mathjax_url = f"{static}/{MATHJAX_URL}"
    config.HTMLExporter.require_js_url = f"{static}/{REQUIRE_URL}"
    config.HTMLExporter.widget_renderer_url = f"{static}/{WIDGETS_URL}"
    config.HTMLExporter.jquery_url = ""
    if student:
        config.TagRemovePreprocessor.enabled = True
        config.TagRemovePreprocessor.remove_cell_tags = ("solution",)
    exporter = HTMLExporter(config=config)
    xent = {"static": static, "nav": nav(table, index, student)}
    if language == "zh":
        xent.update(nav=nav_zh(table, index), solution="参考解答（点击展开）")
    resources = {"xent": xent, "metadata": {"name": f"{table[index][0]} · {table[index][1]}"}}
    body, _ = exporter.from_notebook_node(copy.deepcopy(nb), resources=resources)
    if not student:  # inside a folded solution already: the verdict needs no second click
        body = body.replace('<details class="xent-verdict">', '<details class="xent-verdict" open>')
    if language == "zh":  # nbconvert's language_code takes ISO 639-1 codes only ("zh", not "zh-CN")
        body = body.replace('<html lang="en">', '<html lang="zh-CN">', 1)
    return relink(body)


def index_page(table, student, static):
    import mistune

    readme = (ROOT / "README.md").read_text()
    title = readme.splitlines()[0].lstrip("# ")
    intro = readme.split("\n\n")[1:3]
    section = readme.split("## The notebooks", 1)[1].split("\n## ", 1)[0]
    section = re.sub(r"\]\(notebooks/(\d\d_\w+)\.ipynb\)", r"](\1.html)", section)
    section = section.replace(" (`make lab` starts at 00)", "")
    # The Chinese edition has its own index; other repository files (docs/) have no page on the site.
    zh_index = "../zh/index.html" if student else "zh/index.html"
    intro = [part.replace("](README.zh-CN.md)", f"]({zh_index})") for part in intro]
    intro = [re.sub(r"\[([^\]]+)\]\((?!https?:)[^)]*\.md\)", r"\1", part) for part in intro]
    section = re.sub(r"\[([^\]]+)\]\((?!https?:)[^)]*\.md\)", r"\1", section)
    edition = ("Student edition: the exercises without their worked solutions. "
               '<a href="../index.html">Teacher\'s edition</a> (solutions folded under each exercise).'
               if student else
               'Teacher\'s edition: worked solutions are folded under each exercise. '
               '<a href="student/index.html">Student edition</a> (without them).')
    body = mistune.html("\n\n".join(intro) + "\n\n## The notebooks\n" + section)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(title)}</title><link rel="stylesheet" href="{static}/site.css"></head>
<body class="xent-index"><main>
<h1>{html.escape(title)}</h1>
<p><i>{edition} Each page is a notebook as it runs, with sliders that work without Python (precomputed
frames); to change the code, open the notebooks in JupyterLab (<code>make lab</code>). A4 handouts:
each page's "PDF handout" link.</i></p>
{body}
</main></body></html>
"""


def index_page_zh(table, static="../_static"):
    """The Chinese edition's index: README.zh-CN.md's introduction and notebook table, linking the zh pages."""
    import mistune

    readme = (ROOT / "README.zh-CN.md").read_text()
    title = readme.splitlines()[0].lstrip("# ")
    intro = readme.split("\n\n")[2:4]
    section = readme.split("## 笔记本", 1)[1].split("\n## ", 1)[0]
    section = re.sub(r"\]\(notebooks/zh/(\d\d_\w+)\.ipynb\)", r"](\1.html)", section)
    section = section.replace("（`make lab-zh` 从 00 开始）", "")
    # Links to the repository's other files have no page on the site.
    intro = [re.sub(r"\[([^\]]+)\]\((?!https?:)[^)]*\.md\)", r"\1", part) for part in intro]
    section = re.sub(r"\[([^\]]+)\]\((?!https?:)[^)]*\.md\)", r"\1", section)
    assert all(f"]({stem}.html)" in section for _, _, stem in table), "README.zh-CN.md's table misses a notebook"
    body = mistune.html("\n\n".join(intro) + "\n\n## 笔记本\n" + section)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(title)}</title><link rel="stylesheet" href="{static}/site.css"></head>
<body class="xent-index"><main>
{nav_zh(table, None)}
<h1>{html.escape(title)}</h1>
<p><i>中文版（教师版）：每道练习下折叠着参考解答。每一页都是运行过的笔记本，滑块无需 Python 即可拖动（预先算好的画面）；
要修改代码，请在 JupyterLab 中打开笔记本（<code>make lab-zh</code>）。学生版与 PDF 讲义目前只有英文：
<a href="../index.html" lang="en">English edition</a>。</i></p>
{body}
</main></body></html>
"""


# --- assets and PDFs -------------------------------------------------------------------------------

def copy_static(out):
    static = out / "_static"
    if not (NODE_MODULES / "mathjax" / "MathJax.js").exists():
        sys.exit(f"{NODE_MODULES} is missing: run `npm ci --ignore-scripts` in publish/ (make site does).")
    for part in MATHJAX_PARTS:
        source, target = NODE_MODULES / "mathjax" / part, static / "mathjax" / part
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target)
    shutil.copy(NODE_MODULES / "requirejs" / "require.js", static / REQUIRE_URL)
    manager = NODE_MODULES / "@jupyter-widgets" / "html-manager" / "dist"
    (static / "html-manager").mkdir(parents=True)
    for path in manager.iterdir():
        # embed-amd.js bundles the base and controls widgets; its fonts (Font Awesome) load
        # relative to it. Browsers take woff2 first, so the older formats are left out.
        if path.name == "embed-amd.js" or path.suffix in (".woff2", ".woff"):
            shutil.copy(path, static / "html-manager" / path.name)
    shutil.copy(PUBLISH / "site.css", static / "site.css")


PRINT_WIDTH_PX = round((210 - 2 * 10) / 25.4 * 96)  # A4 less site.css's 10 mm margins, in CSS pixels
READY = """() => document.documentElement.dataset.mathjax === "done" &&
    [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')]
        .every(script => script.parentElement.querySelector('.widget-box, .widget-image'))"""


def print_pdfs(out, table):
    """A4 handouts of the student pages, printed by the system Chromium (print stylesheet in site.css)."""
    from playwright.sync_api import sync_playwright

    out = out.resolve()
    (out / "pdf").mkdir(exist_ok=True)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-gpu"])
        # Lay the page out at the printed width (A4 less the margins of site.css) from the start,
        # so that MathJax breaks its lines for the paper, not for a screen.
        page = browser.new_page(viewport={"width": PRINT_WIDTH_PX, "height": 1000})
        page.emulate_media(media="print")
        page.route(re.compile(r"^(?!file:).*"), lambda route: route.abort())
        for _, _, stem in table:
            page.goto((out / "student" / f"{stem}.html").as_uri())
            page.wait_for_function(READY, timeout=60_000)
            page.pdf(path=str(out / "pdf" / f"{stem}.pdf"), format="A4", print_background=True, prefer_css_page_size=True)
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "site"))
    parser.add_argument("--frames", type=int, default=20, help="precomputed frames per static slider")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF handouts")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks built (and PDFs printed) at once")
    args = parser.parse_args()
    out = pathlib.Path(args.out).resolve()
    started = time.monotonic()
    if out.exists():
        shutil.rmtree(out)
    (out / "student").mkdir(parents=True)
    (out / "zh").mkdir()
    copy_static(out)

    table = notebook_table()
    assert [stem for _, _, stem in table] == [path.stem for path in NOTEBOOKS], "README table and notebooks/ disagree"
    zh_table = notebook_table("zh")
    assert [stem for _, _, stem in zh_table] == [stem for _, _, stem in table], "README.zh-CN.md's table and notebooks/ disagree"
    report = {"frames": args.frames, "pages": {}}
    with concurrent.futures.ProcessPoolExecutor(args.jobs) as pool:
        jobs = [pool.submit(build_page, index, table, out, args.frames, zh_table) for index in range(len(table))]
        for job in jobs:
            stem, entry = job.result()
            report["pages"][stem] = entry
    (out / "index.html").write_text(index_page(table, student=False, static="_static"))
    (out / "student" / "index.html").write_text(index_page(table, student=True, static="../_static"))
    (out / "zh" / "index.html").write_text(index_page_zh(zh_table))
    timings = {"html_s": round(time.monotonic() - started, 1)}
    if not args.no_pdf:
        with concurrent.futures.ProcessPoolExecutor(args.jobs) as pool:
            list(pool.map(print_pdfs, [out] * args.jobs, [table[k::args.jobs] for k in range(args.jobs)]))
    timings["total_s"] = round(time.monotonic() - started, 1)
    report["timings"] = timings
    report["static_bytes"] = sum(p.stat().st_size for p in (out / "_static").rglob("*") if p.is_file())
    report["site_bytes"] = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    report["zh_bytes"] = sum(p.stat().st_size for p in (out / "zh").rglob("*") if p.is_file())
    (out / "build-report.json").write_text(json.dumps(report, indent=1) + "\n")
    print(f"site: {out} ({report['site_bytes'] / 1e6:.1f} MB, of which _static {report['static_bytes'] / 1e6:.1f} MB, "
          f"Chinese edition {report['zh_bytes'] / 1e6:.1f} MB); "
          f"built in {timings['total_s']} s (HTML pages after {timings['html_s']} s)")


if __name__ == "__main__":
    main()
