"""Area types (Sozialraumtypen) by cluster analysis of chosen indicators.

The indicators of one year are z-standardised over the areas that have every value
(population SD); areas with a missing or suppressed value are left out and named. Methods:

- ``ward``: agglomerative clustering with Ward's linkage (scikit-learn);
- ``kmeans``: k-means, 10 seeded starts (scikit-learn);
- ``skater``: contiguous regions by SKATER (``spopt.region``) on Queen contiguity, when the
  types must be connected areas.

Types are numbered 1 … k by size (largest first; ties by their first area code), so a run is
stable and two methods can be compared. Each type is described by its profile (mean z per
indicator): the indicators at least :data:`NOTABLE` SD above or below the mean, strongest first.
The number of types is the planner's choice; :func:`silhouettes` gives the mean silhouette
width per k as a stated criterion.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from indicators.dataset import Dataset
from indicators.errors import InputError, msg
from indicators.wording.voice import GERMAN, Voice

METHODS = ("ward", "kmeans", "skater")
SEED = 0
NOTABLE = 0.5
MAX_WORDS = 3


class TypologyError(InputError):
    """The typology cannot be computed as asked (too few areas, unknown indicator …)."""


@dataclass(frozen=True)
class Typology:
    """Types of areas: ``areas`` (``id``, ``name``, ``type``; 0 = left out), ``profiles`` (type ×
    indicator: mean z), ``sizes`` (type → number of areas), ``left_out`` (area ids)."""

    method: str
    k: int
    year: int
    indicators: list[str]
    areas: pd.DataFrame
    profiles: pd.DataFrame
    sizes: dict[int, int]
    left_out: list[str] = field(default_factory=list)

    def words(self, labels: dict[str, str], *, voice: Voice = GERMAN) -> dict[int, str]:
        """Each type in words by its profile, e.g. "Anteil 65+ hoch (z +1,2); Einwohner niedrig (z −0,8)"."""
        out = {}
        for k, row in self.profiles.iterrows():
            notable = row[row.abs() >= NOTABLE].sort_values(key=np.abs, ascending=False).head(MAX_WORDS)
            parts = [
                voice.t(
                    "typ_high" if z > 0 else "typ_low",
                    label=labels.get(i, i),
                    z=("+" if z > 0 else "") + voice.number(float(z), 1),
                )
                for i, z in notable.items()
            ]
            out[int(k)] = "; ".join(parts) or voice.t("typ_average")
        return out

    def to_json_dict(self, labels: dict[str, str], *, voice: Voice = GERMAN) -> dict[str, Any]:
        """``{"method", "k", "year", "indicators", "areas": [{"id", "name", "type"}], "types": [{"type", "n",
        "profile": {indicator: mean z}, "words"}], "left_out"}``."""
        words = self.words(labels, voice=voice)
        return {
            "method": self.method,
            "k": self.k,
            "year": self.year,
            "indicators": self.indicators,
            "areas": [{"id": r.id, "name": r.name, "type": int(r.type)} for r in self.areas.itertuples(index=False)],
            "types": [
                {
                    "type": int(k),
                    "n": self.sizes[int(k)],
                    "profile": {i: float(v) for i, v in row.items()},
                    "words": words[int(k)],
                }
                for k, row in self.profiles.iterrows()
            ],
            "left_out": self.left_out,
        }


def standardised(ds: Dataset, indicators: Sequence[str], year: int) -> tuple[pd.DataFrame, list[str]]:
    """z-values (rows: area codes with every value; population SD) and the codes left out."""
    unknown = [i for i in indicators if i not in ds.catalogue]
    if unknown:
        raise TypologyError(msg("err_typ_unknown_indicators", unknown=unknown))
    v = ds.values[(ds.values["year"] == year) & ds.values["indicator"].isin(indicators)]
    v = v[(v["area_code"] != ds.geography.reference_code) & ~v["suppressed"].fillna(False).astype(bool)]
    wide = v.pivot_table(index="area_code", columns="indicator", values="value", aggfunc="first")
    wide = wide.reindex(index=[str(c) for c in ds.areas["code"]], columns=list(indicators))
    complete = wide.notna().all(axis=1)
    x = wide[complete].astype(float)
    sd = x.std(ddof=0).replace(0, 1.0)
    return (x - x.mean()) / sd, list(wide.index[~complete])


def labels_for(z: pd.DataFrame, k: int, method: str, *, geoms=None, seed: int = SEED) -> np.ndarray:
    """Raw cluster labels (0 … k−1) of the rows of ``z``."""
    if method == "ward":
        from sklearn.cluster import AgglomerativeClustering

        labels: np.ndarray = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(z.to_numpy())
        return labels
    if method == "kmeans":
        from sklearn.cluster import KMeans

        groups: np.ndarray = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(z.to_numpy())
        return groups
    if method == "skater":
        import geopandas as gpd
        from spopt.region import Skater

        from geo.spatial.pattern import queen_weights

        gdf = gpd.GeoDataFrame(z.reset_index(drop=True), geometry=list(geoms))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            w = queen_weights(gdf.geometry).to_W()
            model = Skater(gdf, w, list(z.columns), n_clusters=k, islands="increase")
            model.solve()
        return np.asarray(model.labels_)
    raise TypologyError(msg("err_typ_unknown_method", method=method, known=list(METHODS)))


def renumber(labels: np.ndarray, ids: Sequence[str]) -> np.ndarray:
    """Types 1 … k by size (largest first), ties by the smallest area id in the type."""
    labels = np.asarray(labels)
    keys = {
        lab: (-int((labels == lab).sum()), min(i for i, x in zip(ids, labels) if x == lab)) for lab in np.unique(labels)
    }
    order = {lab: n + 1 for n, lab in enumerate(sorted(keys, key=keys.__getitem__))}
    return np.array([order[x] for x in labels], dtype=int)


def typology(
    ds: Dataset, *, indicators: Sequence[str], k: int, method: str = "ward", year: int | None = None, seed: int = SEED
) -> Typology:
    """Cluster the areas of ``ds`` into ``k`` types on ``indicators`` of ``year``.

    ``year`` defaults to the latest year in which every indicator has values.

    Raises
    ------
    TypologyError
        Unknown method or indicator, fewer than two indicators' worth of areas, ``k`` out of 2 … n−1.
    """
    if method not in METHODS:
        raise TypologyError(msg("err_typ_unknown_method", method=method, known=list(METHODS)))
    if not indicators:
        raise TypologyError(msg("err_typ_no_indicator"))
    if year is None:  # the latest year in which every indicator has values
        years = set.intersection(*(set(ds.years_for(i)) for i in indicators))
        if not years:
            raise TypologyError(msg("err_typ_no_common_year", indicators=list(indicators)))
        year = max(years)
    year = int(year)
    z, left_out = standardised(ds, indicators, year)
    if not 2 <= k < len(z):
        raise TypologyError(msg("err_typ_bad_k", max=len(z) - 1, n=len(z), year=year))
    codes = [str(c) for c in ds.areas["code"]]
    geoms = None
    if method == "skater":
        geoms = ds.areas.set_index(ds.areas["code"].astype(str)).loc[list(z.index)].geometry
    types = renumber(labels_for(z, k, method, geoms=geoms, seed=seed), list(z.index))
    by_code = dict(zip(z.index, types))
    areas = pd.DataFrame(
        {"id": codes, "name": ds.areas["name"].to_numpy(), "type": [int(by_code.get(c, 0)) for c in codes]}
    )
    areas = areas[areas["id"] != ds.geography.reference_code].reset_index(drop=True)
    profiles = z.groupby(types).mean()
    profiles.index.name = "type"
    sizes = {int(k_): int((types == k_).sum()) for k_ in np.unique(types)}
    return Typology(method, int(profiles.shape[0]), year, list(indicators), areas, profiles, sizes, left_out)


def silhouettes(
    ds: Dataset,
    *,
    indicators: Sequence[str],
    year: int,
    method: str = "ward",
    ks: Sequence[int] = range(2, 9),
    seed: int = SEED,
) -> dict[int, float]:
    """Mean silhouette width per number of types (the higher, the better separated)."""
    from sklearn.metrics import silhouette_score

    z, _ = standardised(ds, indicators, year)
    out = {}
    for k in ks:
        if 2 <= k < len(z) and method != "skater":
            out[int(k)] = float(silhouette_score(z.to_numpy(), labels_for(z, k, method, seed=seed)))
    return out


def best_k(
    ds: Dataset, *, indicators: Sequence[str], year: int | None = None, method: str = "ward", seed: int = SEED
) -> tuple[int, dict[int, float]]:
    """The number of types with the highest mean silhouette width (ties: the smaller k), and all widths.

    SKATER is judged by the Ward widths (its regions are not free clusters).
    """
    if year is None:
        years = set.intersection(*(set(ds.years_for(i)) for i in indicators)) if indicators else set()
        if not years:
            raise TypologyError(msg("err_typ_no_common_year", indicators=list(indicators)))
        year = max(years)
    sil = silhouettes(
        ds, indicators=indicators, year=int(year), method="ward" if method == "skater" else method, seed=seed
    )
    if not sil:
        raise TypologyError(msg("err_typ_too_few_areas"))
    return max(sil, key=lambda k: (sil[k], -k)), sil


TYPE_COLORS = (
    "#1b9e77",
    "#d95f02",
    "#7570b3",
    "#e7298a",
    "#66a61e",
    "#e6ab02",
    "#a6761d",
    "#666666",
    "#1f78b4",
    "#b2df8a",
    "#fb9a99",
    "#cab2d6",
)


def type_classification(areas: pd.DataFrame, ty: Typology, id_col: str = "code", *, voice: Voice = GERMAN):
    """One map class per type for ``areas`` (same index); areas left out are no data."""
    from indicators.compute.classify import Classification

    by_id = dict(zip(ty.areas["id"], ty.areas["type"]))
    classes = areas[id_col].astype(str).map(by_id).fillna(0).astype(int) - 1
    n = len(ty.sizes)
    return Classification(
        scheme=voice.t("typ_scheme", method=voice.t(f"typ_method_{ty.method}")),
        palette="types",
        edges=tuple(float(i) for i in range(n + 1)),
        classes=classes,
        colors=tuple(TYPE_COLORS[i % len(TYPE_COLORS)] for i in range(n)),
        counts=tuple(int((classes == i).sum()) for i in range(n)),
        labels=tuple(voice.t("typ_type", k=i + 1) for i in range(n)),
        no_data_count=int((classes < 0).sum()),
    )
