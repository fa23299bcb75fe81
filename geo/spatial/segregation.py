"""Segregation of a group within its total over the areas of a geography, per year (PySAL ``segregation``).

For counts gᵢ (the group) and tᵢ (its total) of areas i, G = Σgᵢ, T = Σtᵢ:

- dissimilarity D = ½ Σ |gᵢ/G − (tᵢ − gᵢ)/(T − G)| (the group against the rest of the total);
- isolation xPx = Σ (gᵢ/G)·(gᵢ/tᵢ);
- entropy (Theil's H) = Σ tᵢ (E − Eᵢ) / (E·T), E and Eᵢ the binary entropies of G/T and gᵢ/tᵢ;
- ``p_dissimilarity``: share of random allocations at least as segregated as observed: the G
  members are dealt to the areas' tᵢ places at random (a multivariate hypergeometric draw, the
  person permutation null), seeded, p = (1 + #{D* ≥ D}) / (1 + permutations).

Disclosure applies: a suppressed (or missing) count leaves its area out of that year's indices,
and the area is named in ``left_out``. The values depend on the areal units (the modifiable
areal unit problem): the 10 Stadtteile and the Zensus grid give different values for the same
people; :func:`counts_on` finds the pairs that exist on more than one geography (``same_counts``
in ``shapes/geographies.yaml``).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from indicators.dataset import Dataset
from indicators.errors import InputError, msg

PERMUTATIONS = 999
SEED = 20231179  # VO/2023/11779


class NotACount(InputError):
    """A variable chosen for the segregation indices is not a count of the geography."""


@dataclass(frozen=True)
class SegregationYear:
    """The indices of one year (``None`` when fewer than two areas are left)."""

    year: int
    dissimilarity: float | None
    isolation: float | None
    entropy: float | None
    p_dissimilarity: float | None
    n_areas: int
    left_out: tuple[str, ...] = ()

    def to_json_dict(self) -> dict[str, Any]:
        """``{"year", "dissimilarity", "isolation", "entropy", "p_dissimilarity"}``."""
        return {
            "year": self.year,
            "dissimilarity": self.dissimilarity,
            "isolation": self.isolation,
            "entropy": self.entropy,
            "p_dissimilarity": self.p_dissimilarity,
        }


@dataclass(frozen=True)
class Segregation:
    """The indices of a group and its total for every year of a geography."""

    geography: str
    group: str
    total: str
    years: list[SegregationYear] = field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        """``{"geography", "group", "total", "years": [{"year", "dissimilarity", "isolation", "entropy",
        "p_dissimilarity"}], "n_areas": {year: n}, "left_out": {year: [area codes]}}``."""
        return {
            "geography": self.geography,
            "group": self.group,
            "total": self.total,
            "years": [y.to_json_dict() for y in self.years],
            "n_areas": {str(y.year): y.n_areas for y in self.years},
            "left_out": {str(y.year): list(y.left_out) for y in self.years if y.left_out},
        }

    def frame(self) -> pd.DataFrame:
        """One row per year (the chart and the table), with ``n_areas`` and ``left_out``."""
        return pd.DataFrame(
            [{**y.to_json_dict(), "n_areas": y.n_areas, "left_out": ", ".join(y.left_out)} for y in self.years]
        )


def _dissim(g: np.ndarray, t: np.ndarray) -> np.ndarray:
    """D for one or many allocations (rows) of the group over the same totals."""
    G, T = g.sum(axis=-1, keepdims=True), t.sum()
    index: np.ndarray = 0.5 * np.abs(g / G - (t - g) / (T - G)).sum(axis=-1)
    return index


def indices(
    g: np.ndarray, t: np.ndarray, *, permutations: int = PERMUTATIONS, seed: int = SEED
) -> tuple[float, float, float, float | None]:
    """(dissimilarity, isolation, entropy, p of dissimilarity) of counts ``g`` within totals ``t``.

    Indices by :mod:`segregation.singlegroup`; the p-value by the seeded person permutation
    described in the module docstring (``permutations=0``: no p-value).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from segregation.singlegroup import Dissim, Entropy, Isolation

        frame = pd.DataFrame({"g": g.astype(float), "t": t.astype(float)})
        d = float(Dissim(frame, "g", "t").statistic)
        iso = float(Isolation(frame, "g", "t").statistic)
        h = float(Entropy(frame, "g", "t").statistic)
    p = None
    if permutations > 0:
        rng = np.random.default_rng(seed)
        places = np.rint(t).astype(np.int64)
        sims = rng.multivariate_hypergeometric(places, int(round(g.sum())), size=permutations)
        p = float(
            (1 + int((_dissim(sims.astype(float), places.astype(float)) >= d - 1e-12).sum())) / (1 + permutations)
        )
    return d, iso, h, p


