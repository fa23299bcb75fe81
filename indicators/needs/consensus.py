"""Where the need methods agree: flags of every registered method side by side, close calls,
and the threshold/weight sandbox (which areas enter or leave the flagged set).

A *close call* ("knapp") of a method is an assessed area whose score lies within ``band``
z units of that method's threshold, on either side; the band is moved on each method's own
scale by its record (:attr:`indicators.needs.method.NeedMethod.shift_threshold`), so for the
percentile method 0.75 ± 0.25 z means 0.664 … 0.822. Areas a method cannot assess (too few
residents, a suppressed or missing value) are left out of that method and named with their
reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from indicators.dataset import Dataset
from indicators.needs.assessment import NeedSetup, need_frame
from indicators.needs.registry import need_method, robustness_methods
from indicators.needs.wide import assess

BAND = 0.25
ENTERS, LEAVES = "neu markiert", "nicht mehr markiert"


@dataclass(frozen=True)
class Consensus:
    """Flags of several methods on one table.

    ``areas`` has one row per area: ``id``, ``name``, ``n_flagged`` (methods that flag it),
    ``flagged_by`` and ``close_calls`` (tuples of method names), ``not_assessed`` (method →
    reason, for the methods that could not assess it), and per method ``flag__<m>``,
    ``score__<m>``, ``close__<m>``. ``bands`` holds each method's threshold and band.
    """

    areas: pd.DataFrame
    methods: tuple[str, ...]
    bands: dict[str, tuple[float, float, float]]  # method -> (low, threshold, high)
    band: float


def method_band(method: str, *, band: float = BAND, threshold: float | None = None) -> tuple[float, float, float]:
    """``(low, threshold, high)``: the close-call band of ``method`` around its (or the given) threshold."""
    m = need_method(method)
    thr = m.threshold if threshold is None else float(threshold)
    return (m.shift_threshold(base=thr, shift=-band), thr, m.shift_threshold(base=thr, shift=band))


def consensus(
    df: pd.DataFrame,
    indicators: Sequence[str],
    *,
    methods: Sequence[str] | None = None,
    population_col: str | None = "population",
    directions: Mapping[str, int] | None = None,
    band: float = BAND,
) -> Consensus:
    """Run every method on ``df`` (``id``, optional ``name``, population, indicators) and compare flags.

    Parameters
    ----------
    df, indicators, population_col, directions
        As for :func:`indicators.needs.wide.assess` (id column ``id``).
    methods
        Methods to compare (default: every registered method with ``in_robustness``).
    band
        Half-width of the close-call band in z units.
    """
    names = tuple(methods) if methods is not None else robustness_methods()
    out = pd.DataFrame({"id": df["id"].astype(str).to_numpy()})
    out["name"] = df["name"].to_numpy() if "name" in df else out["id"]
    bands, flagged, close = {}, [], []
    missing: list[dict[str, str]] = [{} for _ in range(len(df))]
    for m in names:
        r = assess(df, m, indicators, population_col=population_col, directions=directions)
        lo, thr, hi = method_band(m, band=band)
        bands[m] = (lo, thr, hi)
        score = r["score"].astype(float).to_numpy()
        assessed = r["assessed"].to_numpy(dtype=bool)
        out[f"flag__{m}"] = r["flag"].to_numpy(dtype=bool)
        out[f"score__{m}"] = score
        out[f"close__{m}"] = assessed & (score >= lo) & (score <= hi)
        for i in (~assessed).nonzero()[0]:
            missing[i][m] = str(r["reason"].iat[i]) or "nicht bewertet"
        flagged.append(out[f"flag__{m}"])
        close.append(out[f"close__{m}"])
    out["n_flagged"] = sum(f.astype(int) for f in flagged) if flagged else 0
    out["flagged_by"] = [tuple(m for m in names if out.at[i, f"flag__{m}"]) for i in out.index]
    out["close_calls"] = [tuple(m for m in names if out.at[i, f"close__{m}"]) for i in out.index]
    out["not_assessed"] = missing
    return Consensus(out, names, bands, band)


def dataset_consensus(
    ds: Dataset, year: int, setup: NeedSetup, *, band: float = BAND, methods: Sequence[str] | None = None
) -> Consensus:
    """:func:`consensus` on the indicators of ``setup`` for ``year`` of a loaded geography."""
    df = need_frame(ds, year, setup.indicators)
    df.insert(1, "name", ds.areas["name"].to_numpy())
    return consensus(df, setup.indicators, methods=methods, directions=setup.directions, band=band)


def consensus_json(c: Consensus) -> dict[str, Any]:
    """The consensus as plain data (``cli.py needs --consensus --json``)."""
    areas = []
    for r in c.areas.sort_values(["n_flagged", "id"], ascending=[False, True]).itertuples(index=False):
        areas.append(
            {
                "id": r.id,
                "name": r.name,
                "n_flagged": int(r.n_flagged),
                "flagged_by": list(r.flagged_by),
                "close_calls": list(r.close_calls),
                "not_assessed": dict(r.not_assessed),
            }
        )
    return {
        "methods": [
            {"method": m, "threshold": c.bands[m][1], "band_low": c.bands[m][0], "band_high": c.bands[m][2]}
            for m in c.methods
        ],
        "band": c.band,
        "areas": areas,
    }


def flag_changes(default: pd.DataFrame, trial: pd.DataFrame) -> pd.DataFrame:
    """Areas whose flag differs between two assessments of the same areas (the sandbox).

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name`` (if ``default`` has one), ``change`` (:data:`ENTERS` / :data:`LEAVES`),
        ``score_default``, ``score_trial``; sorted by change and id. Nothing is saved.
    """
    a = default.set_index("id")
    b = trial.set_index("id").reindex(a.index)
    enters = b["flag"].fillna(False).astype(bool) & ~a["flag"].astype(bool)
    leaves = a["flag"].astype(bool) & ~b["flag"].fillna(False).astype(bool)
    out = pd.DataFrame({"id": a.index.astype(str)})
    if "name" in a:
        out["name"] = a["name"].to_numpy()
    out["change"] = [ENTERS if e else LEAVES if le else "" for e, le in zip(enters, leaves)]
    out["score_default"] = a["score"].to_numpy()
    out["score_trial"] = b["score"].to_numpy()
    return out[out["change"] != ""].sort_values(["change", "id"]).reset_index(drop=True)


def sandbox(
    ds: Dataset, year: int, *, method: str, threshold: float | None = None, weights: Mapping[str, float] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Try a threshold and weights on the default assessment of ``ds``; nothing is saved.

    Returns
    -------
    (trial, changes)
        ``trial``: the assessment with the tried settings (as :func:`run_needs` returns it);
        ``changes``: :func:`flag_changes` of the default assessment (same method, preset
        threshold, equal weights) against ``trial``.
    """
    from dataclasses import replace

    from indicators.needs.assessment import needs_setup, run_needs

    setup = needs_setup(ds, year, method=method)
    default, _, _ = run_needs(ds, year, setup, with_robustness=False)
    params = {} if threshold is None else {"flag_threshold": float(threshold)}
    trial_setup = replace(setup, weights=dict(weights) if weights else None, params=params)
    trial, _, _ = run_needs(ds, year, trial_setup, with_robustness=False)
    return trial, flag_changes(default, trial)
