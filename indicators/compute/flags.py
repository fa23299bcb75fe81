"""Simple threshold flags on one indicator (the need index refines this).

One place decides which indicators may be flagged at all (:func:`flag_direction`):
a rate or share with a need direction. Counts (the biggest areas would be
"flagged") and context indicators without a need direction get no flags.
:func:`flag_areas` is the one rule used by the atlas, the print map
(``cli.py map --flags``), the exports and the report.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.catalogue import Indicator

NEED_DIRECTIONS = ("up", "down")  # more need with higher / lower values; anything else is neutral

#: The one standard deviation of the tool: over all areas shown (the areas are the whole
#: population, not a sample), so ``ddof=0``. The flag "Mittelwert + 1 Standardabweichung",
#: the class scheme of the same name and the MSS z-scores all use it.
SD_DDOF = 0


def area_sd(values: pd.Series) -> float:
    """Standard deviation of the areas' values (population SD, ``ddof=0``; NaN ignored).

    Parameters
    ----------
    values : pandas.Series
        One value per area.

    Returns
    -------
    float
        The SD; NaN when no value is given.
    """
    return float(pd.Series(values, dtype="float64").dropna().std(ddof=SD_DDOF))


def is_share(ind: Indicator) -> bool:
    """A rate computed from counts, or a given value in per cent (a share)."""
    return ind.kind == "rate" or (ind.kind == "value" and ind.unit.strip() == "%")


def flag_direction(ind: Indicator) -> str | None:
    """``"up"`` or ``"down"`` for indicators that can be flagged, else ``None``.

    A flag needs a rate or share with a need direction; counts, mean values,
    changes and neutral indicators are context and never flagged.
    """
    if ind.direction not in NEED_DIRECTIONS or not is_share(ind):
        return None
    return ind.direction


def default_threshold(values: pd.Series, direction: str = "up") -> float | None:
    """Mean ± one standard deviation of the areas, on the side of more need."""
    v = values.dropna()
    if len(v) < 2:
        return None
    sd = area_sd(v)
    return float(v.mean() - sd) if direction == "down" else float(v.mean() + sd)


def threshold_flags(values: pd.Series, threshold: float | None, direction: str | None = "up") -> pd.Series:
    """True where a value is beyond ``threshold`` on the side of more need.

    ``direction`` ``down`` flags values at or below the threshold, ``up`` at
    or above it; ``None`` (or ``neutral``) flags nothing. Missing values are
    never flagged.
    """
    if direction not in {"up", "down"} or threshold is None or not np.isfinite(threshold):
        return pd.Series(False, index=values.index)
    flagged = values <= threshold if direction == "down" else values >= threshold
    return flagged.fillna(False).astype(bool)


def flag_areas(values: pd.Series, direction: str, threshold: float | None = None) -> pd.Series:
    """The flag rule: True where a value is beyond ``threshold`` on the side of more need.

    ``threshold`` defaults to :func:`default_threshold`. Indicators without a
    need direction (not ``up``/``down``) flag nothing; missing values never.
    """
    if direction not in NEED_DIRECTIONS:
        return pd.Series(False, index=values.index)
    if threshold is None:
        threshold = default_threshold(values, direction)
    return threshold_flags(values, threshold, direction)


@dataclass(frozen=True)
class FlagRule:
    """The rule that decided the flags of a view: what the footnotes must state.

    ``custom`` is True when the planner typed the threshold; otherwise it is
    the default mean ± one standard deviation.
    """

    direction: str | None
    threshold: float | None
    custom: bool = False


def flag_rule(values: pd.Series, ind: Indicator, custom: float | None = None) -> FlagRule:
    """The rule for ``values`` of ``ind``: the custom threshold if given, else the default."""
    direction = flag_direction(ind)
    if direction is None:
        return FlagRule(None, None)
    if custom is not None and np.isfinite(custom):
        return FlagRule(direction, float(custom), True)
    return FlagRule(direction, default_threshold(values, direction))
