"""Read boundary files (GeoPackage, GeoJSON, Shapefile, zipped Shapefile).

All reading goes through pyogrio. The result is in EPSG:25832 with valid 2D
polygons; every repair and every dropped feature is listed in a
:class:`~indicators.ingest.report.Report`.
"""

from __future__ import annotations

import logging
import re
import tempfile
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely

from geo.boundary_clean import clean_polygons, pick_columns
from geo.crs import CRSError, to_metric
from geo.read_errors import CRS_ERRORS, VECTOR_ERRORS
from geo.safe_open import UnsafeFileError, configure_pyogrio, vector_source
from geo.uploads.check_cache import checked
from geo.uploads.sandbox import UploadLimitError, in_child
from indicators.errors import InputError, error_message, msg, rendered
from indicators.ingest.report import WARNING, Report
from indicators.ingest.zip_safety import MAX_RATIO, MAX_UNZIPPED, ZipRejected, extract_safely
from indicators.limits import max_upload_bytes
from indicators.wording.message import Message, Number

MAX_FEATURES = 100_000
MAX_VERTICES = 5_000_000  # all coordinates of a layer together
MAX_ZIP_RATIO = MAX_RATIO
_LAYER_SUFFIXES = (".shp", ".gpkg", ".geojson", ".json")
_SHAPE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qpj")
# Envelope of Germany in EPSG:25832 (generous), to catch layers with a wrong CRS.
GERMANY_25832 = (150_000, 5_150_000, 1_100_000, 6_200_000)
_log = logging.getLogger(__name__)


def _unzip(path: Path, workdir: Path, report: Report) -> Path | None:
    """Extract the layer files of a ZIP into ``workdir``; return the layer to read."""
    try:
        files = extract_safely(path, workdir, _LAYER_SUFFIXES + _SHAPE_PARTS, MAX_UNZIPPED, MAX_ZIP_RATIO)
    except ZipRejected as exc:
        report.reject_file(error_message(exc))
        return None
    layers = sorted(f for f in files if f.suffix.lower() in _LAYER_SUFFIXES)
    if not layers:
        report.reject_file(msg("vec_zip_no_layer"))
        return None
    if len(layers) > 1:
        report.add(None, "", msg("vec_zip_layers", name=layers[0].name), "verwendet", WARNING)
    layer = layers[0]
    if layer.suffix.lower() == ".shp":
        missing = [ext for ext in (".shx", ".dbf") if not layer.with_suffix(ext).exists()]
        if missing:
            report.reject_file(msg("vec_shp_incomplete", missing=missing))
            return None
        if not layer.with_suffix(".prj").exists():
            report.reject_file(msg("vec_shp_no_prj"))
            return None
    return layer


def check_coordinates(gdf: gpd.GeoDataFrame, report: Report) -> bool:
    """Reject non-finite coordinates and coordinates that do not fit the declared CRS.

    A layer declared as EPSG:4326 whose numbers are in the hundreds of
    thousands is almost certainly UTM; reprojecting it would put every area
    somewhere in space, so the file is rejected with that explanation.
    """
    geom = gdf.geometry.values
    coords = shapely.get_coordinates(geom[~shapely.is_missing(geom)])
    if len(coords) == 0:
        return True
    if not np.isfinite(coords).all():
        report.reject_file(msg("vec_not_finite"))
        return False
    xmin, ymin = coords.min(axis=0)
    xmax, ymax = coords.max(axis=0)
    crs = gdf.crs
    if crs is None:
        return True
    if crs.is_geographic and (max(abs(xmin), abs(xmax)) > 180 or max(abs(ymin), abs(ymax)) > 90):
        report.reject_file(msg("vec_metres_as_degrees", crs=crs.to_string(), x=f"{xmin:.0f}", y=f"{ymin:.0f}"))
        return False
    if crs.is_projected and max(abs(xmin), abs(xmax)) <= 180 and max(abs(ymin), abs(ymax)) <= 90:
        report.reject_file(msg("vec_degrees_as_metres", crs=crs.to_string(), x=f"{xmin:.4f}", y=f"{ymin:.4f}"))
        return False
    return True


