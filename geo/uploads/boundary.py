"""Boundary uploads: read and check a file, then build areas from the picked columns.

:func:`check_boundaries` reads a GeoPackage, GeoJSON or zipped Shapefile (as
bytes or path) and suggests key and name columns; :func:`boundary_areas`
builds ``code``, ``name``, geometry from the user's choice and recognises
Lübeck's Stadtbezirke (:mod:`geo.uploads.stadtbezirke`). Every step's findings are in
a :class:`~indicators.ingest.report.Report` shown before anything is used.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.boundaries import read_vector
from geo.boundary_clean import pick_columns
from geo.uploads.check_cache import checked
from geo.uploads.sandbox import UploadLimitError
from geo.uploads.stadtbezirke import match_stadtbezirke, normalise_code
from geo.uploads.workdir import upload_dir
from indicators.errors import error_message, msg
from indicators.ingest.report import DROPPED, Report
from indicators.ingest.roles import norm as _norm
from indicators.ingest.validate import SYNONYMS
from indicators.limits import max_upload_bytes
from indicators.wording.message import Number  # decided in indicators.limits

BOUNDARY_SUFFIXES = (".gpkg", ".geojson", ".json", ".zip")
# Key column names seen in GIS exports, besides the table synonyms of indicators.ingest.validate.
EXTRA_KEYS = (
    "stbz",
    "stbz_nr",
    "stbznr",
    "stt",
    "stt_nr",
    "sttnr",
    "bezirksnr",
    "bezirksnummer",
    "stadtbezirksnummer",
    "stadtteilnummer",
    "ags",
    "gkz",
    "key",
    "fid_code",
)


@dataclass
class BoundaryCheck:
    """A boundary file read and checked, before the user picks columns."""

    filename: str
    frame: gpd.GeoDataFrame | None  # all attribute columns, EPSG:25832, valid polygons
    report: Report
    key_column: str | None = None  # suggestions for the column pickers
    name_column: str | None = None

    @property
    def ok(self) -> bool:
        return self.frame is not None and self.report.ok

    @property
    def columns(self) -> list[str]:
        """Attribute columns the user can pick from."""
        if self.frame is None:
            return []
        return [str(c) for c in self.frame.columns if c != self.frame.geometry.name]


@dataclass
class BoundaryResult:
    """Areas (``code``, ``name``, geometry) after the user picked the columns."""

    areas: gpd.GeoDataFrame
    report: Report
    is_stadtbezirke: bool = False

    @property
    def ok(self) -> bool:
        return self.report.ok and len(self.areas) > 0


def _name_suffix(filename: str, allowed: tuple[str, ...]) -> str:
    suffix = Path(filename).suffix.lower()
    return suffix if suffix in allowed else ""


def suggest_columns(frame: gpd.GeoDataFrame) -> tuple[str | None, str | None]:
    """Guess key and name columns: usual names first, else the first unique column."""
    cols = [c for c in frame.columns if c != frame.geometry.name]
    by_norm = {_norm(c): str(c) for c in reversed(cols)}
    prefs = [n for n in SYNONYMS["area"] if n not in ("id", "nr")] + list(EXTRA_KEYS) + ["id", "nr"]
    key = next((by_norm[n] for n in prefs if n in by_norm), None)  # order = preference
    names = [
        c
        for c in cols
        if re.sub(r"[^a-z]", "", str(c).lower())
        in {"name", "bezeichnung", "gebietsname", "stadtteilname", "bezirksname", "label", "stbzname", "sttname"}
    ]
    if key is None:
        for c in cols:
            s = frame[c]
            if pd.api.types.is_float_dtype(s.dtype) or pd.api.types.is_bool_dtype(s.dtype):
                continue  # measurements are no keys
            if s.notna().all() and s.astype(str).is_unique and c not in names:
                key = str(c)
                break
    name = next((str(c) for c in names if c != key), None)
    if name is None:  # no usual name column: the first text column that is not the key
        name = next((str(c) for c in cols if str(c) != key and _is_text(frame[c])), None)
    return key, name


def _is_text(s: pd.Series) -> bool:
    """A column of words (names), not of numbers or codes written as text."""
    if not (pd.api.types.is_object_dtype(s.dtype) or pd.api.types.is_string_dtype(s.dtype)):
        return False
    values = s.dropna().astype(str).str.strip()
    values = values[values != ""]
    letters, digits = values.str.count(r"[^\W\d_]"), values.str.count(r"\d")
    return bool(len(values)) and bool(((letters > digits) & (letters >= 2)).mean() > 0.5)


def _read_limited(path: Path, layer: str | None, filename: str, max_bytes: int):
    """:func:`read_vector` in a child process with memory and time limits, once per file content."""
    try:
        return checked(read_vector, path, layer=layer, name=filename, max_bytes=max_bytes, file_label=filename)
    except UploadLimitError as exc:
        report = Report(filename)
        report.reject_file(error_message(exc))
        return None, report


def check_boundaries(
    source: bytes | str | Path, filename: str | None = None, layer: str | None = None, max_bytes: int | None = None
) -> BoundaryCheck:
    """Read a boundary upload (GeoPackage, GeoJSON or zipped Shapefile).

    Parameters
    ----------
    source
        Uploaded bytes or a path.
    filename
        Name shown in the report; its extension decides the format for bytes.
    layer
        Layer of a multi-layer GeoPackage (default: first).
    max_bytes
        Size cap (default :func:`max_upload_bytes`).
    """
    max_bytes = max_bytes or max_upload_bytes()
    if isinstance(source, (str, Path)):
        path = Path(source)
        filename = filename or path.name
        frame, report = _read_limited(path, layer, filename, max_bytes)
    else:
        filename = filename or "Grenzen"
        report = Report(filename)
        if len(source) > max_bytes:
            report.reject_file(msg("bnd_too_large", mb=Number(max_bytes / 1e6, 0)))
            return BoundaryCheck(filename, None, report)
        suffix = _name_suffix(filename, BOUNDARY_SUFFIXES)
        if not suffix:
            report.reject_file(msg("bnd_format", allowed=list(BOUNDARY_SUFFIXES)))
            return BoundaryCheck(filename, None, report)
        with upload_dir() as tmp:  # under the data directory: a killed server leaves nothing in /tmp
            path = Path(tmp) / f"upload{suffix}"
            path.write_bytes(source)
            frame, report = _read_limited(path, layer, filename, max_bytes)
    if frame is None:
        return BoundaryCheck(filename, None, report)
    key, name = suggest_columns(frame)
    return BoundaryCheck(filename, frame, report, key, name)


def boundary_areas(
    check: BoundaryCheck, key_column: str | None = None, name_column: str | None = None, match_bezirke: bool = True
) -> BoundaryResult:
    """Areas from a checked boundary file with the chosen key and name columns.

    Codes are normalised (``1.0`` -> ``1``); layers recognised as Lübeck's
    Stadtbezirke get two-digit codes and ``stadtteil_code`` so their data can
    be aggregated to Stadtteile. The check's report is copied, so this can
    be called again whenever the user picks other columns.
    """
    report = copy.deepcopy(check.report)
    empty = gpd.GeoDataFrame({"code": [], "name": []}, geometry=[], crs="EPSG:25832")
    if check.frame is None:
        return BoundaryResult(empty, report)
    key_column = key_column or check.key_column
    if not key_column:
        report.reject_file(msg("bnd_pick_key", columns=list(check.columns) or msg("err_none")))
        return BoundaryResult(empty, report)
    frame = check.frame.copy()
    if key_column in frame.columns:
        frame[key_column] = frame[key_column].map(lambda v: None if pd.isna(v) else normalise_code(v, 0))
    areas = pick_columns(frame, key_column, name_column or check.name_column, report)
    if report.file_error or areas.empty:
        if not report.file_error:
            report.reject_file(msg("bnd_no_areas"))
        return BoundaryResult(areas, report)
    is_bezirke = False
    if match_bezirke:
        areas, is_bezirke = match_stadtbezirke(areas, report)
        if is_bezirke:
            dup = areas["code"].duplicated(keep="first")
            for row, code in zip(areas.index[dup], areas["code"][dup]):
                report.add(int(row) + 1, key_column, msg("bnd_bezirk_twice", code=code), DROPPED)
            areas = areas[~dup].reset_index(drop=True)
            report.rows_used = len(areas)
    return BoundaryResult(areas, report, is_bezirke)
