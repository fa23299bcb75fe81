"""Inputs of the map demo page, importable by tests. ALL VALUES ARE SYNTHETIC."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GEOJSON = Path(
    os.environ.get(
        "SM_STADTTEILE_GEOJSON",
        ROOT.parent / "shared/data/raw/luebeck-stadtteile-hl-quarto-db/stadtteile_luebeck.geojson",
    )
)
HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_CODE = "03"  # Moisling gets the hostile name
SUPPRESSED_CODE = "09"
CITY_VALUE = 10.0
FLAG_THRESHOLD = 14.0
# synthetic values by stadtteil_code; 06 has no data, 09 is suppressed
VALUES = {
    "01": 14.2,
    "02": 6.1,
    "03": 18.9,
    "04": 13.1,
    "05": 11.4,
    "06": None,
    "07": 5.2,
    "08": 9.8,
    "09": 12.0,
    "10": 7.3,
}


def load_areas():
    """The 10 Stadtteile in EPSG:25832 with synthetic ``value``, flags and the hostile name."""
    import geopandas as gpd

    gdf = gpd.read_file(GEOJSON).to_crs(25832).rename(columns={"stadtteil_code": "code"})
    gdf["value"] = gdf["code"].map(VALUES).astype(float)
    gdf["suppressed"] = gdf["code"] == SUPPRESSED_CODE
    gdf.loc[gdf["code"] == HOSTILE_CODE, "name"] = HOSTILE
    gdf["flagged"] = gdf["value"] >= FLAG_THRESHOLD
    return gdf
