# Two front doors for a newcomer: `make run` and `make test`. Both create .venv on first use.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test test-fast lint bench data venv clean cli cluster

# Says what it does: the first install takes a few minutes.
$(VENV)/.installed: requirements.txt
	@test -x $(PY) || { echo ">> Lege die Python-Umgebung $(VENV) an (python3 -m venv) ..."; python3 -m venv $(VENV); }
	@echo ">> Aktualisiere pip in $(VENV) ..."
	@$(PY) -m pip install --quiet --upgrade pip
	@echo ">> Installiere die Pakete aus requirements.txt (beim ersten Mal einige Minuten) ..."
	@$(PY) -m pip install --progress-bar on --disable-pip-version-check -r requirements.txt
	@touch $@
	@echo ">> Umgebung bereit: $(VENV)"

venv: $(VENV)/.installed

run: venv
	@echo ">> Starte die App auf http://localhost:$(PORT) (Beenden mit Strg+C) ..."
	$(PY) cli.py serve --port $(PORT) --server.headless true

# A local cluster (PostgreSQL+PostGIS, two app processes, pygeoapi, nginx on https://localhost:8443)
# in the foreground until Ctrl+C: deploy/local-cluster (see deploy/README.md).
cluster: venv
	deploy/local-cluster up --foreground

# The command line with the project's Python: make cli ARGS="map --indicator share_65plus --year 2022 --out karte.png"
cli: venv
	$(PY) cli.py $(ARGS)

test: venv lint
	$(PY) -m pytest

# The quick loop while working: no browser, no servers (marks given in tests/conftest.py).
test-fast: venv
	$(PY) -m pytest -m "not e2e and not server" -q

# Static checks (also part of `make test`): style, layer contracts, types.
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
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
	$(PY) data/build_kitas.py

clean:
	rm -rf $(VENV) .pytest_cache
