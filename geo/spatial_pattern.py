"""Exploratory spatial pattern: global Moran's I and local LISA clusters.

Queen contiguity (libpysal), row-standardised weights, conditional permutation
inference (esda) with a fixed seed. With few areas (Lübeck has 10 Stadtteile)
the tests have little power: a "not significant" result says little.
"""
from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

CLUSTER_LABELS = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}
NOT_SIGNIFICANT = "ns"
FEW_AREAS = 30


@dataclass
class SpatialPattern:
    """Result of :func:`spatial_pattern`.

    Attributes
    ----------
    local
        One row per area: ``id``, ``value``, ``lisa_i``, ``p_sim``,
        ``quadrant`` (HH/LH/LL/HL regardless of significance), ``cluster``
        (HH/LL/HL/LH or "ns"), ``neighbours``.
    moran_i, p_sim, z_sim
        Global Moran's I and its permutation p-value / z-score.
    note
        German caveat to show with the layer.
    """

    local: pd.DataFrame
    moran_i: float
    p_sim: float
    z_sim: float
    note: str


def _fdr_cut(p: np.ndarray, alpha: float) -> float:
    """Benjamini-Hochberg cut-off (largest p_k <= k/n * alpha), 0 if none."""
    ps = np.sort(p)
    n = len(ps)
    ok = ps <= (np.arange(1, n + 1) / n) * alpha
    return float(ps[ok].max()) if ok.any() else 0.0


def spatial_pattern(
    gdf: gpd.GeoDataFrame,
    value_col: str,
    id_col: str = "code",
    permutations: int = 999,
    seed: int = 12345,
    alpha: float = 0.05,
    fdr: bool = False,
) -> SpatialPattern:
    """Global Moran's I and LISA clusters of one value.

    Parameters
    ----------
    gdf
        Areas with geometry, id and the value (NaN = left out, e.g. not assessed).
    value_col, id_col
        Columns of value and area id.
    permutations, seed
        Conditional permutations and the random seed (results are reproducible).
    alpha
        Significance level of the local clusters.
    fdr
        Use the Benjamini-Hochberg false-discovery-rate cut-off instead of alpha.

    Returns
    -------
    SpatialPattern
    """
    import esda
    from libpysal.weights import Queen

    data = gdf[[id_col, value_col, gdf.geometry.name]].copy()
    data = data[pd.to_numeric(data[value_col], errors="coerce").notna()].reset_index(drop=True)
    n = len(data)
    if n < 3:
        raise ValueError("Für ein räumliches Muster werden mindestens 3 Gebiete mit Werten benötigt.")
    w = Queen.from_dataframe(data, use_index=False, silence_warnings=True)
    islands = sorted(w.islands)
    island_rows = data.iloc[islands]
    if islands:
        data = data.drop(index=islands).reset_index(drop=True)
        w = Queen.from_dataframe(data, use_index=False, silence_warnings=True)
    w.transform = "r"
    y = data[value_col].astype("float64").to_numpy()
    # esda.Moran draws from numpy's global generator and takes no seed
    state = np.random.get_state()
    try:
        np.random.seed(seed)
        mi = esda.Moran(y, w, permutations=permutations)
    finally:
        np.random.set_state(state)
    lisa = esda.Moran_Local(y, w, permutations=permutations, seed=seed)
    cut = _fdr_cut(lisa.p_sim, alpha) if fdr else alpha
    quad = pd.Series(lisa.q).map(CLUSTER_LABELS)
    sig = lisa.p_sim <= cut if fdr else lisa.p_sim < cut
    local = pd.DataFrame({
        "id": data[id_col].astype(str),
        "value": y,
        "lisa_i": lisa.Is,
        "p_sim": lisa.p_sim,
        "quadrant": quad.to_numpy(),
        "cluster": np.where(sig, quad.to_numpy(), NOT_SIGNIFICANT),
        "neighbours": [w.cardinalities[i] for i in range(len(data))],
    })
    if islands:
        # areas without neighbours cannot form a cluster
        local = pd.concat([local, pd.DataFrame({
            "id": island_rows[id_col].astype(str).to_numpy(),
            "value": island_rows[value_col].astype("float64").to_numpy(),
            "lisa_i": np.nan, "p_sim": np.nan, "quadrant": None,
            "cluster": NOT_SIGNIFICANT, "neighbours": 0,
        })], ignore_index=True)
    note = (
        "Explorativ: Moran's I und LISA mit Queen-Nachbarschaft, "
        f"{permutations} Permutationen (Seed {seed})"
        + (", FDR-Korrektur" if fdr else f", Signifikanzniveau {alpha:g}".replace(".", ","))
        + f". {len(data)} Gebiete"
        + (f" ({len(islands)} ohne Nachbarn ausgelassen)" if islands else "")
        + "."
    )
    if len(data) < FEW_AREAS:
        note += (f" Bei nur {len(data)} Gebieten ist die Teststärke gering: "
                 "ein nicht signifikantes Ergebnis heißt nicht, dass es kein Muster gibt.")
    return SpatialPattern(local, float(mi.I), float(mi.p_sim), float(mi.z_sim), note)
