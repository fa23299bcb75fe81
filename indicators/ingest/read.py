"""Read indicator tables as planners get them: CSV or XLSX, any usual dialect.

CSV may be UTF-8 (with or without BOM), cp1252 (German Excel), separated by
``,``, ``;`` or tab, with decimal point or comma. Everything is read as text
first, with the line number of every row, so validation can say exactly where
a problem is. Numbers are parsed in :mod:`indicators.ingest.validate`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from indicators.ingest.report import USED, WARNING, Report
from indicators.ingest.xlsx_errors import XLSX_ERRORS
from indicators.ingest.zip_safety import zip_problem
from indicators.limits import max_upload_bytes
from indicators.wording.message import Message, Number, msg

_log = logging.getLogger(__name__)

MAX_COLUMNS = 2000
XLSX_MAX_UNZIPPED = 300 * 1024 * 1024
XLSX_MAX_RATIO = 200  # XLSX is itself a ZIP; shared strings compress well
# per member, unpacked: openpyxl keeps every shared string in memory (a 300 MB table costs GBs)
XLSX_MAX_SHARED_STRINGS = 16 * 1024 * 1024
XLSX_MAX_MEMBER = 100 * 1024 * 1024
MAX_CELL_ROWS = 500_000
ROW_COL = "_row"  # line (CSV) or sheet row (XLSX) of each data row


@dataclass
class RawTable:
    """A table read as text, before validation."""

    frame: pd.DataFrame  # all cells as str, plus ROW_COL
    encoding: str = ""
    delimiter: str = ""
    decimal: str = "."


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM allowed) or, failing that, cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """Guess the field separator from the first lines."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        header = sample.splitlines()[0] if sample else ""
        return max(";,\t|", key=header.count) if header else ","


def guess_decimal(cells: pd.Series, delimiter: str) -> str:
    """Decimal separator of a file: ',' if numbers look German, else '.'."""
    s = cells.astype(str).str.strip()
    comma = s.str.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d+|-?\d+,\d+").sum()
    point = s.str.fullmatch(r"-?\d{1,3}(,\d{3})*\.\d+|-?\d+\.\d+").sum()
    if comma != point:
        return "," if comma > point else "."
    return "," if delimiter == ";" else "."


def _frame_from_rows(header: list[str], rows: list[tuple[int, list[str]]], report: Report) -> pd.DataFrame:
    names: list[str] = []
    for i, h in enumerate(header):
        name = h.strip() or f"Spalte {i + 1}"
        if name in names or name == ROW_COL:
            new = f"{name} ({i + 1})"
            report.add(None, name, msg("read_column_renamed", i=i + 1, new=new), USED, WARNING)
            name = new
        names.append(name)
    n = len(names)
    records = []
    for line, cells in rows:
        if len(cells) > n and any(c.strip() for c in cells[n:]):
            report.add(line, "", msg("read_extra_fields", cells=len(cells), n=n), USED, WARNING)
        cells = (cells + [""] * n)[:n]
        records.append([c.strip() for c in cells] + [line])
    return pd.DataFrame(records, columns=names + [ROW_COL], dtype=object)


def read_csv_text(text: str, report: Report) -> RawTable:
    """Parse CSV text (already decoded) into a :class:`RawTable`."""
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = cells
                continue
            rows.append((reader.line_num, cells))
    except csv.Error as exc:
        report.reject_file(msg("read_csv_unreadable", line=reader.line_num, detail=exc))
    if header is None:
        report.reject_file(msg("read_empty"))
        return RawTable(pd.DataFrame(columns=[ROW_COL]), delimiter=delimiter)
    if len(header) > MAX_COLUMNS:
        report.reject_file(msg("read_too_many_columns", n=len(header), max=MAX_COLUMNS))
        return RawTable(pd.DataFrame(columns=[ROW_COL]), delimiter=delimiter)
    frame = _frame_from_rows(header, rows, report)
    values = frame.drop(columns=ROW_COL).stack() if len(frame) else pd.Series(dtype=str)
    return RawTable(frame, delimiter=delimiter, decimal=guess_decimal(values, delimiter))


