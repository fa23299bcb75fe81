"""``plan import`` and ``plan export``: the register as planners keep it in Excel.

Sheets (XLSX) or files (CSV, named by the sheet: ``Massnahmen.csv``, ``Ziele.csv``) with the
columns of :data:`COLUMNS`. An import checks every row and reports it like a data upload
(:class:`indicators.ingest.report.Report`: row, column, reason); it is one transaction:
if any row is refused, nothing is stored. A row with an ``id`` edits that record (with a
``version`` column, only if it is still at that version). The export writes the same layout
plus ``version`` and the timestamps, and is read back by the import.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from indicators.ingest.read import XLSX_MAX_RATIO, XLSX_MAX_UNZIPPED, decode, read_csv_text
from indicators.ingest.report import FILE_REJECTED, USED, WARNING, Report
from indicators.ingest.zip_safety import zip_problem
from indicators.limits import max_upload_bytes
from indicators.spreadsheet import restore_cell, safe_frame
from store import audit
from store.db import session
from store.permissions import User, require
from store.planning import repository, rows
from store.planning.errors import PlanError
from store.planning.records import LABELS, Known

SHEETS = {"Massnahmen": "measure", "Ziele": "goal"}
COLUMNS = {
    "Massnahmen": {"id": "id", "titel": "title", "handlungsfeld": "field", "geografie": "geography",
                   "gebiete": "areas", "beginn": "start", "ende": "end", "status": "status", "partner": "partners",
                   "budget_eur": "budget_planned", "zielindikatoren": "indicators", "beschreibung": "description"},
    "Ziele": {"id": "id", "handlungsfeld": "field", "text": "text", "indikator": "indicator",
              "geografie": "geography", "gebiete": "areas", "basisjahr": "baseline_year", "zielwert": "target_value",
              "zieljahr": "target_year"},
}
REQUIRED = {"Massnahmen": ("titel", "handlungsfeld", "geografie"),
            "Ziele": ("handlungsfeld", "text", "indikator", "geografie", "basisjahr", "zielwert", "zieljahr")}
EXTRA = ("version", "erstellt", "geaendert")  # written by the export, read back (version) or ignored
ROW = "_row"


@dataclass
class ImportResult:
    """What an import did (or would do, ``dry_run``): one report per sheet, ids created and edited."""

    reports: list[Report]
    created: dict[str, list[int]] = field(default_factory=lambda: {"measure": [], "goal": []})
    updated: dict[str, list[int]] = field(default_factory=lambda: {"measure": [], "goal": []})
    stored: bool = False

    @property
    def ok(self) -> bool:
        return all(not r.file_error and not r.dropped_rows for r in self.reports)

    def to_text(self) -> str:
        lines = [r.to_text() for r in self.reports]
        n_new, n_edit = sum(map(len, self.created.values())), sum(map(len, self.updated.values()))
        if self.stored:
            lines.append(f"Gespeichert: {n_new} neu, {n_edit} geändert.")
        elif self.ok:
            lines.append(f"Probelauf: {n_new} neu, {n_edit} geändert – nichts gespeichert.")
        else:
            lines.append("Nichts gespeichert: bitte die genannten Zeilen korrigieren (ein Import gilt ganz oder gar "
                         "nicht).")
        return "\n".join(lines)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(restore_cell(str(v).strip()))  # our own export's neutralised formula text: as it was


def _xlsx_sheets(data: bytes, name: str) -> dict[str, tuple[pd.DataFrame, Report]]:
    from openpyxl import load_workbook

    problem = zip_problem(data, XLSX_MAX_UNZIPPED, XLSX_MAX_RATIO)
    if problem:
        r = Report(name)
        r.reject_file(f"Excel-Datei nicht verwendbar: {problem}")
        return {name: (pd.DataFrame(), r)}
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        r = Report(name)
        r.reject_file(f"Excel-Datei nicht lesbar: {type(exc).__name__}")
        return {name: (pd.DataFrame(), r)}
    out = {}
    for ws in wb.worksheets:
        if ws.title not in SHEETS:
            continue
        report = Report(f"{name} [{ws.title}]")
        header, records = None, []
        for i, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_cell(v) for v in row]
            if not any(cells):
                continue
            if header is None:
                header = [c.strip().lower() for c in cells]
            else:
                records.append(dict(zip(header, cells, strict=False)) | {ROW: i})
        out[ws.title] = (pd.DataFrame(records, columns=[*(header or []), ROW], dtype=object), report)
    wb.close()
    if not out:
        r = Report(name)
        r.reject_file(f"kein Tabellenblatt 'Massnahmen' oder 'Ziele' (gefunden: {', '.join(wb.sheetnames) or '–'})")
        return {name: (pd.DataFrame(), r)}
    return out


def _csv_sheet(data: bytes, name: str) -> dict[str, tuple[pd.DataFrame, Report]]:
    stem = Path(name).stem.lower()
    sheet = next((s for s in SHEETS if stem.startswith(s.lower()) or stem.startswith(s.lower().replace("ss", "ß"))),
                 None)
    report = Report(name)
    if sheet is None:
        report.reject_file("CSV-Datei muss 'Massnahmen…' oder 'Ziele…' heißen (so weiß der Import, was sie enthält)")
        return {name: (pd.DataFrame(), report)}
    raw = read_csv_text(decode(data)[0], report)
    frame = raw.frame.rename(columns=lambda c: c if c == ROW else str(c).strip().lower())
    return {sheet: (frame, report)}


def read_sheets(paths: list[str | Path]) -> dict[str, tuple[pd.DataFrame, Report]]:
    """The sheets ``Massnahmen``/``Ziele`` of XLSX or CSV files, as text cells with their row numbers."""
    out: dict[str, tuple[pd.DataFrame, Report]] = {}
    for p in map(Path, paths):
        limit = max_upload_bytes()
        if not p.is_file() or p.stat().st_size > limit:
            r = Report(p.name)
            r.reject_file("Datei nicht gefunden" if not p.is_file() else f"Datei größer als {limit // 2**20} MB")
            out[p.name] = (pd.DataFrame(), r)
            continue
        data = p.read_bytes()
        found = _xlsx_sheets(data, p.name) if p.suffix.lower() in {".xlsx", ".xlsm"} else _csv_sheet(data, p.name)
        for sheet, item in found.items():
            if sheet in out and sheet in SHEETS:
                item[1].reject_file(f"Tabelle '{sheet}' kommt mehrfach vor")
            out[sheet if sheet not in out else f"{sheet} ({p.name})"] = item
    return out


def _column_of(sheet: str, message: str) -> str:
    by_key = {v: k for k, v in COLUMNS[sheet].items()}
    for key, label in sorted(LABELS.items(), key=lambda kv: -len(kv[1])):
        if message.startswith(label) and key in by_key:
            return by_key[key]
    return ""


def _check_columns(sheet: str, frame: pd.DataFrame, report: Report) -> bool:
    cols = [c for c in frame.columns if c != ROW]
    missing = [c for c in REQUIRED[sheet] if c not in cols]
    if missing:
        report.reject_file(f"Spalten fehlen: {', '.join(missing)}", ", ".join(missing))
        return False
    for c in cols:
        if c not in COLUMNS[sheet] and c not in EXTRA:
            report.add(None, c, "unbekannte Spalte ignoriert", USED, WARNING)
    return True


def _row_data(sheet: str, rec: dict) -> tuple[int | None, int | None, dict]:
    data = {COLUMNS[sheet][c]: v for c, v in rec.items() if c in COLUMNS[sheet] and c != "id"}
    rid = str(rec.get("id") or "").strip()
    ver = str(rec.get("version") or "").strip()
    if rid and not rid.isdigit():
        raise PlanError(f"Id {rid!r} ist keine Zahl")
    return (int(rid) if rid else None), (int(ver) if ver.isdigit() else None), data


def _update_row(s, user: User, entity: str, rid: int, version: int | None, data: dict,
                known: Known | None) -> None:
    try:
        current = rows.read_one(s, entity, rid)
    except PlanError:
        raise PlanError(f"Id {rid}: {'Maßnahme' if entity == 'measure' else 'Ziel'} gibt es nicht – für einen "
                        "neuen Eintrag die Id leer lassen") from None
    merged = {**current, **data}
    repository.update_in(s, user, entity, rid, merged, version=version or current["version"], known=known)


def _import_sheet(s, user: User, sheet: str, frame: pd.DataFrame, report: Report, result: ImportResult,
                  known: Known | None) -> None:
    """Check every row; edits one by one (each in a savepoint), new records cleaned first and stored in bulk."""
    entity = SHEETS[sheet]
    fresh: list[dict] = []
    for rec in frame.to_dict("records"):
        line = int(rec.pop(ROW))
        try:
            rid, version, data = _row_data(sheet, rec)
            if rid is None:
                repository.create_in(s, user, entity, data, known, defer=fresh)
            else:
                with s.begin_nested():
                    _update_row(s, user, entity, rid, version, data, known)
                result.updated[entity].append(rid)
            report.rows_used += 1
        except PlanError as exc:
            s.info.pop("plan_partners", None)  # partners added by the refused row are gone
            report.add(line, _column_of(sheet, str(exc)), str(exc))
    try:
        with s.begin_nested():
            stored = repository.create_many_in(s, user, entity, fresh)
    except PlanError as exc:
        s.info.pop("plan_partners", None)
        report.add(None, "", str(exc))
        return
    result.created[entity].extend(r["id"] for r in stored)


def import_plan(engine: Engine, user: User, paths: list[str | Path], *, known: Known | None = None,
                dry_run: bool = False) -> ImportResult:
    """Read, check and (unless ``dry_run`` or any row is refused) store the rows of the files, all at once."""
    require(user, "plan_edit", what="Import")
    sheets = read_sheets(paths)
    result = ImportResult([rep for _, rep in sheets.values()])
    order = sorted((k for k in sheets if k in SHEETS), key=lambda k: k != "Ziele")  # goals first
    try:
        with session(engine) as s:
            for sheet in order:
                frame, report = sheets[sheet]
                if report.file_error or not _check_columns(sheet, frame, report):
                    continue
                report.rows_in = len(frame)
                _import_sheet(s, user, sheet, frame, report, result, known)
            if not result.ok or dry_run or not order:
                raise _Rollback
            audit.record(s, user, "plan_import", ", ".join(Path(p).name for p in paths)[:200],
                         {"created": {k: len(v) for k, v in result.created.items()},
                          "updated": {k: len(v) for k, v in result.updated.items()}})
        result.stored = True
    except _Rollback:
        pass
    except SQLAlchemyError as exc:
        result.reports.append(Report("Datenbank", rows_in=0))
        result.reports[-1].add(None, "", f"Import abgebrochen, nichts gespeichert: {exc.__class__.__name__}",
                               FILE_REJECTED)
        result.reports[-1].file_error = True
    return result


class _Rollback(Exception):
    """Leave the import's transaction without storing anything."""


