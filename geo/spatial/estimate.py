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

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from shapely.geometry import shape

from geo.spatial.addresses import load_addresses, points_area_codes
from indicators.catalogue import Indicator
from indicators.compute.disclosure import apply_disclosure
from indicators.dataset import Dataset
from indicators.errors import InputError
from indicators.formatting import fmt_number
from indicators.ingest.report import Report
from indicators.wording import t

METHODS = ("areal", "dasymetric")
MAX_RADIUS_M = 20_000
# Protection against differencing two custom areas (e.g. a 500 m and a 510 m circle):
# no estimate below a minimum population (address-point method), published counts
# rounded to a base, rates recomputed from the rounded counts.
ENV_MIN_POPULATION = "SOZIALMONITOR_ESTIMATE_MIN_POPULATION"
ENV_ROUND_BASE = "SOZIALMONITOR_ESTIMATE_ROUND_BASE"
DEFAULT_MIN_POPULATION = 300
DEFAULT_ROUND_BASE = 5
POPULATION_VAR = "population_total"
_TO_METRIC = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)


class EstimateError(InputError):
    """The custom area cannot be used (message in German, says why)."""


def _env_number(name: str, default: int) -> int:
    try:
        return max(0, int(float(os.environ.get(name, default))))
    except ValueError:
        return default


def protection() -> tuple[int, int]:
    """(minimum population, rounding base) for custom-area estimates, from the environment."""
    return _env_number(ENV_MIN_POPULATION, DEFAULT_MIN_POPULATION), max(1, _env_number(ENV_ROUND_BASE,
                                                                                       DEFAULT_ROUND_BASE))


def round_to_base(values: np.ndarray, base: int) -> np.ndarray:
    """Counts rounded to a multiple of ``base`` (halves up), NaN kept."""
    return np.floor(np.asarray(values, dtype=float) / base + 0.5) * base


# --- building the custom polygon -----------------------------------------

def _check_lonlat(lon: float, lat: float) -> None:
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise EstimateError(f"Koordinaten außerhalb des gültigen Bereichs: Länge {lon}, Breite {lat} "
                            "(erwartet WGS84-Grad, z. B. Länge 10.686, Breite 53.868).")


def circle(lon: float, lat: float, radius_m: float) -> shapely.Polygon:
    """Circle of ``radius_m`` metres around a WGS84 point, in EPSG:25832."""
    _check_lonlat(lon, lat)
    if not 0 < radius_m <= MAX_RADIUS_M:
        raise EstimateError(f"Radius {radius_m} m ungültig: erlaubt sind mehr als 0 bis {MAX_RADIUS_M} m.")
    x, y = _TO_METRIC.transform(lon, lat)
    return shapely.Point(x, y).buffer(radius_m, quad_segs=32)


def geometry_from_geojson(obj: dict | list | str) -> shapely.Geometry:
    """Polygon (EPSG:25832) from GeoJSON in EPSG:4326, e.g. folium Draw's ``all_drawings``.

    Accepts a geometry, a Feature, a FeatureCollection or a list of Features;
    several polygons are united. A Point with a ``radius`` property (a drawn
    circle) becomes that circle.
    """
    if isinstance(obj, str):
        try:
            obj = json.loads(obj)
        except json.JSONDecodeError as exc:
            raise EstimateError(f"GeoJSON nicht lesbar (Zeichen {exc.pos}): {exc.msg}") from None
    if isinstance(obj, dict) and obj.get("type") == "FeatureCollection":
        obj = obj.get("features") or []
    features = obj if isinstance(obj, list) else [obj]
    parts = []
    for i, feat in enumerate(features, start=1):
        if not isinstance(feat, dict):
            raise EstimateError(f"GeoJSON-Objekt {i}: kein Objekt")
        geom = feat.get("geometry", feat) if feat.get("type") == "Feature" else feat
        props = feat.get("properties") or {}
        try:
            g = shape(geom)
        except Exception as exc:  # shapely raises several types for malformed GeoJSON
            raise EstimateError(f"GeoJSON-Objekt {i}: Geometrie nicht lesbar ({exc})") from None
        if g.geom_type == "Point" and props.get("radius"):
            parts.append(circle(g.x, g.y, float(props["radius"])))
            continue
        if g.geom_type not in ("Polygon", "MultiPolygon"):
            raise EstimateError(f"GeoJSON-Objekt {i}: {g.geom_type} ist keine Fläche (Polygon oder Kreis erwartet).")
        bounds = g.bounds
        if not (bounds[0] >= -180 and bounds[2] <= 180 and bounds[1] >= -90 and bounds[3] <= 90):
            raise EstimateError(f"GeoJSON-Objekt {i}: Koordinaten sind keine WGS84-Grad (EPSG:4326).")
        parts.append(shapely.make_valid(shapely.transform(g, lambda c: np.column_stack(_TO_METRIC.transform(c[:, 0], c[:, 1])))))
    if not parts:
        raise EstimateError("GeoJSON enthält keine Fläche.")
    return shapely.union_all(parts)


