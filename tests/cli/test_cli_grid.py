"""``cli.py grid import`` / ``grid aggregate`` on a SYNTHETIC file in the Zensus 2022 layout."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest
from grid_synth import block_on_border, grid_2022_bytes
from testkit import ROOT


def run(tmp_path, *args, lang="de"):
    env = {**os.environ, "SOZIALMONITOR_DATA_DIR": str(tmp_path / "var"), "SOZIALMONITOR_LANG": lang}
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def grid_file(tmp_path_factory):
    from geo.geographies import get_geography, load_areas, load_outline

    geo = get_geography("stadtteile")
    corners = block_on_border(load_areas(geo), load_outline(geo).union_all())
    data, expected = grid_2022_bytes(corners)
    path = tmp_path_factory.mktemp("grid") / "Zensus2022_Bevoelkerung_100m-Gitter.csv"
    path.write_bytes(data)
    return path, expected


def test_import_then_aggregate_json(tmp_path, grid_file):
    path, expected = grid_file
    res = run(tmp_path, "grid", "import", "--file", str(path), "--name", "test-gitter")
    assert res.returncode == 0, res.stderr
    assert "außerhalb der Stadt" in res.stdout and "test_gitter" in res.stdout
    res = run(tmp_path, "grid", "aggregate", "--grid", "test-gitter", "--to", "stadtteile", "--json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["grid"] == "test_gitter" and doc["to"] == "stadtteile" and doc["year"] == 2022
    v = pd.DataFrame(doc["values"])
    assert set(v.columns) >= {"area_code", "variable", "method", "value"}
    assert set(v["method"]) == {"areal", "dasymetric"}
    total = sum(p for p, _ in expected.values())
    pop = v[v["variable"] == "Einwohner"]
    # disclosure control: districts with 0 are null, and so is the one district that the
    # city total would reveal; what is shown is a share of the synthetic total
    assert pop["value"].isna().any() and pop["value"].notna().any()
    assert (pop["value"].dropna() <= total).all()
    assert len(pop) == 2 * 10


def test_import_and_aggregate_speak_english_when_asked(tmp_path, grid_file):
    path, expected = grid_file
    res = run(tmp_path, "grid", "import", "--file", str(path), "--name", "test-gitter", lang="en")
    assert res.returncode == 0, res.stderr
    assert "lies outside the city" in res.stdout and f"{len(expected)} cells" in res.stdout
    assert "außerhalb der Stadt" not in res.stdout and "Zellen" not in res.stdout and "Geografie" not in res.stdout
    res = run(tmp_path, "grid", "aggregate", "--grid", "test-gitter", "--to", "stadtteile", lang="en")
    assert res.returncode == 0, res.stderr
    head = res.stdout.splitlines()
    assert head[0] == "Grid test_gitter → stadtteile, 2022" and head[1].split() == [
        "Area",
        "Variable",
        "Surface",
        "Addresses",
    ]
    for word in ("Gebiet", "Merkmal", "Fläche", "Anteile", "Werte unter", "Schätzwerte"):
        assert word not in res.stdout, word
    german = run(tmp_path, "grid", "aggregate", "--grid", "test-gitter", "--to", "stadtteile")
    assert german.stdout.splitlines()[0] == "Gitter test_gitter → stadtteile, 2022" and "Fläche" in german.stdout


def test_errors_are_german_messages(tmp_path):
    res = run(tmp_path, "grid", "aggregate", "--grid", "gibt-es-nicht")
    assert res.returncode == 1 and res.stderr.startswith("Fehler: Unbekannte Geografie")
    res = run(tmp_path, "grid", "import")
    assert res.returncode == 1 and "--file" in res.stderr and "Traceback" not in res.stderr
    bad = tmp_path / "kein_gitter.csv"
    bad.write_text("a;b\n1;2\n", encoding="utf-8")
    res = run(tmp_path, "grid", "import", "--file", str(bad))
    assert res.returncode == 1 and "GITTER_ID" in res.stderr
