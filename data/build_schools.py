"""Build the shipped school layer and its Stadtteil indicators from ``../shared/data/raw/schools-sh``.

Writes

``data/schools_luebeck.csv``
    the 74 Lübeck schools with coordinates: ``id, name, type, primary, lat, lon``;
``data/luebeck_stadtteile_schools.csv``
    per Stadtteil and city (year 2022, the latest register year): schools by main type,
    primary schools (every school with a Grundschule part, ``school_type`` bit 1),
    and the address points farther than 1 km (straight line) from the nearest primary school.

The per-area logic is :func:`geo.spatial.facilities.facility_indicators`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.geographies import get_geography, load_areas  # noqa: E402
from geo.spatial.facilities import FacilityRows, facility_indicators, read_facilities  # noqa: E402

RAW = Path(os.environ.get("SOZIALMONITOR_RAW", ROOT.parent / "shared" / "data" / "raw"))
SCHOOLS = RAW / "schools-sh" / "schulen_luebeck.csv"
OUT_POINTS = ROOT / "data" / "schools_luebeck.csv"
OUT_TABLE = ROOT / "data" / "luebeck_stadtteile_schools.csv"
YEAR, DATE, SOURCE = 2022, "2025-05-08", "schulen-sh"
RADIUS_M = 1000
# main_school_type (sh_school_schema.sql) -> variable
TYPES = {
    "1": "schools_grundschule",
    "1024": "schools_gemeinschaftsschule",
    "2048": "schools_gemeinschaftsschule",
    "32": "schools_gymnasium",
    "128": "schools_berufsbildend",
    "8": "schools_foerderzentrum",
    "256": "schools_freie_traeger",
}


def schools():
    """School points (EPSG:25832) with ``type`` and ``primary``."""
    areas = load_areas(get_geography("stadtteile"))
    pts, report = read_facilities(SCHOOLS, areas=areas)
    if pts is None:
        raise SystemExit(report.to_text())
    pts["type"] = pts["main_school_type"].astype(str).map(TYPES).fillna("schools_other")
    pts["primary"] = pd.to_numeric(pts["school_type"], errors="coerce").fillna(0).astype(int) & 1 == 1
    return pts, areas


def build() -> tuple[pd.DataFrame, pd.DataFrame]:
    pts, areas = schools()
    rows = []
    for var, group in [*pts.groupby("type"), ("schools_primary", pts[pts["primary"]]), ("schools_total", pts)]:
        ind = facility_indicators(group, areas, radius_m=RADIUS_M, rows=FacilityRows(prefix="x", year=YEAR))
        count = ind[ind["indicator"] == "x_count"]
        rows += [(a, YEAR, var, float(v)) for a, v in zip(count["area_code"], count["value"])]
        if var == "schools_primary":
            cov = ind[ind["indicator"] == f"x_coverage_{RADIUS_M}m"]
            rows += [
                (a, YEAR, "addresses_far_primary", float(d - n))
                for a, n, d in zip(cov["area_code"], cov["numerator"], cov["denominator"])
            ]
            rows += [(a, YEAR, "addresses_all", float(d)) for a, d in zip(cov["area_code"], cov["denominator"])]
    table = pd.DataFrame(rows, columns=["area_code", "year", "variable", "value"])
    table["reference_date"], table["source"] = DATE, SOURCE
    table = table.sort_values(["area_code", "variable"]).reset_index(drop=True)
    lonlat = pts.to_crs("EPSG:4326").geometry
    points = pd.DataFrame(
        {
            "id": pts["id"],
            "name": pts["name"],
            "type": pts["type"],
            "primary": pts["primary"],
            "lat": lonlat.y.round(6),
            "lon": lonlat.x.round(6),
        }
    )
    return points.sort_values("id").reset_index(drop=True), table


def main() -> None:
    points, table = build()
    points.to_csv(OUT_POINTS, index=False, lineterminator="\n")
    table.to_csv(OUT_TABLE, index=False, lineterminator="\n")
    print(f"{OUT_POINTS.name}: {len(points)} schools; {OUT_TABLE.name}: {len(table)} rows")
    print(table[table["area_code"] == "00"].to_string(index=False))


if __name__ == "__main__":
    main()
