"""Read boundary files (GeoPackage, GeoJSON, Shapefile, zipped Shapefile).

All reading goes through pyogrio. The result is in EPSG:25832 with valid 2D
polygons; every repair and every dropped feature is listed in a
:class:`~indicators.report.Report`.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely

from geo.crs import CRSError, to_metric
from indicators.report import DROPPED, REPAIRED, WARNING, Report

VECTOR_SUFFIXES = (".gpkg", ".geojson", ".json", ".shp", ".zip", ".fgb")
MAX_UNZIPPED = 500 * 1024 * 1024
MAX_ZIP_RATIO = 100


def _zip_member(path: Path, report: Report) -> str | None:
    """Path GDAL can read inside a zip; checks bombs and traversal first."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        report.reject_file("keine gültige ZIP-Datei")
        return None
    total = sum(i.file_size for i in infos)
    packed = max(sum(i.compress_size for i in infos), 1)
    if total > MAX_UNZIPPED or total / packed > MAX_ZIP_RATIO:
        report.reject_file(f"ZIP entpackt zu groß ({total // 1_000_000} MB, Verhältnis {total / packed:.0f}:1)")
        return None
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in Path(name).parts or ":" in name:
            report.reject_file(f"unsicherer Pfad im ZIP: '{name}'")
            return None
    layers = [i.filename for i in infos if i.filename.lower().endswith((".shp", ".gpkg", ".geojson"))]
    if not layers:
        report.reject_file("ZIP enthält keine .shp-, .gpkg- oder .geojson-Datei")
        return None
    if len(layers) > 1:
        report.add(None, "", f"ZIP enthält mehrere Ebenen, verwendet: {layers[0]}", "verwendet", WARNING)
    return f"/vsizip/{path.resolve()}/{layers[0]}"


def read_vector(path: str | Path, layer: str | None = None, name: str | None = None) -> tuple[gpd.GeoDataFrame | None, Report]:
    """Read a vector file into EPSG:25832 with valid polygons.

    Parameters
    ----------
    path
        GeoPackage, GeoJSON, Shapefile or a ZIP holding one of them.
    layer
        Layer name for multi-layer files; default the first layer.
    name
        File name shown in messages (defaults to the file's name).

    Returns
    -------
    (GeoDataFrame or None, Report)
        None if the file cannot be used; the report says why.
    """
    path = Path(path)
    report = Report(name or path.name)
    target: str | None = str(path)
    if path.suffix.lower() == ".zip":
        target = _zip_member(path, report)
        if target is None:
            return None, report
    try:
        gdf = pyogrio.read_dataframe(target, layer=layer)
    except Exception as exc:  # pyogrio/GDAL raise many error types for broken files
        report.reject_file(f"Geodatei nicht lesbar: {str(exc).splitlines()[0][:200]}")
        return None, report
    report.rows_in = len(gdf)
    if len(gdf) == 0:
        report.reject_file("Datei enthält keine Objekte")
        return None, report
    try:
        gdf = to_metric(gdf, report.file)
    except CRSError as exc:
        report.reject_file(str(exc))
        return None, report
    gdf = clean_polygons(gdf, report)
    report.rows_used = len(gdf)
    if len(gdf) == 0:
        report.reject_file("keine verwendbaren Flächen (Polygone) in der Datei")
        return None, report
    return gdf, report


def clean_polygons(gdf: gpd.GeoDataFrame, report: Report) -> gpd.GeoDataFrame:
    """Drop 3D/M, empty and non-polygon features; repair invalid polygons."""
    geom = gdf.geometry.values
    keep = []
    rows = gdf.index.to_numpy()
    has_z = shapely.has_z(geom)
    if has_z.any():
        geom = shapely.force_2d(geom)
        report.add(None, "geometry", f"{int(has_z.sum())} Geometrien mit Z/M-Koordinaten: auf 2D reduziert", REPAIRED)
    out_geoms = []
    for i, g in enumerate(geom):
        row = int(rows[i]) + 1  # feature number, 1-based
        if g is None or g.is_empty:
            report.add(row, "geometry", "leere Geometrie", DROPPED)
            continue
        if not g.is_valid:
            reason = shapely.is_valid_reason(g)
            g = shapely.make_valid(g)
            report.add(row, "geometry", f"ungültige Geometrie ({reason})", REPAIRED)
        if g.geom_type == "GeometryCollection":
            g = shapely.union_all([p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")])
        if g.geom_type not in ("Polygon", "MultiPolygon") or g.is_empty:
            report.add(row, "geometry", f"keine Fläche ({g.geom_type})", DROPPED)
            continue
        keep.append(i)
        out_geoms.append(g)
    out = gdf.iloc[keep].copy()
    out = out.set_geometry(gpd.GeoSeries(out_geoms, index=out.index, crs=gdf.crs))
    return out


def pick_columns(gdf: gpd.GeoDataFrame, code_col: str, name_col: str | None, report: Report) -> gpd.GeoDataFrame:
    """Return ``code``, ``name``, geometry; drop features with missing or duplicate codes."""
    if code_col not in gdf.columns:
        report.reject_file(f"Spalte '{code_col}' nicht gefunden (vorhanden: {', '.join(map(str, gdf.columns[:-1]))})", code_col)
        return gdf.iloc[0:0]
    out = gpd.GeoDataFrame(
        {"code": gdf[code_col].astype("string").str.strip(),
         "name": gdf[name_col].astype("string") if name_col and name_col in gdf.columns else gdf[code_col].astype("string")},
        geometry=gdf.geometry.values, crs=gdf.crs, index=gdf.index,
    )
    bad = out["code"].isna() | (out["code"] == "")
    for idx in out.index[bad]:
        report.add(int(idx) + 1, code_col, "Schlüssel fehlt", DROPPED)
    out = out[~bad]
    dup = out["code"].duplicated(keep="first")
    for idx, code in zip(out.index[dup], out["code"][dup]):
        report.add(int(idx) + 1, code_col, f"Schlüssel '{code}' doppelt: nur das erste Objekt verwendet", DROPPED)
    out = out[~dup].reset_index(drop=True)
    out["name"] = out["name"].fillna(out["code"])
    report.rows_used = len(out)
    return out
