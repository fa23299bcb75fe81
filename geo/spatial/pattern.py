"""Exploratory spatial pattern: global Moran's I and local LISA clusters.

Queen contiguity, row-standardised weights, conditional permutation inference
(esda) with a fixed seed. With few areas (Lübeck has 10 Stadtteile) the tests
have little power: a "not significant" result says little.

Speed (see ``bench/``, P5): on 100,000 grid cells libpysal's ``Queen.from_dataframe``
took ~6 s and esda's conditional permutations ~15 s without numba, because esda's
numba-free fallback copies all n values once per area (O(n²)). So neighbours come
from one shapely STRtree query (polygons sharing at least one boundary point: Queen
contiguity of a coverage) and the local p-values from :func:`local_p_sim`, which draws
the same permutations as esda (``esda.crand.vec_permutations``, same seed) and
evaluates them with matrix products; ``tests/geo/spatial/test_pattern.py`` checks both
against libpysal/esda. All random draws come from local generators, never from
NumPy's global one (Streamlit runs sessions in threads).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from indicators.errors import InputError, msg
from indicators.wording.voice import GERMAN, Voice

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
    facts
        What the caveat says: ``permutations``, ``seed``, ``fdr``, ``alpha``, ``areas``,
        ``islands`` (see :meth:`note_text`).
    """

    local: pd.DataFrame
    moran_i: float
    p_sim: float
    z_sim: float
    facts: dict[str, Any]

    def note_text(self, *, voice: Voice = GERMAN) -> str:
        """The caveat to show with the layer, in ``voice``'s language (from the wording table)."""
        f = self.facts
        level = voice.t("lisa_note_fdr") if f["fdr"] else voice.t("lisa_note_alpha", alpha=voice.number(f["alpha"], 2))
        text = voice.t("lisa_note", permutations=f["permutations"], seed=f["seed"], level=level, n=f["areas"])
        if f["islands"]:
            text = text[:-1] + voice.t("lisa_note_islands", n=f["islands"]) + "."
        if f["areas"] < FEW_AREAS:
            text += " " + voice.t("lisa_note_few", n=f["areas"])
        return text

    @property
    def note(self) -> str:
        """The German caveat (:meth:`note_text`)."""
        return self.note_text()


def _fdr_cut(p: np.ndarray, alpha: float) -> float:
    """Benjamini-Hochberg cut-off (largest p_k <= k/n * alpha), 0 if none."""
    ps = np.sort(p)
    n = len(ps)
    ok = ps <= (np.arange(1, n + 1) / n) * alpha
    return float(ps[ok].max()) if ok.any() else 0.0


def queen_weights(geoms: gpd.GeoSeries):
    """Queen contiguity of a polygon coverage as a binary libpysal ``Graph`` (ids 0..n-1).

    Two areas are neighbours when they share at least one boundary point (or
    overlap); one STRtree query instead of libpysal's vertex hashing. A ``Graph``
    (not ``W``) because esda accepts it and it keeps the weights sparse: ``W``'s
    dict-of-lists costs seconds per transform at 100,000 areas.
    """
    import shapely
    from libpysal.graph import Graph
    from scipy import sparse

    values = np.asarray(geoms.values)
    left, right = shapely.STRtree(values).query(values, predicate="intersects")
    other = left != right
    n = len(values)
    adj = sparse.csr_matrix((np.ones(int(other.sum())), (left[other], right[other])), shape=(n, n))
    return Graph.from_sparse(adj)


def global_p_sim(z: np.ndarray, w, observed: float, permutations: int, rng: np.random.Generator) -> tuple[float, float]:
    """Pseudo p-value and z of global Moran's I by random permutation, as ``esda.Moran`` computes them.

    Draws from ``rng`` (a local generator), never from NumPy's global one.
    Returns ``(p_sim, z_sim)``; NaN for ``permutations == 0``.
    """
    if permutations <= 0:
        return float("nan"), float("nan")
    from scipy import sparse

    adj = sparse.csr_matrix(w.sparse)
    zz = float((z * z).sum())
    sims = np.empty(permutations)
    for start in range(0, permutations, 64):  # 64 permutations at a time: bounded memory on large grids
        perms = np.stack([rng.permutation(z) for _ in range(min(64, permutations - start))])
        sims[start : start + len(perms)] = np.einsum("pi,ip->p", perms, adj @ perms.T)
    sims *= len(z) / float(adj.sum()) / zz
    larger = int((sims >= observed).sum())
    larger = min(larger, permutations - larger)
    sd = float(sims.std())
    return (larger + 1.0) / (permutations + 1.0), (observed - float(sims.mean())) / sd if sd else float("nan")


def _vec_permutations(max_card: int, n: int, permutations: int, seed: int) -> np.ndarray:
    """``esda.crand.vec_permutations`` without reseeding NumPy's global generator.

    The same draws (a legacy ``RandomState`` seeded alike gives the same stream as
    ``np.random.seed`` + ``np.random.choice``), but from a local generator, so
    sessions running in other threads neither disturb nor are disturbed.
    """
    rs = np.random.RandomState(seed)
    out = np.empty((permutations, max_card), dtype=np.int64)
    for k in range(permutations):
        out[k] = rs.choice(n - 1, size=max_card, replace=False)
    return out


