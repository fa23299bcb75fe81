"""Where one more facility would help most: location-allocation with PySAL ``spopt``.

Given demand, the existing facilities and candidate sites, choose ``k`` new sites:

``coverage``
    the maximal covering location problem (``spopt.locate.MCLP``): the most demand not yet
    within the maximum distance of an existing facility comes within it;
``pmedian``
    the p-median problem (the formulation of ``spopt.locate.PMedian``, built sparsely): the least total demand-weighted distance
    to the nearest facility, existing or new.

Both are solved exactly with the CBC solver bundled with PuLP. To keep the problem small, demand
points covered by the same set of candidates are merged (coverage: an exact reduction), and for
p-median demand points are merged into 250 m grid cells when the problem would be large (an
approximation, said in the result). A model result, not a decision.

The candidate sites come from :mod:`geo.spatial.siting_candidates`, the two models are
:mod:`geo.spatial.siting_models`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from geo.spatial.protection import protection, round_to_base
from geo.spatial.reach import STRAIGHT_WORDS, check_distance, straight_pairs
from geo.spatial.reach_points import Points, ReachError
from geo.spatial.siting_models import coverage_sites, pmedian_sites
from indicators.errors import msg
from indicators.wording.message import Message
from indicators.wording.voice import GERMAN, Voice

if TYPE_CHECKING:
    from geo.spatial.network import StreetNetwork

OBJECTIVES = ("coverage", "pmedian")
MAX_K = 50


@dataclass(kw_only=True)
class SiteResult:
    """Chosen sites with the demand covered before and after.

    Attributes
    ----------
    chosen
        Indices into the candidates, in candidate order.
    covered_before, covered_after
        Demand within the maximum distance of an existing (and a chosen) facility.
    mean_distance_before, mean_distance_after
        Demand-weighted mean distance to the nearest facility (p-median only, else NaN).
    method, method_words
        The distance method (German) and the same as a message (:meth:`method_in`).
    note
        What the model simplified, if anything (a message, rendered by whoever shows the result).
    """

    objective: str
    method: str
    distance: float
    k: int
    demand: Points
    candidates: Points
    chosen: np.ndarray
    before: np.ndarray
    after: np.ndarray
    method_words: Message | None = None
    note: Message | None = None
    mean_distance_before: float = float("nan")
    mean_distance_after: float = float("nan")
    network: StreetNetwork | None = None

    def method_in(self, *, voice: Voice = GERMAN) -> str:
        """The distance method in ``voice``'s language."""
        return voice.text(self.method_words) if self.method_words is not None else self.method

    def note_in(self, *, voice: Voice = GERMAN) -> str:
        """What the model simplified, in ``voice``'s language ("" if nothing)."""
        return voice.text(self.note) if self.note is not None else ""

    @property
    def covered_before(self) -> float:
        return float(self.demand.value[self.before].sum())

    @property
    def covered_after(self) -> float:
        return float(self.demand.value[self.after].sum())

    def covered_shares(self) -> tuple[float, float]:
        """Covered demand before and after, in % of all demand (NaN without demand)."""
        total = float(self.demand.value.sum()) or float("nan")
        return 100 * self.covered_before / total, 100 * self.covered_after / total

    def gap_after(self, areas: pd.DataFrame) -> pd.DataFrame:
        """Per area the demand left uncovered after the new sites, in % (``code, withheld, value``; the map)."""
        f = self.area_frame(areas)
        return pd.DataFrame(
            {"code": f["code"], "withheld": f["withheld"], "value": 100 * (1 - f["covered_after"] / f["demand"])}
        )

    def chosen_frame(self) -> pd.DataFrame:
        """One row per chosen site: ``id, x, y, area_code, newly_covered``.

        ``newly_covered`` is the demand that the site alone brings within reach (not yet
        covered by an existing site or an earlier site of the list).
        """
        c = self.candidates
        return pd.DataFrame(
            {
                "id": c.ids[self.chosen],
                "x": c.xy[self.chosen, 0],
                "y": c.xy[self.chosen, 1],
                "area_code": c.codes[self.chosen],
                "newly_covered": self._gain(),
            }
        )

    def _gain(self) -> np.ndarray:
        done = self.before.copy()
        gains = []
        for k in self.chosen:
            near = np.zeros(len(self.demand), dtype=bool)
            near[_within(self.demand.xy, self.candidates.xy[[k]], self.distance, self.network)] = True
            gains.append(float(self.demand.value[near & ~done].sum()))
            done |= near
        return np.array(gains)

    def area_frame(self, areas: pd.DataFrame) -> pd.DataFrame:
        """Per area: demand, covered before and after (rounded like every estimate), withheld areas empty."""
        _, base = protection()
        f = pd.DataFrame(
            {
                "code": self.demand.codes,
                "demand": self.demand.value,
                "before": np.where(self.before, self.demand.value, 0.0),
                "after": np.where(self.after, self.demand.value, 0.0),
            }
        )
        g = (
            f[f["code"] != ""]
            .groupby("code")[["demand", "before", "after"]]
            .sum()
            .reindex(areas["code"], fill_value=0.0)
        )
        out = pd.DataFrame(
            {
                "code": areas["code"].to_numpy(),
                "name": areas["name"].to_numpy(),
                "demand": round_to_base(g["demand"].to_numpy(), base),
                "covered_before": round_to_base(g["before"].to_numpy(), base),
                "covered_after": round_to_base(g["after"].to_numpy(), base),
            }
        )
        withheld = np.isin(out["code"], self.demand.withheld) | (g["demand"].to_numpy() < 3)
        out["withheld"] = withheld
        out.loc[withheld, ["demand", "covered_before", "covered_after"]] = np.nan
        return out

    def to_json(self, areas: pd.DataFrame | None = None, *, voice: Voice = GERMAN) -> dict[str, Any]:
        """The ``cli.py site --json`` object (texts in ``voice``'s language); with ``areas`` also the covered
        demand per area (rounded)."""
        out = {
            "objective": self.objective,
            "method": self.method_in(voice=voice),
            "distance": self.distance,
            "k": self.k,
            "demand": self.demand.label_in(voice=voice),
            "candidates": self.candidates.label_in(voice=voice),
            "chosen": [str(i) for i in self.candidates.ids[self.chosen]],
            "covered_before": self.covered_before,
            "covered_after": self.covered_after,
            "demand_total": float(self.demand.value.sum()),
            "note": self.note_in(voice=voice),
        }
        if areas is not None:
            out["areas"] = [
                {
                    "code": r.code,
                    "covered_before": _num(r.covered_before),
                    "covered_after": _num(r.covered_after),
                    "withheld": bool(r.withheld),
                }
                for r in self.area_frame(areas).itertuples()
            ]
        return out