def _check_location(gdf: gpd.GeoDataFrame, report: Report) -> bool:
    """After reprojection: reject non-finite results, warn if not in Germany."""
    xmin, ymin, xmax, ymax = gdf.total_bounds
    if not np.isfinite([xmin, ymin, xmax, ymax]).all() or max(abs(xmin), abs(xmax), abs(ymin), abs(ymax)) > 1e7:
        report.reject_file(
            msg("vec_out_of_range", x0=f"{xmin:.3g}", x1=f"{xmax:.3g}", y0=f"{ymin:.3g}", y1=f"{ymax:.3g}")
        )
        return False
    gx0, gy0, gx1, gy1 = GERMANY_25832
    if xmax < gx0 or xmin > gx1 or ymax < gy0 or ymin > gy1:
        report.add(None, "geometry", msg("vec_not_germany"), "verwendet", WARNING)
    return True


def read_vector(
    path: str | Path, layer: str | None = None, name: str | None = None, max_bytes: int | None = None
) -> tuple[gpd.GeoDataFrame | None, Report]:
    """Read a vector file into EPSG:25832 with valid polygons, in the upload sandbox.

    Every caller (boundary uploads, ``cli.py locate --bezirke``, polygons for
    estimates) gets the same gate: the file is checked and parsed in the fenced,
    limited child of :mod:`geo.uploads.sandbox` (no network, memory and time
    limits), once per content; limits reached end in the report.

    Parameters
    ----------
    path
        GeoPackage, GeoJSON, Shapefile or a ZIP holding one of them.
    layer
        Layer name for multi-layer files; default the first layer.
    name
        File name shown in messages (defaults to the file's name).
    max_bytes
        Files larger than this are rejected before reading (default
        :func:`indicators.limits.max_upload_bytes`).

    Returns
    -------
    (GeoDataFrame or None, Report)
        None if the file cannot be used; the report says why.
    """
    path = Path(path)
    if in_child():
        return _read_vector_here(path, layer, name, max_bytes)
    try:
        return checked(_read_vector_here, path, layer, name, max_bytes, file_label=name or path.name)
    except UploadLimitError as exc:
        report = Report(name or path.name)
        report.reject_file(error_message(exc))
        return None, report


def _file_problem(path: Path, max_bytes: int) -> Message | None:
    """Why ``path`` cannot be read at all (missing, empty, too large), or None."""
    if not path.is_file():
        return msg("read_not_found")
    size = path.stat().st_size
    if size == 0:
        return msg("geo_file_empty")
    if size > max_bytes:
        return msg("bnd_too_large", mb=Number(max_bytes / 1e6, 0))
    return None


def _read_vector_here(
    path: Path, layer: str | None, name: str | None, max_bytes: int | None
) -> tuple[gpd.GeoDataFrame | None, Report]:
    """:func:`read_vector` in this process (the sandboxed child)."""
    report = Report(name or path.name)
    problem = _file_problem(path, max_bytes or max_upload_bytes())
    if problem is not None:
        report.reject_file(problem)
        return None, report
    with tempfile.TemporaryDirectory(prefix="sozmon-unzip-") as tmp:  # the child's own temp folder
        target = _unzip(path, Path(tmp), report) if path.suffix.lower() == ".zip" else path
        if target is None:
            return None, report
        gdf = _read(target, layer, report)
    if gdf is None:
        return None, report
    return _checked_areas(gdf, report), report


def _checked_areas(gdf: gpd.GeoDataFrame, report: Report) -> gpd.GeoDataFrame | None:
    """The read features as clean polygons in EPSG:25832, or None with the reason in ``report``."""
    report.rows_in = len(gdf)
    if len(gdf) == 0:
        report.reject_file(msg("geo_no_features"))
        return None
    vertices = int(shapely.get_num_coordinates(gdf.geometry.values).sum())
    if vertices > MAX_VERTICES:
        report.reject_file(msg("vec_too_many_vertices", n=vertices, max=MAX_VERTICES))
        return None
    if not check_coordinates(gdf, report):
        return None
    try:
        gdf = to_metric(gdf, report.file)
    except CRSError as exc:
        report.reject_file(error_message(exc))
        return None
    except CRS_ERRORS as exc:  # pyproj on an exotic or broken CRS definition
        _log.info("%s: CRS not convertible", report.file, exc_info=exc)
        report.reject_file(msg("vec_no_reprojection", detail=str(exc)[:160]))
        return None
    gdf = clean_polygons(gdf, report)
    report.rows_used = len(gdf)
    if len(gdf) == 0:
        report.reject_file(msg("geo_no_polygons"))
        return None
    if not _check_location(gdf, report):
        return None
    return gdf


