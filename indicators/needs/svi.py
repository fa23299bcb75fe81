"""The need method ``svi``: the SVI overall percentile of chosen indicators as a need score.

The ranks are those of the CDC/ATSDR Social Vulnerability Index
(:mod:`indicators.needs.svi_rank`); the CDC editions themselves are :mod:`indicators.needs.svi_cdc`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import norm

from indicators.needs.method import NeedMethod, finish
from indicators.needs.small_numbers import population_mask
from indicators.needs.svi_rank import SviVariable, compute_svi


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
    """The ``svi`` preset: overall percentile as score, flag from ``flag_threshold`` (top quartile)."""
    p = params
    pm = population_mask(df, population_col, p["min_population"])
    vals = df[list(indicators)].apply(pd.to_numeric, errors="coerce")
    complete = vals.notna().all(axis=1)
    mask = pm["assessed"] & complete
    themes = p.get("themes") or {c: 1 for c in indicators}
    variables = [SviVariable(c, c, int(themes.get(c, 1)), (directions or {}).get(c, 1) == -1) for c in indicators]
    data = vals.where(mask, np.nan)
    data[id_col] = df[id_col].astype(str)
    res = compute_svi(data, variables, id_col=id_col, flag_cut=p["variable_flag"], weights=weights)
    out = pd.DataFrame(
        {
            "id": df[id_col].astype(str),
            "assessed": mask,
            "reason": pm["reason"].where(~(pm["assessed"] & ~complete), "Werte fehlen"),
        }
    )
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
    bands = pd.cut(res["RPL_THEMES"], [-0.1, 0.25, 0.5, 1.1], labels=["niedrig", "eher niedrig", "eher hoch"]).astype(
        "object"
    )
    out["label"] = bands.where(~out["flag"], "hoch")
    return finish(out)


def shift_percentile(*, base: float, shift: float) -> float:
    """A percentile threshold moved by ``shift`` on the normal quantile: 0.75 → Φ(0.674 ± 0.25)."""
    if shift == 0:
        return base
    return float(norm.cdf(norm.ppf(base) + shift))


METHOD = NeedMethod(
    name="svi",
    runner=_run,
    preset={
        "min_population": 300,
        "flag_threshold": 0.75,  # RPL >= 0.75: top quartile
        "variable_flag": 0.90,  # F_x: EPL >= 0.90
        "exclude": (),
        "themes": None,  # all indicators in one theme
        "weights": None,
    },
    shift_threshold=shift_percentile,
    score_breaks=(0.25, 0.5, 0.75),
)
