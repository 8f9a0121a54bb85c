# `make site` builds the knowledge base from seeds/ and content/; `make test` runs every test.
# Both first create .venv and install kbgen into it (once, and again when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: site test clean

site: $(INSTALLED)
	$(BIN)/kbgen build

test: $(INSTALLED)
	$(BIN)/python -m pytest -q

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) _site .kbgen
