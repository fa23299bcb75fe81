"""Build the shipped Lübeck indicator table from ``../shared/data/raw``.

Writes ``data/luebeck_stadtteile.csv``, a tidy table with one row per
area, year and variable::

    area_code,year,variable,value,reference_date,source

``area_code`` is ``00`` for the whole city and ``01``..``10`` for the
Stadtteile. Values are copied exactly from the source; the build stops if the
two source files (hl-quarto-db ``data.csv`` and the cross-checked long file)
disagree on any value. The only computed variable is ``area_km2``, the area
of the cleaned boundaries in ``shapes/luebeck.gpkg``.
"""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
RAW = Path(os.environ.get("SOZIALMONITOR_RAW", ROOT.parent / "shared" / "data" / "raw"))
QUARTO = RAW / "luebeck-stadtteile-hl-quarto-db" / "data.csv"
LONG = RAW / "luebeck-statistik" / "indicators_long.csv"
OUT = ROOT / "data" / "luebeck_stadtteile.csv"

# hl-quarto-db column -> variable id used in the catalogue
COLUMNS = {
    "einwohner": "population_total",
    "durchschnittsalter": "mean_age",
    "kinder": "pop_under18",
    "erwachsene": "pop_18_64",
    "aeltere": "pop_65plus",
    "geburten": "births",
    "sterbefaelle": "deaths",
    "zuzuege": "in_migration",
    "wegzuege": "out_migration",
}
FLOWS = {"births", "deaths", "in_migration", "out_migration"}
SOURCE_ID = "hl-quarto-db"


def read_quarto() -> pd.DataFrame:
    """hl-quarto-db ``data.csv`` in tidy form (values kept as source text)."""
    wide = pd.read_csv(QUARTO, dtype=str)
    wide["area_code"] = wide["stadtteil"].str.slice(0, 2)
    tidy = wide.melt(id_vars=["jahr", "area_code"], value_vars=list(COLUMNS), var_name="col", value_name="value")
    tidy["variable"] = tidy["col"].map(COLUMNS)
    tidy["year"] = tidy["jahr"].astype(int)
    tidy["reference_date"] = [
        f"{y}-01-01/{y}-12-31" if v in FLOWS else f"{y}-12-31" for y, v in zip(tidy["year"], tidy["variable"])
    ]
    tidy["source"] = SOURCE_ID
    return tidy[["area_code", "year", "variable", "value", "reference_date", "source"]]


def cross_check(tidy: pd.DataFrame) -> None:
    """Stop unless the long file's main series equals ``data.csv`` exactly."""
    long = pd.read_csv(LONG, dtype=str)
    main = long[long["source_table"].str.contains("hl-quarto-db", na=False)].copy()
    main["year"] = main["year"].astype(int)
    merged = tidy.merge(
        main[["area_code", "year", "variable", "value"]],
        on=["area_code", "year", "variable"],
        how="outer",
        suffixes=("", "_long"),
        indicator=True,
    )
    missing = merged[merged["_merge"] != "both"]
    differ = merged[
        (merged["_merge"] == "both") & (merged["value"].astype(float) != merged["value_long"].astype(float))
    ]
    if len(missing) or len(differ):
        problem = f"Sources disagree: {len(missing)} rows in only one file, {len(differ)} values differ"
        raise SystemExit(problem)


def area_rows(years: list[int]) -> pd.DataFrame:
    """``area_km2`` per Stadtteil and city from the shipped, cleaned boundaries."""
    st = gpd.read_file(ROOT / "shapes" / "luebeck.gpkg", layer="stadtteile")
    city = gpd.read_file(ROOT / "shapes" / "luebeck.gpkg", layer="stadt")
    areas = pd.concat(
        [
            pd.DataFrame({"area_code": st["code"], "km2": st.geometry.area / 1e6}),
            pd.DataFrame({"area_code": ["00"], "km2": city.geometry.area / 1e6}),
        ]
    )
    rows = [
        (code, y, "area_km2", f"{km2:.4f}", "", "shapes/luebeck.gpkg")
        for code, km2 in zip(areas["area_code"], areas["km2"])
        for y in years
    ]
    return pd.DataFrame(rows, columns=["area_code", "year", "variable", "value", "reference_date", "source"])


def main() -> None:
    tidy = read_quarto()
    cross_check(tidy)
    years = sorted(tidy["year"].unique().tolist())
    out = pd.concat([tidy, area_rows(years)], ignore_index=True)
    out = out.sort_values(["year", "area_code", "variable"]).reset_index(drop=True)
    out.to_csv(OUT, index=False)
    print(f"{OUT.name}: {len(out)} rows, years {years[0]}-{years[-1]}")


if __name__ == "__main__":
    main()
