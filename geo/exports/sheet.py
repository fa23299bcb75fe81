"""One way to write any table of a view as CSV or XLSX, with its source and rounded values.

An :class:`ExportTable` holds a frame with internal column names (``code``,
``name``, ``score`` …), the decimals of its number columns and the source and
attribution line. The writers

- round every number column to its decimals (one value per column or one per row,
  e.g. per indicator), so a file never shows 15 digits;
- rename the columns for people (:func:`indicators.wording.display_columns`);
- put the source line into a last column ``Quelle`` / ``Source``, repeated on
  every row: a plain ``pandas.read_csv`` and a double click in Excel both open the
  file without options (no comment line, no footer rows that break the table), and
  the source survives sorting and filtering. The XLSX has a ``Quelle`` sheet too;
- pass every text cell through :func:`geo.exports.safety.safe_frame`.

Disclosure control happens before: a builder sets a suppressed value to NaN (an
empty cell), and says "gesperrt" in a note column where the table has one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from io import BytesIO

import numpy as np
import pandas as pd

from geo.exports.safety import safe_cell, safe_frame
from indicators.errors import InputError, msg
from indicators.wording.voice import GERMAN, Voice

DIALECTS = ("utf8", "excel-de")

Decimals = int | Sequence[int]


@dataclass(frozen=True)
class ExportTable:
    """A view's table, ready for :func:`table_csv` and :func:`table_xlsx`.

    Parameters
    ----------
    frame : pandas.DataFrame
        Internal column names; numbers as floats (NaN = empty cell).
    source : str
        Source and attribution line (``Dataset.attribution``).
    decimals : mapping
        Column → decimals (an int for the column or one int per row).
        Number columns not listed keep their values (whole numbers stay whole).
    headers : mapping
        Headers for columns the wording table cannot know (indicator ids, a value with its unit).
    meta : list of (str, str)
        Extra lines for the ``Quelle`` sheet of the XLSX (title, year, method …).
    """

    frame: pd.DataFrame
    source: str
    decimals: Mapping[str, Decimals] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)
    meta: Sequence[tuple[str, str]] = ()


def round_values(values: pd.Series, decimals: Decimals) -> pd.Series:
    """``values`` rounded to ``decimals`` (one for all or one per row); NaN stays NaN."""
    v = pd.to_numeric(values, errors="coerce").astype(float)
    if isinstance(decimals, int):
        return v.round(decimals)
    dec = np.asarray(decimals, dtype=int)
    if len(dec) != len(v):
        problem = "one decimals value per row expected"
        raise ValueError(problem)
    return pd.Series(
        [round(x, int(d)) if np.isfinite(x) else np.nan for x, d in zip(v, dec)], index=v.index, dtype=float
    )


def rounded(table: ExportTable) -> pd.DataFrame:
    """The frame with its number columns rounded; whole-number columns as integers."""
    out = table.frame.copy()
    for col, dec in table.decimals.items():
        if col in out:
            out[col] = round_values(out[col], dec)
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_float_dtype(s.dtype):
            v = s.to_numpy(dtype=float)
            if np.all(np.isnan(v) | (np.mod(v, 1) == 0)) and col not in _fractional(table):
                out[col] = s.round().astype("Int64")
        elif pd.api.types.is_bool_dtype(s.dtype):
            out[col] = s.astype(object)
    return out


def _fractional(table: ExportTable) -> set[str]:
    """Columns with decimals > 0 stay floats even if a value happens to be whole."""
    out = set()
    for col, dec in table.decimals.items():
        if (dec > 0) if isinstance(dec, int) else any(int(d) > 0 for d in dec):
            out.add(col)
    return out


def yes_no(flags: pd.Series | Sequence[bool], *, voice: Voice = GERMAN) -> list[str]:
    """``ja``/``nein`` (``yes``/``no``) for a boolean column."""
    return [voice.t("yes") if bool(f) else voice.t("no") for f in flags]


def people_frame(table: ExportTable, *, voice: Voice = GERMAN) -> pd.DataFrame:
    """What a file shows: rounded, headers in the voice's language, the source column last, formulas defused."""
    out = voice.columns(rounded(table), table.headers)
    out[voice.t("source")] = table.source
    return safe_frame(out)


