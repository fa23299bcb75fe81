"""Reading the planning register's files: sheets ``Massnahmen``/``Ziele`` of XLSX or CSV, as text cells.

Only reading, no database: :func:`read_sheets` is what the upload sandbox runs in its
fenced child (:func:`geo.uploads.planning_import.read_plan_files`), so a hostile
workbook (an XML entity bomb, millions of rows) costs a message, never the
server. Every problem is a finding of the file's report naming the sheet; a file with
more than :func:`indicators.limits.max_plan_rows` rows is refused before its rows are
converted.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from indicators.errors import msg
from indicators.ingest.read import XLSX_MAX_RATIO, XLSX_MAX_UNZIPPED, decode, read_csv_text
from indicators.ingest.report import Report
from indicators.ingest.xlsx_errors import XLSX_ERRORS
from indicators.ingest.zip_safety import zip_problem
from indicators.limits import ENV_PLAN_ROWS, max_plan_rows, max_upload_bytes
from indicators.spreadsheet import restore_cell
from indicators.wording.message import Message, Number

SHEETS = {"Massnahmen": "measure", "Ziele": "goal"}
ROW = "_row"
_log = logging.getLogger(__name__)
Sheets = dict[str, tuple[pd.DataFrame, Report]]


def too_many_rows(cap: int) -> Message:
    """The refusal of a sheet with more than ``cap`` rows."""
    return msg("err_plan_too_many_rows", cap=Number(cap, 0), env=ENV_PLAN_ROWS)


def cell(v: Any) -> str:
    """A cell as text: dates ISO, whole floats without ``.0``."""
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(restore_cell(str(v).strip()))  # our own export's neutralised formula text: as it was


def _refused(name: str, message: Message) -> Sheets:
    r = Report(name)
    r.reject_file(message)
    return {name: (pd.DataFrame(), r)}


def _parse_problem(exc: BaseException) -> Message | str:
    """A parser's exception as a short reason (expat's entity and amplification limits included)."""
    text = str(exc).lower()
    if "amplification" in text or "entit" in text or "recursive" in text:
        return msg("err_plan_xml_bomb")
    return msg("err_plan_parse", kind=type(exc).__name__, detail=str(exc)[:120]) if str(exc) else type(exc).__name__


def _sheet_frame(ws: Any, name: str, cap: int) -> tuple[pd.DataFrame, Report]:
    report = Report(f"{name} [{ws.title}]")
    header: list[str] | None = None
    records: list[dict[str, object]] = []
    rows = ws.iter_rows(values_only=True)
    i = 0
    while True:  # only openpyxl's lazy parsing is guarded: a bug of this loop stays a bug
        try:
            row = next(rows, None)
        except XLSX_ERRORS as exc:  # what openpyxl (expat, zipfile) raises for a hostile sheet
            _log.info("sheet %s of %s not readable", ws.title, name, exc_info=exc)
            report.reject_file(msg("err_plan_sheet_unreadable", sheet=ws.title, problem=_parse_problem(exc)))
            return pd.DataFrame(), report
        if row is None:
            break
        i += 1
        cells = [cell(v) for v in row]
        if not any(cells):
            continue
        if header is None:
            header = [c.strip().lower() for c in cells]
        elif len(records) >= cap:
            report.reject_file(too_many_rows(cap))
            return pd.DataFrame(), report
        else:
            records.append(dict(zip(header, cells, strict=False)) | {ROW: i})
    return pd.DataFrame(records, columns=[*(header or []), ROW], dtype=object), report


def _sheet_names(z: zipfile.ZipFile) -> dict[str, str]:
    """Member path → sheet title, from the workbook's own parts (read after they passed :func:`_dtd_part`)."""
    import xml.etree.ElementTree as ET

    try:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError):
        return {}
    targets = {r.get("Id"): str(r.get("Target") or "").lstrip("/") for r in rels}
    out = {}
    for sheet in book.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"):
        rid = sheet.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        target = targets.get(rid, "")
        out[target if target.startswith("xl/") else f"xl/{target}"] = str(sheet.get("name") or "")
    return out


def _dtd_part(z: zipfile.ZipFile) -> str | None:
    """The first XML part that declares a DTD or entities (no Excel writes one: an entity bomb), or None."""
    for info in z.infolist():
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        tail = b""
        with z.open(info) as fh:
            for block in iter(lambda: fh.read(2**16), b""):
                if b"<!DOCTYPE" in tail + block or b"<!ENTITY" in tail + block:
                    return info.filename
                tail = block[-16:]
    return None


