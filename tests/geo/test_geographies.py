"""The geography registry (geo/geographies.py): adding a geography is one entry in its YAML file.

A SYNTHETIC test geography (``probe``: the shipped Lübeck files under another id, label and
default need method) is added to a copy of the registry file; the command line offers and uses it.
"""

from __future__ import annotations

import json

import pytest

from geo import geographies
from geo.geographies import ROOT, get_geography, list_geographies, shipped_geographies
from indicators.wording.voice import Voice

PROBE = """
probe:
  label_de: Prüfgeografie (synthetisch, nur für Tests)
  label_en: Probe geography (synthetic, tests only)
  boundaries: shapes/luebeck.gpkg
  layer: stadtteile
  table: data/luebeck_stadtteile.csv
  catalogue: data/indicators.yaml
  need_method: svi
  reference_code: "00"
  same_counts: {zensus_foreigners: [zensus_foreigners, zensus_population]}
"""


@pytest.fixture
def probe(tmp_path, monkeypatch):
    registry = tmp_path / "geographies.yaml"
    registry.write_text((ROOT / "shapes" / "geographies.yaml").read_text(encoding="utf-8") + PROBE, encoding="utf-8")
    monkeypatch.setattr(geographies, "REGISTRY", registry)
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path / "data"))  # no saved datasets of a real store
    return registry


def test_one_entry_adds_a_geography(probe):
    assert "probe" in shipped_geographies() and "stadtteile" in shipped_geographies()
    assert "probe" in list_geographies()
    geo = get_geography("probe")
    assert geo.label(voice=Voice.of("en")).startswith("Probe geography") and geo.need_method == "svi"


def test_the_cli_offers_and_uses_a_registered_geography(probe, capsys):
    from cli import main

    assert main(["indicators", "--geography", "nirgendwo"]) == 1
    assert "probe" in capsys.readouterr().err  # the known geographies, the new one among them
    assert main(["needs", "--geography", "probe", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["geography"] == "probe" and data["method"] == "svi"  # its metadata, not its name, decides
    assert len(data["areas"]) == 10
    assert main(["needs", "--geography", "stadtteile", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["method"] == "z"


def test_shipped_counts_of_the_same_people_are_found_on_every_geography():
    from geo.spatial.segregation import counts_on

    same = {
        "stadtteile": ("zensus_foreigners", "zensus_population"),
        "zensus2011-1km": ("foreigners", "Einwohner"),
        "zensus2011-100m": ("foreigners", "Einwohner"),
    }
    assert counts_on("stadtteile", "zensus_foreigners", "zensus_population") == same
    assert counts_on("zensus2011-1km", "foreigners", "Einwohner") == same
    assert counts_on("stadtteile", "foreigners", "Einwohner") == {}  # not the pair of that geography
    assert counts_on("berlin-mss", "a", "b") == {} and counts_on("nirgendwo", "a", "b") == {}


def test_a_new_geography_joins_the_segregation_comparison_by_its_entry(probe):
    from geo.spatial.segregation import counts_on

    assert counts_on("zensus2011-1km", "foreigners", "Einwohner")["probe"] == ("zensus_foreigners", "zensus_population")
