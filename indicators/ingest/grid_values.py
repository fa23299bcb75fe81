"""Values of census grid tables (:mod:`indicators.ingest.grid`): numbers, marks, dashes.

Marks (Zeichenerklärung of official statistics) are read by their meaning: a
secret or missing value is missing (NaN), never 0, and listed in the report; a
value in brackets or flagged ``KLAMMERN`` is used with a note. The dash ("-",
"–") means "nothing there", exactly zero, as in the table reader
(:data:`indicators.ingest.validate.ZERO_SYMBOLS`): a count is 0; a mean or share
of nothing does not exist, so there it is missing. Both are listed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.errors import msg
from indicators.ingest.report import DROPPED, USED, WARNING, Report
from indicators.ingest.validate import ZERO_SYMBOLS

MARK_COLUMN = "werterlaeuternde_zeichen"
NO_VALUE_MARKS = {  # symbol -> wording key of its meaning (the official legend, as for tables)
    ".": "ingest_sym_secret",
    "x": "ingest_sym_locked",
    "/": "ingest_sym_unsure",
    "...": "ingest_sym_later",
    "…": "ingest_sym_later",
    "-1": "ingest_sym_grid_none",
    "-9": "ingest_sym_grid_secret",
}
_MEAN_HINTS = ("anteil", "quote", "durchschn", "mittel", "_a", "_d", "mean", "share", "je_", "pro_")


def variable_kind(name: str, values: pd.Series) -> str:
    """``mean`` for shares and means (by name, or non-integer values), else ``count``."""
    low = name.lower()
    if any(h in low for h in _MEAN_HINTS):
        return "mean"
    v = values.dropna()
    return "mean" if len(v) and not np.allclose(v, np.round(v)) else "count"


def _to_number(text: pd.Series, decimal: str, codes_2011: bool) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """(number, no-value mark or "", in-brackets flag, dash flag) of value cells; a dash reads as 0."""
    s = text.fillna("").astype(str).str.strip()
    bracket = s.str.fullmatch(r"\(.*\)")
    s = s.where(~bracket, s.str.slice(1, -1).str.strip())
    if codes_2011:  # -1 / -9 (also written -1.0) are codes, not numbers
        s = s.replace({"-1.0": "-1", "-9.0": "-9"})
    else:
        s = s.where(~s.isin(["-1", "-9"]), s + " ")  # plain negative numbers in a 2022 file
    mark = s.where(s.str.lower().isin(NO_VALUE_MARKS), "")
    dash = s.isin(ZERO_SYMBOLS)
    num = s.where(~dash, "0").str.replace(" ", "", regex=False)
    if decimal == ",":
        num = num.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    value = pd.to_numeric(num.where(mark == "", None), errors="coerce")
    return value, mark, bracket, dash


def long_values(
    frame: pd.DataFrame, value_cols: list[str], decimal: str, cell_ids: pd.Series, report: Report, codes_2011: bool
) -> pd.DataFrame:
    """Long values of the valid rows; marks and duplicates listed in the report."""
    marks = frame[[c for c in frame.columns if c.lower() == MARK_COLUMN]]
    qual = marks.iloc[:, 0].str.strip() if marks.shape[1] else pd.Series("", index=frame.index)
    parts = []
    for col in value_cols:
        value, mark, bracket, dash = _to_number(frame[col], decimal, codes_2011)
        var = frame["_var"] if "_var" in frame else pd.Series(col, index=frame.index)
        parts.append(
            pd.DataFrame(
                {
                    "line": frame.index,
                    "cell_id": "",
                    "variable": var,
                    "value": value,
                    "mark": mark,
                    "bracket": bracket | qual.str.lower().isin(["klammern", "()"]),
                    "text": frame[col],
                    "column": col,
                    "dash": dash,
                }
            )
        )
    v = pd.concat(parts)
    v = v[v["line"].isin(cell_ids.index)]
    v["cell_id"] = cell_ids.reindex(v["line"]).to_numpy()
    unreadable = v["value"].isna() & (v["mark"] == "") & (v["text"].str.strip() != "")
    for r in v[unreadable].itertuples():
        report.add(
            int(r.line),
            r.column,
            msg("grid_not_a_number", text=repr(str(r.text)[:30])),
            "als fehlend behandelt",
            WARNING,
        )
    for r in v[v["mark"] != ""].itertuples():
        meaning = msg(NO_VALUE_MARKS.get(str(r.mark).lower(), "grid_mark_none"))
        report.add(
            int(r.line),
            r.column,
            msg("grid_mark", mark=repr(r.mark), meaning=meaning),
            "als fehlend behandelt, nicht als 0",
            WARNING,
        )
    empty = v["value"].isna() & (v["mark"] == "") & (v["text"].str.strip() == "")
    for r in v[empty].itertuples():
        report.add(int(r.line), r.column, msg("grid_empty_value"), "als fehlend behandelt, nicht als 0", WARNING)
    for r in v[v["bracket"] & v["value"].notna()].itertuples():
        report.add(int(r.line), r.column, msg("grid_bracketed"), USED, WARNING)
    dup = v.duplicated(["cell_id", "variable"], keep="first")
    for r in v[dup].itertuples():
        report.add(int(r.line), r.column, msg("grid_cell_twice", cell=r.cell_id, variable=r.variable), DROPPED)
    return v.loc[~dup, ["cell_id", "variable", "value", "line", "column", "text", "dash"]].reset_index(drop=True)


def resolve_dashes(values: pd.DataFrame, kinds: dict[str, str], report: Report) -> pd.DataFrame:
    """The dash, "nothing there": 0 in a count, no value in a mean or share; each one listed."""
    dash = values["dash"].to_numpy(bool)
    mean = values["variable"].map(kinds).eq("mean").to_numpy()
    for r in values[dash].itertuples():
        if kinds.get(r.variable) == "mean":
            report.add(
                int(r.line),
                r.column,
                msg("grid_dash_mean", text=repr(str(r.text).strip())),
                "als fehlend behandelt",
                WARNING,
            )
        else:
            report.add(
                int(r.line), r.column, msg("grid_dash_zero", text=repr(str(r.text).strip())), "als 0 verwendet", WARNING
            )
    out = values[["cell_id", "variable", "value", "line"]].copy()
    out.loc[dash & mean, "value"] = np.nan
    return out