def _cell_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, (dt.datetime, dt.date)):
        return f"__DATE__{v.isoformat()}"  # flagged by validation as a date in a number column
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _xlsx_member_problem(data: bytes) -> Message | None:
    """Refuse a workbook whose shared strings or sheets unpack too large, before openpyxl parses them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                shared = info.filename.lower().endswith("sharedstrings.xml")
                cap = XLSX_MAX_SHARED_STRINGS if shared else XLSX_MAX_MEMBER
                if info.file_size > cap:
                    what = msg("err_xlsx_shared") if shared else info.filename[:60]
                    return msg(
                        "err_xlsx_member", what=what, mb=Number(info.file_size / 1e6, 0), max=Number(cap / 1e6, 0)
                    )
    except (zipfile.BadZipFile, OSError, ValueError):
        return msg("err_xlsx_zip")
    return None


def _xlsx_unreadable(exc: Exception, report: Report) -> RawTable:
    """Log what openpyxl raised, then reject the file with the error type as the detail."""
    _log.info("XLSX not readable: %s", type(exc).__name__, exc_info=exc)
    report.reject_file(msg("read_xlsx_unreadable", detail=type(exc).__name__))
    return RawTable(pd.DataFrame(columns=[ROW_COL]))


def read_xlsx_bytes(data: bytes, report: Report) -> RawTable:
    """Read the first sheet of an XLSX workbook as text cells."""
    from openpyxl import load_workbook

    problem = zip_problem(data, XLSX_MAX_UNZIPPED, XLSX_MAX_RATIO) or _xlsx_member_problem(data)
    if problem:
        report.reject_file(msg("read_xlsx_unusable", problem=problem))
        return RawTable(pd.DataFrame(columns=[ROW_COL]))
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheets = wb.worksheets
    except XLSX_ERRORS as exc:  # what openpyxl raises for a broken workbook (indicators.ingest.xlsx_errors)
        return _xlsx_unreadable(exc, report)
    if not sheets:
        report.reject_file(msg("read_xlsx_no_sheet"))
        return RawTable(pd.DataFrame(columns=[ROW_COL]))
    sheet_rows = sheets[0].iter_rows(values_only=True)
    i = 0
    while True:  # only openpyxl's lazy parsing is guarded: a bug of this loop stays a bug
        try:
            row = next(sheet_rows, None)
        except XLSX_ERRORS as exc:  # a broken sheet fails while it is read, row by row
            return _xlsx_unreadable(exc, report)
        if row is None:
            break
        i += 1
        if i > MAX_CELL_ROWS:
            report.reject_file(msg("read_too_many_rows", max=MAX_CELL_ROWS))
            return RawTable(pd.DataFrame(columns=[ROW_COL]))
        if len(row) > MAX_COLUMNS:
            report.reject_file(msg("read_too_many_columns", n=len(row), max=MAX_COLUMNS))
            return RawTable(pd.DataFrame(columns=[ROW_COL]))
        cells = [_cell_text(v) for v in row]
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = cells
        else:
            rows.append((i, cells))
    wb.close()
    if header is None:
        report.reject_file(msg("read_sheet_empty"))
        return RawTable(pd.DataFrame(columns=[ROW_COL]))
    frame = _frame_from_rows(header, rows, report)
    # Excel stores numbers as numbers: a decimal point after str() conversion.
    return RawTable(frame, encoding="xlsx", delimiter="", decimal=".")


def read_table(
    source: str | Path | bytes, filename: str | None = None, max_bytes: int | None = None
) -> tuple[RawTable, Report]:
    """Read a CSV or XLSX file (path or uploaded bytes) as text.

    Parameters
    ----------
    source
        Path, or the file content as bytes (uploads).
    filename
        Name used in messages and for the format (by extension).
    max_bytes
        Files larger than this are rejected before parsing (default: the upload
        limit, :func:`indicators.limits.max_upload_bytes`).
    """
    max_bytes = max_bytes or max_upload_bytes()
    if isinstance(source, (str, Path)):
        path = Path(source)
        filename = filename or path.name
        if not path.exists():
            report = Report(filename)
            report.reject_file(msg("read_not_found"))
            return RawTable(pd.DataFrame(columns=[ROW_COL])), report
        if path.stat().st_size > max_bytes:
            report = Report(filename)
            report.reject_file(msg("read_too_large", mb=max_bytes // 1_000_000))
            return RawTable(pd.DataFrame(columns=[ROW_COL])), report
        data = path.read_bytes()
    else:
        data = source
    filename = filename or "Tabelle"
    report = Report(filename)
    if len(data) > max_bytes:
        report.reject_file(msg("read_too_large", mb=max_bytes // 1_000_000))
        return RawTable(pd.DataFrame(columns=[ROW_COL])), report
    is_zip = data[:4] == b"PK\x03\x04"
    if filename.lower().endswith((".xlsx", ".xlsm")) and not is_zip:
        if b"\x00" in data[:4096] or not data.strip():
            report.reject_file(msg("read_not_xlsx"))
            return RawTable(pd.DataFrame(columns=[ROW_COL])), report
        report.add(None, "", msg("read_xlsx_is_text"), USED, WARNING)
    if is_zip:
        raw = read_xlsx_bytes(data, report)
    else:
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            report.reject_file(msg("read_binary"))
            return RawTable(pd.DataFrame(columns=[ROW_COL])), report
        text, encoding = decode(data)
        raw = read_csv_text(text, report)
        raw.encoding = encoding
    report.rows_in = len(raw.frame)
    return raw, report