def _counts(ds: Dataset, variable: str) -> pd.DataFrame:
    if variable not in ds.catalogue or ds.catalogue[variable].kind != "count":
        known = [i for i, ind in ds.catalogue.items() if ind.kind == "count"]
        raise NotACount(msg("err_not_a_count", variable=variable, geography=ds.geography.id, known=known))
    v = ds.values[ds.values["indicator"] == variable]
    return v[v["area_code"] != ds.geography.reference_code]


def segregation(
    ds: Dataset,
    *,
    group: str,
    total: str,
    years: list[int] | None = None,
    permutations: int = PERMUTATIONS,
    seed: int = SEED,
) -> Segregation:
    """Dissimilarity, isolation, entropy and p-value of ``group`` within ``total`` per year.

    Parameters
    ----------
    ds
        A loaded geography (disclosure applied: suppressed counts are left out and named).
    group, total
        Count indicators of ``ds`` (e.g. ``zensus_foreigners`` and ``zensus_population``).
    years
        Years to compute (default: every year with both counts).
    permutations, seed
        Of the p-value (see :func:`indices`).
    """
    g, t = _counts(ds, group), _counts(ds, total)
    both = sorted(set(g["year"]) & set(t["year"]))
    out = []
    for year in both if years is None else [y for y in both if y in set(years)]:
        gy = g[g["year"] == year].set_index("area_code")
        ty = t[t["year"] == year].set_index("area_code")
        codes = sorted(set(gy.index) | set(ty.index))
        gy, ty = gy.reindex(codes), ty.reindex(codes)
        bad = (
            gy["suppressed"].fillna(True).astype(bool)
            | ty["suppressed"].fillna(True).astype(bool)
            | gy["value"].isna()
            | ty["value"].isna()
        )
        ok = ~bad & (ty["value"] > 0) & (gy["value"] <= ty["value"])
        left_out = tuple(str(c) for c in np.asarray(codes)[~ok.to_numpy()])
        gv, tv = gy.loc[ok, "value"].to_numpy(float), ty.loc[ok, "value"].to_numpy(float)
        if len(gv) < 2 or gv.sum() <= 0 or gv.sum() >= tv.sum():
            out.append(SegregationYear(int(year), None, None, None, None, int(len(gv)), left_out))
            continue
        d, iso, h, p = indices(gv, tv, permutations=permutations, seed=seed)
        out.append(SegregationYear(int(year), d, iso, h, p, int(len(gv)), left_out))
    return Segregation(ds.geography.id, group, total, out)


def counts_on(geography: str, group: str, total: str) -> dict[str, tuple[str, str]]:
    """The same counts on every geography that has them (for the MAUP comparison); empty if none is known.

    Each shipped geography names its counts in ``same_counts`` (``shapes/geographies.yaml``):
    ``name: [group, total]``; the same ``name`` on two geographies counts the same people.
    """
    from geo.geographies import shipped_geographies

    geos = shipped_geographies()
    mine = geos[geography].same_counts if geography in geos else ()
    names = {name for name, g, t in mine if (g, t) == (group, total)}
    return {gid: (g, t) for gid, geo in geos.items() for name, g, t in geo.same_counts if name in names}
