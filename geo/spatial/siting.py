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
"""
from __future__ import annotations

import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pulp
from scipy.spatial import cKDTree
from spopt.locate import MCLP
from spopt.locate.base import FacilityModelBuilder

from geo.spatial.addresses import load_addresses, points_area_codes
from geo.spatial.estimate import protection, round_to_base
from geo.spatial.reach import STRAIGHT, Points, ReachError, check_distance, load_supply, straight_pairs
from indicators.errors import msg

if TYPE_CHECKING:
    from geo.spatial.network import StreetNetwork

OBJECTIVES = ("coverage", "pmedian")
CANDIDATE_SOURCES = ("addresses", "grid")
MAX_CANDIDATES = 5_000
MAX_K = 50
GRID_CELL_M = 250.0
ADDRESS_CELL_M = 150.0  # address candidates are thinned to one per cell of this size when too many
PMEDIAN_MAX_CELLS = 200_000  # clients × candidates before the demand is merged into grid cells
FAR = 1e9  # cost of an unreachable pair in p-median


def candidates_from(*, source: str | Path, areas: gpd.GeoDataFrame, addresses: gpd.GeoDataFrame | None = None,
                    cell: float = GRID_CELL_M, name: str | None = None) -> Points:
    """Candidate sites: the address points, the centres of grid cells with addresses, or a file.

    Parameters
    ----------
    source
        ``addresses``, ``grid`` or a point file (read through the upload gate).
    areas
        Areas of the geography (candidates outside every area are dropped).
    cell
        Grid cell size in metres for ``grid``.
    """
    if str(source) not in CANDIDATE_SOURCES:
        cand = load_supply(facilities=source, areas=areas, name=name)
        cand.label = f"Kandidaten aus {cand.label}"
    else:
        pts = load_addresses() if addresses is None else addresses
        codes = points_area_codes(pts.geometry, areas)
        keep = codes != ""
        xy = np.column_stack([pts.geometry.x.to_numpy(), pts.geometry.y.to_numpy()])[keep]
        if str(source) == "addresses":
            ids, codes = pts["id"].astype(str).to_numpy()[keep], codes[keep]
            label = "Adresspunkte"
            if len(xy) > MAX_CANDIDATES:  # one address per cell: the one nearest the mean of the cell's addresses
                pick = _one_per_cell(xy, ADDRESS_CELL_M)
                xy, ids, codes = xy[pick], ids[pick], codes[pick]
                label = f"Adresspunkte (je {ADDRESS_CELL_M:g}-m-Zelle der mittigste)"
            cand = Points(ids, xy, np.ones(len(xy)), codes, label)
        else:
            cells = np.unique(np.floor(xy / cell), axis=0)
            centres = (cells + 0.5) * cell
            ids = np.array([f"{int(cx)}_{int(cy)}" for cx, cy in centres])
            ccodes = points_area_codes(gpd.GeoSeries.from_xy(centres[:, 0], centres[:, 1]), areas)
            inside = ccodes != ""  # a centre outside every area (water, the city limit) is no site
            centres, ids, ccodes = centres[inside], ids[inside], ccodes[inside]
            cand = Points(ids, centres, np.ones(len(ids)), ccodes, f"Mittelpunkte der {cell:g}-m-Gitterzellen mit "
                                                                     "Adressen")
    if len(cand) > MAX_CANDIDATES:
        raise ReachError(msg("err_site_too_many", n=len(cand), max=MAX_CANDIDATES))
    return cand


def _one_per_cell(xy: np.ndarray, cell: float) -> np.ndarray:
    """Indices of one point per square cell: the point nearest the mean of the cell's points."""
    _, inv = np.unique(np.floor(xy / cell).astype(np.int64), axis=0, return_inverse=True)
    inv = inv.ravel()
    n = np.bincount(inv)
    cx, cy = np.bincount(inv, weights=xy[:, 0]) / n, np.bincount(inv, weights=xy[:, 1]) / n
    d = (xy[:, 0] - cx[inv]) ** 2 + (xy[:, 1] - cy[inv]) ** 2
    order = np.lexsort((d, inv))
    first = np.r_[True, inv[order][1:] != inv[order][:-1]]
    return np.sort(order[first])


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
    note: str = ""
    mean_distance_before: float = float("nan")
    mean_distance_after: float = float("nan")
    network: StreetNetwork | None = None

    @property
    def covered_before(self) -> float:
        return float(self.demand.value[self.before].sum())

    @property
    def covered_after(self) -> float:
        return float(self.demand.value[self.after].sum())

    def chosen_frame(self) -> pd.DataFrame:
        """One row per chosen site: ``id, x, y, area_code, newly_covered``.

        ``newly_covered`` is the demand that the site alone brings within reach (not yet
        covered by an existing site or an earlier site of the list).
        """
        c = self.candidates
        return pd.DataFrame({"id": c.ids[self.chosen], "x": c.xy[self.chosen, 0], "y": c.xy[self.chosen, 1],
                             "area_code": c.codes[self.chosen], "newly_covered": self._gain()})

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
        f = pd.DataFrame({"code": self.demand.codes, "demand": self.demand.value,
                          "before": np.where(self.before, self.demand.value, 0.0),
                          "after": np.where(self.after, self.demand.value, 0.0)})
        g = f[f["code"] != ""].groupby("code")[["demand", "before", "after"]].sum().reindex(areas["code"],
                                                                                          fill_value=0.0)
        out = pd.DataFrame({"code": areas["code"].to_numpy(), "name": areas["name"].to_numpy(),
                            "demand": round_to_base(g["demand"].to_numpy(), base),
                            "covered_before": round_to_base(g["before"].to_numpy(), base),
                            "covered_after": round_to_base(g["after"].to_numpy(), base)})
        withheld = np.isin(out["code"], self.demand.withheld) | (g["demand"].to_numpy() < 3)
        out["withheld"] = withheld
        out.loc[withheld, ["demand", "covered_before", "covered_after"]] = np.nan
        return out

    def to_json(self, areas: pd.DataFrame | None = None) -> dict[str, Any]:
        """The ``cli.py site --json`` object; with ``areas`` also the covered demand per area (rounded)."""
        out = {"objective": self.objective, "method": self.method, "distance": self.distance, "k": self.k,
                "demand": self.demand.label, "candidates": self.candidates.label,
                "chosen": [str(i) for i in self.candidates.ids[self.chosen]],
                "covered_before": self.covered_before, "covered_after": self.covered_after,
                "demand_total": float(self.demand.value.sum()), "note": self.note}
        if areas is not None:
            out["areas"] = [{"code": r.code, "covered_before": _num(r.covered_before),
                             "covered_after": _num(r.covered_after), "withheld": bool(r.withheld)}
                            for r in self.area_frame(areas).itertuples()]
        return out