def geometry_from_file(path: str | Path, name: str | None = None) -> tuple[shapely.Geometry | None, Report]:
    """Union of all polygons of a vector file (EPSG:25832), with the reading report."""
    from geo.boundaries import read_vector

    gdf, report = read_vector(path, name=name)
    if gdf is None:
        return None, report
    return shapely.union_all(gdf.geometry.values), report


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
    notes: list[str] = field(default_factory=list)

    def wide(self, lang: str = "de") -> pd.DataFrame:
        """One row per variable: both methods, and low/high as the uncertainty range."""
        w = self.table.set_index(["variable", "method"])["value"].unstack("method")
        w.columns.name = None
        meta = self.table.drop_duplicates("variable").set_index("variable")[["label", "kind"]]
        w = meta.join(w).reset_index()
        for m in METHODS:
            if m not in w:
                w[m] = np.nan
        w["low"] = w[list(METHODS)].min(axis=1, skipna=False)
        w["high"] = w[list(METHODS)].max(axis=1, skipna=False)
        return w[["variable", "label", "kind", *METHODS, "low", "high"]]

    def value(self, variable: str, method: str) -> float:
        sel = self.table[(self.table["variable"] == variable) & (self.table["method"] == method)]
        return float(sel["value"].iloc[0]) if len(sel) else float("nan")

    def to_text(self, attribution: str = "", lang: str = "de") -> str:
        """Plain-text table for the command line (German number format)."""
        lines = [f"{t('q_area', lang)}: {fmt_number(self.area_km2, 3, lang)} km², "
                 f"{t('q_year', lang)} {self.year}",
                 f"{t('q_variable', lang):<40} {t('q_method_areal', lang):>14} "
                 f"{t('q_method_dasymetric', lang):>14}"]
        for r in self.wide(lang).itertuples():
            d = 0 if r.kind == "count" else 1
            lines.append(f"{r.label[:40]:<40} {fmt_number(r.areal, d, lang):>14} "
                         f"{fmt_number(r.dasymetric, d, lang):>14}")
        for c in self.contributions.itertuples():
            lines.append(f"  {c.code} {c.name}: {t('q_area_share', lang)} "
                         f"{fmt_number(100 * c.areal, 1, lang)} %, {t('q_addresses', lang)} "
                         f"{c.addresses_inside} {t('q_of', lang)} {c.addresses_total}")
        return "\n".join([*lines, *self.notes, *([attribution] if attribution else [])])

    def to_json_dict(self, digits: int = 2) -> dict:
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
        self.count_vars = [i.id for i in ds.catalogue.values() if i.kind == "count"
                           and i.id in ds.table.variables]
        # residents for the minimum-population rule: the register's population, or a census grid's
        # cell population (its catalogue marks it ``grid_weight``)
        weight = [i.id for i in ds.catalogue.values() if i.extra.get("grid_weight") and i.id in self.count_vars]
        self.population_var = POPULATION_VAR if POPULATION_VAR in self.count_vars else next(iter(weight), None)
        self.rate_inds = [i for i in ds.catalogue.values() if i.kind == "rate"
                          and i.inputs() <= set(self.count_vars) | {"area_km2"}]
        t = raw[raw["variable"].isin(self.count_vars) & raw["area_code"].isin(pos)]
        self.counts = {int(y): g.pivot(index="area_code", columns="variable", values="value")
                       .reindex(index=self.areas["code"], columns=self.count_vars)
                       for y, g in t.groupby("year")}

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
        out = pd.DataFrame({"code": self.areas["code"].to_numpy()[idx], "name": self.areas["name"].to_numpy()[idx],
                            "area_inside_km2": inter / 1e6, "areal": areal, "addresses_inside": n_in,
                            "addresses_total": n_all, "dasymetric": dasy})
        return out[(out["areal"] > 0) | (out["addresses_inside"] > 0)].sort_values("code").reset_index(drop=True)

    def estimate(self, geom: shapely.Geometry, year: int | None = None,
                 variables: list[str] | None = None, lang: str = "de") -> EstimateResult:
        """Estimate counts and rates inside ``geom`` (EPSG:25832).

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
            raise EstimateError("Die Auswahl ist leer oder hat keine Fläche.")
        year = self.years[-1] if year is None else int(year)
        if year not in self.counts:
            raise EstimateError(f"Keine Zählwerte für {year}; verfügbar: {self.years[0]}–{self.years[-1]}.")
        unknown = sorted(set(variables or []) - set(self.count_vars))
        if unknown:
            raise EstimateError(f"Keine Zählvariable(n): {', '.join(unknown)}. Möglich: {', '.join(self.count_vars)}.")
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
        known = {v: est[:, j] for j, v in enumerate(variables)}
        known["area_km2"] = np.full(len(METHODS), area_km2)
        rows = [(v, known[v], known[v], np.full(len(METHODS), np.nan)) for v in variables]
        rows += [(ind.id, *_rate(ind, known)) for ind in self.rate_inds if ind.inputs() <= known.keys()]
        n = len(METHODS)
        vals = pd.DataFrame({
            "area_code": np.tile(METHODS, len(rows)), "year": year,
            "indicator": np.repeat([r[0] for r in rows], n),
            "value": np.concatenate([r[1] for r in rows]),
            "numerator": np.concatenate([r[2] for r in rows]),
            "denominator": np.concatenate([r[3] for r in rows]),
        })
        # each method is its own "area"; there is no whole-city row among them
        vals = apply_disclosure(vals, self.ds.catalogue, self.ds.min_count, reference_code=None)
        if too_small:
            vals["suppressed"] = True
        cat = self.ds.catalogue
        table = pd.DataFrame({
            "variable": vals["indicator"], "label": [cat[i].label(lang) for i in vals["indicator"]],
            "kind": [cat[i].kind for i in vals["indicator"]], "method": vals["area_code"],
            "value": vals["value"], "suppressed": vals["suppressed"],
        })
        notes = self._notes(geom, w, area_km2, lang)
        if too_small:
            notes.insert(0, t("q_too_few_residents", lang, min_pop=min_pop))
        return EstimateResult(area_km2, year, table, w, notes)

    def _residents(self, w: pd.DataFrame, year: int, weights: np.ndarray) -> float:
        """Residents inside by the address-point method (NaN without a population count)."""
        if self.population_var is None or not len(w):
            return float("nan") if self.population_var is None else 0.0
        pop = self.counts[year].loc[w["code"], self.population_var].to_numpy(dtype=float)
        return float(weights[list(METHODS).index("dasymetric")] @ pop)

    def _notes(self, geom: shapely.Geometry, w: pd.DataFrame, area_km2: float, lang: str) -> list[str]:
        notes = [f"{t(f'q_method_{m}', lang)}: {t(f'q_method_note_{m}', lang)}" for m in METHODS]
        outside = 1 - w["area_inside_km2"].sum() / area_km2 if area_km2 else 0
        if outside > 0.001:
            notes.append(t("q_outside_share", lang, share=f"{outside:.0%}"))
        if len(w) == 0:
            notes.append(t("q_the_selection_touches_no", lang))
        min_pop, base = protection()
        notes.append(t("q_protection_note", lang, base=base, min_pop=min_pop, n=self.ds.min_count))
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


@lru_cache(maxsize=4)
def default_estimator(geography: str = "stadtteile") -> Estimator:
    """Estimator for a shipped geography, built once per process."""
    from geo.geographies import get_geography
    from geo.loading import load_dataset

    return Estimator(load_dataset(get_geography(geography)))


def estimate(geom: shapely.Geometry, year: int | None = None, variables: list[str] | None = None,
             estimator: Estimator | None = None, lang: str = "de") -> EstimateResult:
    """Estimate counts and rates inside ``geom`` (EPSG:25832); see :meth:`Estimator.estimate`."""
    return (estimator or default_estimator()).estimate(geom, year, variables, lang)


def geometry_from_options(lon: float | None = None, lat: float | None = None, radius: float | None = None,
                          polygon: str | None = None) -> shapely.Geometry:
    """The area of ``cli.py estimate``: a circle (lon, lat, radius) or a polygon file.

    Raises :class:`EstimateError` for a wrong combination or an unusable file.
    """
    circle_args = (lon, lat, radius)
    if polygon and any(v is not None for v in circle_args):
        raise EstimateError("entweder --polygon oder --lon/--lat/--radius angeben, nicht beides.")
    if polygon:
        geom, report = geometry_from_file(polygon)
        if geom is None:
            raise EstimateError(report.to_text())
        return geom
    if lon is None or lat is None or radius is None:
        raise EstimateError("--lon, --lat und --radius zusammen angeben (oder --polygon DATEI).")
    return circle(lon, lat, radius)
