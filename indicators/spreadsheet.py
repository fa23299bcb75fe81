"""Neutralise spreadsheet formulas in exported CSV and XLSX files.

A cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return is
run as a formula by Excel and LibreOffice ("CSV injection"); an area named
``=HYPERLINK("http://evil", "Klick")`` would become a live link. Every export
path passes its frame through :func:`safe_frame`. Numbers stay numbers: only
text cells are changed, by a leading apostrophe, which spreadsheets show as
plain text. A file the tool reads back (the planning workbook) passes its text
cells through :func:`restore_cell`, so a title ``-Sanierung`` survives the round trip.

Here in ``indicators`` (numbers and text only) so that the store's own exports use it
too; ``geo.exports.safety`` is the name the exports know it by.
"""

from __future__ import annotations

import numbers

import pandas as pd

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def safe_cell(value: object) -> object:
    """Return ``value``, prefixed with ``'`` if it is text that a spreadsheet would run.

    Numbers, dates, booleans and None are returned unchanged. Text that is a
    plain negative number ("-3,5") is left alone too, so tables stay readable.
    """
    if value is None or isinstance(value, (numbers.Number, bool)) or not isinstance(value, str):
        return value
    stripped = value.lstrip(" \u00a0")
    if stripped in ("%", "|"):  # a bare unit or separator is not a formula
        return value
    if _runs(stripped):
        return "'" + value
    return value


def _runs(stripped: str) -> bool:
    """Starts like a formula; or is already an apostrophe before one (escaped again, so that
    :func:`restore_cell` gives back exactly what was written)."""
    if stripped.startswith("'"):
        return _runs(stripped[1:].lstrip(" \u00a0"))
    return stripped.startswith(DANGEROUS_START) and not _is_plain_number(stripped)


def _is_plain_number(text: str) -> bool:
    s = text.replace(".", "").replace(",", "").replace(" ", "")
    return len(s) > 1 and s[0] in "+-" and s[1:].isdigit()


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``frame`` with every text cell and column name passed through :func:`safe_cell`."""
    out = frame.copy()
    for col in out.columns:
        s = out[col]
        if s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
            out[col] = s.map(safe_cell).astype(object)
    out.columns = [safe_cell(c) if isinstance(c, str) else c for c in out.columns]
    if isinstance(out.index, pd.Index) and (out.index.dtype == object or pd.api.types.is_string_dtype(out.index.dtype)):
        out.index = out.index.map(safe_cell)
    return out


def restore_cell(value: object) -> object:
    """Undo :func:`safe_cell` for text read back from an exported file (``'=x`` → ``=x``)."""
    if isinstance(value, str) and value.startswith("'") and safe_cell(value[1:]) == value:
        return value[1:]
    return value
