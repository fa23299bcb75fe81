"""Reach (Erreichbarkeit): who reaches which facility, by the two-step floating catchment area.

Demand and supply are :class:`geo.spatial.reach_points.Points`: a count variable shared out over
the address points or uploaded points; a shipped or uploaded facility layer with capacities.

The 2SFCA value of a demand point *i* is ``Σ_j f(d_ij) · S_j / Σ_k f(d_kj) · D_k`` over the
facilities *j* within the maximum distance (PySAL ``access``), with ``f = 1`` (no decay) or a
Gaussian ``f(d) = exp(-d² / (2 σ²))``, ``σ`` = half the maximum distance. Distances are straight
lines in EPSG:25832 (a KD-tree) unless a street network is given (:mod:`geo.spatial.network`);
every result names its method.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import access
import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from geo.crs import METRIC_CRS
from geo.spatial.protection import protection, round_to_base
from geo.spatial.reach_points import Points, ReachError
from indicators.errors import msg
from indicators.wording.message import Message
from indicators.wording.voice import GERMAN, Voice

if TYPE_CHECKING:
    from geo.spatial.network import StreetNetwork

DECAYS = ("none", "gaussian")
STRAIGHT_WORDS = msg("reach_straight")
STRAIGHT = str(STRAIGHT_WORDS)  # "Luftlinie (EPSG:25832)"
MAX_DISTANCE_M = 50_000


def check_distance(max_distance: float) -> float:
    """The maximum distance in metres, refused outside (0, 50 km]."""
    if not np.isfinite(max_distance) or not 0 < max_distance <= MAX_DISTANCE_M:
        raise ReachError(msg("err_reach_bad_distance", distance=f"{max_distance:g}", max=MAX_DISTANCE_M))
    return float(max_distance)


def straight_pairs(
    *, origins: np.ndarray, dests: np.ndarray, max_distance: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(origin index, destination index, metres) of every pair within ``max_distance`` (straight line)."""
    if not len(origins) or not len(dests):
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
    sparse = cKDTree(dests).sparse_distance_matrix(cKDTree(origins), max_distance, output_type="ndarray")
    return sparse["j"].astype(int), sparse["i"].astype(int), sparse["v"].astype(float)


def decay_function(decay: str, max_distance: float):
    """The distance weight: None (no decay) or the Gaussian with σ = half the maximum distance."""
    if decay not in DECAYS:
        raise ReachError(msg("err_reach_unknown_decay", decay=decay, known=list(DECAYS)))
    return None if decay == "none" else access.weights.gaussian(max_distance / 2)


def two_sfca(
    *,
    demand: np.ndarray,
    supply: np.ndarray,
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray],
    max_distance: float,
    decay: str = "none",
) -> np.ndarray:
    """2SFCA value per demand point with PySAL ``access`` (0 where no facility is within reach).

    A facility with no demand within reach serves nobody: its supply is set to 0 (``access``
    would divide by zero).
    """
    i, j, d = pairs
    fn = decay_function(decay, max_distance)
    w = np.ones(len(d)) if fn is None else fn(d)
    reached = np.bincount(j, weights=demand[i] * w, minlength=len(supply))
    demand_df = pd.DataFrame({"demand": demand}, index=pd.RangeIndex(len(demand), name="o"))
    supply_df = pd.DataFrame({"supply": np.where(reached > 0, supply, 0.0)}, index=pd.RangeIndex(len(supply), name="f"))
    cost_df = pd.DataFrame({"o": i, "f": j, "cost": d})
    model = access.Access(
        demand_df=demand_df,
        demand_index=True,
        demand_value="demand",
        supply_df=supply_df,
        supply_index=True,
        supply_value="supply",
        cost_df=cost_df,
        cost_origin="o",
        cost_dest="f",
        cost_name="cost",
    )
    out = model.two_stage_fca(name="fca", max_cost=max_distance, weight_fn=fn)
    fca: np.ndarray = out["fca_supply"].reindex(demand_df.index).fillna(0.0).to_numpy(dtype=float)
    return fca


