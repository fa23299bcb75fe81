"""How robust is a flag? Re-run the assessment under alternative choices.

Scenarios: every registered method (mss, svi, z, and any method added to
:mod:`indicators.needs.registry` with ``in_robustness``) x weights (equal, and the
custom weights if given) x flag threshold (preset, -0.25, +0.25). Thresholds move by
0.25 on the z scale, as each method's record says (:attr:`NeedMethod.shift_threshold`):
for the percentile method (svi) the shift is applied to the normal quantile of its
threshold, e.g. 0.75 -> Phi(0.674 +- 0.25) = 0.664 / 0.822.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from indicators.needs.registry import need_method, robustness_methods
from indicators.needs.wide import assess

ROBUST = "robust"
NARROW = "knapp"


def shifted_threshold(method: str, base: float, shift: float) -> float:
    """Flag threshold of ``method`` moved by ``shift`` on the z scale."""
    if shift == 0:
        return base
    return need_method(method).shift_threshold(base=base, shift=shift)


@dataclass(frozen=True, kw_only=True)
class Scenarios:
    """The variants the robustness check runs against the baseline.

    Parameters
    ----------
    methods : sequence of str, optional
        Alternative methods (default: every registered method with ``in_robustness``).
    shifts : sequence of float
        Threshold shifts (z units).
    robust_share : float
        Agreement from which a result (flag or no flag) is labelled "robust" (else "knapp").
    params : mapping, optional
        Extra parameters per method, e.g. ``{"mss": {"exclude": [...]}}``.
    """

    methods: Sequence[str] | None = None
    shifts: Sequence[float] = (-0.25, 0.0, 0.25)
    robust_share: float = 0.8
    params: Mapping[str, Mapping[str, Any]] | None = None


def robustness(
    df: pd.DataFrame,
    indicators: Sequence[str],
    base_method: str = "mss",
    *,
    id_col: str = "id",
    population_col: str | None = None,
    directions: Mapping[str, int] | None = None,
    weights: Mapping[str, float] | None = None,
    scenarios: Scenarios | None = None,
) -> pd.DataFrame:
    """Share of scenarios in which each area keeps its baseline flag.

    Parameters
    ----------
    df, indicators, id_col, population_col, directions
        As for :func:`indicators.needs.wide.assess`.
    base_method
        Method of the baseline flag (with ``weights`` and preset threshold).
    weights
        Custom weights; if given, every scenario is run with equal and with
        these weights.
    scenarios
        Alternative methods, threshold shifts, the share called robust and extra parameters
        per method (default: :class:`Scenarios`).

    Returns
    -------
    pandas.DataFrame
        ``id``, ``flag`` (baseline), ``share`` (0-1: the scenarios whose flag agrees with the
        baseline's, flagged or not), ``n_scenarios``,
        ``rank_min``, ``rank_max`` (1 = highest need), ``robustness``
        ("robust" / "knapp"; "nicht bewertet" for areas not assessed).
    """
    sc = scenarios or Scenarios()
    methods, shifts = sc.methods, sc.shifts
    params = {m: dict(v) for m, v in (sc.params or {}).items()}
    weight_sets: list[Mapping[str, float] | None] = [None]
    if weights and any(float(w) != 1.0 for w in weights.values()):
        weight_sets.append(weights)

    def run(method: str, w: Any, shift: float) -> pd.DataFrame:
        p = dict(params.get(method, {}))
        base = p.pop("flag_threshold", need_method(method).threshold)
        return assess(
            df,
            method,
            indicators,
            id_col=id_col,
            population_col=population_col,
            directions=directions,
            weights=w,
            flag_threshold=shifted_threshold(method, base, shift),
            **p,
        )

    baseline = run(base_method, weights if weights else None, 0.0)
    flags, ranks = [], []
    for method in robustness_methods() if methods is None else methods:
        for w in weight_sets:
            for shift in shifts:
                r = run(method, w, shift)
                flags.append(r["flag"].to_numpy())
                ranks.append(r["rank"].astype("float64").to_numpy())
    flags_a = np.vstack(flags)
    ranks_a = np.vstack(ranks)
    agree = (flags_a == baseline["flag"].to_numpy()).mean(axis=0)
    assessed = baseline["assessed"].to_numpy()
    with np.errstate(all="ignore"):
        rmin = np.nanmin(np.where(np.isnan(ranks_a), np.inf, ranks_a), axis=0)
        rmax = np.nanmax(np.where(np.isnan(ranks_a), -np.inf, ranks_a), axis=0)
    out = pd.DataFrame(
        {
            "id": baseline["id"],
            "flag": baseline["flag"],
            "share": np.where(assessed, agree, np.nan),
            "n_scenarios": len(flags),
            "rank_min": pd.array(np.where(assessed & np.isfinite(rmin), rmin, np.nan)).astype("Int64"),
            "rank_max": pd.array(np.where(assessed & np.isfinite(rmax), rmax, np.nan)).astype("Int64"),
        },
        index=df.index,
    )
    out["robustness"] = np.where(~assessed, "nicht bewertet", np.where(out["share"] >= sc.robust_share, ROBUST, NARROW))
    return out
