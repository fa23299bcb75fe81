"""Estimates for a custom area: a radius, a drawn shape or an uploaded polygon.

Counts known per area (Stadtteil) are shared out to the custom polygon by two
methods:

``areal``
    each area's count times the share of the area's surface inside the polygon;
``dasymetric``
    each area's count spread evenly over its official address points, summed
    over the address points inside the polygon (people live where addresses are).

Rates are recomputed from the estimated counts with the catalogue's formula
(as in :func:`indicators.compute.rates.compute_indicator`), never averaged. The two methods
bracket the estimate: their range is reported as its uncertainty. Disclosure
control (:func:`indicators.compute.disclosure.apply_disclosure`) applies to the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.spatial.addresses import load_addresses, points_area_codes
from geo.spatial.protection import protection, round_to_base
from geo.spatial.shapes import MAX_RADIUS_M as MAX_RADIUS_M  # the polygon builders, re-exported for callers
from geo.spatial.shapes import EstimateError as EstimateError
from geo.spatial.shapes import circle as circle
from geo.spatial.shapes import geometry_from_file as geometry_from_file
from geo.spatial.shapes import geometry_from_geojson as geometry_from_geojson
from geo.spatial.shapes import geometry_from_options as geometry_from_options
from indicators.catalogue import Indicator
from indicators.compute.disclosure import apply_disclosure
from indicators.dataset import Dataset
from indicators.errors import msg
from indicators.formatting import value_decimals
from indicators.wording.message import Message, Pair, Percent
from indicators.wording.voice import GERMAN, Voice

METHODS = ("areal", "dasymetric")
POPULATION_VAR = "population_total"


# --- the estimate --------------------------------------------------------


@dataclass
class EstimateResult:
    """Estimates for one custom polygon.

    ``table`` is long: ``variable, label, kind, method, value, suppressed``
    (counts, then rates recomputed from them). ``contributions`` lists the
    areas the polygon touches with both weights.
    """

    area_km2: float
    year: int
    table: pd.DataFrame
    contributions: pd.DataFrame
    notes: list[Message] = field(default_factory=list)  # rendered by whoever shows the result

    def wide(self, *, voice: Voice = GERMAN) -> pd.DataFrame:
        """One row per variable (labels in ``voice``'s language): both methods, and low/high as the uncertainty range."""
        w = self.table.set_index(["variable", "method"])["value"].unstack("method")
        w.columns.name = None
        meta = self.table.drop_duplicates("variable").set_index("variable")[["label", "kind"]]
        meta = meta.assign(label=[voice.text(label) for label in meta["label"]])
        w = meta.join(w).reset_index()
        for m in METHODS:
            if m not in w:
                w[m] = np.nan
        w["low"] = w[list(METHODS)].min(axis=1, skipna=False)
        w["high"] = w[list(METHODS)].max(axis=1, skipna=False)
        return w[["variable", "label", "kind", *METHODS, "low", "high"]]

    @staticmethod
    def decimals(wide: pd.DataFrame) -> list[int]:
        """Decimals per row of :meth:`wide`: counts none, a rate or value as its values need
        (:func:`~indicators.formatting.value_decimals`: 6.235 residents per km², not 6.235,0)."""
        return [
            value_decimals(k, pd.Series([a, b])) for k, a, b in zip(wide["kind"], wide["areal"], wide["dasymetric"])
        ]

    def value(self, variable: str, method: str) -> float:
        sel = self.table[(self.table["variable"] == variable) & (self.table["method"] == method)]
        return float(sel["value"].iloc[0]) if len(sel) else float("nan")

    def to_text(self, attribution: str = "", *, voice: Voice = GERMAN) -> str:
        """Plain-text table for the command line, in ``voice``'s language and number format."""
        wide = self.wide(voice=voice)
        n = max([40, *(len(str(label)) for label in wide["label"])])  # labels whole, never cut
        lines = [
            f"{voice.t('q_area')}: {voice.number(self.area_km2, 3)} km², {voice.t('q_year')} {self.year}",
            f"{voice.t('q_variable'):<{n}} {voice.t('q_method_areal'):>14} {voice.t('q_method_dasymetric'):>14}",
        ]
        for r, d in zip(wide.itertuples(), self.decimals(wide)):
            lines.append(f"{r.label:<{n}} {voice.number(r.areal, d):>14} {voice.number(r.dasymetric, d):>14}")
        for c in self.contributions.itertuples():
            lines.append(
                f"  {c.code} {c.name}: {voice.t('q_area_share')} "
                f"{voice.number(100 * c.areal, 1)} %, {voice.t('q_addresses')} "
                f"{c.addresses_inside} {voice.t('q_of')} {c.addresses_total}"
            )
        notes = [voice.text(n) for n in self.notes]
        return "\n".join([*lines, *notes, *([attribution] if attribution else [])])

    def to_json_dict(self, digits: int = 2) -> dict[str, Any]:
        """``{"area_km2": …, "estimates": [{"variable", "method", "value"}, …]}``; suppressed → null."""
        est = []
        for r in self.table.itertuples():
            v = None if r.suppressed or pd.isna(r.value) else round(float(r.value), digits)
            est.append({"variable": r.variable, "method": r.method, "value": v})
        return {"area_km2": round(self.area_km2, 6), "estimates": est}


class Estimator:
    """Shares area counts out to custom polygons; spatial indexes built once.

    Parameters
    ----------
    ds
        The dataset whose area counts are shared out (its ``table`` holds the
        unsuppressed input counts; the result goes through disclosure control).
    addresses
        Address points (EPSG:25832); default the shipped ones.
    """

    def __init__(self, ds: Dataset, addresses: gpd.GeoDataFrame | None = None) -> None:
        self.ds = ds
        self.areas = ds.areas.reset_index(drop=True)
        self.geoms = self.areas.geometry.values.copy()
        shapely.prepare(self.geoms)
        self.area_m2 = shapely.area(self.geoms)
        self.tree = shapely.STRtree(self.geoms)
        pts = load_addresses() if addresses is None else addresses
        codes = points_area_codes(pts.geometry, self.areas)
        pos = {c: i for i, c in enumerate(self.areas["code"])}
        area_idx = np.array([pos.get(c, -1) for c in codes])
        inside = area_idx >= 0
        self.pt_geoms = np.asarray(pts.geometry.values)[inside]
        self.pt_area = area_idx[inside]
        self.pt_tree = shapely.STRtree(self.pt_geoms)
        self.n_addr = np.bincount(self.pt_area, minlength=len(self.areas))
        raw = ds.table.unprotected()  # shared out below; what touches a hidden cell is withheld
        self.count_vars = [i.id for i in ds.catalogue.values() if i.kind == "count" and i.id in ds.table.variables]
        # residents for the minimum-population rule: the register's population, or a census grid's
        # cell population (its catalogue marks it ``grid_weight``)
        weight = [i.id for i in ds.catalogue.values() if i.extra.get("grid_weight") and i.id in self.count_vars]
        self.population_var = POPULATION_VAR if POPULATION_VAR in self.count_vars else next(iter(weight), None)
        self.rate_inds = [
            i for i in ds.catalogue.values() if i.kind == "rate" and i.inputs() <= set(self.count_vars) | {"area_km2"}
        ]
        t = raw[raw["variable"].isin(self.count_vars) & raw["area_code"].isin(pos)]
        self.counts = {
            int(y): g.pivot(index="area_code", columns="variable", values="value").reindex(
                index=self.areas["code"], columns=self.count_vars
            )
            for y, g in t.groupby("year")
        }
        self.unsafe = {y: self._unsafe(y, c) for y, c in self.counts.items()}

    def _unsafe(self, year: int, counts: pd.DataFrame) -> pd.DataFrame:
        """Areas × count variables whose count is small or suppressed in the dataset's outputs.

        An estimate that touches such an area is withheld for that variable: shares of
        published counts reveal nothing, but a slice of a hidden count could be recovered by
        differencing two polygons (a whole published area, then the same plus a growing slice).
        """
        unsafe = (counts < self.ds.min_count).fillna(False).astype(bool)
        v = self.ds.values
        if len(v) and {"suppressed", "indicator", "area_code", "year"} <= set(v.columns):
            hidden = v[v["suppressed"].astype(bool) & (v["year"] == year) & v["indicator"].isin(self.count_vars)]
            for var, g in hidden.groupby("indicator"):
                unsafe.loc[unsafe.index.isin(g["area_code"].astype(str)), var] = True
        return unsafe

    @property
    def years(self) -> list[int]:
        return sorted(self.counts)

    def weights(self, geom: shapely.Geometry) -> pd.DataFrame:
        """Per touched area: areal weight, address points inside, dasymetric weight."""
        shapely.prepare(geom)
        idx = self.tree.query(geom, predicate="intersects")
        # areas wholly inside need neither an intersection nor a point test
        full = shapely.contains(geom, self.geoms[idx])
        inter = self.area_m2[idx].copy()
        inter[~full] = shapely.area(shapely.intersection(self.geoms[idx[~full]], geom))
        n_in = self.n_addr[idx].copy()
        if (~full).any():
            cand = self.pt_tree.query(geom)  # bounding-box candidates only
            cand = cand[np.isin(self.pt_area[cand], idx[~full])]
            inside = shapely.intersects(geom, self.pt_geoms[cand])
            n_in[~full] = np.bincount(self.pt_area[cand[inside]], minlength=len(self.areas))[idx[~full]]
        areal = inter / self.area_m2[idx]
        n_all = self.n_addr[idx]
        # an area without address points falls back to its areal weight
        dasy = np.where(n_all > 0, n_in / np.maximum(n_all, 1), areal)
        out = pd.DataFrame(
            {
                "code": self.areas["code"].to_numpy()[idx],
                "name": self.areas["name"].to_numpy()[idx],
                "area_inside_km2": inter / 1e6,
                "areal": areal,
                "addresses_inside": n_in,
                "addresses_total": n_all,
                "dasymetric": dasy,
            }
        )
        return out[(out["areal"] > 0) | (out["addresses_inside"] > 0)].sort_values("code").reset_index(drop=True)

    def estimate(
        self, geom: shapely.Geometry, year: int | None = None, variables: list[str] | None = None
    ) -> EstimateResult:
        """Estimate counts and rates inside ``geom`` (EPSG:25832); labels and notes are rendered where shown.

        Parameters
        ----------
        geom
            Polygon or MultiPolygon in EPSG:25832 (see :func:`circle`,
            :func:`geometry_from_geojson`, :func:`geometry_from_file`).
        year
            Data year; default the latest.
        variables
            Count variables to estimate; default all count variables of the
            table. Rates whose inputs are all estimated are added.
        """
        if geom is None or geom.is_empty or geom.area <= 0:
            raise EstimateError(msg("err_est_empty_area"))
        year = self.years[-1] if year is None else int(year)
        if year not in self.counts:
            raise EstimateError(msg("err_est_no_year", year=year, first=self.years[0], last=self.years[-1]))
        unknown = sorted(set(variables or []) - set(self.count_vars))
        if unknown:
            raise EstimateError(msg("err_est_unknown_vars", unknown=unknown, known=list(self.count_vars)))
        variables = variables or self.count_vars
        w = self.weights(geom)
        counts = self.counts[year].loc[w["code"], variables].to_numpy(dtype=float)
        area_km2 = geom.area / 1e6
        weights = w[list(METHODS)].to_numpy().T  # methods × touched areas
        # a missing count in any touched area makes that estimate NaN
        est = weights @ counts if len(w) else np.zeros((len(METHODS), len(variables)))
        min_pop, base = protection()
        residents = self._residents(w, year, weights)
        too_small = not residents >= min_pop  # NaN (no population known) is too small as well
        est = round_to_base(est, base)  # published counts; differences of two areas are multiples of base
        if too_small:
            est[:] = np.nan
        withheld = [v for v in variables if self.unsafe[year].loc[w["code"], v].any()] if len(w) else []
        for v in withheld:
            est[:, variables.index(v)] = np.nan
        known = {v: est[:, j] for j, v in enumerate(variables)}
        known["area_km2"] = np.full(len(METHODS), area_km2)
        rows = [(v, known[v], known[v], np.full(len(METHODS), np.nan)) for v in variables]
        rows += [(ind.id, *_rate(ind, known)) for ind in self.rate_inds if ind.inputs() <= known.keys()]
        n = len(METHODS)
        vals = pd.DataFrame(
            {
                "area_code": np.tile(METHODS, len(rows)),
                "year": year,
                "indicator": np.repeat([r[0] for r in rows], n),
                "value": np.concatenate([r[1] for r in rows]),
                "numerator": np.concatenate([r[2] for r in rows]),
                "denominator": np.concatenate([r[3] for r in rows]),
            }
        )
        # each method is its own "area"; there is no whole-city row among them
        vals = apply_disclosure(vals, self.ds.catalogue, self.ds.min_count, reference_code=None)
        if too_small:
            vals["suppressed"] = True
        built_on = {i.id for i in self.rate_inds if i.inputs() & set(withheld)} | set(withheld)
        vals.loc[vals["indicator"].isin(built_on), ["suppressed"]] = True
        vals.loc[vals["suppressed"], ["value", "numerator", "denominator"]] = np.nan
        cat = self.ds.catalogue
        table = pd.DataFrame(
            {
                "variable": vals["indicator"],
                "label": [Pair(cat[i].label("de"), cat[i].label("en")) for i in vals["indicator"]],
                "kind": [cat[i].kind for i in vals["indicator"]],
                "method": vals["area_code"],
                "value": vals["value"],
                "suppressed": vals["suppressed"],
            }
        )
        notes = self._notes(w, area_km2)
        missing = [v for v in variables if self.counts[year][v].isna().all()]
        if missing and not too_small:  # "–" needs a reason: e.g. the Zensus 2011 counts in another year
            have = sorted({y for y, c in self.counts.items() if c[missing].notna().any().any()})
            notes.insert(0, msg("q_no_values_this_year", n=len(missing), year=year, years=have or "–"))
        if too_small:
            notes.insert(0, msg("q_too_few_residents", min_pop=min_pop))
        elif withheld:
            notes.insert(
                0, msg("dc_est_withheld", names=[Pair(cat[v].label("de"), cat[v].label("en")) for v in withheld])
            )
        return EstimateResult(area_km2, year, table, w, notes)

    def _residents(self, w: pd.DataFrame, year: int, weights: np.ndarray) -> float:
        """Residents inside by the address-point method (NaN without a population count).

        A suppressed or small population counts as 0: the minimum-population rule must not
        step where a slice of a hidden count crosses the threshold.
        """
        if self.population_var is None or not len(w):
            return float("nan") if self.population_var is None else 0.0
        pop = self.counts[year].loc[w["code"], self.population_var].to_numpy(dtype=float)
        pop = np.where(self.unsafe[year].loc[w["code"], self.population_var].to_numpy(), 0.0, pop)
        return float(weights[list(METHODS).index("dasymetric")] @ pop)

    def _notes(self, w: pd.DataFrame, area_km2: float) -> list[Message]:
        notes = [msg("q_method_line", method=msg(f"q_method_{m}"), note=msg(f"q_method_note_{m}")) for m in METHODS]
        outside = 1 - w["area_inside_km2"].sum() / area_km2 if area_km2 else 0
        if outside > 0.001:
            notes.append(msg("q_outside_share", share=Percent(100 * outside, 0)))  # "51 %"
        if len(w) == 0:
            notes.append(msg("q_the_selection_touches_no"))
        min_pop, base = protection()
        notes.append(msg("q_protection_note", base=base, min_pop=min_pop, n=self.ds.min_count))
        return notes


def _rate(ind: Indicator, known: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(value, numerator, denominator) of a rate from estimated counts.

    The same formula as :func:`indicators.compute.rates.compute_indicator` (signed sums,
    times factor), on arrays: that function's pandas overhead would cost ~8 ms
    per indicator and estimate. ``tests/geo/spatial/test_estimate.py`` checks both agree.
    """

    def signed(terms: tuple[str, ...]) -> np.ndarray:
        n = len(next(iter(known.values()))) if known else 0
        return sum(((-known[t[1:]] if t.startswith("-") else known[t]) for t in terms), np.zeros(n))

    num, den = signed(ind.numerator), signed(ind.denominator)
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(den != 0, num / den * ind.factor, np.nan)
    return value, num, den


def default_estimator(geography: str = "stadtteile") -> Estimator:
    """Estimator for a geography: a shipped one is built once per process; a saved dataset is
    read again each time (its versions and who may read it change while the process runs)."""
    from geo.geographies import get_geography, shipped_geographies
    from geo.loading import load_dataset

    if geography in shipped_geographies():
        return _shipped_estimator(geography)
    return Estimator(load_dataset(get_geography(geography)))


@lru_cache(maxsize=4)
def _shipped_estimator(geography: str) -> Estimator:
    from geo.geographies import get_geography
    from geo.loading import load_dataset

    return Estimator(load_dataset(get_geography(geography)))


def estimate(
    geom: shapely.Geometry,
    year: int | None = None,
    variables: list[str] | None = None,
    estimator: Estimator | None = None,
) -> EstimateResult:
    """Estimate counts and rates inside ``geom`` (EPSG:25832); see :meth:`Estimator.estimate`."""
    return (estimator or default_estimator()).estimate(geom, year, variables)
