"""The pins live in two pip files, and conda / Binder (environment.yml) install exactly those."""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
REQUIREMENT_FILES = ("requirements.txt", "requirements-test.txt")


def requirement_lines(name):
    """The non-comment requirement lines of a file, whitespace-trimmed."""
    lines = (ROOT / name).read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def test_environment_yml_installs_the_two_requirement_files():
    environment = (ROOT / "environment.yml").read_text()
    pip_section = environment.split("- pip:", 1)[1]
    assert re.findall(r"^\s+- (.+)$", pip_section, flags=re.M) == [f"-r {name}" for name in REQUIREMENT_FILES]


def test_every_requirement_is_pinned_exactly_and_once():
    packages = []
    for name in REQUIREMENT_FILES:
        for line in requirement_lines(name):
            assert line == "-e ." or re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.]*", line), line
            packages.append(line.split("==")[0].lower())
    assert len(packages) == len(set(packages))


def test_environment_yml_asks_for_python_3_11():
    assert re.search(r"^\s+- python=3\.11$", (ROOT / "environment.yml").read_text(), flags=re.M)
