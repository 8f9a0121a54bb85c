# `make site` builds the knowledge base from seeds/ and content/; `make test` runs every test.
# Both first create .venv and install kbgen into it (once, and again when pyproject.toml changes).
# `make test` also installs, once, what the browser tests (tests/browser) need: Debian's chromium
# when /usr/bin/chromium is absent (apt-get, as root), and axe-core pinned by
# tests/browser/package-lock.json (npm ci; again when the lock changes). Playwright comes with `.[test]`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
BROWSER_DIR := tests/browser
AXE_INSTALLED := $(BROWSER_DIR)/node_modules/.installed

.PHONY: site test lint format browser-deps clean

site: $(INSTALLED)
	$(BIN)/kbgen build

test: $(INSTALLED) browser-deps lint
	$(BIN)/python -m pytest -q

# Lint, format and types (configured in pyproject.toml); `make format` fixes what ruff can.
lint: $(INSTALLED)
	$(BIN)/ruff check kbgen tests bench
	$(BIN)/ruff format --check kbgen tests bench
	$(BIN)/mypy

format: $(INSTALLED)
	$(BIN)/ruff check --fix kbgen tests bench
	$(BIN)/ruff format kbgen tests bench

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

browser-deps: $(CHROMIUM) $(AXE_INSTALLED)

# Runs only when /usr/bin/chromium is absent. Without root (a developer's machine) it only warns,
# and the browser tests skip; under CI (CI set) they must run, so it fails instead.
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	elif [ -n "$$CI" ]; then \
	  echo "$@ is missing and only root can apt-get install chromium" >&2; exit 1; \
	else \
	  echo "warning: $@ is missing (sudo apt-get install chromium): the browser tests will skip" >&2; \
	fi

# npm ci empties node_modules first, so the stamp inside it goes when node_modules goes.
$(AXE_INSTALLED): $(BROWSER_DIR)/package.json $(BROWSER_DIR)/package-lock.json
	@if command -v npm >/dev/null; then \
	  cd $(BROWSER_DIR) && npm ci --no-audit --no-fund && touch node_modules/.installed; \
	elif [ -n "$$CI" ]; then \
	  echo "npm is missing: cannot install axe-core for the browser tests" >&2; exit 1; \
	else \
	  echo "warning: npm is missing: the accessibility (axe-core) tests will skip" >&2; \
	fi

clean:
	rm -rf $(VENV) _site .kbgen $(BROWSER_DIR)/node_modules
