# The two commands of the course: `make lab` opens it in JupyterLab, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# JupyterLab refuses to run as root unless told to (containers, CI); everyone else needs nothing.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test venv notebooks benchmark site test-site

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

# The static course site in build/site/ (README "Publishing the site"): a page per notebook with
# sliders that work without a kernel, a student edition without solutions, A4 PDF handouts.
# Its JavaScript comes from npm (publish/package-lock.json), so the pages load nothing remote.
SITE := build/site
NODE_ASSETS := publish/node_modules/.package-lock.json

$(NODE_ASSETS): publish/package.json publish/package-lock.json
	cd publish && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

site: $(INSTALLED) $(NODE_ASSETS)
	$(BIN)/python publish/build_site.py --out $(SITE)

# Build the site, then open it in Chromium with the network cut off (tests/test_site.py).
test-site: site
	XENT_REQUIRE_SITE=1 $(BIN)/python -m pytest tests/test_site.py
