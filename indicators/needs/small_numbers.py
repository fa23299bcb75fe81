"""Small-number rules: minimum population and disclosure control of counts."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

NOT_ASSESSED = "nicht bewertet"
DEFAULT_MIN_POPULATION = 300
DEFAULT_DISCLOSURE_THRESHOLD = 3


def population_mask(df: pd.DataFrame, population_col: str | None,
                    min_population: float = DEFAULT_MIN_POPULATION) -> pd.DataFrame:
    """Areas with at least ``min_population`` residents.

    Returns
    -------
    pandas.DataFrame
        ``assessed`` (bool) and ``reason`` (German, empty if assessed). Without a
        population column every area is assessed.
    """
    if population_col is None:
        return pd.DataFrame({"assessed": True, "reason": ""}, index=df.index)
    if population_col not in df.columns:
        raise KeyError(f"population column {population_col!r} not found")
    pop = pd.to_numeric(df[population_col], errors="coerce")
    ok = pop.notna() & (pop >= min_population)
    reason = pd.Series("", index=df.index, dtype="object")
    reason[~ok] = f"unter {min_population:g} Einwohnern"
    return pd.DataFrame({"assessed": ok, "reason": reason}, index=df.index)


def suppress_counts(df: pd.DataFrame, count_cols: Sequence[str],
                    threshold: int = DEFAULT_DISCLOSURE_THRESHOLD) -> pd.DataFrame:
    """Blank counts ``0 < n < threshold`` (disclosure control).

    Zeros are kept: a true zero discloses nothing about a person. The returned
    frame is a copy; suppressed cells are NaN.
    """
    out = df.copy()
    for c in count_cols:
        x = pd.to_numeric(out[c], errors="coerce")
        out[c] = x.mask((x > 0) & (x < threshold))
    return out
