"""The two location-allocation models of :func:`geo.spatial.siting.choose_sites`, solved exactly
with the CBC solver bundled with PuLP.

``coverage_sites``
    the maximal covering location problem (``spopt.locate.MCLP``, built sparsely); demand
    points covered by the same set of candidates are merged (an exact reduction);
``pmedian_sites``
    the p-median problem (the formulation of ``spopt.locate.PMedian``, built sparsely), demand
    merged into 250 m grid cells when the problem would be large (an approximation, said in the result).
"""

from __future__ import annotations

import warnings
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pulp
from spopt.locate import MCLP
from spopt.locate.base import FacilityModelBuilder

from geo.spatial.reach import straight_pairs
from geo.spatial.reach_points import Points, ReachError
from geo.spatial.siting_candidates import GRID_CELL_M
from indicators.errors import msg
from indicators.wording.message import Message

if TYPE_CHECKING:
    from geo.spatial.network import StreetNetwork

PMEDIAN_MAX_CELLS = 200_000  # clients × candidates before the demand is merged into grid cells
FAR = 1e9  # cost of an unreachable pair in p-median


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


def coverage_sites(
    demand: Points, candidates: Points, before: np.ndarray, k: int, max_distance: float, network: StreetNetwork | None
) -> np.ndarray:
    """MCLP over the still uncovered demand, clients merged by their set of covering candidates."""
    open_ = np.flatnonzero(~before & (demand.value > 0))
    pairs = (
        straight_pairs(origins=demand.xy[open_], dests=candidates.xy, max_distance=max_distance)
        if network is None
        else network.pairs(origins=demand.xy[open_], dests=candidates.xy, max_distance=max_distance)
    )
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


def pmedian_sites(
    demand: Points, existing: Points, candidates: Points, k: int, network: StreetNetwork | None
) -> tuple[np.ndarray, Message | None, float, float]:
    """P-median with the existing facilities always open.

    The formulation of ``spopt.locate.PMedian`` (assign each client to one open site, at most
    ``k`` new sites, minimise the weighted distance), with assignment variables only where a
    candidate is nearer than the client's nearest existing facility: the others are never
    better than staying with it. ``PMedian.from_cost_matrix`` builds every pair and leaves CBC
    minutes of work even on small cases.
    """
    xy, w = demand.xy[demand.value > 0], demand.value[demand.value > 0]
    note: Message | None = None
    if len(xy) * len(candidates) > PMEDIAN_MAX_CELLS:
        cells = np.floor(xy / GRID_CELL_M).astype(np.int64)
        _, inv = np.unique(cells, axis=0, return_inverse=True)
        inv = inv.ravel()
        ww = np.bincount(inv, weights=w)
        xy = (
            np.column_stack([np.bincount(inv, weights=w * xy[:, 0]), np.bincount(inv, weights=w * xy[:, 1])])
            / ww[:, None]
        )
        w, note = ww, msg("site_note_pmedian_cells", cell=f"{GRID_CELL_M:g}")
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
            prob += pulp.lpSum(w[i] * nearest[i] * stay[i] for i in range(len(xy))) + pulp.lpSum(
                w[i] * cost[i, j] * v for (i, j), v in z.items()
            )
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