def _num(v: float) -> float | None:
    return None if not np.isfinite(v) else float(v)


def _within(origins: np.ndarray, dests: np.ndarray, max_distance: float, network: StreetNetwork | None) -> np.ndarray:
    """Indices of the origins within ``max_distance`` of any destination."""
    pairs = (
        straight_pairs(origins=origins, dests=dests, max_distance=max_distance)
        if network is None
        else network.pairs(origins=origins, dests=dests, max_distance=max_distance)
    )
    return np.unique(pairs[0])


def choose_sites(
    *,
    demand: Points,
    existing: Points,
    candidates: Points,
    k: int,
    max_distance: float,
    objective: str = "coverage",
    network: StreetNetwork | None = None,
) -> SiteResult:
    """Choose ``k`` new sites among ``candidates`` (see the module text for the two objectives).

    Parameters
    ----------
    demand, existing, candidates
        Points from :mod:`geo.spatial.reach_points` and :func:`geo.spatial.siting_candidates.candidates_from`.
    k
        Number of new sites (1–50).
    max_distance
        Coverage distance in metres (also for "covered before/after" under p-median).
    objective
        ``coverage`` (MCLP) or ``pmedian``.
    network
        Street network; default straight lines.
    """
    max_distance = check_distance(max_distance)
    if objective not in OBJECTIVES:
        raise ReachError(msg("err_site_unknown_objective", objective=objective, known=list(OBJECTIVES)))
    if not 1 <= int(k) <= MAX_K:
        raise ReachError(msg("err_site_bad_k", k=k, max=MAX_K))
    if not len(candidates):
        raise ReachError(msg("err_site_no_candidates"))
    k = min(int(k), len(candidates))
    before = np.zeros(len(demand), dtype=bool)
    before[_within(demand.xy, existing.xy, max_distance, network)] = True
    note: Message | None = None
    mean_before, mean_after = float("nan"), float("nan")
    if objective == "coverage":
        chosen = np.sort(coverage_sites(demand, candidates, before, k, max_distance, network))
    else:
        chosen, note, mean_before, mean_after = pmedian_sites(demand, existing, candidates, k, network)
    after = before.copy()
    if len(chosen):
        after[_within(demand.xy, candidates.xy[chosen], max_distance, network)] = True
    words = STRAIGHT_WORDS if network is None else network.words
    return SiteResult(
        objective=objective,
        method=str(words),
        method_words=words,
        distance=max_distance,
        k=k,
        demand=demand,
        candidates=candidates,
        chosen=chosen,
        before=before,
        after=after,
        note=note,
        mean_distance_before=mean_before,
        mean_distance_after=mean_after,
        network=network,
    )


def nearest_distance(xy: np.ndarray, facilities: np.ndarray) -> np.ndarray:
    """Straight-line distance from each point to its nearest facility (metres)."""
    return cKDTree(facilities).query(xy)[0] if len(facilities) else np.full(len(xy), np.inf)
