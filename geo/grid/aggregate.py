"""Census grid cells shared out to any district geography.

A cell's values go to the districts it overlaps with two weights, side by side
as in the custom-area estimates (:class:`geo.spatial.estimate.Estimator`, whose
weights are reused here, one district at a time):

``areal``
    the share of the cell's surface inside the district;
``dasymetric``
    the share of the cell's official address points inside the district
    (a cell without address points falls back to its areal share). Address
    points are known inside the city only, so a cell crossing the city border
    gives the city the share of its surface inside it (``share_in_city``) and
    spreads that share over the districts by address points.

Counts are summed with these weights. Shares and means published per cell are
turned back into numerator (value × cell population) and denominator (cell
population where the value is known), both summed, and recomputed as their
ratio: a population-weighted mean, an estimate. Disclosure control applies to
the result (:func:`indicators.compute.disclosure.apply_disclosure`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.spatial.estimate import METHODS, Estimator
from indicators.catalogue import Indicator
from indicators.compute.disclosure import MIN_COUNT, apply_disclosure
from indicators.compute.rates import compute_indicators
from indicators.dataset import Dataset
from indicators.ingest.grid import GridTable
from indicators.ingest.report import Report
from indicators.wording.message import Message, msg
from indicators.wording.voice import GERMAN, Voice

NUM, DEN = "__num", "__den"


@dataclass(frozen=True)
class _GridGeo:
    id: str = "grid"
    reference_code: str | None = None
    attribution: str = ""
    place: str = ""

    def label(self, *, voice: Voice = GERMAN) -> str:
        """The grid's name in ``voice``'s language (``Gitter`` / ``Grid``)."""
        return voice.t("grid_label")

    def reference_label(self, *, voice: Voice = GERMAN) -> str:  # noqa: ARG002 (the GeographyInfo protocol signature)
        return ""

    def cache_key(self) -> tuple[object, ...]:
        """No files behind an aggregate: its id is the key."""
        return (self.id,)


@dataclass
class GridAggregate:
    """Aggregated values: long ``area_code, variable, method, value, kind, suppressed``."""

    grid: str
    to: str
    year: int
    values: pd.DataFrame
    counts: pd.DataFrame  # unsuppressed sums per area, method and variable (for checks and builds)
    notes: list[Message] = field(default_factory=list)  # rendered by whoever shows the result

    def to_json_dict(self, digits: int = 4) -> dict[str, Any]:
        rows = [
            {
                "area_code": r.area_code,
                "variable": r.variable,
                "method": r.method,
                "value": None if r.suppressed or pd.isna(r.value) else round(float(r.value), digits),
            }
            for r in self.values.itertuples()
        ]
        return {"grid": self.grid, "to": self.to, "year": self.year, "values": rows}

    def to_text(self, *, voice: Voice = GERMAN) -> str:
        """Table for the command line in ``voice``'s language: one line per area and variable, both methods
        (counts whole, others 2 decimals), then the notes."""
        w = self.values.pivot_table(
            index=["area_code", "variable"], columns="method", values="value", aggfunc="first", dropna=False
        )
        kinds = dict(zip(self.values["variable"], self.values["kind"]))
        c = voice.t
        lines = [
            c("grid_agg_head", grid=self.grid, to=self.to, year=self.year),
            f"{c('grid_agg_col_area'):<8} {c('grid_agg_col_variable'):<34} {c('grid_agg_col_areal'):>12} "
            f"{c('grid_agg_col_addresses'):>12}",
        ]
        for (area, var), r in w.iterrows():
            d = 0 if kinds.get(var) == "count" else 2
            cells = [voice.number(r.get(m), d) for m in METHODS]
            lines.append(f"{area:<8} {var[:34]:<34} {cells[0]:>12} {cells[1]:>12}")
        return "\n".join([*lines, *(voice.text(n) for n in self.notes)])


def helper_table(grid: GridTable) -> pd.DataFrame:
    """Additive columns per cell (index cell_id): counts, and numerator/denominator of each mean."""
    wide = grid.wide()
    pop = wide[grid.weight] if grid.weight else pd.Series(1.0, index=wide.index)
    cols = {}
    for var, kind in grid.kinds.items():
        if kind == "count":
            cols[var] = wide[var]
        else:
            known = wide[var].notna() & pop.notna()
            cols[var + NUM] = (wide[var] * pop).where(known)
            cols[var + DEN] = pop.where(known)
    return pd.DataFrame(cols, index=wide.index)


def aggregate_catalogue(grid: GridTable) -> dict[str, Indicator]:
    """Counts as counts, means and shares as rates of their helper columns (labelled in German and English)."""
    out = {}
    key = "grid_agg_estimate_weighted" if grid.weight else "grid_agg_estimate"
    for var, kind in grid.kinds.items():
        if kind == "count":
            out[var] = Indicator(var, var, var, "count", "")
        else:
            out[var] = Indicator(
                var,
                GERMAN.t(key, variable=var),
                Voice.of("en").t(key, variable=var),
                "rate",
                "",
                numerator=(var + NUM,),
                denominator=(var + DEN,),
            )
    return out


def district_sums(
    grid: GridTable, squares: gpd.GeoDataFrame, targets: gpd.GeoDataFrame, addresses: gpd.GeoDataFrame | None = None
) -> pd.DataFrame:
    """Weighted sums of the helper columns: index (area_code, method), one column per helper.

    ``squares``: cell squares (code = cell id, EPSG:25832); ``targets``: districts
    (code, name, geometry, EPSG:25832).
    """
    helpers = helper_table(grid).reindex(squares["code"])
    cat = {c: Indicator(c, c, c, "count", "") for c in helpers.columns}
    tidy = pd.DataFrame(
        {
            "area_code": np.repeat(squares["code"].to_numpy(), len(cat)),
            "year": 0,
            "variable": np.tile(list(cat), len(squares)),
            "value": 0.0,
        }
    )
    ds = Dataset(
        _GridGeo(), squares[["code", "name", "geometry"]], tidy.head(len(cat)), cat, {}, pd.DataFrame(), Report("grid")
    )
    est = Estimator(ds, addresses)
    pos = pd.Series(np.arange(len(squares)), index=squares["code"].to_numpy())
    h = helpers.to_numpy(dtype=float)
    in_city = squares["share_in_city"].to_numpy(float) if "share_in_city" in squares else np.ones(len(squares))
    rows, index = [], []
    for code, geom in zip(targets["code"].astype(str), targets.geometry.values):
        w = est.weights(geom)
        idx = pos.reindex(w["code"]).to_numpy()
        # address points exist only inside the city: a border cell gives the city its area share
        # and spreads that over the districts by address points
        dasy = np.where(w["addresses_total"] > 0, w["dasymetric"] * in_city[idx], w["dasymetric"])
        for m, weight in zip(METHODS, (w["areal"].to_numpy(), dasy)):
            rows.append(np.nansum(weight[:, None] * h[idx], axis=0) if len(idx) else np.zeros(h.shape[1]))
            index.append((code, m))
    return pd.DataFrame(
        rows, index=pd.MultiIndex.from_tuples(index, names=["area_code", "method"]), columns=helpers.columns
    )


def aggregate_grid(
    grid: GridTable,
    squares: gpd.GeoDataFrame,
    targets: gpd.GeoDataFrame,
    *,
    names: tuple[str, str] = ("grid", "stadtteile"),
    year: int = 0,
    addresses: gpd.GeoDataFrame | None = None,
    min_count: int = MIN_COUNT,
) -> GridAggregate:
    """Share the grid's counts, shares and means out to ``targets`` by both methods."""
    sums = district_sums(grid, squares, targets, addresses)
    cat = aggregate_catalogue(grid)
    # one pass for both methods: the method is carried as the "year" (relations stay within a method)
    tidy = sums.stack().rename("value").reset_index()
    tidy.columns = ["area_code", "method", "variable", "value"]
    tidy["year"] = tidy["method"].map({m: i for i, m in enumerate(METHODS)})
    v = compute_indicators(tidy.drop(columns="method"), cat)
    v = apply_disclosure(v, cat, min_count, reference_code=None)
    v["method"] = v["year"].map(dict(enumerate(METHODS)))
    out = pd.DataFrame(
        {
            "area_code": v["area_code"],
            "variable": v["indicator"],
            "method": v["method"],
            "value": v["value"],
            "kind": v["indicator"].map(lambda i: cat[i].kind),
            "suppressed": v["suppressed"],
        }
    )
    out = out.sort_values(["area_code", "variable", "method"]).reset_index(drop=True)
    notes = [
        msg("grid_agg_note_methods"),
        msg("grid_agg_note_weighted" if grid.weight else "grid_agg_note_unweighted"),
        msg("grid_agg_note_min_count", min=min_count),
    ]
    return GridAggregate(names[0], names[1], year, out, sums, notes)
