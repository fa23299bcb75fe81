"""Validate a raw indicator table against a geography and the catalogue.

Turns a :class:`~indicators.ingest.read.RawTable` (long or wide) into the tidy
form ``area_code, year, variable, value`` and records in the report every row
that is dropped and why: unknown area code, bad year, non-numeric or missing
value, negative count, duplicate, numerator larger than denominator.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from indicators.catalogue import Indicator
from indicators.ingest.read import ROW_COL, RawTable
from indicators.ingest.report import DROPPED, USED, WARNING, Report

TIDY_COLUMNS = ["area_code", "year", "variable", "value", ROW_COL]
VALUE_DROPPED = "Wert verworfen"

# Usual German and English column names, compared after normalisation.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "area": ("area_code", "code", "area", "gebiet", "gebietscode", "schluessel", "schlussel",
             "gebietsschluessel", "stadtteil", "stadtteilnr", "stadtteil_code", "stadtbezirk",
             "bezirk", "planungsraum", "raum", "id", "nr", "kennziffer"),
    "year": ("year", "jahr", "berichtsjahr"),
    "variable": ("variable", "merkmal", "indikator", "indicator", "kennzahl", "variable_id"),
    "value": ("value", "wert", "anzahl", "count", "wert_anzahl"),
}
# Symbols German statistics offices print instead of a number, read by their meaning
# (Zeichenerklärung der amtlichen Statistik): "-" is exactly zero, the others are no value.
MAX_NAME = 200  # characters of a variable name
ZERO_SYMBOLS = {"-", "–", "—"}
SYMBOL_MEANINGS = {
    ".": "Zahlenwert unbekannt oder geheim zu halten",
    "x": "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
    "X": "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
    "/": "keine Angabe, da Zahlenwert nicht sicher genug",
    "…": "Angabe fällt später an",
    "...": "Angabe fällt später an",
}
MISSING_SYMBOLS = {"", "NA", "n.a.", "k.A.", "nan", "NaN", "#NV", *SYMBOL_MEANINGS}


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def detect_columns(columns: Iterable[str], mapping: Mapping[str, str] | None = None) -> dict[str, str]:
    """Map roles (area, year, variable, value) to column names.

    An explicit ``mapping`` (role -> column) wins over recognised synonyms.
    """
    cols = [c for c in columns if c != ROW_COL]
    found: dict[str, str] = {}
    for role, names in SYNONYMS.items():
        for c in cols:
            if _norm(c) in names and c not in found.values():
                found[role] = c
                break
    found.update({k: v for k, v in (mapping or {}).items() if v})
    return found


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

    def __init__(self, codes: Iterable[str], names: Mapping[str, str] | None = None,
                 reference_code: str | None = "00"):
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


def _to_long(raw: RawTable, roles: dict[str, str], report: Report, default_year: int | None) -> pd.DataFrame:
    f = raw.frame
    if "variable" in roles and "value" in roles:
        cols = [roles["area"], roles["variable"], roles["value"], ROW_COL]
        long = f[cols].copy()
        long.columns = ["area", "variable", "value", ROW_COL]
        long["year"] = f[roles["year"]] if "year" in roles else default_year
        long["_wide"] = False
        return long
    skip = {roles["area"], roles.get("year"), ROW_COL}
    value_cols = [c for c in f.columns if c not in skip]
    long = f.melt(id_vars=[c for c in (roles["area"], roles.get("year"), ROW_COL) if c],
                  value_vars=value_cols, var_name="variable", value_name="value")
    long = long.rename(columns={roles["area"]: "area"})
    long["year"] = long[roles["year"]] if "year" in roles else default_year
    long["_wide"] = True
    return long[["area", "variable", "value", ROW_COL, "year", "_wide"]]


def _drop(report: Report, row: int, col: str, problem: str, wide: bool) -> None:
    report.add(row, col, problem, VALUE_DROPPED if wide else DROPPED)


def validate_table(
    raw: RawTable,
    report: Report,
    matcher: AreaMatcher,
    catalogue: Mapping[str, Indicator] | None = None,
    mapping: Mapping[str, str] | None = None,
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
        Explicit role -> column mapping (area, year, variable, value).
    default_year
        Year for files without a year column.
    """
    catalogue = catalogue or {}
    if report.file_error:
        return pd.DataFrame(columns=TIDY_COLUMNS)
    roles = detect_columns(raw.frame.columns, mapping)
    if "area" not in roles:
        report.reject_file("keine Spalte mit Gebietsschlüssel gefunden (z. B. 'Stadtteil', 'Gebiet', 'Code')")
        return pd.DataFrame(columns=TIDY_COLUMNS)
    if "year" not in roles and default_year is None:
        report.reject_file("keine Spalte 'Jahr' gefunden und kein Jahr angegeben")
        return pd.DataFrame(columns=TIDY_COLUMNS)
    long = _to_long(raw, roles, report, default_year)
    cols = {"area": roles["area"], "year": roles.get("year", ""), "value": roles.get("value", "")}

    keep: list[dict] = []
    bad_rows: set[int] = set()  # rows dropped whole (area or year), reported once
    for rec in long.to_dict("records"):
        row, wide = int(rec[ROW_COL]), bool(rec["_wide"])
        if row in bad_rows:
            continue
        vcol = rec["variable"] if wide else cols["value"]
        code = matcher.match(rec["area"])
        if code is None:
            report.add(row, cols["area"], f"unbekannter Gebietsschlüssel '{rec['area']}'", DROPPED)
            bad_rows.add(row)
            continue
        year = rec["year"] if isinstance(rec["year"], int) else parse_number(rec["year"])
        if year is None or not float(year).is_integer() or not 1900 <= year <= 2100:
            report.add(row, cols["year"], f"ungültiges Jahr '{rec['year']}'", DROPPED)
            bad_rows.add(row)
            continue
        variable = str(rec["variable"]).strip()
        if not variable:
            _drop(report, row, "variable", "Merkmal fehlt", wide)
            continue
        if len(variable) > MAX_NAME:
            _drop(report, row, "variable", f"Merkmal länger als {MAX_NAME} Zeichen", wide)
            continue
        text = str(rec["value"]).strip()
        if text.startswith("__DATE__"):
            _drop(report, row, vcol, f"Datum statt Zahl ({text[8:18]}), vermutlich Excel-Formatfehler", wide)
            continue
        if text in MISSING_SYMBOLS:
            meaning = SYMBOL_MEANINGS.get(text)
            _drop(report, row, vcol, (f"kein Wert ('{text}': {meaning})" if meaning else f"kein Wert ('{text}')")
                  if text else "Wert fehlt", wide)
            continue
        if text in ZERO_SYMBOLS:
            report.add(row, vcol, f"'{text}' gelesen als genau null (Zeichen der amtlichen Statistik)", USED,
                       WARNING)
            text = "0"
        value = parse_number(text, raw.decimal)
        if value is None:
            _drop(report, row, vcol, f"keine Zahl: '{text[:40]}'", wide)
            continue
        ind = catalogue.get(variable)
        if value < 0 and ind is not None and ind.is_count:
            _drop(report, row, vcol, f"negative Anzahl ({text})", wide)
            continue
        keep.append({"area_code": code, "year": int(year), "variable": variable, "value": value, ROW_COL: row})

    tidy = pd.DataFrame(keep, columns=TIDY_COLUMNS)
    tidy = _drop_duplicates(tidy, report, cols["value"] or "Wert")
    tidy = _check_shares(tidy, report, catalogue)
    for var in sorted(set(tidy["variable"]) - set(catalogue)) if catalogue else []:
        report.add(None, var, f"Merkmal '{var}' ist nicht im Katalog: als neues Merkmal übernommen", USED, WARNING)
    used = set(tidy[ROW_COL])
    for row in sorted(set(raw.frame[ROW_COL]) - used - report.dropped_rows):
        report.add(int(row), "", "keine verwendbaren Werte in dieser Zeile", DROPPED)
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
                report.add(row, col, f"Duplikat von Zeile {rows[0]} (gleicher Wert)", DROPPED, WARNING)
                drop_idx.append(idx)
        else:
            vals = ", ".join(f"{v:g}" for v in grp["value"])
            for idx, row in zip(grp.index, rows):
                others = [r for r in rows if r != row]
                report.add(row, col, f"widersprüchliche Duplikate (Zeilen {row}, "
                           f"{', '.join(map(str, others))}: {vals})", DROPPED)
                drop_idx.append(idx)
    return tidy.drop(index=drop_idx)


def _check_shares(tidy: pd.DataFrame, report: Report, catalogue: Mapping[str, Indicator]) -> pd.DataFrame:
    """Drop numerator rows larger than their denominator for share indicators (unit %)."""
    pairs = {(i.numerator[0], i.denominator[0]) for i in catalogue.values()
             if i.kind == "rate" and i.unit == "%" and len(i.numerator) == 1 and len(i.denominator) == 1}
    if not pairs or tidy.empty:
        return tidy
    drop_idx: list[int] = []
    key = ["area_code", "year"]
    for num, den in sorted(pairs):
        dens = tidy[tidy["variable"] == den].groupby(key)["value"].max().rename("den")
        nums = tidy[tidy["variable"] == num].join(dens, on=key)
        for i, r in nums[nums["value"] > nums["den"]].iterrows():
            report.add(r[ROW_COL], num, f"Zähler {num} ({r['value']:g}) größer als Nenner {den} "
                       f"({r['den']:g})", DROPPED)
            drop_idx.append(i)
    return tidy.drop(index=drop_idx)
