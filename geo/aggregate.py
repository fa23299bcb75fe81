"""Aggregate data from a child geography to its parent via a code table.

Used to turn Stadtbezirk data (35 areas) into Stadtteil data (10 areas):
counts are summed, only when every child of a parent has a value, and rates
are then recomputed from the summed counts (never averaged).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import pandas as pd

from indicators.catalogue import Indicator
from indicators.compute.rates import compute_indicators
from indicators.errors import msg
from indicators.ingest.report import USED, WARNING, Report

ROOT = Path(__file__).resolve().parents[1]
STADTBEZIRKE = ROOT / "shapes" / "stadtbezirke.csv"


def stadtbezirk_table(path: Path = STADTBEZIRKE) -> pd.DataFrame:
    """The shipped Stadtbezirk code list: code, name, stadtteil_code, stadtteil_name (all text)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def parent_codes(
    table: pd.DataFrame | None = None, child: str = "code", parent: str = "stadtteil_code"
) -> dict[str, str]:
    """Child code -> parent code from a code table (default: Stadtbezirk -> Stadtteil)."""
    table = stadtbezirk_table() if table is None else table
    return dict(zip(table[child].astype(str), table[parent].astype(str)))


def additive_variables(variables: set[str], catalogue: Mapping[str, Indicator]) -> set[str]:
    """Variables that may be summed over areas.

    Counts are additive; so are catalogue entries marked ``additive: true``
    (e.g. an area in km²) and rate inputs that the catalogue does not describe
    as anything else. Given statistics such as a mean age are not.
    """
    out = set()
    used_in_rates = {
        t.lstrip("-") for i in catalogue.values() if i.kind == "rate" for t in (*i.numerator, *i.denominator)
    }
    for var in variables:
        ind = catalogue.get(var)
        if ind is None:
            if var in used_in_rates:
                out.add(var)
        elif ind.kind == "count" or ind.extra.get("additive"):
            out.add(var)
    return out


def aggregate_counts(
    tidy: pd.DataFrame,
    parents: Mapping[str, str],
    catalogue: Mapping[str, Indicator],
    reference_code: str | None = "00",
    report: Report | None = None,
) -> pd.DataFrame:
    """Sum additive variables of child areas to their parents.

    Parameters
    ----------
    tidy
        Child-level table ``area_code, year, variable, value``.
    parents
        Child code -> parent code; children not listed are left out (reported).
    catalogue
        Decides which variables are additive (see :func:`additive_variables`).
    reference_code
        Rows of the whole city are passed through unchanged.
    report
        Receives a note for every variable or parent that could not be summed.

    Returns
    -------
    pandas.DataFrame
        Parent-level ``area_code, year, variable, value``. A parent gets a
        value only if all its children have one in that year.
    """
    report = report or Report("Aggregation")
    cols = ["area_code", "year", "variable", "value"]
    tidy = tidy[cols]
    ref = tidy[tidy["area_code"] == reference_code] if reference_code else tidy.iloc[0:0]
    rows = tidy[tidy["area_code"] != reference_code] if reference_code else tidy
    addable = additive_variables(set(rows["variable"]), catalogue)
    for var in sorted(set(rows["variable"]) - addable):
        report.add(None, var, msg("agg_not_a_count", var=var), USED, WARNING)
    unknown = sorted(set(rows["area_code"]) - set(parents))
    if unknown:
        report.add(None, "area_code", msg("agg_no_parent", codes=unknown[:10]), USED, WARNING)
    rows = rows[rows["variable"].isin(addable) & rows["area_code"].isin(parents)].copy()
    rows["parent"] = rows["area_code"].map(parents)
    children = pd.Series(list(parents.values())).value_counts()
    grouped = rows.groupby(["parent", "year", "variable"])["value"].agg(["sum", "count"]).reset_index()
    grouped["expected"] = grouped["parent"].map(children)
    incomplete = grouped[grouped["count"] < grouped["expected"]]
    for (parent, var), grp in incomplete.groupby(["parent", "variable"]):
        years = ", ".join(str(y) for y in sorted(grp["year"])[:5])
        report.add(None, var, msg("agg_incomplete", parent=parent, years=years), USED, WARNING)
    done = grouped[grouped["count"] >= grouped["expected"]]
    out = pd.DataFrame(
        {
            "area_code": done["parent"],
            "year": done["year"],
            "variable": done["variable"],
            "value": done["sum"].astype(float),
        }
    )
    return pd.concat([out, ref], ignore_index=True)[cols].sort_values(cols[:3]).reset_index(drop=True)


def aggregate_indicators(
    tidy: pd.DataFrame,
    parents: Mapping[str, str],
    catalogue: Mapping[str, Indicator],
    reference_code: str | None = "00",
    report: Report | None = None,
) -> pd.DataFrame:
    """Indicators at parent level: counts summed, rates recomputed from the sums."""
    parent_tidy = aggregate_counts(tidy, parents, catalogue, reference_code, report)
    return compute_indicators(parent_tidy, dict(catalogue))


def aggregate_areas(
    areas: gpd.GeoDataFrame, parents: Mapping[str, str], names: Mapping[str, str] | None = None
) -> gpd.GeoDataFrame:
    """Dissolve child polygons into parent polygons (``code``, ``name``, geometry)."""
    sel = areas[areas["code"].isin(parents)].copy()
    sel["parent"] = sel["code"].map(parents)
    out = sel.dissolve(by="parent", as_index=False)[["parent", "geometry"]].rename(columns={"parent": "code"})
    out["name"] = out["code"].map(names or {}).fillna(out["code"])
    return out[["code", "name", "geometry"]]
