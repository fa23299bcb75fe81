"""Validate a raw indicator table against a geography and the catalogue.

Turns a :class:`~indicators.ingest.read.RawTable` (long or wide) into the tidy
form ``area_code, year, variable, value`` and records in the report every row
that is dropped and why: unknown area code, bad year, non-numeric or missing
value, negative count, duplicate, numerator larger than denominator.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from indicators.catalogue import Indicator
from indicators.ingest.read import ROW_COL, RawTable
from indicators.ingest.report import DROPPED, SKIPPED, USED, VALUE_DROPPED, WARNING, Report
from indicators.ingest.roles import SYNONYMS, detect_columns, ignored_columns, text_columns
from indicators.ingest.roles import norm as _norm
from indicators.wording.message import Listed, Message, Number, msg

TIDY_COLUMNS = ["area_code", "year", "variable", "value", ROW_COL]
__all__ = [
    "SYNONYMS",
    "TIDY_COLUMNS",
    "VALUE_DROPPED",
    "AreaMatcher",
    "detect_columns",
    "parse_number",
    "validate_table",
]

# Symbols German statistics offices print instead of a number, read by their meaning
# (Zeichenerklärung der amtlichen Statistik): "-" is exactly zero, the others are no value.
MAX_NAME = 200  # characters of a variable name
ZERO_SYMBOLS = {"-", "–", "—"}
SYMBOL_MEANINGS = {  # symbol → wording key of its meaning
    ".": "ingest_sym_secret",
    "x": "ingest_sym_locked",
    "X": "ingest_sym_locked",
    "/": "ingest_sym_unsure",
    "…": "ingest_sym_later",
    "...": "ingest_sym_later",
}
MISSING_SYMBOLS = {"", "NA", "n.a.", "k.A.", "nan", "NaN", "#NV", *SYMBOL_MEANINGS}


def parse_number(text: str, decimal: str = ".") -> float | None:
    """Parse a number written with ``decimal`` as decimal separator; None if not a number."""
    s = str(text).strip().replace("\u00a0", "").replace(" ", "").replace("'", "")
    if decimal == ",":
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    if s.endswith("%"):
        s = s[:-1]
    try:
        v = float(s)
    except ValueError:
        return None
    return v if np.isfinite(v) else None


class AreaMatcher:
    """Match area codes or names from a file to the codes of a geography."""

    def __init__(self, codes: Iterable[str], names: Mapping[str, str] | None = None, reference_code: str | None = "00"):
        self.codes = {str(c) for c in codes}
        if reference_code:
            self.codes.add(reference_code)
        digits = [c for c in self.codes if c.isdigit()]
        self.width = max((len(c) for c in digits), default=0) if digits else 0
        self.by_name = {_norm(n): str(c) for c, n in (names or {}).items() if n}

    def match(self, text: str) -> str | None:
        s = str(text).strip()
        if s in self.codes:
            return s
        head = re.split(r"\s+[-–]\s+", s, maxsplit=1)[0].strip()  # "01 - Innenstadt"
        for cand in (head, s):
            if cand.endswith(".0") and cand[:-2].isdigit():
                cand = cand[:-2]
            if cand.isdigit() and self.width:
                padded = cand.zfill(self.width)
                if padded in self.codes:
                    return padded
            if cand in self.codes:
                return cand
        return self.by_name.get(_norm(s))


def _to_long(
    raw: RawTable, roles: dict[str, str], report: Report, default_year: int | None, ignored: tuple[str, ...] = ()
) -> pd.DataFrame:
    f = raw.frame
    if "variable" in roles and "value" in roles:
        cols = [roles["area"], roles["variable"], roles["value"], ROW_COL]
        long = f[cols].copy()
        long.columns = ["area", "variable", "value", ROW_COL]
        long["year"] = f[roles["year"]] if "year" in roles else default_year
        long["_wide"] = False
        return long
    skip = {roles["area"], roles.get("year"), roles.get("name"), ROW_COL, *ignored}
    value_cols = [c for c in f.columns if c not in skip]
    texts = text_columns(
        f,
        value_cols,
        lambda v: parse_number(v, raw.decimal) is not None or v in ZERO_SYMBOLS or v.startswith("__DATE__"),
        lambda v: v in MISSING_SYMBOLS,
    )
    for col, example in texts.items():
        report.add(None, col, msg("ingest_text_column", column=col, example=example[:40]), SKIPPED, WARNING)
    value_cols = [c for c in value_cols if c not in texts]
    long = f.melt(
        id_vars=[c for c in (roles["area"], roles.get("year"), ROW_COL) if c],
        value_vars=value_cols,
        var_name="variable",
        value_name="value",
    )
    long = long.rename(columns={roles["area"]: "area"})
    long["year"] = long[roles["year"]] if "year" in roles else default_year
    long["_wide"] = True
    return long[["area", "variable", "value", ROW_COL, "year", "_wide"]]


def _num(value: float) -> Number:
    """A number of a finding with as many decimals as it has (at most 4)."""
    return Number(float(value), next((d for d in range(5) if round(float(value), d) == float(value)), 4))


def _drop(report: Report, row: int, col: str, problem: Message, wide: bool) -> None:
    report.add(row, col, problem, VALUE_DROPPED if wide else DROPPED)


def _area_year(
    rec: dict[str, Any], matcher: AreaMatcher, report: Report, cols: Mapping[str, str]
) -> tuple[str, int] | None:
    """The area code and year of a record; None (row reported as dropped) if either is unusable."""
    row = int(rec[ROW_COL])
    code = matcher.match(rec["area"])
    if code is None:
        report.add(row, cols["area"], msg("ingest_unknown_area", code=rec["area"]), DROPPED)
        return None
    year = rec["year"] if isinstance(rec["year"], int) else parse_number(rec["year"])
    if year is None or not float(year).is_integer() or not 1900 <= year <= 2100:
        report.add(row, cols["year"], msg("ingest_bad_year", year=rec["year"]), DROPPED)
        return None
    return code, int(year)


def _variable(rec: dict[str, Any], report: Report) -> str | None:
    """The variable name of a record; None (value reported as dropped) if empty or too long."""
    row, wide = int(rec[ROW_COL]), bool(rec["_wide"])
    variable = str(rec["variable"]).strip()
    if not variable:
        _drop(report, row, "variable", msg("ingest_variable_missing"), wide)
        return None
    if len(variable) > MAX_NAME:
        _drop(report, row, "variable", msg("ingest_variable_too_long", n=MAX_NAME), wide)
        return None
    return variable


def _value(rec: dict[str, Any], vcol: str, report: Report, decimal: str, ind: Indicator | None) -> float | None:
    """The number of a record's value cell; None (reported as dropped) for a date, a missing-value
    symbol, text or a negative count. A zero symbol counts as 0 (with a warning)."""
    row, wide = int(rec[ROW_COL]), bool(rec["_wide"])
    text = str(rec["value"]).strip()
    if text.startswith("__DATE__"):
        _drop(report, row, vcol, msg("ingest_date_not_number", date=text[8:18]), wide)
        return None
    if text in MISSING_SYMBOLS:
        meaning = SYMBOL_MEANINGS.get(text)
        _drop(
            report,
            row,
            vcol,
            (
                msg("ingest_no_value_symbol", text=text, meaning=msg(meaning))
                if meaning
                else msg("ingest_no_value", text=text)
            )
            if text
            else msg("ingest_value_missing"),
            wide,
        )
        return None
    if text in ZERO_SYMBOLS:
        report.add(row, vcol, msg("ingest_zero_symbol", text=text), USED, WARNING)
        text = "0"
    value = parse_number(text, decimal)
    if value is None:
        _drop(report, row, vcol, msg("ingest_not_a_number", text=text[:40]), wide)
        return None
    if value < 0 and ind is not None and ind.is_count:
        _drop(report, row, vcol, msg("ingest_negative_count", text=text), wide)
        return None
    return value


def validate_table(
    raw: RawTable,
    report: Report,
    matcher: AreaMatcher,
    catalogue: Mapping[str, Indicator] | None = None,
    mapping: Mapping[str, object] | None = None,
    default_year: int | None = None,
) -> pd.DataFrame:
    """Validate ``raw`` and return the tidy rows that can be used.

    Parameters
    ----------
    raw, report
        Output of :func:`indicators.ingest.read.read_table`.
    matcher
        Codes (and names) of the target geography.
    catalogue
        Known indicators; used to find counts (no negatives) and shares
        (numerator must not exceed denominator). Unknown variables are kept
        and listed as new.
    mapping
        Explicit role -> column mapping (area, name, year, variable, value; ``ignore``: a
        list of columns to pass over). In a wide table every other column is a value
        column, except columns holding text (a name, a remark): those are passed over
        with one note, never reported row by row as "keine Zahl".
    default_year
        Year for files without a year column.
    """
    catalogue = catalogue or {}
    if report.file_error:
        return pd.DataFrame(columns=TIDY_COLUMNS)
    roles = detect_columns(raw.frame.columns, mapping)
    if "area" not in roles:
        report.reject_file(msg("ingest_no_area_column"))
        return pd.DataFrame(columns=TIDY_COLUMNS)
    if "year" not in roles and default_year is None:
        report.reject_file(msg("ingest_no_year_column"))
        return pd.DataFrame(columns=TIDY_COLUMNS)
    long = _to_long(raw, roles, report, default_year, ignored_columns(mapping))
    cols = {"area": roles["area"], "year": roles.get("year", ""), "value": roles.get("value", "")}

    keep: list[dict[str, Any]] = []
    bad_rows: set[int] = set()  # rows dropped whole (area or year), reported once
    for rec in long.to_dict("records"):
        row = int(rec[ROW_COL])
        if row in bad_rows:
            continue
        place = _area_year(rec, matcher, report, cols)
        if place is None:
            bad_rows.add(row)
            continue
        variable = _variable(rec, report)
        if variable is None:
            continue
        vcol = rec["variable"] if rec["_wide"] else cols["value"]
        value = _value(rec, vcol, report, raw.decimal, catalogue.get(variable))
        if value is not None:
            keep.append({"area_code": place[0], "year": place[1], "variable": variable, "value": value, ROW_COL: row})

    tidy = pd.DataFrame(keep, columns=TIDY_COLUMNS)
    tidy = _drop_duplicates(tidy, report, cols["value"] or "Wert")
    tidy = _check_shares(tidy, report, catalogue)
    for var in sorted(set(tidy["variable"]) - set(catalogue)) if catalogue else []:
        report.add(None, var, msg("ingest_new_variable", variable=var), USED, WARNING)
    used = set(tidy[ROW_COL])
    for row in sorted(set(raw.frame[ROW_COL]) - used - report.dropped_rows):
        report.add(int(row), "", msg("ingest_row_without_values"), DROPPED)
    report.rows_used = len(used)
    return tidy.reset_index(drop=True)


def _drop_duplicates(tidy: pd.DataFrame, report: Report, col: str) -> pd.DataFrame:
    """Keep one row per key if duplicates agree; drop all if they conflict."""
    key = ["area_code", "year", "variable"]
    dup = tidy.duplicated(key, keep=False)
    if not dup.any():
        return tidy
    drop_idx: list[int] = []
    for _, grp in tidy[dup].groupby(key, sort=False):
        rows = grp[ROW_COL].tolist()
        if grp["value"].nunique() == 1:
            for idx, row in zip(grp.index[1:], rows[1:]):
                report.add(row, col, msg("ingest_duplicate_same", row=rows[0]), DROPPED, WARNING)
                drop_idx.append(idx)
        else:
            vals = Listed(tuple(_num(v) for v in grp["value"]))
            for idx, row in zip(grp.index, rows):
                others = [r for r in rows if r != row]
                report.add(row, col, msg("ingest_duplicate_conflict", rows=[row, *others], values=vals), DROPPED)
                drop_idx.append(idx)
    return tidy.drop(index=drop_idx)


def _check_shares(tidy: pd.DataFrame, report: Report, catalogue: Mapping[str, Indicator]) -> pd.DataFrame:
    """Drop numerator rows larger than their denominator for share indicators (unit %)."""
    pairs = {
        (i.numerator[0], i.denominator[0])
        for i in catalogue.values()
        if i.kind == "rate" and i.unit == "%" and len(i.numerator) == 1 and len(i.denominator) == 1
    }
    if not pairs or tidy.empty:
        return tidy
    drop_idx: list[int] = []
    key = ["area_code", "year"]
    for num, den in sorted(pairs):
        dens = tidy[tidy["variable"] == den].groupby(key)["value"].max().rename("den")
        nums = tidy[tidy["variable"] == num].join(dens, on=key)
        for i, r in nums[nums["value"] > nums["den"]].iterrows():
            report.add(
                r[ROW_COL],
                num,
                msg("ingest_numerator_too_big", num=num, value=_num(r["value"]), den=den, den_value=_num(r["den"])),
                DROPPED,
            )
            drop_idx.append(i)
    return tidy.drop(index=drop_idx)
