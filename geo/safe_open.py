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
   references, only feature layers;
4. GDAL is configured so that nothing reaches the network or sibling files
   (:data:`GDAL_CONFIG`), and drivers that can reference other files or URLs
   are not registered at all (:data:`SKIP_DRIVERS`, set by
   :func:`harden_environment` before GDAL loads).
"""
from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from indicators.errors import InputError

# Drivers that read other files or URLs named inside a file. GDAL_SKIP is read when
# GDAL registers its drivers, so it must be in the environment before pyogrio/rasterio load.
SKIP_DRIVERS = ("VRT", "OGR_VRT", "GDALG", "GTI", "WMS", "WMTS", "WCS", "WFS", "OAPIF", "OGCAPI",
                "STACIT", "STACTA", "DAAS", "EEDA", "NGW", "CSW", "PLMOSAIC", "Elasticsearch",
                "AmigoCloud", "Carto", "HTTP", "ESRIJSON", "TopoJSON", "GeoJSONSeq")
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
_FORBIDDEN_SQL = re.compile(r"/vsi|virtualogr|\bcsv:|<ogrvrt|<vrtdataset|gdal_streamed_alg|load_extension|"
                            r"\battach\b", re.IGNORECASE)
_RTREE = re.compile(r"^\s*create\s+virtual\s+table\s+\S+\s+using\s+rtree(_i32)?\s*\(", re.IGNORECASE)


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
            head = head[len(bom):]
    return head.lstrip(b" \t\r\n")


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
        raise UnsafeFileError(f"{name}: keine GeoPackage-Datei (SQLite-Kopf fehlt)")
    if head[68:72] not in GPKG_APPLICATION_IDS:
        raise UnsafeFileError(f"{name}: SQLite-Datei, aber kein GeoPackage (application_id fehlt)")
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise UnsafeFileError(f"{name}: GeoPackage nicht lesbar ({exc})") from None
    try:
        schema = con.execute("SELECT type, name, coalesce(sql, '') FROM sqlite_master").fetchall()
        names = {str(n).lower() for _, n, _ in schema}
        if "gpkg_contents" not in names:
            raise UnsafeFileError(f"{name}: GeoPackage ohne Tabelle gpkg_contents")
        for kind, obj, sql in schema:
            if kind == "view":
                raise UnsafeFileError(f"{name}: GeoPackage mit Sicht (View) '{str(obj)[:60]}' wird nicht geöffnet")
            if re.match(r"^\s*create\s+virtual\s+table", sql, re.IGNORECASE) and not _RTREE.match(sql):
                raise UnsafeFileError(f"{name}: GeoPackage mit virtueller Tabelle '{str(obj)[:60]}' "
                                      "wird nicht geöffnet")
            if _FORBIDDEN_SQL.search(sql) or _FORBIDDEN_SQL.search(str(obj)):
                raise UnsafeFileError(f"{name}: GeoPackage verweist auf andere Dateien oder Adressen "
                                      f"('{str(obj)[:60]}'); wird nicht geöffnet")
        kinds = [str(k).lower() for (k,) in con.execute("SELECT data_type FROM gpkg_contents").fetchall()]
    except sqlite3.Error as exc:
        raise UnsafeFileError(f"{name}: GeoPackage nicht lesbar ({str(exc)[:120]})") from None
    finally:
        con.close()
    other = sorted(set(kinds) - {"features", "attributes"})
    if other:
        raise UnsafeFileError(f"{name}: GeoPackage enthält {', '.join(other)} (Raster/Kacheln); "
                              "erlaubt sind nur Vektorebenen (features)")
    if "features" not in kinds:
        raise UnsafeFileError(f"{name}: GeoPackage ohne Vektorebene (features)")


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
            raise UnsafeFileError(f"{name}: kein GeoJSON (Inhalt beginnt nicht mit '{{')")
        return f"GeoJSON:{path}"
    if suffix == ".shp":
        if not head.startswith(SHP_MAGIC):
            raise UnsafeFileError(f"{name}: keine Shapefile-Datei (.shp ohne Dateikennung 9994)")
        for part in (".shx",):
            sibling = path.with_suffix(part)
            if sibling.exists() and not _head(sibling, 4).startswith(SHP_MAGIC):
                raise UnsafeFileError(f"{name}: {sibling.name} ist keine Shapefile-Indexdatei")
        return str(path)
    raise UnsafeFileError(f"{name}: Dateiformat nicht unterstützt (erlaubt: GeoPackage, GeoJSON, "
                          "Shapefile als ZIP)")


def check_raster(path: str | Path, name: str | None = None) -> None:
    """Refuse a raster that is not a (Big)TIFF by its leading bytes."""
    path = Path(path)
    name = name or path.name
    if path.suffix.lower() not in (".tif", ".tiff"):
        raise UnsafeFileError(f"{name}: nur GeoTIFF (.tif, .tiff) wird als Raster geöffnet")
    if _head(path, 4) not in TIFF_MAGICS:
        raise UnsafeFileError(f"{name}: keine GeoTIFF-Datei (TIFF-Kennung fehlt)")
