"""Measure effect (difference in differences) with placebo inference.

For one target indicator of a measure with a start year:

* pre year = the last year before the start with data, post year = the latest year with data
  (or the one chosen); Δ(area) = value(post) − value(pre);
* effect = mean Δ over the measure's areas − mean Δ over the comparison areas;
* comparison ``all``: every other area of the geography; ``matched``: the k = min(3, n) other
  areas nearest in pre-year value to the treated areas' mean pre-year value (ties by area code);
* placebo: every set of m areas (m = treated areas used) among the ``all`` comparison areas if
  there are at most 5,000 such sets, else 999 random sets (numpy ``default_rng(12345)``); each
  set's effect is mean Δ(set) − mean Δ(the remaining areas, neither in the set nor treated),
  with either comparison (the issue's rule, read literally: the placebo's comparison is every
  remaining area); p = (1 + #sets with |effect| ≥ |the measure's effect|) / (1 + #sets).

Areas with missing or suppressed values in the pre or post year are left out and listed.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from indicators.errors import InputError, msg
from indicators.planning.series import wide
from indicators.planning.text import note
from indicators.wording.voice import GERMAN, Voice

MAX_EXACT = 5000
N_RANDOM = 999
SEED = 12345
K_MATCHED = 3
COMPARISONS = ("all", "matched")


@dataclass(frozen=True)
class MeasureEffect:
    """Result for one measure and indicator (JSON keys as printed by ``plan evaluate --json``)."""

    id: int | None
    indicator: str
    treated: list[str]
    pre_year: int | None
    post_year: int | None
    treated_change: float | None
    comparison: str
    comparison_areas: list[str]
    comparison_change: float | None
    effect: float | None
    p_placebo: float | None
    n_placebo: int
    note: str
    excluded: list[str] = field(default_factory=list)
    pre_years: list[int] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # what the note says, for :meth:`note_in` (another language)

    def note_in(self, *, voice: Voice = GERMAN) -> str:
        """The note in ``voice``'s language (``note`` is the German one)."""
        return note(self.facts, voice=voice) if self.facts else self.note

    def to_json_dict(self, *, voice: Voice = GERMAN) -> dict[str, Any]:
        """The JSON of ``plan evaluate`` for this effect, the note in ``voice``'s language."""
        keys = (
            "id",
            "indicator",
            "treated",
            "pre_year",
            "post_year",
            "treated_change",
            "comparison",
            "comparison_areas",
            "comparison_change",
            "effect",
            "p_placebo",
            "n_placebo",
        )
        return {**{k: getattr(self, k) for k in keys}, "note": self.note_in(voice=voice)}


def nearest(pre: pd.Series, pool: list[str], reference: float, k: int = K_MATCHED) -> list[str]:
    """The min(k, n) areas of ``pool`` nearest to ``reference`` in ``pre`` value, ties by area code."""
    ranked = sorted(pool, key=lambda c: (abs(float(pre[c]) - reference), c))
    return sorted(ranked[: min(k, len(ranked))])


@functools.lru_cache(maxsize=256)
def placebo_sets(n: int, m: int) -> tuple[tuple[tuple[int, ...], ...], bool]:
    """Index sets of size m among n: all if C(n, m) ≤ 5,000 (``True``), else 999 seeded random draws.

    A draw is the first m of a random order of the n areas: ``argsort`` of a 999 × n matrix of
    ``numpy.random.default_rng(12345).random`` numbers, row by row (sets may repeat).
    """
    if m < 1 or m > n:
        return (), True
    if math.comb(n, m) <= MAX_EXACT:
        return tuple(itertools.combinations(range(n), m)), True
    order = np.argsort(np.random.default_rng(SEED).random((N_RANDOM, n)), axis=1)[:, :m]
    return tuple(tuple(sorted(int(i) for i in row)) for row in order), False


