"""Number formatting for German (default) and English display.

German uses ``.`` for thousands and ``,`` for decimals (``1.234,5``); English the
reverse (``1,234.5``). Negative numbers get the typographic minus ``−`` (U+2212) so
that they do not look like the dash in ranges such as ``−2,0 – 1,0``. These helpers
are for display only; files for machines (CSV) keep plain floats.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from indicators.wording import t

Lang = str  # "de" or "en"

MINUS = "\u2212"
NO_VALUE = "–"  # shown in place of a number that is missing


def _is_missing(value: float | None) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):  # pd.NA, pd.NaT
        return True


def value_decimals(kind: str, values: pd.Series | None = None, fixed: int | None = None) -> int:
    """The one rule for the decimals of indicator values: tooltip, legend, tables, print, exports.

    ``fixed`` (a catalogue's ``decimals``) wins; counts, values whose median
    magnitude is 100 or more (e.g. residents per km²) and values (or changes) that are
    all whole numbers (schools per area, a difference of counts) get none; everything
    else, and every rate, one.
    """
    if fixed is not None:
        return int(fixed)
    if kind == "count":
        return 0
    if values is not None:
        v = pd.to_numeric(pd.Series(values), errors="coerce").dropna()
        v = v[v.map(math.isfinite)]
        if len(v) and float(v.abs().median()) >= 100:
            return 0
        if len(v) and kind != "rate" and bool((v == v.round()).all()):
            return 0  # whole numbers are counted things: "2 Schulen", never "2,0"
    return 1


def fmt_number(value: float | None, decimals: int = 1, lang: Lang = "de") -> str:
    """Format a number with grouping and fixed decimals.

    Parameters
    ----------
    value : float or None
        The number; ``None`` and NaN give ``"–"``.
    decimals : int
        Digits after the decimal separator.
    lang : {"de", "en"}
        Display language.

    Returns
    -------
    str
        ``fmt_number(1234.5) == "1.234,5"``, ``fmt_number(1234.5, lang="en") == "1,234.5"``.
    """
    if value is None or _is_missing(value):
        return NO_VALUE
    text = f"{abs(float(value)):,.{decimals}f}"
    if lang == "de":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    # "-0,0" after rounding is shown as "0,0"
    if float(value) < 0 and text.strip("0.,") != "":
        text = MINUS + text
    return text


def fmt_value(value: float | None, unit: str = "", decimals: int = 1, lang: Lang = "de") -> str:
    """Format a number followed by its unit (``"12,3 %"``, ``"4,5 je 1.000 EW"``).

    German sets a space before ``%``; English does not.
    """
    return _with_unit(fmt_number(value, decimals, lang), unit, lang)


def _with_unit(text: str, unit: str, lang: Lang) -> str:
    if not unit or text == NO_VALUE:
        return text
    if unit == "%" and lang != "de":
        return text + "%"
    return f"{text}\u00a0{unit}"  # no-break space keeps number and unit together


def fmt_percent(value: float | None, decimals: int = 1, lang: Lang = "de") -> str:
    """Format a value that is already in percent: ``12.34 -> "12,3 %"``."""
    return fmt_value(value, "%", decimals, lang)


def fmt_change(value: float | None, decimals: int = 1, lang: Lang = "de", unit: str = "") -> str:
    """Format a signed change: ``"+1,2"``, ``"−0,5"``, ``"±0,0"``."""
    if value is None or _is_missing(value):
        return NO_VALUE
    text = fmt_number(value, decimals, lang)
    if not text.startswith(MINUS):
        text = ("±" if text.strip("0.,") == "" else "+") + text
    return _with_unit(text, unit, lang)


def fmt_rank(rank: int | float | None, total: int, lang: Lang = "de") -> str:
    """Format a rank: ``"3. von 10"`` (de) or ``"3 of 10"`` (en)."""
    if rank is None or _is_missing(rank):
        return NO_VALUE
    r = int(rank)
    return t("rank_of", lang, rank=r, total=total)


def fmt_range(low: float, high: float, decimals: int = 1, lang: Lang = "de") -> str:
    """Format a class interval ``"12,3 – 15,0"`` (one number if both are equal)."""
    a, b = fmt_number(low, decimals, lang), fmt_number(high, decimals, lang)
    return a if a == b else f"{a} – {b}"


def json_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of ``frame`` as dicts with None for missing values (for JSON output)."""
    records: list[dict[str, Any]] = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
    return records
