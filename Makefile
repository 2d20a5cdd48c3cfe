# The two commands of the course: `make lab` opens it in JupyterLab, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# JupyterLab refuses to run as root unless told to (containers, CI); everyone else needs nothing.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab lab-zh test venv notebooks benchmark slides timings teach test-teach test-hub

venv: $(INSTALLED)

$(INSTALLED): requirements.txt requirements-test.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -r requirements.txt -r requirements-test.txt
	touch $@

# jupyter-config/ is added to Jupyter's configuration path for this server only (nothing is
# written to your own settings, which still win): its default_setting_overrides.json switches
# off JupyterLab's news pop-up and update check, and saves each slider's state when you save a
# notebook, so that a notebook reopened without running shows its figures, not "Error displaying
# widget: model not found".
lab: $(INSTALLED)
	cd notebooks && JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter-config$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}" \
		../$(BIN)/jupyter lab --ip=127.0.0.1 $(AS_ROOT) 00_start_here.ipynb

# The Chinese edition (notebooks/zh/) in JupyterLab's Chinese interface. The language pack is an
# optional, unpinned install that only this target makes; its setting lives in a settings folder of
# its own, so `make lab` stays in English.
ZH_SETTINGS := $(abspath $(VENV))/lab-zh-settings
lab-zh: $(INSTALLED)
	$(BIN)/python -m pip show -q jupyterlab-language-pack-zh-CN 2>/dev/null \
		|| $(BIN)/python -m pip install jupyterlab-language-pack-zh-CN
	mkdir -p $(ZH_SETTINGS)/@jupyterlab/translation-extension
	echo '{"locale": "zh_CN"}' > $(ZH_SETTINGS)/@jupyterlab/translation-extension/plugin.jupyterlab-settings
	cd notebooks && ../$(BIN)/jupyter lab --ip=127.0.0.1 $(AS_ROOT) \
		--LabApp.user_settings_dir=$(ZH_SETTINGS) zh/00_start_here.ipynb

test: $(INSTALLED)
	$(BIN)/python -m pytest

# Re-execute every notebook top to bottom in a fresh kernel and normalize it, keeping the
# outputs and execution counts that nbval compares against; then rebuild the Chinese edition
# (notebooks/zh/) from them and the catalogues in translations/zh_CN/ (tools/translate.py).
notebooks: $(INSTALLED)
	cd notebooks && for nb in $(notdir $(NOTEBOOKS)); do \
		../$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
			--ExecutePreprocessor.store_widget_state=False $$nb || exit 1; done
	$(BIN)/nbstripout --keep-output --keep-count $(NOTEBOOKS)
	$(BIN)/python tools/slides.py
	$(BIN)/python tools/translate.py build

benchmark: $(INSTALLED)
	$(BIN)/python benchmarks/bench_softmax_cross_entropy.py
	$(BIN)/python benchmarks/bench_widgets.py

# Slide metadata on every notebook (a slide per heading, a subslide at the main slider); run it
# after adding or merging a notebook (tests/test_slides.py checks it).
slides:
	python3 tools/slides.py

# Each notebook's live and self-study minutes into README.md and docs/teaching.md (tests/test_timings.py).
timings:
	python3 tools/timings.py

# The teacher's extras (docs/teaching.md): jupyterlab-slideshow and JupyterLab in Chinese.
TEACH := $(VENV)/.teach
$(TEACH): $(INSTALLED) requirements-teach.txt
	$(BIN)/python -m pip install -r requirements-teach.txt
	touch $@

teach: $(TEACH)
	cd notebooks && ../$(BIN)/jupyter lab --ip=127.0.0.1 $(AS_ROOT) 00_start_here.ipynb

# A notebook presented as slides in Chromium, its slider moved with the arrow key.
test-teach: $(TEACH)
	XENT_CLASSROOM=1 $(BIN)/python -m pytest tests/test_slides_in_browser.py

# Serving a class: JupyterHub + nbgitpuller end to end in Chromium, a fresh clone's kernel, Binder.
HUB := $(VENV)/.hub
$(HUB): $(INSTALLED) requirements-hub.txt
	$(BIN)/python -m pip install -r requirements-hub.txt
	npm install --prefix $(VENV)/node --no-audit --no-fund configurable-http-proxy@5.3.0
	touch $@

test-hub: $(HUB)
	XENT_CLASSROOM=1 $(BIN)/python -m pytest tests/test_fresh_clone.py tests/test_hub.py tests/test_binder.py
