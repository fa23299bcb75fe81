"""Open only the file formats we mean, and keep GDAL inside the upload's own folder.

GDAL picks a driver by content, not by extension: a ``.geojson`` holding a
VRT definition would read ``/etc/passwd`` or fetch URLs. Every upload
therefore goes through this module:

1. :func:`vector_source` / :func:`check_raster` check the leading bytes
   against the format the extension promises (GeoPackage: SQLite header and
   GeoPackage ``application_id``; GeoJSON: a JSON object ``{``; Shapefile:
   file code 9994; GeoTIFF: ``II*\\0``, ``MM\\0*`` or BigTIFF);
2. the driver is passed explicitly (``GPKG:``/``GeoJSON:`` prefixes for
   pyogrio, ``driver="GTiff"`` for rasterio);
3. a GeoPackage's schema is read with Python's own sqlite3 first: no views,
   no virtual tables except GeoPackage's R-trees, no VRT or ``/vsi…``
   references, only feature layers, no spatial reference defined by a URL or file;
   a GeoJSON is parsed with Python's ``json`` first (:func:`check_geojson`): every
   ``crs`` member only as an EPSG/OGC ``name`` (a ``link``/``url`` CRS makes GDAL
   fetch that address); a Shapefile's ``.prj`` names no URL or file;
4. GDAL is configured so that nothing reaches the network or sibling files
   (:data:`GDAL_CONFIG`), and drivers that can reference other files or URLs
   are not registered at all (:data:`SKIP_DRIVERS`, set by
   :func:`harden_environment` before GDAL loads).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

from indicators.errors import InputError, msg
from indicators.wording.message import Message

# Drivers that read other files or URLs named inside a file. GDAL_SKIP is read when
# GDAL registers its drivers, so it must be in the environment before pyogrio/rasterio load.
SKIP_DRIVERS = (
    "VRT",
    "OGR_VRT",
    "GDALG",
    "GTI",
    "WMS",
    "WMTS",
    "WCS",
    "WFS",
    "OAPIF",
    "OGCAPI",
    "STACIT",
    "STACTA",
    "DAAS",
    "EEDA",
    "NGW",
    "CSW",
    "PLMOSAIC",
    "Elasticsearch",
    "AmigoCloud",
    "Carto",
    "HTTP",
    "ESRIJSON",
    "TopoJSON",
    "GeoJSONSeq",
)
# No network, no directory listing, no Python in VRTs (should a VRT ever be opened).
GDAL_CONFIG = {
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".sozialmonitor-kein-netz",
    "GDAL_HTTP_MAX_RETRY": "0",
    "GDAL_HTTP_TIMEOUT": "1",
    "GDAL_HTTP_CONNECTTIMEOUT": "1",
    "CPL_VSIL_CURL_USE_HEAD": "NO",
    "GDAL_VRT_ENABLE_PYTHON": "NO",
    "GDAL_VRT_ENABLE_RAWRASTERBAND": "NO",
    "OGR_SQLITE_LIST_VIRTUAL_OGR": "NO",
    "ALLOW_OGR_SQL_FUNCTIONS_FROM_TRIGGER_AND_VIEW": "NO",
    "OGR_GPKG_INTEGRITY_CHECK": "NO",
    "GDAL_PAM_ENABLED": "NO",
}
SQLITE_MAGIC = b"SQLite format 3\x00"
GPKG_APPLICATION_IDS = (b"GPKG", b"GP10", b"GP11")
TIFF_MAGICS = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")
SHP_MAGIC = b"\x00\x00\x27\x0a"  # 9994 big-endian
# Text that has no business in a GeoPackage schema we read.
_FORBIDDEN_SQL = re.compile(
    r"/vsi|virtualogr|\bcsv:|<ogrvrt|<vrtdataset|gdal_streamed_alg|load_extension|"
    r"\battach\b",
    re.IGNORECASE,
)
_RTREE = re.compile(r"^\s*create\s+virtual\s+table\s+\S+\s+using\s+rtree(_i32)?\s*\(", re.IGNORECASE)


# A CRS by name: EPSG code or OGC CRS84, as GeoJSON (2008) and GDAL write them.
_CRS_NAME = re.compile(
    r"^(urn:ogc:def:crs:(epsg|ogc):[0-9.]*:[a-z0-9]{1,12}|epsg:\d{1,6}|(ogc:)?crs84)$", re.IGNORECASE
)
# Text that names an address or a file (in a CRS, a .prj or a GeoPackage's spatial reference table).
_ADDRESS = re.compile(
    r"[a-z][a-z0-9+.-]*://|/vsi|^\s*(/|\\|\.\.?[/\\]|[a-z]:[/\\])|\b(file|http|https|ftp):", re.IGNORECASE
)
CRS_HINT = msg("err_crs_hint")


class UnsafeFileError(InputError):
    """A file is not the format its name promises, or refers to other files or URLs (German message)."""


def harden_environment() -> None:
    """Put :data:`SKIP_DRIVERS` and :data:`GDAL_CONFIG` into the environment (before GDAL loads).

    Existing settings are extended, never weakened.
    """
    skip = os.environ.get("GDAL_SKIP", "").replace(",", " ").split()
    os.environ["GDAL_SKIP"] = " ".join(dict.fromkeys(skip + list(SKIP_DRIVERS)))
    for key, value in GDAL_CONFIG.items():
        os.environ[key] = value


def configure_pyogrio() -> None:
    """Set :data:`GDAL_CONFIG` in pyogrio's GDAL (process-wide)."""
    import pyogrio

    pyogrio.set_gdal_config_options(dict(GDAL_CONFIG))