def _num(v: float) -> float | None:
    return None if not np.isfinite(v) else float(v)


def _within(origins: np.ndarray, dests: np.ndarray, max_distance: float,
            network: StreetNetwork | None) -> np.ndarray:
    """Indices of the origins within ``max_distance`` of any destination."""
    pairs = straight_pairs(origins=origins, dests=dests, max_distance=max_distance) if network is None else \
        network.pairs(origins=origins, dests=dests, max_distance=max_distance)
    return np.unique(pairs[0])


@contextmanager
def _quiet():
    """PuLP 3 warns about its own API, which spopt uses: not the user's business."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        yield


def _solve(model: Any) -> np.ndarray:
    """The chosen sites of a solved spopt model (pulp's CBC, quiet)."""
    with _quiet():
        model = model.solve(pulp.PULP_CBC_CMD(msg=False))
    if pulp.LpStatus[model.problem.status] != "Optimal":
        raise ReachError(msg("err_site_not_solved", status=pulp.LpStatus[model.problem.status]))
    return np.array([round(v.value() or 0) == 1 for v in model.fac_vars])


def _coverage(demand: Points, candidates: Points, before: np.ndarray, k: int, max_distance: float,
              network: StreetNetwork | None) -> np.ndarray:
    """MCLP over the still uncovered demand, clients merged by their set of covering candidates."""
    open_ = np.flatnonzero(~before & (demand.value > 0))
    pairs = straight_pairs(origins=demand.xy[open_], dests=candidates.xy, max_distance=max_distance) \
        if network is None else network.pairs(origins=demand.xy[open_], dests=candidates.xy,
                                              max_distance=max_distance)
    if not len(pairs[0]):
        return np.zeros(0, dtype=int)
    useful = np.unique(pairs[1])
    col = np.searchsorted(useful, pairs[1])
    sets: dict[int, list[int]] = {}
    for i, j in zip(pairs[0], col):
        sets.setdefault(int(i), []).append(int(j))
    keys = pd.Series({i: tuple(sorted(js)) for i, js in sets.items()})
    weights = pd.Series(demand.value[open_[keys.index.to_numpy()]], index=keys.index).groupby(keys.to_numpy()).sum()
    if len(useful) <= k:
        return useful
    model = _sparse_mclp(list(weights.index), weights.to_numpy(dtype=float), len(useful), k)
    chosen: np.ndarray = useful[_solve(model)]
    return chosen


def _sparse_mclp(groups: list[tuple[int, ...]], weights: np.ndarray, n_fac: int, k: int) -> MCLP:
    """``spopt``'s MCLP, built with its own builder but one coverage constraint per client over only
    the facilities that cover it (``MCLP.from_cost_matrix`` sums every facility with coefficient 0,
    which takes minutes at city scale); the formulation is the same."""
    with _quiet():
        model = MCLP("mclp", pulp.LpProblem("mclp", pulp.LpMaximize))
        FacilityModelBuilder.add_facility_integer_variable(model, range(n_fac), "x[{i}]")
        FacilityModelBuilder.add_client_integer_variable(model, range(len(groups)), "y[{i}]")
        model.aij = np.zeros((len(groups), n_fac))
        for i, js in enumerate(groups):
            model.aij[i, list(js)] = 1
        model.problem += pulp.lpSum(w * y for w, y in zip(weights, model.cli_vars)), "objective function"
        for js, y in zip(groups, model.cli_vars):
            model.problem += pulp.lpSum(model.fac_vars[j] for j in js) >= y
        FacilityModelBuilder.add_facility_constraint(model, k)
    return model


def _pmedian(demand: Points, existing: Points, candidates: Points, k: int,
             network: StreetNetwork | None) -> tuple[np.ndarray, str, float, float]:
    """P-median with the existing facilities always open.

    The formulation of ``spopt.locate.PMedian`` (assign each client to one open site, at most
    ``k`` new sites, minimise the weighted distance), with assignment variables only where a
    candidate is nearer than the client's nearest existing facility: the others are never
    better than staying with it. ``PMedian.from_cost_matrix`` builds every pair and leaves CBC
    minutes of work even on small cases.
    """
    xy, w, note = demand.xy[demand.value > 0], demand.value[demand.value > 0], ""
    if len(xy) * len(candidates) > PMEDIAN_MAX_CELLS:
        cells = np.floor(xy / GRID_CELL_M).astype(np.int64)
        _, inv = np.unique(cells, axis=0, return_inverse=True)
        inv = inv.ravel()
        ww = np.bincount(inv, weights=w)
        xy = np.column_stack([np.bincount(inv, weights=w * xy[:, 0]), np.bincount(inv, weights=w * xy[:, 1])]) / \
            ww[:, None]
        w, note = ww, f"Bedarf für p-Median in {GRID_CELL_M:g}-m-Zellen zusammengefasst (Näherung)"
    cost = _distances(xy, candidates.xy, network)
    nearest = _distances(xy, existing.xy, network).min(axis=1) if len(existing) else np.full(len(xy), FAR)
    ci, cj = np.nonzero(cost < nearest[:, None])
    useful = np.unique(cj)
    if len(useful) <= k:
        chosen = useful
    else:
        with _quiet():
            prob = pulp.LpProblem("pmedian", pulp.LpMinimize)
            x = {j: pulp.LpVariable(f"x_{j}", cat="Binary") for j in useful}
            z = {(i, j): pulp.LpVariable(f"z_{i}_{j}", lowBound=0, upBound=1) for i, j in zip(ci, cj)}
            stay = [pulp.LpVariable(f"s_{i}", lowBound=0, upBound=1) for i in range(len(xy))]
            prob += pulp.lpSum(w[i] * nearest[i] * stay[i] for i in range(len(xy))) + \
                pulp.lpSum(w[i] * cost[i, j] * v for (i, j), v in z.items())
            by_client: dict[int, list[Any]] = {}
            for (ii, jj), v in z.items():
                by_client.setdefault(int(ii), []).append(v)
                prob += v <= x[jj]
            for c in range(len(xy)):
                prob += stay[c] + pulp.lpSum(by_client.get(c, [])) == 1
            prob += pulp.lpSum(x.values()) <= k
            prob.solve(pulp.PULP_CBC_CMD(msg=False))
        if pulp.LpStatus[prob.status] != "Optimal":
            raise ReachError(msg("err_site_not_solved", status=pulp.LpStatus[prob.status]))
        chosen = np.array([j for j in useful if round(x[j].value() or 0) == 1], dtype=int)
    after = np.minimum(nearest, cost[:, chosen].min(axis=1)) if len(chosen) else nearest
    return chosen, note, float((w * nearest).sum() / w.sum()), float((w * after).sum() / w.sum())


def _distances(a: np.ndarray, b: np.ndarray, network: StreetNetwork | None) -> np.ndarray:
    if network is None:
        dist: np.ndarray = np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=2))
        return dist
    i, j, d = network.pairs(origins=a, dests=b, max_distance=50_000)
    out = np.full((len(a), len(b)), FAR)
    out[i, j] = d
    return out


