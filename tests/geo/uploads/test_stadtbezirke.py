"""Recognising area polygons as Lübeck's Stadtbezirke (:mod:`geo.uploads.stadtbezirke`).

Codes and names come from the shipped list ``shapes/stadtbezirke.csv``; geometries play no part in the
matching, so the layers here have none. End to end (file → check → areas) is ``test_pipeline.py``.
"""

from __future__ import annotations

import geopandas as gpd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.aggregate import stadtbezirk_table
from geo.uploads.stadtbezirke import match_stadtbezirke, normalise_code
from indicators.ingest.report import Report


@pytest.fixture(scope="module")
def table():
    return stadtbezirk_table()


def _layer(codes, names) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"code": list(codes), "name": list(names)}, geometry=[None] * len(codes))


@given(n=st.integers(0, 99), form=st.sampled_from(["{}", "{:02d}", "{}.0", " {:02d} ", "{}.00"]))
def test_gis_forms_of_a_code_normalise_to_two_digits(n: int, form: str) -> None:
    assert normalise_code(form.format(n)) == f"{n:02d}"


def test_text_codes_are_only_stripped() -> None:
    assert normalise_code(" 1a ") == "1a"
    assert normalise_code("1.5") == "1.5"


def test_codes_without_leading_zero_match_and_get_their_stadtteil(table) -> None:
    layer = _layer([str(int(c)) for c in table["code"]], table["name"])
    report = Report("bezirke")
    out, recognised = match_stadtbezirke(layer, report, table)
    assert recognised
    assert out["code"].tolist() == table["code"].tolist()
    assert out["stadtteil_code"].tolist() == table["stadtteil_code"].tolist()
    assert out["stadtteil_name"].tolist() == table["stadtteil_name"].tolist()
    assert report.findings == []


def test_an_unknown_code_is_matched_by_its_name_and_noted(table) -> None:
    codes = table["code"].tolist()
    codes[5] = "X6"
    report = Report("bezirke")
    out, recognised = match_stadtbezirke(_layer(codes, table["name"]), report, table)
    assert recognised
    assert out["code"].iloc[5] == table["code"].iloc[5]
    assert [f.row for f in report.findings] == [6]


def test_missing_stadtbezirke_are_reported(table) -> None:
    part = table.iloc[:30]
    report = Report("bezirke")
    out, recognised = match_stadtbezirke(_layer(part["code"], part["name"]), report, table)
    assert recognised and len(out) == 30
    assert len(report.findings) == 1
    assert all(code in report.findings[0].problem_text() for code in table["code"].iloc[30:])


def test_too_few_known_codes_are_not_stadtbezirke(table) -> None:
    layer = _layer([f"9{i:02d}" for i in range(35)], [f"Fläche {i}" for i in range(35)])
    out, recognised = match_stadtbezirke(layer, Report("x"), table)
    assert not recognised and out is layer


def test_codes_01_to_10_with_other_names_are_not_stadtbezirke(table) -> None:
    """Codes 01–10 exist in both lists: with names, most must be Stadtbezirk names."""
    first = table.iloc[:10]
    layer = _layer(first["code"], [f"Gebiet {c}" for c in first["code"]])
    report = Report("x")
    out, recognised = match_stadtbezirke(layer, report, table)
    assert not recognised and out is layer
    assert len(report.findings) == 1


def test_the_shipped_stadtteile_are_not_stadtbezirke(luebeck, table) -> None:
    areas = luebeck.areas[["code", "name", "geometry"]]
    report = Report("stadtteile")
    out, recognised = match_stadtbezirke(areas, report, table)
    assert not recognised and out is areas
    assert len(report.findings) == 1