def table_csv(table: ExportTable, dialect: str = "utf8", *, voice: Voice = GERMAN) -> bytes:
    """CSV bytes of ``table``.

    ``utf8``: comma, decimal point, UTF-8. ``excel-de``: semicolon, decimal comma,
    UTF-8 with BOM (opens correctly in a German Excel by double click).
    """
    if dialect not in DIALECTS:
        raise InputError(msg("err_unknown_csv", dialect=dialect, allowed=list(DIALECTS)))
    out = _fixed_decimals(people_frame(table, voice=voice), table, "," if dialect == "excel-de" else ".")
    if dialect == "excel-de":
        german: str = out.to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
        return german.encode("utf-8-sig")
    plain: str = out.to_csv(index=False, lineterminator="\n")
    return plain.encode("utf-8")


def _fixed_decimals(out: pd.DataFrame, table: ExportTable, point: str) -> pd.DataFrame:
    """Number columns with decimals written with exactly those decimals ("13363", "15,8"), empty if missing.

    CSV has no types: a column of counts and shares keeps each row's decimals, and
    ``pandas.read_csv`` still reads the column as numbers.
    """
    cols = list(table.frame.columns)
    for col, dec in table.decimals.items():
        if col not in cols:
            continue
        i = cols.index(col)
        per_row = [dec] * len(out) if isinstance(dec, int) else list(dec)
        values = pd.to_numeric(out.iloc[:, i], errors="coerce").astype(float)
        out.isetitem(
            i,
            [
                ("" if not np.isfinite(v) else f"{v:.{max(int(d), 0)}f}".replace(".", point))
                for v, d in zip(values, per_row)
            ],
        )
    return out


def _cell(v: object) -> object:
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, np.generic):
        return v.item()
    return v


def number_format(decimals: int) -> str:
    """Excel number format with thousands separator and ``decimals`` places."""
    return "#,##0" if decimals <= 0 else "#,##0." + "0" * decimals


def table_xlsx(table: ExportTable, *, voice: Voice = GERMAN) -> bytes:
    """XLSX bytes: a data sheet (rounded values, number formats) and a ``Quelle`` sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    data = people_frame(table, voice=voice)
    wb = Workbook()
    ws = wb.active
    ws.title = voice.t("ex_sheet_data")
    ws.append(list(data.columns))
    for row in data.itertuples(index=False):
        ws.append([_cell(v) for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    cols = list(table.frame.columns)
    for col, dec in table.decimals.items():
        if col not in cols:
            continue
        c = cols.index(col) + 1
        per_row = [dec] * len(data) if isinstance(dec, int) else list(dec)
        for r, d in enumerate(per_row, start=2):
            ws.cell(r, c).number_format = number_format(int(d))
    for i, col in enumerate(data.columns, start=1):
        width = max([len(str(col))] + [len(str(v)) for v in data.iloc[:200, i - 1] if v is not None])
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, max(8, width + 2))
    key_value_sheet(wb, voice.t("source"), [(voice.t("source"), table.source), *table.meta], voice=voice, key_width=24)
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


def key_value_sheet(wb, title: str, rows, *, voice: Voice = GERMAN, key_width: float = 22) -> None:
    """A sheet ``title`` of field/content rows (source, metadata): bold header, wrapped content."""
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(title)
    ws.append([voice.t("ex_field"), voice.t("ex_content")])
    for key, value in rows:
        ws.append([safe_cell(key), safe_cell(value)])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.column_dimensions["A"].width = key_width
    ws.column_dimensions["B"].width = 100
    for row in ws.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")


def read_back(data: bytes, kind: str) -> pd.DataFrame:
    """Open an export as a planner's pandas would (for tests and checks): ``csv``, ``excel-csv``, ``xlsx``."""
    if kind == "xlsx":
        return pd.read_excel(BytesIO(data), sheet_name=0)
    if kind == "excel-csv":
        return pd.read_csv(BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    return pd.read_csv(BytesIO(data))


__all__ = [
    "DIALECTS",
    "ExportTable",
    "number_format",
    "people_frame",
    "read_back",
    "round_values",
    "rounded",
    "table_csv",
    "table_xlsx",
    "yes_no",
]
