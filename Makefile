# Two front doors for a newcomer: `make run` and `make test`. Both create .venv on first use.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint bench data venv clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

run: venv
	$(PY) cli.py serve --port $(PORT) --server.headless true

test: venv lint
	$(PY) -m pytest

# Static checks (also part of `make test`): style, layer contracts, types.
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

bench: venv
	$(PY) bench/run.py

# Rebuild the shipped datasets in shapes/ and data/ from ../shared/data/raw.
data: venv
	$(PY) shapes/build.py
	$(PY) shapes/build_addresses.py
	$(PY) data/build.py
	$(PY) data/build_berlin.py
	$(PY) data/build_zensus.py
	$(PY) data/build_schools.py

clean:
	rm -rf $(VENV) .pytest_cache
