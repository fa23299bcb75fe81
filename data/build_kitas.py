"""Build the shipped Kita layer and its Stadtteil indicators from ``../shared/data/raw/kitas-sh``.

Writes

``data/kitas_luebeck.csv``
    the Lübeck Kitas with coordinates: ``id, name, institution, address, district_source,
    stadtteil, barrierfree, integrational, care_from_months, care_to_months, lat, lon``;
    ``stadtteil`` is the code of the Stadtteil polygon that contains the point;
``data/luebeck_stadtteile_kitas.csv``
    per Stadtteil and city (year 2022, the latest register year, so that the rate per 1,000
    under 18 uses the register's count of 31.12.2022): ``kitas``, ``kitas_integrative``,
    ``kitas_barrierfree``;
``data/kindertagespflege_luebeck.csv``
    childminder records per district as the source counts them (a table, never points:
    childminders are private persons).

Prints every Kita whose polygon Stadtteil differs from the source's own ``district`` and
every Kita without coordinates (both are listed in ``data/SOURCE.md``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.geographies import get_geography, load_areas  # noqa: E402
from geo.spatial.addresses import points_area_codes  # noqa: E402

RAW = Path(os.environ.get("SOZIALMONITOR_RAW", ROOT.parent / "shared" / "data" / "raw")) / "kitas-sh"
OUT_POINTS = ROOT / "data" / "kitas_luebeck.csv"
OUT_TABLE = ROOT / "data" / "luebeck_stadtteile_kitas.csv"
OUT_TPP = ROOT / "data" / "kindertagespflege_luebeck.csv"
YEAR, DATE, SOURCE = 2022, "2023-11-27", "kitas-sh"
PREFIX = "Lübeck - "


def _flag(series: pd.Series) -> pd.Series:
    return series.astype(str).str.strip().str.lower().eq("true")


def kitas() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(Kitas with coordinates and their polygon Stadtteil, Kitas without coordinates)."""
    raw = pd.read_csv(RAW / "kitas_luebeck.csv", dtype=str, keep_default_na=False)
    has_xy = (raw["latitude"] != "") & (raw["longitude"] != "")
    missing, raw = raw[~has_xy], raw[has_xy].copy()
    areas = load_areas(get_geography("stadtteile"))
    pts = gpd.GeoSeries(
        gpd.points_from_xy(raw["longitude"].astype(float), raw["latitude"].astype(float)), crs="EPSG:4326"
    ).to_crs(areas.crs)
    names = dict(zip(areas["code"], areas["name"]))
    codes = points_area_codes(pts, areas)
    out = pd.DataFrame(
        {
            "id": raw["id"],
            "name": raw["name"],
            "institution": raw["institution"],
            "address": (raw["street"] + " " + raw["number"]).str.strip() + ", " + raw["postalcode"] + " " + raw["town"],
            "district_source": raw["district"]
            .str.removeprefix(PREFIX)
            .where(raw["district"].str.startswith(PREFIX), ""),
            "stadtteil": codes,
            "stadtteil_name": [names.get(c, "") for c in codes],
            "barrierfree": _flag(raw["barrierfree"]),
            "integrational": _flag(raw["integrational"]),
            "care_from_months": raw["care_from_months"],
            "care_to_months": raw["care_to_months"],
            "lat": raw["latitude"].astype(float).round(6),
            "lon": raw["longitude"].astype(float).round(6),
        }
    )
    out = out.sort_values("id", key=lambda s: s.astype(int)).reset_index(drop=True)
    return out, missing


def disagreements(points: pd.DataFrame) -> pd.DataFrame:
    """Kitas whose source district is given and differs from the polygon's Stadtteil."""
    differ = (points["district_source"] != "") & (points["district_source"] != points["stadtteil_name"])
    return points.loc[differ, ["id", "name", "address", "district_source", "stadtteil", "stadtteil_name"]]


def table(points: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Tidy rows ``area_code, year, variable, value, reference_date, source`` (city ``00`` = sum)."""
    inside = points[points["stadtteil"] != ""]
    variables = {
        "kitas": inside,
        "kitas_integrative": inside[inside["integrational"]],
        "kitas_barrierfree": inside[inside["barrierfree"]],
    }
    rows = []
    for var, group in variables.items():
        per = group["stadtteil"].value_counts().reindex(codes, fill_value=0)
        rows += [(c, YEAR, var, float(v)) for c, v in per.items()] + [("00", YEAR, var, float(per.sum()))]
    out = pd.DataFrame(rows, columns=["area_code", "year", "variable", "value"])
    out["reference_date"], out["source"] = DATE, SOURCE
    return out.sort_values(["area_code", "variable"]).reset_index(drop=True)


def childminders(codes: dict[str, str]) -> pd.DataFrame:
    """Childminder records per source district, with the Stadtteil code of that district name."""
    raw = pd.read_csv(RAW / "kindertagespflege_luebeck_by_district.csv", dtype=str, keep_default_na=False)
    district = raw["district"].str.removeprefix(PREFIX)
    by_name = {n: c for c, n in codes.items()}
    return pd.DataFrame(
        {
            "district_source": district.replace("", "(ohne Angabe)"),
            "area_code": district.map(by_name).fillna(""),
            "records": raw["kindertagespflege_records"].astype(int),
        }
    )


def build() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(points, indicator table, childminder table, Kitas without coordinates)."""
    points, missing = kitas()
    areas = load_areas(get_geography("stadtteile"))
    names = dict(zip(areas["code"], areas["name"]))
    return points, table(points, list(names)), childminders(names), missing


def main() -> None:
    points, rows, tpp, missing = build()
    points.to_csv(OUT_POINTS, index=False, lineterminator="\n")
    rows.to_csv(OUT_TABLE, index=False, lineterminator="\n")
    tpp.to_csv(OUT_TPP, index=False, lineterminator="\n")
    print(f"{OUT_POINTS.name}: {len(points)} Kitas; {OUT_TABLE.name}: {len(rows)} rows; {OUT_TPP.name}: {len(tpp)}")
    print("Without coordinates:\n" + missing[["id", "name", "street", "number", "district"]].to_string(index=False))
    print("Polygon Stadtteil differs from the source district:\n" + disagreements(points).to_string(index=False))
    print("No source district:", (points["district_source"] == "").sum())


if __name__ == "__main__":
    main()
