"""Indicator table uploads: read, validate against a geography, map columns.

:func:`check_table` reads CSV/XLSX (bytes or path) and validates it against
the area codes of a geography; :func:`recheck_table` validates again after the
user changed the column mapping or the default year, without re-reading.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.aggregate import aggregate_counts, parent_codes
from geo.geographies import Geography, load_areas, shipped_geographies
from geo.uploads.check_cache import checked
from geo.uploads.datastore import DataStore
from geo.uploads.sandbox import UploadLimitError
from indicators.catalogue import Indicator, load_catalogue
from indicators.compute.disclosure import infer_relations, relations_for
from indicators.errors import InputError, UnknownGeography, error_message, msg
from indicators.ingest.read import ROW_COL, RawTable, read_table
from indicators.ingest.report import USED, WARNING, Report
from indicators.ingest.roles import ignored_columns
from indicators.ingest.validate import AreaMatcher, detect_columns, validate_table
from indicators.limits import max_upload_bytes

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")


class UploadError(InputError):
    """An upload cannot be accepted; the message says why (German)."""


@dataclass
class TableCheck:
    """An indicator table read and validated against a geography."""

    filename: str
    raw: RawTable
    read_report: Report  # findings of reading only (reused by recheck_table)
    report: Report  # reading + validation
    matcher: AreaMatcher
    catalogue: dict[str, Indicator]
    roles: dict[str, str] = field(default_factory=dict)
    tidy: pd.DataFrame = field(default_factory=pd.DataFrame)
    geography_id: str | None = None
    default_year: int | None = None
    ignored: tuple[str, ...] = ()  # columns the planner marked "ignorieren"

    @property
    def ok(self) -> bool:
        return self.report.ok and not self.tidy.empty

    @property
    def columns(self) -> list[str]:
        """Columns of the file, for the column mapper."""
        return [str(c) for c in self.raw.frame.columns if c != ROW_COL]

    @property
    def layout(self) -> str:
        """``"long"`` (one value per row) or ``"wide"`` (one column per variable)."""
        return "long" if "variable" in self.roles and "value" in self.roles else "wide"

    @property
    def new_variables(self) -> list[str]:
        """Variables in the table that the catalogue does not know: each needs a form."""
        return sorted(set(self.tidy["variable"]) - set(self.catalogue)) if not self.tidy.empty else []


def inferred_totals(tidy: pd.DataFrame, catalogue: Mapping[str, Indicator]) -> list[tuple[str, tuple[str, ...]]]:
    """Totals and parts the table shows (:func:`~indicators.compute.disclosure.infer_relations`) that the
    catalogue does not declare: secondary suppression treats them as totals until a planner says otherwise."""
    if tidy.empty:
        return []
    declared = {(tot, frozenset(p)) for tot, p in relations_for(catalogue)}
    counts = [v for v in tidy["variable"].unique() if v not in catalogue or catalogue[v].kind == "count"]
    return [r for r in infer_relations(tidy, counts) if (r[0], frozenset(r[1])) not in declared]


def resolve_geography(geography: str | Geography, store: DataStore | None = None) -> Geography:
    """A shipped or saved geography by id (default data directory)."""
    if isinstance(geography, Geography):
        return geography
    shipped = shipped_geographies()
    if store is None and geography in shipped:  # shipped: no database needed (cli.py validate starts faster)
        return shipped[geography]
    geos = (store or DataStore()).geographies()
    if geography not in geos:
        raise UnknownGeography(msg("err_unknown_geography", id=geography, known=list(geos)))
    return geos[geography]


def check_table(
    source: bytes | str | Path,
    filename: str | None = None,
    geography: str | Geography | None = "stadtteile",
    *,
    areas: gpd.GeoDataFrame | None = None,
    default_year: int | None = None,
    catalogue: Mapping[str, Indicator] | None = None,
    store: DataStore | None = None,
    max_bytes: int | None = None,
) -> TableCheck:
    """Read and validate an indicator table (CSV/XLSX, long or wide) with the columns it names itself.

    A column mapping chosen afterwards is applied by :func:`recheck_table` (no re-reading).

    Parameters
    ----------
    source, filename
        Uploaded bytes (with the file name) or a path.
    geography
        Id of the geography whose area codes the table uses (default the
        shipped Stadtteile); ignored if ``areas`` is given.
    areas
        Areas of a geography being uploaded right now (``code``, ``name``).
    default_year
        Year for tables without a year column.
    catalogue
        Known indicators (default: the geography's catalogue, or the shipped
        one for ``areas``).
    """
    geo = None
    if areas is None:
        geo = resolve_geography(geography or "stadtteile", store)
        areas = load_areas(geo)
        if catalogue is None:
            catalogue = load_catalogue(geo.catalogue)
    if catalogue is None:
        catalogue = load_catalogue()  # shipped ids (population_total, …) are recognised in new geographies too
    ref = geo.reference_code if geo else "00"
    matcher = AreaMatcher(
        areas["code"].astype(str), dict(zip(areas["code"].astype(str), areas["name"].astype(str))), ref
    )
    label = filename or (Path(source).name if isinstance(source, (str, Path)) else "Tabelle")
    if isinstance(source, str):
        source = Path(source)  # hashed by content, not by name
    try:  # parsing (CSV sniffing, openpyxl) in a child with memory and time limits, once per content
        raw, read_report = checked(read_table, source, label, max_bytes or max_upload_bytes(), file_label=label)
    except UploadLimitError as exc:
        raw, read_report = RawTable(pd.DataFrame(columns=[ROW_COL])), Report(label)
        read_report.reject_file(error_message(exc))
    check = TableCheck(
        read_report.file,
        raw,
        read_report,
        read_report,
        matcher,
        dict(catalogue or {}),
        geography_id=geo.id if geo else None,
    )
    return recheck_table(check, None, default_year)


def recheck_table(
    check: TableCheck, mapping: Mapping[str, object] | None = None, default_year: int | None = None
) -> TableCheck:
    """Validate again with another column mapping or default year (no re-reading).

    ``mapping`` maps a role (``area``, ``name``, ``year``, ``variable``, ``value``) to a column;
    ``ignore`` to a list of columns not to read.
    """
    report = copy.deepcopy(check.read_report)
    tidy = validate_table(check.raw, report, check.matcher, check.catalogue, mapping, default_year)
    for total, parts in inferred_totals(tidy, check.catalogue):  # warned about: used unless switched off
        report.add(None, "", msg("dc_inferred", total=total, parts=" + ".join(parts)), USED, WARNING)
    roles = detect_columns(check.raw.frame.columns, mapping) if not check.read_report.file_error else {}
    if not report.file_error and not report.rows_in:
        report.reject_file(msg("ingest_no_data_rows"))
    elif not report.file_error and tidy.empty:
        report.reject_file(msg("ingest_no_usable_values"))
    return TableCheck(
        check.filename,
        check.raw,
        check.read_report,
        report,
        check.matcher,
        check.catalogue,
        roles,
        tidy,
        check.geography_id,
        default_year,
        ignored_columns(mapping),
    )


def stadtteile_from_stadtbezirke(
    tidy: pd.DataFrame, catalogue: Mapping[str, Indicator], report: Report | None = None
) -> pd.DataFrame:
    """Sum a Stadtbezirk table to Stadtteile (complete Stadtteile only, see :mod:`geo.aggregate`)."""
    return aggregate_counts(tidy, parent_codes(), catalogue, "00", report)
