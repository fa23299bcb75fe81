"""Need and supply together: the reach of every shipped facility layer beside the need classes.

For each kind of :data:`geo.spatial.facility_kinds.KINDS` the 2SFCA reach and the supply gap per
area with the kind's default demand and distance (:func:`geo.spatial.reach.compute_reach`), joined
to a need assessment's classes; an area with elevated need whose gap is above the city's is
marked "erhöhter Bedarf, geringe Erreichbarkeit".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.spatial.facility_kinds import KINDS
from geo.spatial.reach import ReachResult, compute_reach
from geo.spatial.reach_points import demand_from_variable, load_supply
from indicators.dataset import Dataset


def kind_reach(*, ds: Dataset, kind: str, year: int | None = None) -> ReachResult | None:
    """Reach of a shipped kind with its default demand and distance; None where it does not apply
    (the geography lacks the demand variable, or no address point lies in its areas)."""
    spec = KINDS[kind]
    if spec.demand not in ds.catalogue:
        return None
    years = ds.years_for(spec.demand)
    if not years:
        return None
    year = year if year in years else years[-1]
    demand = demand_from_variable(ds=ds, variable=spec.demand, year=year)
    if demand.value.sum() <= 0:
        return None
    return compute_reach(demand=demand, supply=load_supply(facilities=kind, areas=ds.areas), max_distance=spec.distance)


def need_and_reach(*, needs: pd.DataFrame, reach: dict[str, ReachResult], areas: pd.DataFrame) -> pd.DataFrame:
    """One row per area: need class and flag, and per kind the reach (per 1,000 demand) and gap (%).

    Parameters
    ----------
    needs
        A need assessment (``id``, ``name``, ``label``, ``flag``), e.g. of
        :func:`indicators.needs.assessment.run_needs`.
    reach
        Kind id → result of :func:`kind_reach`.
    areas
        The geography's areas (``code``, ``name``).

    Returns
    -------
    pandas.DataFrame
        ``id, name, label, flag``, then ``<kind>_access``, ``<kind>_gap`` and ``<kind>_low``
        (elevated need and a gap above the city's share) per kind, and ``low_any``.
    """
    out = needs[["id", "name", "label", "flag"]].copy().reset_index(drop=True)
    out["flag"] = out["flag"].fillna(False).astype(bool)
    low_any = np.zeros(len(out), dtype=bool)
    for kind, result in reach.items():
        af = result.area_frame(areas).set_index("code")
        out[f"{kind}_access"] = out["id"].map(af["access"] * 1000).astype(float)
        out[f"{kind}_gap"] = out["id"].map(af["uncovered_share"] * 100).astype(float)
        low = out["flag"] & (out[f"{kind}_gap"] > result.uncovered_share * 100)
        out[f"{kind}_low"] = low.fillna(False).astype(bool)
        low_any |= out[f"{kind}_low"].to_numpy()
    out["low_any"] = low_any
    return out
