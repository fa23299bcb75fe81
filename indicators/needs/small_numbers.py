"""Small-number rule of the need assessment: a minimum population per area.

Disclosure control of counts is :func:`indicators.compute.disclosure.apply_disclosure`.
"""

from __future__ import annotations

import pandas as pd

NOT_ASSESSED = "nicht bewertet"
DEFAULT_MIN_POPULATION = 300


def population_mask(
    df: pd.DataFrame, population_col: str | None, min_population: float = DEFAULT_MIN_POPULATION
) -> pd.DataFrame:
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
        problem = f"population column {population_col!r} not found"
        raise KeyError(problem)
    pop = pd.to_numeric(df[population_col], errors="coerce")
    ok = pop.notna() & (pop >= min_population)
    reason = pd.Series("", index=df.index, dtype="object")
    reason[~ok] = f"unter {min_population:g} Einwohnern"
    return pd.DataFrame({"assessed": ok, "reason": reason}, index=df.index)
