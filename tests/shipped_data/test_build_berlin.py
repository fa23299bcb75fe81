"""Berlin example geography built from the raw MSS and LOR files."""

from __future__ import annotations

import importlib.util

from assess_support import ROOT, raw_file


def load_builder():
    spec = importlib.util.spec_from_file_location("build_berlin", ROOT / "data" / "build_berlin.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_shapes_are_rekeyed_to_the_447_mss_ids():
    raw_file("berlin-lor/berlin-lor-planning-areas-until-2020.geojson")
    b = load_builder()
    g = b.build_shapes(b.RAW)
    assert len(g) == 447 and g["code"].is_unique and g["code"].str.len().eq(8).all()
    assert "04030417" in set(g["code"]) and "09041403" not in set(g["code"])
    char = g[g["code"] == "04030417"].iloc[0]
    assert char["bezirk"] == "Charlottenburg-Wilmersdorf"
    assert g.crs.to_epsg() == 25833
    assert g.is_valid.all()
    assert abs(g.area.sum() / 1e6 - 890.66) < 0.05


def test_table_marks_placeholders_and_never_writes_their_zeros():
    raw_file("berlin-mss/berlin-lor-monitoring-social-urban-development-2019-00-2-1.csv")
    b = load_builder()
    t = b.build_table(b.RAW)
    assert list(t.columns) == ["area_code", "year", "variable", "value", "source"]
    assert set(t["year"]) == {2013, 2015, 2017, 2019}
    flags = t[t["variable"] == "mss_assessed"]
    assert flags.groupby("year")["value"].apply(lambda s: (s == "0").sum()).to_dict() == {
        2013: 13,
        2015: 12,
        2017: 11,
        2019: 11,
    }
    placeholder = flags.loc[flags["value"] == "0", ["area_code", "year"]]
    merged = t.merge(placeholder, on=["area_code", "year"])
    assert set(merged["variable"]) == {"inhabitants", "mss_assessed"}
    g = b.build_shapes(b.RAW)
    assert set(t["area_code"]) == set(g["code"])