@functools.lru_cache(maxsize=256)
def _set_matrix(n: int, m: int) -> np.ndarray:
    """The placebo sets of :func:`placebo_sets` as one integer array (sets × m), built once per (n, m)."""
    sets, _ = placebo_sets(n, m)
    out = np.array(sets, dtype=int).reshape(len(sets), m)
    out.setflags(write=False)
    return out


def _placebos(d: np.ndarray, m: int) -> tuple[np.ndarray, bool]:
    """The effect of every placebo set of size m among the values ``d`` (the pool), against the rest."""
    sets, exact = placebo_sets(len(d), m)
    if len(d) - m < 1 or not sets:
        return np.array([]), exact
    idx = _set_matrix(len(d), m)
    in_sum = d[idx].sum(axis=1)
    return in_sum / m - (d.sum() - in_sum) / (len(d) - m), exact


def p_value(effect: float, placebos: np.ndarray) -> float | None:
    """(1 + #placebos with |effect| ≥ |effect|) / (1 + #placebos); None without placebos."""
    if len(placebos) == 0:
        return None
    tol = 1e-12 * max(1.0, abs(effect))
    return float((1 + int(np.sum(np.abs(placebos) >= abs(effect) - tol))) / (1 + len(placebos)))


@dataclass
class Panel:
    """One indicator's values, areas (sorted) × years, as a numpy matrix: built once per indicator and
    geography and reused for every measure (with the Δ per year pair and the placebo distributions)."""

    codes: list[str]
    columns: list[int]
    matrix: np.ndarray
    years: list[int]
    index: dict[str, int] = field(default_factory=dict)
    deltas: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    placebos: dict[tuple[int, int, tuple[int, ...]], tuple[np.ndarray, bool]] = field(default_factory=dict)
    names: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))

    def delta(self, pre: int, post: int) -> tuple[np.ndarray, np.ndarray]:
        """Pre-year values and Δ = post − pre of every area (NaN where missing or suppressed)."""
        key = (pre, post)
        if key not in self.deltas:
            a, b = self.matrix[:, self.columns.index(pre)], self.matrix[:, self.columns.index(post)]
            self.deltas[key] = (a, b - a)
        return self.deltas[key]


def panel(values: pd.DataFrame, indicator: str, areas: list[str]) -> Panel:
    """The :class:`Panel` of ``indicator`` over ``areas`` (tidy values or a wide area × year table)."""
    table = wide(values, indicator).reindex(index=sorted(areas))
    years = sorted(int(c) for c in table.columns if table[c].notna().any()) if not table.empty else []
    codes = [str(c) for c in table.index]
    return Panel(
        codes,
        [int(c) for c in table.columns],
        table.to_numpy(float).reshape(len(codes), -1),
        years,
        {c: i for i, c in enumerate(codes)},
        names=np.array(codes, dtype=object),
    )


def _years(p: Panel, start_year: int, post_year: int | None) -> tuple[int | None, int | None, list[int]]:
    before = [y for y in p.years if y < start_year]
    pre = before[-1] if before else None
    post = post_year if post_year is not None else (p.years[-1] if p.years else None)
    return pre, post, before


def _mean(a: np.ndarray) -> float:
    return float(a.sum() / len(a))  # as pandas' mean (no bottleneck): sum, then divide