def choose_sites(*, demand: Points, existing: Points, candidates: Points, k: int, max_distance: float,
                 objective: str = "coverage", network: StreetNetwork | None = None) -> SiteResult:
    """Choose ``k`` new sites among ``candidates`` (see the module text for the two objectives).

    Parameters
    ----------
    demand, existing, candidates
        Points from :mod:`geo.spatial.reach` and :func:`candidates_from`.
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
    note, mean_before, mean_after = "", float("nan"), float("nan")
    if objective == "coverage":
        chosen = np.sort(_coverage(demand, candidates, before, k, max_distance, network))
    else:
        chosen, note, mean_before, mean_after = _pmedian(demand, existing, candidates, k, network)
    after = before.copy()
    if len(chosen):
        after[_within(demand.xy, candidates.xy[chosen], max_distance, network)] = True
    method = STRAIGHT if network is None else network.method
    return SiteResult(objective=objective, method=method, distance=max_distance, k=k, demand=demand,
                      candidates=candidates, chosen=chosen, before=before, after=after, note=note,
                      mean_distance_before=mean_before, mean_distance_after=mean_after, network=network)


def nearest_distance(xy: np.ndarray, facilities: np.ndarray) -> np.ndarray:
    """Straight-line distance from each point to its nearest facility (metres)."""
    return cKDTree(facilities).query(xy)[0] if len(facilities) else np.full(len(xy), np.inf)