@dataclass(kw_only=True)
class ReachResult:
    """Reach of one facility layer for one demand.

    Attributes
    ----------
    method
        Distance method ("Luftlinie (EPSG:25832)" or the street network's name; German).
    method_words
        The same as a message, for :meth:`method_in` (another language).
    distance, decay
        Maximum distance (m) and decay (``none``/``gaussian``).
    demand, supply
        The inputs.
    access
        2SFCA value per demand point.
    covered
        Whether a facility lies within the maximum distance of each demand point.
    """

    method: str
    method_words: Message | None = None
    distance: float
    decay: str
    demand: Points
    supply: Points
    access: np.ndarray
    covered: np.ndarray

    def method_in(self, *, voice: Voice = GERMAN) -> str:
        """The distance method in ``voice``'s language."""
        return voice.text(self.method_words) if self.method_words is not None else self.method

    @property
    def uncovered_share(self) -> float:
        """Share (0–1) of all demand with no facility within the distance (the Versorgungslücke)."""
        total = self.demand.value.sum()
        return float(self.demand.value[~self.covered].sum() / total) if total > 0 else float("nan")

    def point_frame(self) -> pd.DataFrame:
        """One row per demand point: ``id, x, y, area_code, demand, access, covered``."""
        return pd.DataFrame(
            {
                "id": self.demand.ids,
                "x": self.demand.xy[:, 0],
                "y": self.demand.xy[:, 1],
                "area_code": self.demand.codes,
                "demand": self.demand.value,
                "access": self.access,
                "covered": self.covered,
            }
        )

    def area_frame(self, areas: pd.DataFrame) -> pd.DataFrame:
        """Per area: demand, demand-weighted mean access, uncovered demand and share, withheld.

        Disclosure: the uncovered demand is an estimate and is rounded to the base of the
        custom-area estimates (:func:`geo.spatial.protection.protection`), the share recomputed
        from the rounded count; areas with less demand than the minimum count, or whose count
        was withheld, show nothing (``withheld``).
        """
        _, base = protection()
        f = self.point_frame()
        f = f[f["area_code"] != ""]
        f["wa"] = f["demand"] * f["access"]
        f["gap"] = np.where(f["covered"], 0.0, f["demand"])
        g = f.groupby("area_code")[["demand", "wa", "gap"]].sum().reindex(areas["code"], fill_value=0.0)
        gap = round_to_base(g["gap"].to_numpy(), base)
        dem = g["demand"].to_numpy()
        withheld = np.isin(areas["code"].to_numpy(), self.demand.withheld) | (dem < 3)
        out = pd.DataFrame(
            {
                "code": areas["code"].to_numpy(),
                "name": areas["name"].to_numpy(),
                "demand": dem,
                "access": g["wa"].to_numpy() / np.where(dem > 0, dem, np.nan),
                "uncovered_demand": gap,
                "uncovered_share": np.minimum(gap / np.where(dem > 0, dem, np.nan), 1.0),
                "withheld": withheld,
            }
        )
        out.loc[withheld, ["demand", "access", "uncovered_demand", "uncovered_share"]] = np.nan
        return out

    def grid_frame(self, *, cell: float = 250.0, min_demand: float = 3.0) -> gpd.GeoDataFrame:
        """Per square grid cell (EPSG:25832, ``cell`` metres): demand-weighted mean access and gap share.

        Cells with less demand than ``min_demand`` are left out (nothing to say, nothing to reveal).
        """
        f = self.point_frame()
        f = f[f["demand"] > 0]
        gx, gy = np.floor(f["x"] / cell) * cell, np.floor(f["y"] / cell) * cell
        f = f.assign(gx=gx, gy=gy, wa=f["demand"] * f["access"], gap=np.where(f["covered"], 0.0, f["demand"]))
        g = f.groupby(["gx", "gy"])[["demand", "wa", "gap"]].sum().reset_index()
        g = g[g["demand"] >= min_demand]
        geoms = gpd.GeoSeries.from_xy(g["gx"], g["gy"]).buffer(cell / 2, cap_style="square")
        geoms = geoms.translate(cell / 2, cell / 2)
        return gpd.GeoDataFrame(
            {
                "demand": g["demand"].to_numpy(),
                "access": (g["wa"] / g["demand"]).to_numpy(),
                "uncovered_share": (g["gap"] / g["demand"]).to_numpy(),
            },
            geometry=geoms.to_numpy(),
            crs=METRIC_CRS,
        )

    def to_json(self, areas: pd.DataFrame, *, points: bool, voice: Voice = GERMAN) -> dict[str, Any]:
        """The ``cli.py reach --json`` object (points only for uploaded demand points; texts in ``voice``'s language)."""
        af = self.area_frame(areas)
        out: dict[str, Any] = {
            "method": self.method_in(voice=voice),
            "distance": self.distance,
            "decay": self.decay,
            "demand": self.demand.label_in(voice=voice),
            "facilities": self.supply.label_in(voice=voice),
            "uncovered_share": _num(self.uncovered_share),
        }
        if points:
            out["points"] = [
                {"id": i, "access": float(a), "covered": bool(c)}
                for i, a, c in zip(self.demand.ids, self.access, self.covered)
            ]
        out["areas"] = [
            {
                "code": r.code,
                "access": _num(r.access),
                "uncovered_share": _num(r.uncovered_share),
                "withheld": bool(r.withheld),
            }
            for r in af.itertuples()
        ]
        return out


def _num(v: float) -> float | None:
    return None if v is None or not np.isfinite(v) else float(v)


def compute_reach(
    *, demand: Points, supply: Points, max_distance: float, decay: str = "none", network: StreetNetwork | None = None
) -> ReachResult:
    """2SFCA reach of ``supply`` for ``demand``.

    Parameters
    ----------
    demand, supply
        From :func:`demand_from_variable` / :func:`demand_from_points` and :func:`load_supply`.
    max_distance
        Catchment in metres.
    decay
        ``none`` or ``gaussian``.
    network
        A :class:`geo.spatial.network.StreetNetwork`; default straight lines.
    """
    max_distance = check_distance(max_distance)
    decay_function(decay, max_distance)
    if not len(supply):
        raise ReachError(msg("err_reach_no_facilities"))
    if network is None:
        pairs, words = straight_pairs(origins=demand.xy, dests=supply.xy, max_distance=max_distance), STRAIGHT_WORDS
    else:
        pairs, words = network.pairs(origins=demand.xy, dests=supply.xy, max_distance=max_distance), network.words
    value = two_sfca(demand=demand.value, supply=supply.value, pairs=pairs, max_distance=max_distance, decay=decay)
    covered = np.zeros(len(demand), dtype=bool)
    covered[pairs[0]] = True
    return ReachResult(
        method=str(words),
        method_words=words,
        distance=max_distance,
        decay=decay,
        demand=demand,
        supply=supply,
        access=value,
        covered=covered,
    )
