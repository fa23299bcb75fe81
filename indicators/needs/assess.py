"""One front door for the need assessment: named presets and :func:`assess`.

Every method returns the same core columns so that the app, the explanations
and the robustness check can treat them alike:

``id``, ``assessed`` (bool), ``status`` ("bewertet" / "nicht bewertet"),
``reason``, ``score`` (higher = more need), ``rank`` (1 = highest need among
assessed areas), ``flag`` (bool), ``label`` (German class text),
``z__<ind>`` or ``pct__<ind>`` (the standardised value per indicator) and
``contrib__<ind>`` (its contribution to ``score``), plus method-specific columns.

Presets (parameters as in :data:`PRESETS`):

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

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from indicators.needs import mss as _mss
from indicators.needs import svi as _svi
from indicators.needs.small_numbers import NOT_ASSESSED, population_mask
from indicators.needs.zscore import z_assess

#: Documented default parameters per method; any of them can be overridden.
PRESETS: dict[str, dict[str, Any]] = {
    "mss": {
        "min_population": 300,
        "exclude": _mss.MSS_OUTLIERS,
        "reference": "areas",
        "flag_threshold": 1.0,  # status index > +1: niedrig / sehr niedrig
        "weights": None,  # equal
    },
    "svi": {
        "min_population": 300,
        "flag_threshold": 0.75,  # RPL >= 0.75: top quartile
        "variable_flag": 0.90,  # F_x: EPL >= 0.90
        "exclude": (),
        "themes": None,  # all indicators in one theme
        "weights": None,
    },
    "z": {
        "min_population": 300,
        "reference": "areas",
        "flag_threshold": 1.0,
        "single_indicators": (),
        "single_threshold": 2.0,
        "exclude": (),
        "weights": None,
    },
}
METHODS = tuple(PRESETS)
ASSESSED = "bewertet"


def _rank(score: pd.Series) -> pd.Series:
    return score.rank(ascending=False, method="min").astype("Int64")


def _finish(out: pd.DataFrame) -> pd.DataFrame:
    out["status"] = np.where(out["assessed"], ASSESSED, NOT_ASSESSED)
    out["rank"] = _rank(out["score"].where(out["assessed"]))
    out.loc[~out["assessed"], "label"] = NOT_ASSESSED
    out["flag"] = out["flag"].fillna(False).astype(bool) & out["assessed"]
    return out


def _assess_mss(df, indicators, id_col, population_col, directions, weights, p) -> pd.DataFrame:
    r = _mss.mss(
        df, status_cols=indicators, dynamic_cols=p.get("dynamic_indicators", []),
        id_col=id_col, population_col=population_col, min_population=p["min_population"],
        exclude=p["exclude"], directions=directions, weights=weights,
        reference=p["reference"], city_values=p.get("city_values"),
        drop_placeholders=p.get("drop_placeholders", True),
    )
    sd = float(r.loc[r["assessed"], "status_sum"].std(ddof=0)) or 1.0
    w = weights or {}
    for c in indicators:
        r[f"contrib__{c}"] = r[f"z__{c}"] * w.get(c, 1.0) / sd
    r["score"] = r["status_index"]
    r["flag"] = r["status_index"] > p["flag_threshold"]
    r["label"] = r["status_class"]
    return _finish(r)


def _assess_svi(df, indicators, id_col, population_col, directions, weights, p) -> pd.DataFrame:
    pm = population_mask(df, population_col, p["min_population"])
    vals = df[list(indicators)].apply(pd.to_numeric, errors="coerce")
    complete = vals.notna().all(axis=1)
    mask = pm["assessed"] & complete
    themes = p.get("themes") or {c: 1 for c in indicators}
    variables = [_svi.SviVariable(c, c, int(themes.get(c, 1)), (directions or {}).get(c, 1) == -1)
                 for c in indicators]
    data = vals.where(mask, np.nan)
    data[id_col] = df[id_col].astype(str)
    res = _svi.compute_svi(data, variables, id_col=id_col, flag_cut=p["variable_flag"],
                           weights=weights)
    out = pd.DataFrame({"id": df[id_col].astype(str), "assessed": mask,
                        "reason": pm["reason"].where(~(pm["assessed"] & ~complete), "Werte fehlen")})
    out.loc[mask, "reason"] = ""
    total = res["SPL_THEMES"]
    for c in indicators:
        out[f"pct__{c}"] = res[f"EPL_{c}"]
    for c in indicators:
        out[f"contrib__{c}"] = res[f"EPL_{c}"] * (weights or {}).get(c, 1.0) / total
    for c in res.columns:
        if c.startswith(("SPL_", "RPL_", "F_")):
            out[c] = res[c]
    out["score"] = res["RPL_THEMES"]
    out["flag"] = res["RPL_THEMES"] >= p["flag_threshold"]
    # "hoch" is the flag; below it the fixed quartile bands (a threshold of 0.5 or less is allowed)
    bands = pd.cut(res["RPL_THEMES"], [-0.1, 0.25, 0.5, 1.1],
                   labels=["niedrig", "eher niedrig", "eher hoch"]).astype("object")
    out["label"] = bands.where(~out["flag"], "hoch")
    return _finish(out)


def _assess_z(df, indicators, id_col, population_col, directions, weights, p) -> pd.DataFrame:
    r = z_assess(
        df, indicators, id_col=id_col, directions=directions, weights=weights,
        threshold=p["flag_threshold"], single_indicators=p["single_indicators"],
        single_threshold=p["single_threshold"], reference=p["reference"],
        city_values=p.get("city_values"), population_col=population_col,
        min_population=p["min_population"],
    )
    r["score"] = r["composite"]
    r["label"] = np.where(r["flag"], "auffällig", "unauffällig")
    return _finish(r)


_RUNNERS = {"mss": _assess_mss, "svi": _assess_svi, "z": _assess_z}


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
        ``"mss"``, ``"svi"`` or ``"z"``.
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
    if method not in PRESETS:
        raise ValueError(f"unknown method {method!r}; known: {', '.join(METHODS)}")
    unknown = set(params) - set(PRESETS[method]) - {"city_values", "dynamic_indicators",
                                                     "drop_placeholders"}
    if unknown:
        raise ValueError(f"unknown parameter(s) for {method}: {', '.join(sorted(unknown))}")
    if id_col not in df.columns:
        raise KeyError(f"id column {id_col!r} not found")
    if indicators is None:
        skip = {id_col, population_col}
        indicators = [c for c in df.columns
                      if c not in skip and pd.api.types.is_numeric_dtype(df[c])]
    indicators = list(indicators)
    missing = [c for c in indicators if c not in df.columns]
    if missing:
        raise KeyError(f"indicator column(s) not found: {', '.join(missing)}")
    if not indicators:
        raise ValueError("no indicators given")
    p = {**PRESETS[method], **params}
    if weights is None:
        weights = p.get("weights")
    excluded = df[id_col].astype(str).isin({str(e) for e in p.get("exclude") or ()})
    if method != "mss" and excluded.any():
        # leave excluded areas out of every mean, SD and ranking
        df = df.copy()
        df.loc[excluded, indicators] = np.nan
    out = _RUNNERS[method](df, indicators, id_col, population_col, directions, weights, p)
    if method != "mss":
        out.loc[excluded.to_numpy(), "reason"] = "ausgeschlossen"
    return out