def _join(v) -> str:
    return ", ".join(str(x) for x in v) if isinstance(v, list) else ("" if v is None else v)


def export_frames(engine: Engine, user: User) -> dict[str, pd.DataFrame]:
    """The register in the import's layout plus ``version``, ``erstellt``, ``geaendert``."""
    out = {}
    for sheet, entity in SHEETS.items():
        recs = repository.list_records(engine, user, entity)
        cols = list(COLUMNS[sheet])
        table = [{**{c: _join(r.get(COLUMNS[sheet][c]) if c != "id" else r["id"]) for c in cols},
                  "version": r["version"], "erstellt": r["created"], "geaendert": r["updated"]} for r in recs]
        out[sheet] = pd.DataFrame(table, columns=[*cols, *EXTRA])
    return out


def export_xlsx(engine: Engine, user: User, target: str | Path | io.BytesIO) -> None:
    """Write the register as an XLSX workbook with sheets ``Massnahmen`` and ``Ziele``.

    Every text is written as text, never as a formula: neutralised like every other export
    (:func:`indicators.spreadsheet.safe_frame`: ``=HYPERLINK(…)`` becomes ``'=HYPERLINK(…)``; the
    import reads it back as it was).
    """
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for sheet, raw in export_frames(engine, user).items():
        frame = safe_frame(raw)
        ws = wb.create_sheet(sheet)
        ws.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            ws.append([None if isinstance(v, float) and pd.isna(v) else v for v in row])
        for cells in ws.iter_rows():
            for c in cells:
                if c.data_type == "f":
                    c.data_type = "s"
    wb.save(target)
