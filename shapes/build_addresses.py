"""Build ``shapes/addresses.parquet`` from the official address points.

Reads the 11 postcode files in ``../shared/data/raw/sh-addresses-luebeck/``
(© GeoBasis-DE/LVermGeo SH, CC BY 4.0; 9 '#' comment lines, then a header)
and writes one GeoParquet file in EPSG:25832 with the columns

``id`` (ALKIS address id), ``strasse``, ``nummer``, ``zusatz``, ``plz``,
``stadt``, ``key`` (normalised street, :func:`geo.spatial.addresses.street_key`),
``stadtteil`` (code from point-in-polygon on ``shapes/luebeck.gpkg``; empty
for points outside every Stadtteil), ``lon``, ``lat`` (the source values,
unchanged) and the point geometry.

Run ``python shapes/build_addresses.py`` (part of ``make data``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.crs import METRIC_CRS, WEB_CRS  # noqa: E402
from geo.geographies import get_geography, load_areas  # noqa: E402
from geo.spatial.addresses import ADDRESSES, points_area_codes, street_key  # noqa: E402

RAW = Path(os.environ.get("SOZIALMONITOR_RAW", ROOT.parent / "shared" / "data" / "raw"))
SRC = RAW / "sh-addresses-luebeck"
EXPECTED_ROWS = 51_569
COLUMNS = ["uri", "plz", "stadt", "strasse", "nummer", "zusatz", "lat", "lon"]


def read_raw(src: Path = SRC) -> pd.DataFrame:
    """All postcode files, as text, in file order."""
    frames = []
    for path in sorted(src.glob("*.csv")):
        df = pd.read_csv(path, comment=None, skiprows=9, dtype=str, keep_default_na=False, encoding="utf-8")
        if list(df.columns) != COLUMNS:
            problem = f"{path.name}: unerwartete Spalten {list(df.columns)}"
            raise ValueError(problem)
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def build(src: Path = SRC, out: Path = ADDRESSES) -> gpd.GeoDataFrame:
    """Read, check, locate and write the address points."""
    raw = read_raw(src)
    lon = pd.to_numeric(raw["lon"], errors="raise")
    lat = pd.to_numeric(raw["lat"], errors="raise")
    pts = gpd.GeoDataFrame(
        {
            "id": raw["uri"].str.rsplit("/", n=1).str[-1].str.removeprefix("Address_"),
            "strasse": raw["strasse"].str.strip(),
            "nummer": raw["nummer"].str.strip(),
            "zusatz": raw["zusatz"].str.strip(),
            "plz": raw["plz"].str.strip(),
            "stadt": raw["stadt"].str.strip(),
        },
        geometry=gpd.points_from_xy(lon, lat),
        crs=WEB_CRS,
    ).to_crs(METRIC_CRS)
    pts["key"] = pts["strasse"].map(street_key)
    pts["lon"], pts["lat"] = lon, lat
    areas = load_areas(get_geography("stadtteile"))
    pts["stadtteil"] = points_area_codes(pts.geometry, areas)
    for col in ("strasse", "stadt", "plz", "stadtteil"):
        pts[col] = pts[col].astype("category")
    pts = pts[["id", "strasse", "nummer", "zusatz", "plz", "stadt", "key", "stadtteil", "lon", "lat", "geometry"]]
    pts.to_parquet(out, compression="zstd", index=False)
    return pts


def main() -> None:
    pts = build()
    outside = pts[pts["stadtteil"] == ""]
    print(
        f"{len(pts)} Adressen geschrieben nach {ADDRESSES.relative_to(ROOT)} ({ADDRESSES.stat().st_size / 1e6:.2f} MB)"
    )
    if len(pts) != EXPECTED_ROWS:
        print(f"WARNUNG: {EXPECTED_ROWS} erwartet")
    print(pts["stadtteil"].value_counts().sort_index().to_string())
    print(f"{len(outside)} Punkte außerhalb aller Stadtteile:")
    for _, r in outside.iterrows():
        print(f"  {r['strasse']} {r['nummer']}{r['zusatz']}, {r['plz']} ({r['lat']}, {r['lon']})")


if __name__ == "__main__":
    main()
