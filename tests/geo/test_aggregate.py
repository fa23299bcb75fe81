"""Aggregation from Stadtbezirke to Stadtteile (synthetic counts)."""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo.aggregate import aggregate_areas, aggregate_counts, aggregate_indicators, parent_codes
from indicators.catalogue import load_catalogue


def tidy(rows):
    return pd.DataFrame(rows, columns=["area_code", "year", "variable", "value"])


def test_counts_summed_and_rates_recomputed_not_averaged():
    parents = {"a": "P", "b": "P"}
    t = tidy(
        [
            ("a", 2022, "pop_65plus", 10),
            ("a", 2022, "population_total", 100),
            ("b", 2022, "pop_65plus", 90),
            ("b", 2022, "population_total", 900),
            ("a", 2022, "mean_age", 40),
            ("b", 2022, "mean_age", 50),
        ]
    )
    cat = load_catalogue()
    v = aggregate_indicators(t, parents, cat).set_index("indicator")["value"]
    assert v["share_65plus"] == pytest.approx(100 / 1000 * 100)  # the average of shares would be 10 too; see next
    t.loc[t.variable == "population_total", "value"] = [100, 300]
    v = aggregate_indicators(t, parents, cat).set_index("indicator")["value"]
    assert v["share_65plus"] == pytest.approx(100 / 400 * 100)  # not (10% + 30%) / 2
    assert "mean_age" not in v.index  # a mean cannot be summed


def test_incomplete_parent_gets_no_sum_and_is_reported():
    from indicators.ingest.report import Report

    report = Report("t")
    out = aggregate_counts(
        tidy([("a", 2022, "births", 5), ("00", 2022, "births", 9)]),
        {"a": "P", "b": "P"},
        load_catalogue(),
        report=report,
    )
    assert list(out["area_code"]) == ["00"]
    assert "nicht alle Teilgebiete" in report.to_text()


def test_shipped_code_table_covers_35_bezirke_in_10_stadtteile():
    p = parent_codes()
    assert len(p) == 35 and len(set(p.values())) == 10 and p["22"] == "04"


def test_aggregate_areas_dissolves():
    areas = gpd.GeoDataFrame(
        {"code": ["a", "b"], "name": ["A", "B"]}, geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)], crs=25832
    )
    out = aggregate_areas(areas, {"a": "P", "b": "P"}, {"P": "Parent"})
    assert list(out["name"]) == ["Parent"] and out.geometry.iloc[0].area == pytest.approx(2)
