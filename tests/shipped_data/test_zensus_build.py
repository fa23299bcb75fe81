"""The shipped Zensus 2011 grid data and Stadtteil indicators against a rebuild from the raw cells."""

from __future__ import annotations

import importlib.util

import pandas as pd
import pytest
from testkit import ROOT


@pytest.fixture(scope="module")
def rebuilt(raw_dir):
    spec = importlib.util.spec_from_file_location("build_zensus", ROOT / "data" / "build_zensus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.ZENSUS = raw_dir / "zensus2011-luebeck"
    return mod, mod.build()


def _shipped(name: str) -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / name, dtype={"area_code": str})


def test_stadtteil_indicators_equal_a_recomputation_from_the_raw_cells(rebuilt):
    _, out = rebuilt
    shipped = _shipped("luebeck_stadtteile_zensus2011.csv")
    pd.testing.assert_frame_equal(shipped, out["stadtteile"].astype({"year": "int64"}), check_dtype=False)


def test_cell_tables_equal_the_raw_cells(rebuilt):
    _, out = rebuilt
    for key, name in (("1km", "zensus2011_1km.csv"), ("100m", "zensus2011_100m.csv")):
        pd.testing.assert_frame_equal(_shipped(name), out[key], check_dtype=False)
    assert len(out["sq1"]) == 291 and len(out["sq100"]) == 4350


def test_city_is_the_sum_of_the_stadtteile_and_close_to_the_register(rebuilt):
    _, out = rebuilt
    t = out["stadtteile"]
    for var, g in t.groupby("variable"):
        assert g[g["area_code"] == "00"]["value"].iloc[0] == pytest.approx(
            g[g["area_code"] != "00"]["value"].sum(), rel=1e-6
        ), var
    check = out["check"].set_index("area_code")
    assert abs(check.loc["00", "diff_dasymetric_pct"]) < 2  # census day vs register at year end
    pd.testing.assert_frame_equal(
        _shipped("zensus2011_check.csv"), out["check"].reset_index(drop=True), check_dtype=False
    )


def test_shipped_indicators_are_dated_and_licensed():
    from indicators.catalogue import load_catalogue, load_sources

    cat = load_catalogue()
    src = load_sources()["zensus2011-grid"]
    assert src.licence == "dl-de/by-2-0"
    for i in (
        "share_foreign_2011",
        "mean_household_size_2011",
        "vacancy_rate_2011",
        "living_space_per_resident_2011",
        "zensus_hh_single_parent",
        "zensus_hh_seniors_only",
    ):
        ind = cat[i]
        assert ind.reference_date == "09.05.2011" and ind.source == "zensus2011-grid" and "2011" in ind.label_de
        assert ind.extra.get("method") and ind.direction in {"up", "down", "neutral"}


def test_need_assessment_on_luebeck_uses_the_census_indicators(luebeck):
    from indicators.needs.assessment import default_setup, need_frame

    setup = default_setup(luebeck, 2022)
    assert {"share_foreign_2011", "vacancy_rate_2011", "living_space_per_resident_2011"} <= set(setup.indicators)
    frame = need_frame(luebeck, 2022, setup.indicators)
    assert frame["share_foreign_2011"].notna().all()


def test_school_layer_equals_a_rebuild_from_the_raw_directory(raw_dir):
    spec = importlib.util.spec_from_file_location("build_schools", ROOT / "data" / "build_schools.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.SCHOOLS = raw_dir / "schools-sh" / "schulen_luebeck.csv"
    points, table = mod.build()
    pd.testing.assert_frame_equal(_shipped("luebeck_stadtteile_schools.csv"), table, check_dtype=False)
    assert len(points) == 74
    city = table[table["area_code"] == "00"].set_index("variable")["value"]
    # counts of SOURCE.md: Grundschule 24, Gemeinschaftsschule 15, berufsbildend 10, Gymnasium 7, ...
    assert (
        city["schools_grundschule"],
        city["schools_gemeinschaftsschule"],
        city["schools_berufsbildend"],
        city["schools_gymnasium"],
        city["schools_total"],
    ) == (24, 15, 10, 7, 74)
    parts = table[table["area_code"] != "00"].groupby("variable")["value"].sum()
    assert (parts == city.reindex(parts.index)).all()
    assert 0 < city["addresses_far_primary"] < city["addresses_all"]