def measure_effect(
    values: pd.DataFrame | Panel,
    indicator: str,
    treated: list[str],
    areas: list[str],
    *,
    start_year: int,
    post_year: int | None = None,
    comparison: str = "all",
    measure_id: int | None = None,
) -> MeasureEffect:
    """The difference-in-differences effect of one measure on one indicator, with placebo p.

    Parameters
    ----------
    values
        Tidy indicator values of the geography, or its :class:`Panel` of ``indicator`` over
        ``areas`` (evaluating many measures builds it once).
    treated
        The measure's area codes.
    areas
        Every area code of the geography (without the city total).
    """
    if comparison not in COMPARISONS:
        raise InputError(msg("err_effect_comparison", comparison=repr(comparison)))
    p = values if isinstance(values, Panel) else panel(values, indicator, areas)
    pre_year, post, before = _years(p, start_year, post_year)
    treated_set = set(treated)
    result: dict[str, Any] = dict(
        id=measure_id,
        indicator=indicator,
        treated=sorted(treated_set),
        pre_year=pre_year,
        post_year=post,
        treated_change=None,
        comparison=comparison,
        comparison_areas=[],
        comparison_change=None,
        effect=None,
        p_placebo=None,
        n_placebo=0,
        pre_years=before,
    )
    if pre_year is None or post is None or post <= pre_year or post not in p.columns:
        facts: dict[str, Any] = {
            "kind": "no_estimate",
            "indicator": indicator,
            "reason": "no_pre" if pre_year is None else "no_post",
            "year": start_year if pre_year is None else pre_year,
        }
        return MeasureEffect(**result, note=note(facts), facts=facts)
    pre, delta = p.delta(pre_year, post)
    missing = np.isnan(delta)
    is_treated = np.zeros(len(p.codes), dtype=bool)
    is_treated[[p.index[c] for c in treated_set if c in p.index]] = True
    excluded = sorted([*p.names[missing].tolist(), *(c for c in treated_set if c not in p.index)])
    used_idx, pool_idx = np.flatnonzero(~missing & is_treated), np.flatnonzero(~missing & ~is_treated)
    used, pool = p.names[used_idx].tolist(), p.names[pool_idx].tolist()
    result.update(treated=used)
    if not used or not pool:
        facts = {
            "kind": "no_estimate",
            "indicator": indicator,
            "reason": "no_treated" if not used else "no_comparison",
            "excluded": excluded,
        }
        return MeasureEffect(**result, excluded=excluded, note=note(facts), facts=facts)
    if comparison == "all":
        comp, comp_idx = pool, pool_idx
    else:
        comp = nearest(pd.Series(pre[pool_idx], index=pool), pool, _mean(pre[used_idx]))
        comp_idx = np.array([p.index[c] for c in comp], dtype=int)
    t_change, c_change = _mean(delta[used_idx]), _mean(delta[comp_idx])
    effect = t_change - c_change
    key = (pre_year, post, tuple(used_idx.tolist()))
    if key not in p.placebos:  # depends on the pool (areas with values, not treated), not on the measure
        p.placebos[key] = _placebos(delta[pool_idx], len(used))
    placebos, exact = p.placebos[key]
    pv = p_value(effect, placebos)
    result.update(
        treated_change=t_change,
        comparison_areas=comp,
        comparison_change=c_change,
        effect=effect,
        p_placebo=pv,
        n_placebo=int(len(placebos)),
    )
    facts = {
        "kind": "caveat",
        "n_areas": len(used) + len(pool),
        "n_treated": len(used),
        "n_sets": len(placebos),
        "exact": exact,
        "excluded": excluded,
        "n_pre_years": len(before),
    }
    return MeasureEffect(**result, excluded=excluded, note=note(facts), facts=facts)


def trends(
    values: pd.DataFrame, indicator: str, treated: list[str], comparison: list[str], *, voice: Voice = GERMAN
) -> pd.DataFrame:
    """Mean value per year of the treated and of the comparison areas (for judging parallel trends).

    Columns ``year``, ``group`` (``Maßnahme``/``Vergleich``, ``Measure``/``Comparison`` in English), ``value``.
    """
    table = wide(values, indicator)
    rows = []
    for group, codes in ((voice.t("plan_group_measure"), treated), (voice.t("plan_group_comparison"), comparison)):
        present = [c for c in codes if c in table.index]
        if present:
            for year, v in table.loc[present].mean(axis=0).items():
                if not pd.isna(v):
                    rows.append({"year": int(year), "group": group, "value": float(v)})
    return pd.DataFrame(rows, columns=["year", "group", "value"])