def local_p_sim(z: np.ndarray, w, observed: np.ndarray, permutations: int, seed: int, chunk: int = 2048) -> np.ndarray:
    """Pseudo p-values of local Moran's I by conditional permutation, as esda computes them.

    Same draws as ``esda.crand.crand`` (one ``(permutations, max_neighbours)`` table of
    ids from ``vec_permutations(max_card, n, permutations, seed)``, shared by all
    areas; id ``m`` means the m-th area other than i) and esda's "directed" p-value:
    ``(min(larger, permutations - larger) + 1) / (permutations + 1)``. One difference:
    a permuted I equal to the observed one (same neighbour values drawn) always counts
    as "at least as large"; esda's count of such ties depends on rounding.

    Parameters
    ----------
    z
        Standardised values (``esda.Moran_Local(...).z``).
    w
        The row-standardised weights used for ``observed``.
    observed
        Local Moran's I per area (``Moran_Local.Is``).
    """
    n = len(z)
    from scipy import sparse

    adj = sparse.csr_matrix(w.sparse, copy=True)
    self_w = adj.diagonal()
    adj.setdiag(0)
    adj.eliminate_zeros()
    card = np.diff(adj.indptr)
    max_card = max(int(card.max()), 1)
    ids = _vec_permutations(max_card, n, permutations, seed)  # (permutations, max_card)
    # weights padded to max_card columns, in esda's order (CSR row order)
    pad = np.zeros((n, max_card))
    pad[np.repeat(np.arange(n), card), np.arange(adj.nnz) - np.repeat(adj.indptr[:-1], card)] = adj.data
    scaling = (n - 1) / float((z * z).sum())
    below, above = z[ids], z[np.minimum(ids + 1, n - 1)]
    p = np.empty(n)
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        # for area i, id m is area m if m < i else m + 1; inside one chunk only ids in
        # [start, stop) switch between the two, the rest is one matrix product
        zrand = np.where(ids < start, below, above)
        lag = pad[start:stop] @ zrand.T  # (areas in chunk, permutations)
        mixed_p, mixed_k = np.nonzero((ids >= start) & (ids < stop))
        for pp, kk in zip(mixed_p, mixed_k):
            m = ids[pp, kk]
            rows = slice(m + 1 - start, stop - start)  # areas i > m see area m itself
            lag[rows, pp] += pad[m + 1 : stop, kk] * (below[pp, kk] - above[pp, kk])
        zi = z[start:stop, None]
        rstats = zi * (lag + self_w[start:stop, None] * zi) * scaling
        obs = observed[start:stop, None]
        # a draw of the very same neighbour values ties with the observed I; with few
        # areas that is frequent, and rounding must not decide whether it counts
        larger = (rstats >= obs - 1e-9 * np.abs(obs)).sum(axis=1)
        larger = np.where(permutations - larger < larger, permutations - larger, larger)
        p[start:stop] = (larger + 1.0) / (permutations + 1.0)
    return p


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

    data = gdf[[id_col, value_col, gdf.geometry.name]].copy()
    data = data[pd.to_numeric(data[value_col], errors="coerce").notna()].reset_index(drop=True)
    n = len(data)
    if n < 3:
        raise InputError(msg("err_pattern_too_few"))
    w = queen_weights(data.geometry)
    islands = sorted(int(i) for i in w.isolates)
    island_rows = data.iloc[islands]
    if islands:
        data = data.drop(index=islands).reset_index(drop=True)
        w = queen_weights(data.geometry)
    w = w.transform("r")
    y = data[value_col].astype("float64").to_numpy()
    # esda.Moran would draw from NumPy's global generator (shared by Streamlit's session
    # threads): the global test's permutations come from a local Generator instead
    mi = esda.Moran(y, w, permutations=0)
    p_global, z_global = global_p_sim(mi.z, w, float(mi.I), permutations, np.random.default_rng(seed))
    lisa = esda.Moran_Local(y, w, permutations=0)
    p_local = local_p_sim(lisa.z, lisa.w, lisa.Is, permutations, seed)
    cut = _fdr_cut(p_local, alpha) if fdr else alpha
    quad = pd.Series(lisa.q).map(CLUSTER_LABELS)
    sig = p_local <= cut if fdr else p_local < cut
    local = pd.DataFrame(
        {
            "id": data[id_col].astype(str),
            "value": y,
            "lisa_i": lisa.Is,
            "p_sim": p_local,
            "quadrant": quad.to_numpy(),
            "cluster": np.where(sig, quad.to_numpy(), NOT_SIGNIFICANT),
            "neighbours": w.cardinalities.reindex(range(len(data))).to_numpy(),
        }
    )
    if islands:
        # areas without neighbours cannot form a cluster
        local = pd.concat(
            [
                local,
                pd.DataFrame(
                    {
                        "id": island_rows[id_col].astype(str).to_numpy(),
                        "value": island_rows[value_col].astype("float64").to_numpy(),
                        "lisa_i": np.nan,
                        "p_sim": np.nan,
                        "quadrant": None,
                        "cluster": NOT_SIGNIFICANT,
                        "neighbours": 0,
                    }
                ),
            ],
            ignore_index=True,
        )
    facts = {
        "permutations": permutations,
        "seed": seed,
        "fdr": fdr,
        "alpha": alpha,
        "areas": len(data),
        "islands": len(islands),
    }
    return SpatialPattern(local, float(mi.I), p_global, z_global, facts)