TABLE_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xls", ".ods"}
# GDAL's messages (English, often with server paths) → what a planner can act on
_GDAL_MESSAGES = (  # (GDAL's words, wording key)
    ("not recognized as being in a supported file format", "gdal_format"),
    ("file is not a database", "gdal_not_gpkg"),
    ("database disk image is malformed", "gdal_gpkg_broken"),
    ("failed to read geojson", "gdal_bad_json"),
    ("json parsing error", "gdal_bad_json"),
    ("unable to open", "gdal_part_missing"),
    ("no such file or directory", "gdal_missing"),
    ("permission denied", "gdal_no_access"),
)


def gdal_message(text: str) -> Message:
    """A GDAL/pyogrio error as a wording key (what a planner can act on), without any file-system path."""
    low = text.lower()
    for needle, key in _GDAL_MESSAGES:
        if needle in low:
            return msg(key)
    first = text.splitlines()[0] if text else ""
    # no server paths in messages: keep only the last part of anything path-like
    first = re.sub(
        r"(?:[A-Za-z]:)?(?:[\\/][^\s'\"\\/:;,]+)+[\\/]?",
        lambda m: m.group(0).rstrip("/\\").rsplit("/", 1)[-1].rsplit("\\", 1)[-1],
        first,
    )
    return msg("gdal_says", text=first[:160]) if first else msg("gdal_unreadable")


def open_vector(target: Path, report: Report) -> str | None:
    """The checked pyogrio source of ``target`` (driver fixed, GDAL fenced in), or None with the reason in ``report``.

    The one way uploaded vector files are opened (boundaries, facility points).
    """
    try:
        source = vector_source(target, report.file)
    except UnsafeFileError as exc:
        report.reject_file(error_message(exc))
        return None
    configure_pyogrio()
    return source


def reject_unreadable(target: Path, exc: Exception, report: Report) -> None:
    """Reject ``target`` for a GDAL/pyogrio error (logged first): in the reader's words where known, no server paths."""
    _log.info("vector file %s not readable: %s", target.name, type(exc).__name__, exc_info=exc)
    text = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    text = text.replace(str(target.parent), "").replace("GPKG:", "").replace("GeoJSON:", "").lstrip("/")
    report.reject_file(msg("vec_unreadable", detail=gdal_message(text)))


def _read(target: Path, layer: str | None, report: Report) -> gpd.GeoDataFrame | None:
    """Read one layer with the driver fixed by :func:`geo.safe_open.vector_source`."""
    if target.suffix.lower() in TABLE_SUFFIXES:
        report.reject_file(msg("vec_no_geometry", name=target.name))
        return None
    source = open_vector(target, report)
    if source is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            layers = pyogrio.list_layers(source)
        if layer is None and len(layers) > 1:
            names = [str(n) for n in layers[:, 0]]
            report.add(None, "", msg("vec_layers", n=len(names), names=names[:5], name=names[0]), "verwendet", WARNING)
            layer = names[0]
        info = pyogrio.read_info(source, layer=layer)
        if info.get("features", 0) > MAX_FEATURES:
            report.reject_file(msg("vec_too_many", n=info["features"], max=MAX_FEATURES))
            return None
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            gdf = pyogrio.read_dataframe(source, layer=layer)
        for w in caught[:5]:  # GDAL's own remarks (e.g. unclosed rings it closed) belong in the report
            report.add(None, "", gdal_message(str(w.message)), "verwendet", WARNING)
    except VECTOR_ERRORS as exc:  # what pyogrio/GDAL raise for a broken file (geo.read_errors)
        reject_unreadable(target, exc, report)
        return None
    if not isinstance(gdf, gpd.GeoDataFrame) or getattr(gdf, "_geometry_column_name", None) not in gdf.columns:
        report.reject_file(msg("vec_no_geometry", name=target.name))
        return None
    return gdf


def read_areas(path: str | Path, code_col: str = "code", name_col: str | None = "name") -> gpd.GeoDataFrame:
    """Polygons with ``code`` and ``name`` from a file; ValueError with the report if unusable."""
    gdf, report = read_vector(path)
    if gdf is not None:
        gdf = pick_columns(gdf, code_col, name_col, report)
    if gdf is None or not report.ok or len(gdf) == 0:
        raise InputError(rendered(report.to_text))
    return gdf