def _head(path: Path, n: int = 100) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(n)


def _strip_bom(head: bytes) -> bytes:
    for bom in (b"\xef\xbb\xbf",):
        if head.startswith(bom):
            head = head[len(bom) :]
    return head.lstrip(b" \t\r\n")


def _check_schema(con: sqlite3.Connection, name: str) -> set[str]:
    """Refuse views, virtual tables other than R-trees and references to other files in the schema;
    returns the (lower-case) names of its objects."""
    schema = con.execute("SELECT type, name, coalesce(sql, '') FROM sqlite_master").fetchall()
    names = {str(n).lower() for _, n, _ in schema}
    if "gpkg_contents" not in names:
        raise UnsafeFileError(msg("err_gpkg_no_contents", name=name))
    for kind, obj, sql in schema:
        if kind == "view":
            raise UnsafeFileError(msg("err_gpkg_view", name=name, obj=str(obj)[:60]))
        if re.match(r"^\s*create\s+virtual\s+table", sql, re.IGNORECASE) and not _RTREE.match(sql):
            raise UnsafeFileError(msg("err_gpkg_virtual", name=name, obj=str(obj)[:60]))
        if _FORBIDDEN_SQL.search(sql) or _FORBIDDEN_SQL.search(str(obj)):
            raise UnsafeFileError(msg("err_gpkg_reference", name=name, obj=str(obj)[:60]))
    return names


def _check_crs_definitions(con: sqlite3.Connection, name: str) -> None:
    """Refuse a coordinate reference system whose definition points to an address or a file."""
    for srs_id, definition in con.execute("SELECT srs_id, coalesce(definition, '') FROM gpkg_spatial_ref_sys"):
        if _ADDRESS.search(str(definition)) and not _CRS_NAME.match(str(definition).strip()):
            raise UnsafeFileError(msg("err_gpkg_srs_address", name=name, srs_id=srs_id))


def check_geopackage(path: str | Path, name: str | None = None) -> None:
    """Refuse a GeoPackage whose schema could make GDAL read something else.

    Raises
    ------
    UnsafeFileError
        Not a GeoPackage, views, virtual tables other than R-trees, VRT or
        ``/vsi`` references in the schema, or no feature layer.
    """
    path = Path(path)
    name = name or path.name
    head = _head(path, 100)
    if not head.startswith(SQLITE_MAGIC) or len(head) < 72:
        raise UnsafeFileError(msg("err_gpkg_no_sqlite", name=name))
    if head[68:72] not in GPKG_APPLICATION_IDS:
        raise UnsafeFileError(msg("err_gpkg_no_app_id", name=name))
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise UnsafeFileError(msg("err_gpkg_unreadable", name=name, detail=exc)) from None
    try:
        names = _check_schema(con, name)
        kinds = [str(k).lower() for (k,) in con.execute("SELECT data_type FROM gpkg_contents").fetchall()]
        if "gpkg_spatial_ref_sys" in names:
            _check_crs_definitions(con, name)
    except sqlite3.Error as exc:
        raise UnsafeFileError(msg("err_gpkg_unreadable", name=name, detail=str(exc)[:120])) from None
    finally:
        con.close()
    other = sorted(set(kinds) - {"features", "attributes"})
    if other:
        raise UnsafeFileError(msg("err_gpkg_raster", name=name, kinds=other))
    if "features" not in kinds:
        raise UnsafeFileError(msg("err_gpkg_no_features", name=name))