def xlsx_sheets(data: bytes, name: str, cap: int | None = None) -> Sheets:
    """The sheets ``Massnahmen``/``Ziele`` of a workbook; problems as findings naming file and sheet."""
    from openpyxl import load_workbook

    cap = cap or max_plan_rows()
    problem = zip_problem(data, XLSX_MAX_UNZIPPED, XLSX_MAX_RATIO)
    if problem:
        return _refused(name, msg("err_plan_xlsx_unusable", problem=problem))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            part = _dtd_part(z)
            where = _sheet_names(z).get(part or "", "") if part else ""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        return _refused(name, msg("err_plan_xlsx_unreadable", problem=_parse_problem(exc)))
    if part:
        place = msg("err_plan_place_sheet", name=where) if where else msg("err_plan_place_part", name=part)
        return _refused(name, msg("err_plan_dtd", place=place))
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except XLSX_ERRORS as exc:  # what openpyxl raises for a broken workbook (indicators.ingest.xlsx_errors)
        _log.info("workbook %s not readable", name, exc_info=exc)
        return _refused(name, msg("err_plan_xlsx_unreadable", problem=_parse_problem(exc)))
    try:
        try:
            titles = list(wb.sheetnames)
            wanted = [ws for ws in wb.worksheets if ws.title in SHEETS]
        except XLSX_ERRORS as exc:  # the workbook's own parts (sheet list, styles) can be hostile too
            _log.info("workbook %s not readable", name, exc_info=exc)
            return _refused(name, msg("err_plan_xlsx_unreadable", problem=_parse_problem(exc)))
        out: Sheets = {ws.title: _sheet_frame(ws, name, cap) for ws in wanted}
    finally:
        wb.close()
    if not out:
        return _refused(name, msg("err_plan_no_sheet", found=", ".join(titles) or "–"))
    return out


def _rows_over(text: str, cap: int) -> bool:
    """Whether CSV ``text`` has more than ``cap`` non-empty data rows (stops counting there)."""
    n = -1  # the header
    try:
        for cells in csv.reader(io.StringIO(text, newline="")):
            if any(c.strip() for c in cells):
                n += 1
                if n > cap:
                    return True
    except csv.Error:
        return False  # the parser proper reports it, with its line
    return False


def csv_sheet(data: bytes, name: str, cap: int | None = None) -> Sheets:
    """The sheet a CSV file holds, by its name (``Massnahmen….csv``, ``Ziele….csv``)."""
    cap = cap or max_plan_rows()
    stem = Path(name).stem.lower()
    sheet = next(
        (s for s in SHEETS if stem.startswith(s.lower()) or stem.startswith(s.lower().replace("ss", "ß"))), None
    )
    if sheet is None:
        return _refused(name, msg("err_plan_csv_name"))
    report = Report(f"{name} [{sheet}]")
    try:
        text = decode(data)[0]
    except UnicodeError as exc:  # undecodable bytes (UTF-16 of odd length): a finding, not a crash
        _log.info("CSV %s not decodable", name, exc_info=exc)
        report.reject_file(msg("err_plan_file_unreadable", problem=_parse_problem(exc)))
        return {sheet: (pd.DataFrame(), report)}
    if _rows_over(text, cap):
        report.reject_file(too_many_rows(cap))
        return {sheet: (pd.DataFrame(), report)}
    raw = read_csv_text(text, report)
    frame = raw.frame.rename(columns=lambda c: c if c == ROW else str(c).strip().lower())
    return {sheet: (frame, report)}


def read_sheets(paths: list[str | Path], cap: int | None = None) -> Sheets:
    """The sheets ``Massnahmen``/``Ziele`` of XLSX or CSV files, as text cells with their row numbers.

    Parameters
    ----------
    paths
        The files (XLSX/XLSM or CSV named by its sheet).
    cap
        Rows per sheet at most (default :func:`indicators.limits.max_plan_rows`).

    Returns
    -------
    dict
        Sheet name → (frame of text cells with ``_row``, report); a refused file
        comes back under its own name with ``report.file_error`` set.
    """
    out: Sheets = {}
    for p in map(Path, paths):
        limit = max_upload_bytes()
        if not p.is_file() or p.stat().st_size > limit:
            out.update(
                _refused(
                    p.name,
                    msg("err_plan_file_missing")
                    if not p.is_file()
                    else msg("err_plan_file_too_large", mb=limit // 2**20),
                )
            )
            continue
        data = p.read_bytes()
        found = (
            xlsx_sheets(data, p.name, cap) if p.suffix.lower() in {".xlsx", ".xlsm"} else csv_sheet(data, p.name, cap)
        )
        for sheet, item in found.items():
            if sheet in out and sheet in SHEETS:
                item[1].reject_file(msg("err_plan_sheet_twice", sheet=sheet))
            out[sheet if sheet not in out else f"{sheet} ({p.name})"] = item
    return out
