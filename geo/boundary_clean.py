"""From the features of a read boundary layer to areas: 2D polygons, repaired, with a checked key and name.

:func:`geo.boundaries.read_vector` cleans the geometries; the upload and ``read_areas`` pick the
key and name columns. Every repair and every dropped feature is listed in the
:class:`~indicators.ingest.report.Report`.
"""

from __future__ import annotations

import geopandas as gpd
import shapely

from indicators.errors import msg
from indicators.ingest.report import DROPPED, REPAIRED, Report

MAX_NAME = 200  # characters of an area name or key


def clean_polygons(gdf: gpd.GeoDataFrame, report: Report) -> gpd.GeoDataFrame:
    """Drop 3D/M, empty and non-polygon features; repair invalid polygons."""
    geom = gdf.geometry.values
    keep = []
    rows = gdf.index.to_numpy()
    has_z = shapely.has_z(geom) | shapely.has_m(geom)
    if has_z.any():
        geom = shapely.force_2d(geom)
        report.add(None, "geometry", msg("geo_z_dropped", n=int(has_z.sum())), REPAIRED)
    out_geoms = []
    for i, g in enumerate(geom):
        row = int(rows[i]) + 1  # feature number, 1-based
        if g is None or g.is_empty:
            report.add(row, "geometry", msg("geo_empty"), DROPPED)
            continue
        if not g.is_valid:
            reason = shapely.is_valid_reason(g)
            g = shapely.make_valid(g)
            report.add(row, "geometry", msg("geo_invalid", reason=reason), REPAIRED)
        if g.geom_type == "GeometryCollection":
            g = shapely.union_all([p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")])
        if g.geom_type not in ("Polygon", "MultiPolygon") or g.is_empty:
            report.add(row, "geometry", msg("geo_not_area", kind=g.geom_type), DROPPED)
            continue
        keep.append(i)
        out_geoms.append(g)
    out = gdf.iloc[keep].copy()
    out = out.set_geometry(gpd.GeoSeries(out_geoms, index=out.index, crs=gdf.crs))
    return out


def pick_columns(gdf: gpd.GeoDataFrame, code_col: str, name_col: str | None, report: Report) -> gpd.GeoDataFrame:
    """Return ``code``, ``name``, geometry; drop features with missing or duplicate codes."""
    if code_col not in gdf.columns:
        report.reject_file(
            msg("geo_column_missing", column=code_col, have=[str(c) for c in gdf.columns[:-1]]), code_col
        )
        return gdf.iloc[0:0]
    out = gpd.GeoDataFrame(
        {
            "code": gdf[code_col].astype("string").str.strip(),
            "name": gdf[name_col].astype("string")
            if name_col and name_col in gdf.columns
            else gdf[code_col].astype("string"),
        },
        geometry=gdf.geometry.values,
        crs=gdf.crs,
        index=gdf.index,
    )
    bad = out["code"].isna() | (out["code"] == "")
    for idx in out.index[bad]:
        report.add(int(idx) + 1, code_col, msg("geo_key_missing"), DROPPED)
    out = out[~bad]
    dup = out["code"].duplicated(keep="first")
    for idx, code in zip(out.index[dup], out["code"][dup]):
        report.add(int(idx) + 1, code_col, msg("geo_key_twice", code=code), DROPPED)
    out = out[~dup].reset_index(drop=True)
    out["name"] = out["name"].fillna(out["code"])
    long = out["code"].str.len() > MAX_NAME
    for idx in out.index[long]:
        report.add(int(idx) + 1, code_col, msg("geo_key_too_long", n=MAX_NAME), DROPPED)
    out = out[~long].reset_index(drop=True)
    cut = out["name"].str.len() > MAX_NAME
    if cut.any():
        report.add(None, name_col or code_col, msg("geo_names_cut", n=int(cut.sum()), max=MAX_NAME), REPAIRED)
        out.loc[cut, "name"] = out.loc[cut, "name"].str.slice(0, MAX_NAME - 1) + "…"
    report.rows_used = len(out)
    return out