def vector_source(path: str | Path, name: str | None = None) -> str:
    """The GDAL data source string for a vector file whose content matches its extension.

    Parameters
    ----------
    path
        ``.gpkg``, ``.geojson``/``.json`` or ``.shp`` (with its parts next to it).
    name
        File name for messages.

    Returns
    -------
    str
        ``GPKG:<path>``, ``GeoJSON:<path>`` or the ``.shp`` path: the driver
        is fixed, GDAL does not guess.

    Raises
    ------
    UnsafeFileError
        Unknown extension or content that does not match it (e.g. a VRT).
    """
    path = Path(path)
    name = name or path.name
    suffix = path.suffix.lower()
    head = _head(path, 100)
    if suffix == ".gpkg":
        check_geopackage(path, name)
        return f"GPKG:{path}"
    if suffix in (".geojson", ".json"):
        if not _strip_bom(head).startswith(b"{"):
            raise UnsafeFileError(msg("err_geojson_no_object", name=name))
        check_geojson(path, name)
        return f"GeoJSON:{path}"
    if suffix == ".shp":
        if not head.startswith(SHP_MAGIC):
            raise UnsafeFileError(msg("err_shp_no_magic", name=name))
        for part in (".shx",):
            sibling = path.with_suffix(part)
            if sibling.exists() and not _head(sibling, 4).startswith(SHP_MAGIC):
                raise UnsafeFileError(msg("err_shp_bad_index", name=name, sibling=sibling.name))
        for prj in (p for p in path.parent.glob(path.stem + ".*") if p.suffix.lower() == ".prj"):
            if _ADDRESS.search(prj.read_bytes()[:65536].decode("latin-1")):
                raise UnsafeFileError(msg("err_prj_address", name=name, prj=prj.name, hint=CRS_HINT))
        return str(path)
    raise UnsafeFileError(msg("err_vector_format", name=name))


def check_raster(path: str | Path, name: str | None = None) -> None:
    """Refuse a raster that is not a (Big)TIFF by its leading bytes."""
    path = Path(path)
    name = name or path.name
    if path.suffix.lower() not in (".tif", ".tiff"):
        raise UnsafeFileError(msg("err_raster_suffix", name=name))
    if _head(path, 4) not in TIFF_MAGICS:
        raise UnsafeFileError(msg("err_raster_no_tiff", name=name))


def _crs_problem(crs: object) -> Message | None:
    """Why a GeoJSON ``crs`` member is refused, or None (by name, or null)."""
    if crs is None:
        return None
    if not isinstance(crs, dict) or set(crs) - {"type", "properties"}:
        return msg("err_crs_shape")
    kind, props = str(crs.get("type", "")).lower(), crs.get("properties")
    if not isinstance(props, dict):
        return msg("err_crs_no_props", kind=kind[:20])
    if (
        kind == "name"
        and set(props) == {"name"}
        and isinstance(props["name"], str)
        and _CRS_NAME.match(props["name"].strip())
    ):
        return None
    if (
        kind == "epsg"
        and set(props) == {"code"}
        and isinstance(props["code"], int)
        and not isinstance(props["code"], bool)
    ):
        return None
    if kind in ("link", "url") or any(isinstance(v, str) and _ADDRESS.search(v) for v in props.values()):
        return msg("err_crs_address", kind=kind[:20])
    return msg("err_crs_not_name", kind=kind[:20])


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """json object hook: a ``crs`` given twice is refused (GDAL and Python might read different ones)."""
    out = dict(pairs)
    if sum(1 for k, _ in pairs if k == "crs") > 1:
        out["crs"] = {"doppelt": True}
    return out


def _place(path: tuple[str | int, ...]) -> Message:
    if not path:
        return msg("err_place_top")
    if path[0] == "features" and len(path) > 1 and isinstance(path[1], int):
        rest = ".".join(str(p) for p in path[2:])
        return (
            msg("err_place_feature_in", i=path[1] + 1, rest=rest) if rest else msg("err_place_feature", i=path[1] + 1)
        )
    return msg("err_place_path", path=".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path))


def check_geojson(path: str | Path, name: str | None = None) -> None:
    """Refuse a GeoJSON that is no JSON or whose ``crs`` members are not EPSG/OGC names.

    A ``crs`` of type ``link`` or ``url`` (or naming any address or file) makes
    GDAL fetch it: refused, naming the file and where in it. Attributes of
    features (``properties``) and coordinates are not searched.

    Raises
    ------
    UnsafeFileError
        Not parseable as JSON, or a ``crs`` that is not a name.
    """
    path = Path(path)
    name = name or path.name
    try:
        doc = json.loads(path.read_bytes(), object_pairs_hook=_pairs)
    except RecursionError:
        raise UnsafeFileError(msg("err_geojson_deep", name=name)) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise UnsafeFileError(msg("err_geojson_bad", name=name, detail=str(exc)[:80])) from None
    stack: list[tuple[object, tuple[str | int, ...]]] = [(doc, ())]
    while stack:
        obj, where = stack.pop()
        if isinstance(obj, list):
            stack.extend((v, where + (i,)) for i, v in enumerate(obj) if isinstance(v, (dict, list)))
            continue
        if not isinstance(obj, dict):
            continue
        if "crs" in obj:
            problem = _crs_problem(obj["crs"])
            if problem:
                raise UnsafeFileError(
                    msg("err_geojson_crs", name=name, place=_place(where), problem=problem, hint=CRS_HINT)
                )
        for key, value in obj.items():
            if key == "coordinates" or (key == "properties" and obj.get("type") == "Feature"):
                continue
            if key != "crs" and isinstance(value, (dict, list)):
                stack.append((value, where + (key,)))
