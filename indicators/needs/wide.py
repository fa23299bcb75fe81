"""Need assessment of any wide table (one row per area, one column per indicator): :func:`assess`, :data:`PRESETS`.

The method-independent front door; :mod:`indicators.needs.assessment` builds such a table from a
:class:`~indicators.dataset.Dataset` and calls it.

Every method returns the same core columns so that the app, the explanations
and the robustness check can treat them alike:

``id``, ``assessed`` (bool), ``status`` ("bewertet" / "nicht bewertet"),
``reason``, ``score`` (higher = more need), ``rank`` (1 = highest need among
assessed areas), ``flag`` (bool), ``label`` (German class text),
``z__<ind>`` or ``pct__<ind>`` (the standardised value per indicator) and
``contrib__<ind>`` (its contribution to ``score``), plus method-specific columns.

Built-in methods (records in :mod:`indicators.needs.registry`, parameters in :data:`PRESETS`):

``mss``  Berlin Monitoring Soziale Stadtentwicklung. z over assessed areas
         (population SD), equal weights, standardised sum = status index,
         classes hoch < -1 <= mittel <= +1 < niedrig <= +1.5 < sehr niedrig.
         Flag: status class niedrig or sehr niedrig (index > +1).
         Minimum population 300. ``contrib`` is in index units (sums to score).
``svi``  CDC/ATSDR SVI. Percentile ranks (PERCENTRANK.INC, 4 decimals
         half-up), reversed for direction -1, theme sums re-ranked, overall
         re-ranked. Flag: overall percentile >= 0.75 (CDC's top quartile,
         "high vulnerability"). ``contrib`` = share of the percentile sum.
``z``    Weighted mean of signed z-values. Flag: composite >= 1.0 or any
         indicator in ``single_indicators`` with z >= 2.0.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from indicators.needs.registry import NEED_METHODS, method_names, need_method

__all__ = ["PRESETS", "assess"]


class _Presets(Mapping[str, Mapping[str, Any]]):
    """Documented default parameters per registered method (a live view of the registry)."""

    def __getitem__(self, name: str) -> Mapping[str, Any]:
        return need_method(name).preset

    def __iter__(self) -> Iterator[str]:
        return iter(method_names())

    def __len__(self) -> int:
        return len(NEED_METHODS)


#: Documented default parameters per method (:attr:`NeedMethod.preset`); any can be overridden.
PRESETS: Mapping[str, Mapping[str, Any]] = _Presets()


def assess(
    df: pd.DataFrame,
    method: str = "mss",
    indicators: Sequence[str] | None = None,
    id_col: str = "id",
    population_col: str | None = None,
    directions: Mapping[str, int] | None = None,
    weights: Mapping[str, float] | None = None,
    **params: Any,
) -> pd.DataFrame:
    """Assess every area with one of the named methods.

    Parameters
    ----------
    df
        One row per area: an id column, indicator columns and optionally a
        population column.
    method
        A registered method (:func:`indicators.needs.registry.method_names`):
        ``"mss"``, ``"svi"``, ``"z"`` or one added by :func:`~indicators.needs.registry.register`.
    indicators
        Indicator columns to use (for ``mss`` these are the status indicators;
        pass ``dynamic_indicators=[...]`` for the dynamics index). Default: all
        numeric columns except id and population.
    id_col, population_col
        Area id and residents (``None``: no minimum-population rule).
    directions
        +1 (higher = more need, default) or -1 per indicator.
    weights
        Weight per indicator (default equal).
    **params
        Overrides of :data:`PRESETS` for the method, e.g. ``flag_threshold``,
        ``min_population``, ``reference="city"`` with ``city_values={...}``.

    Returns
    -------
    pandas.DataFrame
        The core columns described in the module docstring, one row per area
        in input order.
    """
    m = need_method(method)
    unknown = set(params) - m.known_params()
    if unknown:
        problem = f"unknown parameter(s) for {method}: {', '.join(sorted(unknown))}"
        raise ValueError(problem)
    if id_col not in df.columns:
        problem = f"id column {id_col!r} not found"
        raise KeyError(problem)
    if indicators is None:
        skip = {id_col, population_col}
        indicators = [c for c in df.columns if c not in skip and pd.api.types.is_numeric_dtype(df[c])]
    indicators = list(indicators)
    missing = [c for c in indicators if c not in df.columns]
    if missing:
        problem = f"indicator column(s) not found: {', '.join(missing)}"
        raise KeyError(problem)
    if not indicators:
        problem = "no indicators given"
        raise ValueError(problem)
    p = {**m.preset, **params}
    if weights is None:
        weights = p.get("weights")
    excluded = df[id_col].astype(str).isin({str(e) for e in p.get("exclude") or ()})
    if not m.excludes_itself and excluded.any():
        # leave excluded areas out of every mean, SD and ranking
        df = df.copy()
        df.loc[excluded, indicators] = np.nan
    out = m.runner(
        df, indicators, id_col=id_col, population_col=population_col, directions=directions, weights=weights, params=p
    )
    if not m.excludes_itself:
        out.loc[excluded.to_numpy(), "reason"] = "ausgeschlossen"
    return out
