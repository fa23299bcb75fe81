"""Method ``z``: flag areas by a weighted composite z-score or single indicators.

Each indicator is z-standardised (population SD over the assessed areas) and
signed by its direction (+1: higher = more need, -1: higher = less need). The
composite is the weighted mean of the signed z-values. An area is flagged if the
composite reaches ``threshold`` or any of ``single_indicators`` reaches
``single_threshold``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from indicators.needs.method import ASSESSED, NeedMethod, finish
from indicators.needs.mss import zscore
from indicators.needs.small_numbers import NOT_ASSESSED, population_mask


def signed_zscores(
    df: pd.DataFrame,
    indicators: Sequence[str],
    directions: Mapping[str, int] | None = None,
    mask: pd.Series | None = None,
    reference: str = "areas",
    city_values: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """z-values of ``indicators`` signed so that positive means more need.

    Parameters
    ----------
    df
        One row per area.
    indicators
        Indicator columns.
    directions
        +1 (default) or -1 per indicator.
    mask
        Areas that define mean and SD and get a value (default: all).
    reference
        ``"areas"``: centred on the mean over the areas; ``"city"``: centred on
        ``city_values`` (the SD is still the spread over the areas).
    city_values
        City value per indicator (required for ``reference="city"``).

    Returns
    -------
    pandas.DataFrame
        One column per indicator, NaN outside ``mask``.
    """
    if reference not in ("areas", "city"):
        problem = "reference must be 'areas' or 'city'"
        raise ValueError(problem)
    if reference == "city":
        missing = [c for c in indicators if not city_values or c not in city_values]
        if missing:
            problem = f"reference='city' needs a city value for: {', '.join(missing)}"
            raise ValueError(problem)
    directions = directions or {}
    mask = pd.Series(True, index=df.index) if mask is None else mask
    out = {}
    for c in indicators:
        d = directions.get(c, 1)
        if d not in (1, -1):
            problem = f"direction of {c} must be +1 or -1, not {d}"
            raise ValueError(problem)
        x = pd.to_numeric(df[c], errors="coerce").where(mask)
        center = city_values[c] if reference == "city" and city_values else None
        out[c] = d * zscore(x, center=center)
    return pd.DataFrame(out, index=df.index)


@dataclass(frozen=True, kw_only=True)
class ZParams:
    """The parameters of the composite z-score assessment (the ``z`` preset's values by default).

    Parameters
    ----------
    threshold : float
        Flag when the composite is at least this.
    single_indicators : sequence of str
        Indicators that flag an area on their own ...
    single_threshold : float
        ... when their signed z is at least this.
    reference : {"areas", "city"}
        z centred on the mean of the areas or on ``city_values`` (SD over the areas).
    city_values : mapping, optional
        City value per indicator, required for ``reference="city"``.
    min_population : float
        Areas with fewer residents are not assessed (with a population column).
    """

    threshold: float = 1.0
    single_indicators: Sequence[str] = ()
    single_threshold: float = 2.0
    reference: str = "areas"
    city_values: Mapping[str, float] | None = None
    min_population: float = 300


def z_assess(
    df: pd.DataFrame,
    indicators: Sequence[str],
    *,
    id_col: str = "id",
    population_col: str | None = None,
    directions: Mapping[str, int] | None = None,
    weights: Mapping[str, float] | None = None,
    params: ZParams | None = None,
) -> pd.DataFrame:
    """Composite z-score assessment.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per area, wide indicator columns.
    indicators : sequence of str
        Indicator columns.
    id_col, population_col : str
        Area id and residents column (``population_col=None``: no minimum).
    directions : mapping, optional
        +1 (higher = more need, default) or -1 per indicator.
    weights : mapping, optional
        Weight per indicator (default equal).
    params : ZParams, optional
        Thresholds, reference and minimum population (default: :class:`ZParams`).

    Returns
    -------
    pandas.DataFrame
        ``id``, ``assessed``, ``reason``, ``z__<ind>`` (signed z),
        ``contrib__<ind>`` (weighted share of the composite), ``composite``,
        ``flag`` (bool), ``flag_reason`` (German), in input order.
    """
    p = params or ZParams()
    threshold, single_threshold, reference = p.threshold, p.single_threshold, p.reference
    if not indicators:
        problem = "no indicators given"
        raise ValueError(problem)
    weights = dict(weights or {})
    w = np.array([float(weights.get(c, 1.0)) for c in indicators])
    if (w < 0).any() or w.sum() <= 0:
        problem = "weights must be >= 0 with a positive sum"
        raise ValueError(problem)
    pm = population_mask(df, population_col, p.min_population)
    vals = df[list(indicators)].apply(pd.to_numeric, errors="coerce")
    complete = vals.notna().all(axis=1)
    mask = pm["assessed"] & complete
    reason = pm["reason"].where(~(pm["assessed"] & ~complete), "Werte fehlen")
    z = signed_zscores(df, indicators, directions, mask, reference, p.city_values)
    contrib = z.mul(w / w.sum(), axis=1)
    composite = contrib.sum(axis=1, min_count=1).where(mask)
    flag = composite >= threshold
    reasons = pd.Series("", index=df.index, dtype="object")
    reasons[flag] = f"Gesamtwert ≥ {threshold:g}"
    for c in p.single_indicators:
        hit = (z[c] >= single_threshold) & mask
        reasons[hit] = reasons[hit].where(reasons[hit] == "", reasons[hit] + "; ") + f"{c} ≥ {single_threshold:g}"
        flag = flag | hit
    out = pd.DataFrame({"id": df[id_col].astype(str), "assessed": mask, "reason": reason.where(~mask, "")})
    for c in indicators:
        out[f"z__{c}"] = z[c]
    for c in indicators:
        out[f"contrib__{c}"] = contrib[c]
    out["composite"] = composite
    out["flag"] = flag.fillna(False).astype(bool) & mask
    out["flag_reason"] = reasons
    out["status"] = np.where(mask, ASSESSED, NOT_ASSESSED)
    return out


# --- the method record (registered in indicators.needs.registry) -------------------------------


def _run(
    df: pd.DataFrame,
    indicators: Sequence[str],
    *,
    id_col: str,
    population_col: str | None,
    directions: Mapping[str, int] | None,
    weights: Mapping[str, float] | None,
    params: Mapping[str, Any],
) -> pd.DataFrame:
    """The ``z`` preset: weighted mean of signed z as score, flag from ``flag_threshold``."""
    p = params
    z_params = ZParams(
        threshold=p["flag_threshold"],
        single_indicators=p["single_indicators"],
        single_threshold=p["single_threshold"],
        reference=p["reference"],
        city_values=p.get("city_values"),
        min_population=p["min_population"],
    )
    r = z_assess(
        df,
        indicators,
        id_col=id_col,
        population_col=population_col,
        directions=directions,
        weights=weights,
        params=z_params,
    )
    r["score"] = r["composite"]
    r["label"] = np.where(r["flag"], "auffällig", "unauffällig")
    return finish(r)


METHOD = NeedMethod(
    name="z",
    runner=_run,
    preset={
        "min_population": 300,
        "reference": "areas",
        "flag_threshold": 1.0,
        "single_indicators": (),
        "single_threshold": 2.0,
        "exclude": (),
        "weights": None,
    },
    score_breaks=(-1.0, 0.0, 1.0),
    text_keys={"none_flagged": "needs_none_flagged_z"},  # a sum of z-scores spreads little: say so
)
