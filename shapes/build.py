"""Build the shipped Lübeck geography from ``../shared/data/raw``.

Writes
------
shapes/luebeck.gpkg
    layer ``stadtteile``: 10 Stadtteile (``code``, ``name``), EPSG:25832,
    cleaned into a proper coverage (no overlaps, no sliver gaps);
    layer ``stadt``: the city outline (union of the Stadtteile).
shapes/stadtbezirke.csv
    the 35 Stadtbezirke with their parent Stadtteil.
shapes/areas.csv
    area of every Stadtteil before and after cleaning (quoted in SOURCE.md).

Run ``make data`` (or ``python shapes/build.py``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.crs import METRIC_CRS  # noqa: E402

RAW = Path(os.environ.get("SOZIALMONITOR_RAW", ROOT.parent / "shared" / "data" / "raw"))
SRC = RAW / "luebeck-stadtteile-hl-quarto-db" / "stadtteile_luebeck.geojson"
BEZIRKE_SRC = RAW / "wikipedia-stadtteile" / "stadtbezirke_codes.csv"
OUT = ROOT / "shapes"

# Slivers between neighbours are at most a few metres wide; a real gap in the
# city would be far wider. GEOS merges each sliver into the neighbour with the
# longest shared border.
GAP_WIDTH_M = 10.0


def clean_coverage(gdf: gpd.GeoDataFrame, gap_width: float = GAP_WIDTH_M) -> gpd.GeoDataFrame:
    """Remove overlaps and narrow gaps so the polygons form a coverage.

    Parameters
    ----------
    gdf
        Polygons in a metric CRS.
    gap_width
        Gaps narrower than this (metres) are merged into a neighbour.
    """
    cleaned = shapely.coverage_clean(shapely.make_valid(gdf.geometry.values), gap_width=gap_width)
    out = gdf.copy()
    out["geometry"] = shapely.make_valid(cleaned)
    return out


def build_stadtteile() -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Read, reproject and clean the 10 Stadtteile; return them and an area table."""
    raw = gpd.read_file(SRC).to_crs(METRIC_CRS)
    raw = raw.rename(columns={"stadtteil_code": "code"})[["code", "name", "geometry"]]
    raw = raw.sort_values("code").reset_index(drop=True)
    cleaned = clean_coverage(raw)
    areas = pd.DataFrame(
        {
            "code": raw["code"],
            "name": raw["name"],
            "area_before_m2": raw.geometry.area.round(1),
            "area_after_m2": cleaned.geometry.area.round(1),
        }
    )
    areas["change_m2"] = (areas["area_after_m2"] - areas["area_before_m2"]).round(1)
    return cleaned, areas


def build_stadtbezirke() -> pd.DataFrame:
    """The Stadtbezirk code list as a table Stadtbezirk -> Stadtteil.

    Codes 31-35 belong to Travemünde by elimination, but which name has which
    code is not in the source: those rows keep the code and parent Stadtteil
    and leave the name empty rather than guess.
    """
    src = pd.read_csv(BEZIRKE_SRC, dtype=str)
    known = src[~src["stadtbezirk_code"].str.startswith("31-35")].copy()
    known = known.rename(columns={"stadtbezirk_code": "code", "stadtbezirk_name": "name"})
    unknown_names = src[src["stadtbezirk_code"].str.startswith("31-35")]["stadtbezirk_name"]
    travemuende = pd.DataFrame(
        {
            "code": [str(c) for c in range(31, 36)],
            "name": "",
            "stadtteil_code": "10",
            "stadtteil_name": "Travemünde",
            "code_evidence": "inferred by elimination; which of "
            + " / ".join(unknown_names)
            + " has this code is not known",
            "osm_relation_id": "",
            "osm_name": "",
        }
    )
    cols = ["code", "name", "stadtteil_code", "stadtteil_name", "code_evidence", "osm_relation_id"]
    return pd.concat([known, travemuende], ignore_index=True)[cols]


def main() -> None:
    stadtteile, areas = build_stadtteile()
    gpkg = OUT / "luebeck.gpkg"
    if gpkg.exists():
        gpkg.unlink()
    stadtteile.to_file(gpkg, layer="stadtteile", driver="GPKG")
    outline = gpd.GeoDataFrame(
        {"name": ["Hansestadt Lübeck"]},
        geometry=[shapely.coverage_union_all(stadtteile.geometry.values)],
        crs=METRIC_CRS,
    )
    outline.to_file(gpkg, layer="stadt", driver="GPKG")
    areas.to_csv(OUT / "areas.csv", index=False)
    build_stadtbezirke().to_csv(OUT / "stadtbezirke.csv", index=False)
    print(areas.to_string(index=False))
    print(f"union {outline.geometry.area.iloc[0] / 1e6:.3f} km²")


if __name__ == "__main__":
    main()
