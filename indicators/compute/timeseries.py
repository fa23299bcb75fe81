"""Indicators over time: series for one area and change between two years."""

from __future__ import annotations

import pandas as pd

from indicators.catalogue import Indicator
from indicators.errors import InputError, msg


def series(values: pd.DataFrame, indicator: str, codes: list[str]) -> pd.DataFrame:
    """Values of ``indicator`` per year (rows) for the given area codes (columns)."""
    sel = values[(values["indicator"] == indicator) & (values["area_code"].isin(codes))]
    wide = sel.pivot_table(index="year", columns="area_code", values="value", aggfunc="first")
    return wide.reindex(columns=codes)


def change_between(values: pd.DataFrame, indicator: str, start: int, end: int, relative: bool = False) -> pd.DataFrame:
    """Change of an indicator from ``start`` to ``end`` per area.

    Parameters
    ----------
    relative
        False: difference of values (percentage points for shares);
        True: relative change in per cent of the start value.

    Returns
    -------
    pandas.DataFrame
        ``area_code, value, start_value, end_value, suppressed``; an area
        suppressed in either year stays suppressed.

    Raises
    ------
    InputError
        ``start`` is not before ``end`` (a change needs two years); a ``ValueError``.
    """
    if int(start) >= int(end):
        raise InputError(msg("err_year_order", start=start, end=end))
    sel = values[values["indicator"] == indicator].set_index(["area_code", "year"])
    a = sel.xs(start, level="year") if start in sel.index.get_level_values(1) else sel.iloc[0:0]
    b = sel.xs(end, level="year") if end in sel.index.get_level_values(1) else sel.iloc[0:0]
    both = (
        a[["value", "suppressed"]].add_suffix("_start").join(b[["value", "suppressed"]].add_suffix("_end"), how="outer")
    )
    diff = both["value_end"] - both["value_start"]
    if relative:
        diff = diff / both["value_start"].where(both["value_start"] != 0) * 100
    out = pd.DataFrame(
        {
            "value": diff,
            "start_value": both["value_start"],
            "end_value": both["value_end"],
            "suppressed": both["suppressed_start"].fillna(False).astype(bool)
            | both["suppressed_end"].fillna(False).astype(bool),
        }
    )
    out.loc[out["suppressed"], ["value", "start_value", "end_value"]] = float("nan")
    out["numerator"] = float("nan")
    out["denominator"] = float("nan")
    return out.reset_index()


def relative_change_problem(ind: Indicator, start_values: pd.Series) -> str | None:
    """Why a relative change (%) of ``ind`` would mislead, or ``None`` if it is meaningful.

    Returns a reason key: ``"balance"`` for balances (a numerator term is
    subtracted, e.g. births − deaths) and year-on-year changes, which cross
    zero; ``"not_positive"`` when a start value is zero or negative (the sign
    of a percentage of a negative base is reversed).
    """
    if ind.kind == "change" or any(t.startswith("-") for t in ind.numerator):
        return "balance"
    v = pd.to_numeric(start_values, errors="coerce").dropna()
    if (v <= 0).any():
        return "not_positive"
    return None


def start_problem(values: pd.DataFrame, ind: Indicator, start: int, reference_code: str | None) -> str | None:
    """:func:`relative_change_problem` of ``ind`` for the areas' values in ``start`` (the city left out)."""
    base = values[
        (values["indicator"] == ind.id) & (values["year"] == start) & (values["area_code"] != reference_code)
    ]["value"]
    return relative_change_problem(ind, base)


def area_series(
    values: pd.DataFrame, ind: Indicator, code: str, reference_code: str | None
) -> tuple[pd.DataFrame, int]:
    """The area's (and the city's) values of ``ind`` over the years, and its decimals over all years."""
    decimals = ind.decimals_for(values.loc[values["indicator"] == ind.id, "value"])
    return series(values, ind.id, [code, reference_code] if reference_code else [code]), decimals
