"""Social Vulnerability Index after CDC/ATSDR: percentile ranks, theme sums and flags.

Method (CDC SVI 2018/2020 documentation and data dictionaries):

* Percentile rank of each variable over all areas with a value:
  ``(rank - 1) / (N - 1)``, ties take the lowest rank (Excel PERCENTRANK.INC),
  rounded half-up to 4 decimals. Reversed variables take ``1 - rank``.
* Theme sum ``SPL_THEMEk`` = sum of the rounded variable percentiles,
  ``RPL_THEMEk`` = percentile rank of that sum. ``SPL_THEMES`` = sum of the
  theme sums, ``RPL_THEMES`` = its percentile rank.
* Flags ``F_x = 1`` if ``EPL_x >= 0.90``; ``F_THEMEk`` and ``F_TOTAL`` count them.
* A missing value (-999 or empty) drops the area from that variable's ranking
  only; every sum, rank and flag count depending on it is missing.

All percentiles are held as integers in units of 1/10000 so that sums are exact:
float sums such as 0.1 + 0.2 would otherwise break ties and shift ranks.

The CDC editions and files are :mod:`indicators.needs.svi_cdc`; the need method
``svi`` built on these ranks is :mod:`indicators.needs.svi`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

MISSING = -999
SCALE = 10_000  # 4 decimals


@dataclass(frozen=True)
class SviVariable:
    """One ranked SVI variable.

    Attributes
    ----------
    name
        Suffix of the output columns (``EPL_<name>``, ``F_<name>``).
    column
        Input column that is ranked.
    theme
        Theme number 1-4.
    reverse
        True if a higher value means less vulnerability (2018 per-capita income).
    """

    name: str
    column: str
    theme: int
    reverse: bool = False


def _to_numeric(values: pd.Series) -> pd.Series:
    """Numbers with -999 and empty cells as NaN."""
    out = pd.to_numeric(values, errors="coerce").astype("float64")
    return out.mask(out == MISSING)


def percentile_rank_units(values: pd.Series) -> pd.Series:
    """PERCENTRANK.INC of every non-missing value, in units of 1/10000.

    Parameters
    ----------
    values
        Numbers; NaN marks a missing value, which is left out of the ranking
        and stays missing. Integer input (exact sums) is compared exactly.

    Returns
    -------
    pandas.Series
        Nullable ``Int64``: ``round_half_up((rank - 1) / (N - 1), 4) * 10000``
        with ``rank`` the lowest rank among ties.
    """
    out = pd.Series(pd.NA, index=values.index, dtype="Int64")
    present = values.dropna()
    n = len(present)
    if n == 0:
        return out
    if n == 1:
        out[present.index] = 0
        return out
    arr = present.to_numpy()
    below = np.searchsorted(np.sort(arr), arr, side="left").astype(np.int64)
    # half-up rounding of below*SCALE/(n-1) in exact integer arithmetic
    den = n - 1
    units = (2 * below * SCALE + den) // (2 * den)
    out[present.index] = units
    return out


def percentile_rank(values: pd.Series) -> pd.Series:
    """PERCENTRANK.INC rounded half-up to 4 decimals, as floats (NaN if missing)."""
    return percentile_rank_units(values).astype("Float64").div(SCALE).astype("float64")


def _sum_units(frame: pd.DataFrame, weights: Sequence[float] | None = None) -> pd.Series:
    """Row sums that are missing as soon as one term is missing."""
    if weights is None or all(w == 1 for w in weights):
        total = frame.sum(axis=1, skipna=False, min_count=1)
    else:
        # weighted sums cannot stay in integer units; round to 1/10000 again
        w = np.asarray(weights, dtype="float64")
        total = (frame.astype("Float64") * w).sum(axis=1, skipna=False, min_count=1)
        total = total.round(0)
    return total.astype("Int64")


def compute_svi(
    df: pd.DataFrame,
    variables: Sequence[SviVariable],
    id_col: str,
    population_col: str | None = None,
    flag_cut: float = 0.90,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Compute EPL/SPL/RPL and flags for any variable set.

    Parameters
    ----------
    df
        One row per area.
    variables
        Ranked variables with theme membership and direction.
    id_col
        Area id column, copied to the output.
    population_col
        If given, areas with a population of 0 or missing take no part (as in
        the CDC method) and get missing outputs.
    flag_cut
        Percentile at or above which ``F_x`` is 1.
    weights
        Optional weight per variable name for the theme sums (default 1 each;
        non-default weights are not part of the CDC method).

    Returns
    -------
    pandas.DataFrame
        ``id_col``, ``EPL_*``, ``SPL_THEMEk``, ``RPL_THEMEk``, ``SPL_THEMES``,
        ``RPL_THEMES``, ``F_*``, ``F_THEMEk``, ``F_TOTAL``; percentiles and sums
        as floats with NaN for missing, flags as nullable ``Int64``.
    """
    missing_cols = [v.column for v in variables if v.column not in df.columns]
    if missing_cols:
        problem = f"missing SVI input columns: {', '.join(missing_cols)}"
        raise KeyError(problem)
    takes_part = pd.Series(True, index=df.index)
    if population_col is not None:
        pop = _to_numeric(df[population_col])
        takes_part = pop.fillna(0) > 0
    cut = int(round(flag_cut * SCALE))

    epl: dict[str, pd.Series] = {}
    for v in variables:
        x = _to_numeric(df[v.column]).where(takes_part)
        units = percentile_rank_units(x)
        if v.reverse:
            units = SCALE - units
        epl[v.name] = units
    epl_frame = pd.DataFrame(epl, index=df.index)

    themes = sorted({v.theme for v in variables})
    spl: dict[int, pd.Series] = {}
    for t in themes:
        names = [v.name for v in variables if v.theme == t]
        w = [weights.get(n, 1.0) for n in names] if weights else None
        spl[t] = _sum_units(epl_frame[names], w)
    spl_frame = pd.DataFrame(spl, index=df.index)
    spl_all = spl_frame.sum(axis=1, skipna=False, min_count=1).astype("Int64")

    def as_float(s: pd.Series) -> pd.Series:
        return s.astype("Float64").div(SCALE).astype("float64")

    flags = epl_frame.apply(lambda s: (s >= cut).astype("Int64"))
    out: dict[str, pd.Series] = {id_col: df[id_col]}
    for v in variables:
        out[f"EPL_{v.name}"] = as_float(epl_frame[v.name])
    for t in themes:
        out[f"SPL_THEME{t}"] = as_float(spl[t])
        out[f"RPL_THEME{t}"] = as_float(percentile_rank_units(spl[t].dropna()).reindex(df.index))
    out["SPL_THEMES"] = as_float(spl_all)
    out["RPL_THEMES"] = as_float(percentile_rank_units(spl_all.dropna()).reindex(df.index))
    for t in themes:  # CDC order: the theme's variable flags, then F_THEMEk
        names = [v.name for v in variables if v.theme == t]
        for n in names:
            out[f"F_{n}"] = flags[n]
        out[f"F_THEME{t}"] = flags[names].sum(axis=1, skipna=False, min_count=1).astype("Int64")
    theme_flags = pd.DataFrame({t: out[f"F_THEME{t}"] for t in themes})
    out["F_TOTAL"] = theme_flags.sum(axis=1, skipna=False, min_count=1).astype("Int64")
    return pd.DataFrame(out, index=df.index)
