"""Build the shipped Zensus 2011 grid data from ``../shared/data/raw/zensus2011-luebeck``.

Writes

``shapes/zensus2011_grid.gpkg``
    layers ``cells_1km`` (291 cells touching the city) and ``cells_100m`` (4,350 cells),
    squares from the INSPIRE ids (EPSG:3035, reprojected to EPSG:25832);
``data/zensus2011_1km.csv``, ``data/zensus2011_100m.csv``
    the cell values (tidy; missing and secret values left out, never 0);
``data/luebeck_stadtteile_zensus2011.csv``
    Stadtteil indicators for 2011 by the grid aggregation (:mod:`geo.grid.aggregate`,
    address-point weighting) plus the city (sum of the Stadtteile);
``data/zensus2011_check.csv``
    aggregated population (both methods) against the register's 31.12.2011 figures.

The raw files are read with the same reader as an upload (:mod:`indicators.ingest.grid`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.geographies import get_geography, load_areas, load_outline  # noqa: E402
from geo.grid.aggregate import aggregate_grid  # noqa: E402
from geo.grid.cells import clip_to_city  # noqa: E402
from indicators.ingest.grid import GridTable, read_grid  # noqa: E402

RAW = Path(os.environ.get("SOZIALMONITOR_RAW", ROOT.parent / "shared" / "data" / "raw"))
ZENSUS = RAW / "zensus2011-luebeck"
OUT = {
    "gpkg": ROOT / "shapes" / "zensus2011_grid.gpkg",
    "1km": ROOT / "data" / "zensus2011_1km.csv",
    "100m": ROOT / "data" / "zensus2011_100m.csv",
    "stadtteile": ROOT / "data" / "luebeck_stadtteile_zensus2011.csv",
    "check": ROOT / "data" / "zensus2011_check.csv",
}
YEAR, DATE, SOURCE = 2011, "2011-05-09", "zensus2011-grid"
METHOD = "dasymetric"  # the shipped Stadtteil value; the areal one is in the check file
# 100 m long file (table_attribute_code) -> shipped variable; several codes are summed
FEATURES_100M = {
    "foreigners": ["demography_STAATSANGE_KURZ_2"],
    "age_under10": ["demography_ALTER_10JG_1"],
    "age_80plus": ["demography_ALTER_10JG_9"],
    "hh_single_parent": ["households_HHTYP_FAM_4"],
    "hh_seniors_only": ["families_HHTYP_SENIOR_HH_1"],
    "dwellings_vacant": ["dwellings_NUTZUNG_DETAIL_HHGEN_4"],
    "dwellings_holiday": ["dwellings_NUTZUNG_DETAIL_HHGEN_3"],
    "dwellings_floorspace_classes": [f"dwellings_WOHNFLAECHE_10S_{i}" for i in range(1, 18)],
    "buildings_by_age": [f"buildings_BAUJAHR_MZ_{i}" for i in range(1, 11)],
}
# Stadtteil variable <- (grid, aggregated column, factor)
STADTTEIL = {
    "zensus_population": ("1km", "Einwohner", 1),
    "zensus_foreigners": ("1km", "Auslaender_A__num", 0.01),
    "zensus_population_foreigner_base": ("1km", "Auslaender_A__den", 1),
    "zensus_hhsize_x_population": ("1km", "HHGroesse_D__num", 1),
    "zensus_population_hhsize_base": ("1km", "HHGroesse_D__den", 1),
    "zensus_living_space_m2": ("1km", "Wohnfl_Bew_D__num", 1),
    "zensus_population_space_base": ("1km", "Wohnfl_Bew_D__den", 1),
    "zensus_dwellings_vacant": ("100m", "dwellings_vacant", 1),
    "zensus_dwellings": ("100m", "dwellings_floorspace_classes", 1),
    "zensus_hh_single_parent": ("100m", "hh_single_parent", 1),
    "zensus_hh_seniors_only": ("100m", "hh_seniors_only", 1),
    "zensus_children_under10": ("100m", "age_under10", 1),
}


def grid_1km() -> GridTable:
    return read_grid(ZENSUS / "zensus2011_1km_luebeck.csv")


def grid_100m() -> GridTable:
    """The long 100 m file reduced to the shipped features (sums of their codes)."""
    g = read_grid(ZENSUS / "zensus2011_100m_luebeck_long.csv.gz")
    parts = []
    for var, codes in FEATURES_100M.items():
        v = g.values[g.values["variable"].isin(codes)].groupby("cell_id", as_index=False)["value"].sum(min_count=1)
        parts.append(v.assign(variable=var, line=0))
    values = pd.concat(parts, ignore_index=True)[["cell_id", "variable", "value", "line"]]
    return GridTable(100, g.cells, values, dict.fromkeys(FEATURES_100M, "count"), None, g.reports)


def tidy(grid: GridTable) -> pd.DataFrame:
    v = grid.values.dropna(subset=["value"])
    out = pd.DataFrame(
        {
            "area_code": v["cell_id"],
            "year": YEAR,
            "variable": v["variable"],
            "value": v["value"],
            "reference_date": DATE,
            "source": SOURCE,
        }
    )
    return out.sort_values(["area_code", "variable"]).reset_index(drop=True)


def stadtteil_rows(sums: dict[str, pd.DataFrame], method: str = METHOD) -> pd.DataFrame:
    """Stadtteil and city (00) rows of the aggregated variables."""
    rows = []
    for var, (grid, col, factor) in STADTTEIL.items():
        s = sums[grid].xs(method, level="method")[col] * factor
        s = pd.concat([pd.Series({"00": s.sum()}), s])
        rows += [(code, YEAR, var, round(float(val), 4), DATE, SOURCE) for code, val in s.items()]
    out = pd.DataFrame(rows, columns=["area_code", "year", "variable", "value", "reference_date", "source"])
    return out.sort_values(["area_code", "variable"]).reset_index(drop=True)


def build() -> dict[str, object]:
    """Everything the script writes, as frames (for the build test)."""
    geo = get_geography("stadtteile")
    areas, outline = load_areas(geo), load_outline(geo).union_all()
    g1, sq1 = clip_to_city(grid_1km(), outline)
    g100, sq100 = clip_to_city(grid_100m(), outline)
    sums = {
        "1km": aggregate_grid(g1, sq1, areas, year=YEAR).counts,
        "100m": aggregate_grid(g100, sq100, areas, year=YEAR).counts,
    }
    register = pd.read_csv(ROOT / "data" / "luebeck_stadtteile.csv", dtype={"area_code": str})
    register = register[(register["year"] == YEAR) & (register["variable"] == "population_total")]
    check = pd.DataFrame({m: sums["1km"].xs(m, level="method")["Einwohner"] for m in ("areal", "dasymetric")})
    check.loc["00"] = check.sum()
    check["register_2011_12_31"] = register.set_index("area_code")["value"].reindex(check.index)
    for m in ("areal", "dasymetric"):
        check[f"diff_{m}_pct"] = 100 * (check[m] / check["register_2011_12_31"] - 1)
    check = check.round(1).rename_axis("area_code").reset_index().sort_values("area_code")
    return {
        "sq1": sq1,
        "sq100": sq100,
        "1km": tidy(g1),
        "100m": tidy(g100),
        "stadtteile": stadtteil_rows(sums),
        "check": check,
    }


def main() -> None:
    out = build()
    gpkg = OUT["gpkg"]
    gpkg.unlink(missing_ok=True)
    out["sq1"][["code", "name", "share_in_city", "geometry"]].to_file(gpkg, layer="cells_1km", driver="GPKG")
    out["sq100"][["code", "name", "share_in_city", "geometry"]].to_file(gpkg, layer="cells_100m", driver="GPKG")
    for key in ("1km", "100m", "stadtteile", "check"):
        out[key].to_csv(OUT[key], index=False, lineterminator="\n")
    print(f"{gpkg.name}: {len(out['sq1'])} cells of 1 km, {len(out['sq100'])} of 100 m")
    print(out["check"].to_string(index=False))


if __name__ == "__main__":
    main()
