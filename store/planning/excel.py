"""``plan import`` and ``plan export``: the register as planners keep it in Excel.

Sheets (XLSX) or files (CSV, named by the sheet: ``Massnahmen.csv``, ``Ziele.csv``) with the
columns of :data:`COLUMNS`. An import checks every row and reports it like a data upload
(:class:`indicators.ingest.report.Report`: row, column, reason); it is one transaction:
if any row is refused, nothing is stored. A row with a numeric ``id`` edits that record (with a
``version`` column, only if it is still at that version); any other text in ``id`` ("M-12",
"T1") is the planner's own numbering, kept as ``kennung`` (a later import with the same
``kennung`` edits that record). The check only reads; the write is one short transaction
after it, and a dry run writes nothing. The export writes the same layout plus ``version``
and the timestamps, and is read back by the import. Files are read by
:mod:`store.planning.sheets` (in the upload sandbox when called through
:func:`geo.uploads.planning_import.import_plan_files`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from indicators.errors import error_message, msg
from indicators.ingest.report import FILE_REJECTED, USED, WARNING, Report
from indicators.planning.record_types import PlanRecord
from indicators.spreadsheet import safe_frame
from indicators.wording.voice import GERMAN, Voice
from store import audit
from store.db import reading, session
from store.errors import DatabaseError
from store.permissions import User, require
from store.planning import repository, rows
from store.planning.errors import PlanError
from store.planning.records import LABELS, Known, clean
from store.planning.sheets import ROW, SHEETS, Sheets, read_sheets

COLUMNS = {
    "Massnahmen": {
        "id": "id",
        "kennung": "kennung",
        "titel": "title",
        "handlungsfeld": "field",
        "geografie": "geography",
        "gebiete": "areas",
        "beginn": "start",
        "ende": "end",
        "status": "status",
        "partner": "partners",
        "budget_eur": "budget_planned",
        "zielindikatoren": "indicators",
        "beschreibung": "description",
    },
    "Ziele": {
        "id": "id",
        "kennung": "kennung",
        "handlungsfeld": "field",
        "text": "text",
        "indikator": "indicator",
        "geografie": "geography",
        "gebiete": "areas",
        "basisjahr": "baseline_year",
        "zielwert": "target_value",
        "zieljahr": "target_year",
    },
}
REQUIRED = {
    "Massnahmen": ("titel", "handlungsfeld", "geografie"),
    "Ziele": ("handlungsfeld", "text", "indikator", "geografie", "basisjahr", "zielwert", "zieljahr"),
}
EXTRA = ("version", "erstellt", "geaendert")  # written by the export, read back (version) or ignored
MAX_KENNUNG = 64


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

    def to_text(self, *, voice: Voice = GERMAN) -> str:
        """Every file's report, then what was saved, in ``voice``'s language."""
        lines = [r.to_text(voice=voice) for r in self.reports]
        n_new, n_edit = sum(map(len, self.created.values())), sum(map(len, self.updated.values()))
        key = "plan_import_stored" if self.stored else "plan_import_dry_run" if self.ok else "plan_import_refused"
        lines.append(voice.t(key, new=n_new, changed=n_edit))
        return "\n".join(lines)


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
        report.reject_file(msg("err_plan_columns_missing", columns=missing), ", ".join(missing))
        return False
    for c in cols:
        if c not in COLUMNS[sheet] and c not in EXTRA:
            report.add(None, c, msg("err_plan_column_ignored"), USED, WARNING)
    return True


def _row_data(sheet: str, rec: dict[str, Any]) -> tuple[int | None, str, int | None, dict[str, Any]]:
    """(numeric id or None, the planner's own reference, version, data) of one row.

    A number in ``id`` is the tool's record; any other text ("M-12", "T1") is the
    planner's own numbering, kept as ``kennung``.
    """
    data = {COLUMNS[sheet][c]: v for c, v in rec.items() if c in COLUMNS[sheet] and c != "id"}
    rid = str(rec.get("id") or "").strip()
    ver = str(rec.get("version") or "").strip()
    own = "" if rid.isdigit() else rid
    if own:
        data["kennung"] = own
    if len(str(data.get("kennung") or "")) > MAX_KENNUNG:
        raise PlanError(msg("err_plan_kennung_long", max=MAX_KENNUNG))
    return (int(rid) if rid.isdigit() else None), own, (int(ver) if ver.isdigit() else None), data


@dataclass
class _Plan:
    """What the check found to do for one sheet: edits ``(id, version, record)`` and new records."""

    updates: list[tuple[int, int, dict[str, Any]]] = field(default_factory=list)
    fresh: list[PlanRecord] = field(default_factory=list)


def _own_refs(s: Session, entity: str) -> dict[str, int]:
    c = rows.TABLES[entity].__table__.c
    return {k: i for i, k in s.execute(select(c.id, c.kennung).where(c.kennung != ""))}


def _check_update(
    s: Session, entity: str, rid: int, version: int | None, data: dict[str, Any], known: Known | None
) -> tuple[int, int, dict[str, Any]]:
    """Read-only check of an edit: the record exists, is at ``version``, and the merged record is valid."""
    try:
        current = rows.read_one(s, entity, rid)
    except PlanError:
        raise PlanError(msg("err_plan_id_unknown", id=rid, entity=msg(f"plan_entity_{entity}"))) from None
    if version is not None and version != current["version"]:
        raise repository._stale(s, entity, rid, version)
    merged: dict[str, Any] = {**current, **data}
    clean(entity, merged, rows.field_names(s), known)
    return rid, version or current.get("version", 0), merged


def _check_sheet(s: Session, user: User, sheet: str, frame: pd.DataFrame, report: Report, known: Known | None) -> _Plan:
    """Check every row without writing anything (no write lock: others keep logging in and saving)."""
    entity, plan = SHEETS[sheet], _Plan()
    refs, seen = _own_refs(s, entity), set()
    for rec in frame.to_dict("records"):
        line = int(rec.pop(ROW))
        try:
            rid, own, version, data = _row_data(sheet, rec)
            if own and own in seen:
                raise PlanError(msg("err_plan_kennung_twice", own=own))
            seen.add(own)
            rid = rid if rid is not None or not own else refs.get(own)
            if rid is None:
                repository.create_in(s, user, entity, data, known, defer=plan.fresh)
            else:
                plan.updates.append(_check_update(s, entity, rid, version, data, known))
            report.rows_used += 1
        except PlanError as exc:
            report.add(line, _column_of(sheet, str(exc)), error_message(exc))
    return plan


def _write(s: Session, user: User, plans: dict[str, _Plan], result: ImportResult, known: Known | None) -> None:
    """The one short write transaction after the check: edits, then new records in bulk."""
    for sheet, plan in plans.items():
        entity = SHEETS[sheet]
        for rid, version, merged in plan.updates:
            repository.update_in(s, user, entity, rid, merged, version=version, known=known)
            result.updated[entity].append(rid)
        stored = repository.create_many_in(s, user, entity, plan.fresh)
        result.created[entity].extend(r["id"] for r in stored)


def _database_failed(result: ImportResult, exc: Exception) -> None:
    why = error_message(exc) if isinstance(exc, DatabaseError) else exc.__class__.__name__
    result.reports.append(Report("Datenbank", rows_in=0))
    result.reports[-1].add(None, "", msg("err_plan_import_aborted", why=why), FILE_REJECTED)
    result.reports[-1].file_error = True


def import_plan(
    engine: Engine,
    user: User,
    paths: list[str | Path],
    *,
    known: Known | None = None,
    dry_run: bool = False,
    sheets: Sheets | None = None,
) -> ImportResult:
    """Read, check and (unless ``dry_run`` or any row is refused) store the rows of the files, all at once.

    Parameters
    ----------
    engine, user
        The database and the acting user (``plan_edit`` needed).
    paths
        The files (named in the audit log).
    known
        Geographies' area codes and indicators, for the checks.
    dry_run
        Check only: nothing is written, no write lock is taken; new records are
        counted in ``result.created`` with id 0.
    sheets
        The files already read (:func:`store.planning.sheets.read_sheets`, e.g. in the
        upload sandbox: :func:`geo.uploads.planning_import.read_plan_files`); default:
        read here.

    Returns
    -------
    ImportResult
        Reports per sheet; ``stored`` only if every row passed and it was written.
    """
    require(user, "plan_edit", what=msg("err_plan_import_what"))
    sheets = read_sheets(paths) if sheets is None else sheets
    result = ImportResult([rep for _, rep in sheets.values()])
    order = sorted((k for k in sheets if k in SHEETS), key=lambda k: k != "Ziele")  # goals first
    plans: dict[str, _Plan] = {}
    try:
        with reading(engine) as s:  # reads only: no write lock while the rows are checked
            for sheet in order:
                frame, report = sheets[sheet]
                if report.file_error or not _check_columns(sheet, frame, report):
                    continue
                report.rows_in = len(frame)
                plans[sheet] = _check_sheet(s, user, sheet, frame, report, known)
    except (SQLAlchemyError, DatabaseError) as exc:
        _database_failed(result, exc)
        return result
    if not result.ok or not plans:
        return result
    if dry_run:
        for sheet, plan in plans.items():
            result.updated[SHEETS[sheet]].extend(rid for rid, _, _ in plan.updates)
            result.created[SHEETS[sheet]].extend(0 for _ in plan.fresh)
        return result
    try:
        with session(engine) as s:
            _write(s, user, plans, result, known)
            audit.record(
                s,
                user,
                "plan_import",
                ", ".join(Path(p).name for p in paths)[:200],
                {
                    "created": {k: len(v) for k, v in result.created.items()},
                    "updated": {k: len(v) for k, v in result.updated.items()},
                },
            )
        result.stored = True
    except PlanError as exc:  # changed by someone else between check and write: nothing stored
        result.created, result.updated = {"measure": [], "goal": []}, {"measure": [], "goal": []}
        result.reports[-1].add(None, "", error_message(exc))
    except (SQLAlchemyError, DatabaseError) as exc:
        result.created, result.updated = {"measure": [], "goal": []}, {"measure": [], "goal": []}
        _database_failed(result, exc)
    return result


def _join(v: Any) -> str:
    return ", ".join(str(x) for x in v) if isinstance(v, list) else ("" if v is None else v)


def export_frames(engine: Engine, user: User) -> dict[str, pd.DataFrame]:
    """The register in the import's layout plus ``version``, ``erstellt``, ``geaendert``."""
    out = {}
    for sheet, entity in SHEETS.items():
        recs = repository.list_records(engine, user, entity)
        cols = list(COLUMNS[sheet])
        table = [
            {
                **{c: _join(r.get(COLUMNS[sheet][c]) if c != "id" else r["id"]) for c in cols},
                "version": r["version"],
                "erstellt": r["created"],
                "geaendert": r["updated"],
            }
            for r in recs
        ]
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
