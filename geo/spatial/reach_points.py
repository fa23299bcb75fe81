"""Demand and supply points of a reach analysis (:mod:`geo.spatial.reach`), in EPSG:25832.

Demand is either a count variable of a geography shared out evenly over the area's official
address points (as the ``dasymetric`` estimates of :mod:`geo.spatial.estimate` do), taken from
the disclosure-protected values of :func:`geo.loading.load_dataset`, or uploaded demand points
with a weight column. Supply is a shipped facility layer (:mod:`geo.spatial.facility_kinds`) or an
uploaded file read through the upload gate (:func:`geo.spatial.facilities.read_facilities`), with
an optional capacity column (capacity 1 without one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.crs import METRIC_CRS
from geo.spatial.addresses import load_addresses, points_area_codes
from geo.spatial.facilities import read_facilities
from geo.spatial.facility_kinds import KINDS, load_kind, source_line
from indicators.dataset import Dataset
from indicators.errors import InputError, msg, rendered
from indicators.ingest.roles import norm as _norm
from indicators.ingest.validate import parse_number
from indicators.wording.message import Message, Pair
from indicators.wording.voice import GERMAN, Voice


class ReachError(InputError):
    """Demand, facilities or options cannot be used (German message, says what and where)."""


@dataclass
class Points:
    """Demand or supply locations in EPSG:25832.

    Attributes
    ----------
    ids, xy, value
        Identifier, coordinates (n × 2) and demand weight or capacity of each point.
    codes
        Code of the area containing each point (``""`` outside every area).
    label
        What the points are, with source (printed beside every result; German).
    withheld
        Area codes whose count was withheld by disclosure control (no demand there).
    names
        Facility names (empty for demand).
    words
        ``label`` as a message, so :meth:`label_in` says it in another language (none: a file or source name).
    """

    ids: np.ndarray
    xy: np.ndarray
    value: np.ndarray
    codes: np.ndarray
    label: str
    withheld: list[str] = field(default_factory=list)
    names: np.ndarray | None = None
    words: Message | None = None

    def label_in(self, *, voice: Voice = GERMAN) -> str:
        """What the points are, in ``voice``'s language."""
        return voice.text(self.words) if self.words is not None else self.label

    def name(self, words: Message) -> None:
        """Say what the points are (``label`` is its German text)."""
        self.label, self.words = str(words), words

    def __len__(self) -> int:
        return len(self.ids)


def _xy(geoms: gpd.GeoSeries) -> np.ndarray:
    return np.column_stack([geoms.x.to_numpy(), geoms.y.to_numpy()]) if len(geoms) else np.zeros((0, 2))


def _column(frame: pd.DataFrame, name: str, what: Message) -> str:
    match = [c for c in frame.columns if c == name] or [c for c in frame.columns if _norm(c) == _norm(name)]
    if not match:
        cols = ", ".join(str(c) for c in frame.columns if c not in ("geometry", "row"))
        raise ReachError(msg("err_reach_no_column", name=name, what=what, cols=cols))
    found: str = match[0]
    return found


def _numbers(frame: pd.DataFrame, col: str, what: Message) -> np.ndarray:
    """Non-negative numbers of ``col`` (decimal comma or point); a bad row is named in the error."""
    out = np.empty(len(frame))
    for k, (row, raw) in enumerate(zip(frame.get("row", range(1, len(frame) + 1)), frame[col])):
        if isinstance(raw, (int, float, np.number)) and not isinstance(raw, bool):
            v: float | None = float(raw) if np.isfinite(raw) else None
        else:
            text = str(raw)
            v = parse_number(text, "," if "," in text and "." not in text else ".")
        if v is None or v < 0:
            raise ReachError(msg("err_reach_bad_number", row=row, col=col, what=what, raw=raw))
        out[k] = v
    return out


def demand_from_variable(
    *, ds: Dataset, variable: str, year: int | None = None, addresses: gpd.GeoDataFrame | None = None
) -> Points:
    """A count variable of ``ds`` shared out evenly over each area's address points.

    The counts are the disclosure-protected values of the dataset: an area whose count is
    withheld contributes no demand and is listed in ``withheld``.

    Parameters
    ----------
    ds
        Dataset from :func:`geo.loading.load_dataset`.
    variable
        A ``count`` indicator of the catalogue (e.g. ``pop_under18``).
    year
        Data year; default the latest year of the variable.
    addresses
        Address points (EPSG:25832); default the shipped ones.
    """
    ind = ds.catalogue.get(variable)
    if ind is None or ind.kind != "count":
        counts = sorted(i.id for i in ds.catalogue.values() if i.kind == "count")
        raise ReachError(msg("err_reach_not_count", variable=variable, known=list(counts)))
    rows = ds.values[(ds.values["indicator"] == variable)]
    years = sorted(int(y) for y in rows["year"].unique())
    if not years:
        raise ReachError(msg("err_reach_no_values", variable=variable))
    year = years[-1] if year is None else int(year)
    if year not in years:
        raise ReachError(msg("err_reach_no_year", variable=variable, year=year, first=years[0], last=years[-1]))
    rows = rows[rows["year"] == year].set_index("area_code")
    pts = load_addresses() if addresses is None else addresses
    codes = points_area_codes(pts.geometry, ds.areas)
    per_area = pd.Series(codes).value_counts()
    count = rows["value"].reindex(codes).to_numpy(dtype=float)
    n = per_area.reindex(codes).to_numpy(dtype=float)
    weight = np.where(np.isfinite(count) & (codes != ""), count / np.maximum(n, 1), 0.0)
    withheld = sorted(c for c in ds.areas["code"] if c not in rows.index or not np.isfinite(rows.at[c, "value"]))
    ids = pts["id"].astype(str).to_numpy() if "id" in pts.columns else np.arange(len(pts)).astype(str)
    label = Pair(de=ind.label(), en=ind.label(voice=Voice.of("en")))
    words = msg("reach_demand_spread", label=label, year=year)
    return Points(ids, _xy(pts.geometry), weight, codes, str(words), withheld, words=words)


def demand_from_points(*, path: str | Path, weight: str, areas: gpd.GeoDataFrame, name: str | None = None) -> Points:
    """Uploaded demand points (checked by the upload gate) with a weight column."""
    gdf, report = read_facilities(path, name, areas)
    if gdf is None:
        raise ReachError(rendered(report.to_text))
    col = _column(gdf, weight, msg("reach_what_weight"))
    ids = gdf["id"].astype(str).to_numpy() if "id" in gdf.columns else gdf["row"].astype(str).to_numpy()
    codes = points_area_codes(gdf.geometry, areas.to_crs(METRIC_CRS))
    words = msg("reach_demand_points", name=name or Path(path).name, col=col)
    return Points(ids, _xy(gdf.geometry), _numbers(gdf, col, msg("reach_what_weight")), codes, str(words), words=words)


def load_supply(
    *,
    facilities: str | Path,
    capacity: str | None = None,
    areas: gpd.GeoDataFrame | None = None,
    name: str | None = None,
) -> Points:
    """A shipped facility kind (``kitas``, ``schools``) or an uploaded file, with capacities."""
    if str(facilities) in KINDS:
        gdf = load_kind(str(facilities))
        gdf["row"] = np.arange(1, len(gdf) + 1)
        label = source_line(str(facilities))
    else:
        path = Path(facilities)
        if not path.exists():
            raise ReachError(
                msg(
                    "err_reach_bad_facilities",
                    facilities=facilities,
                    kinds=Pair(de=" noch ".join(KINDS), en=" nor ".join(KINDS)),
                )
            )
        read, report = read_facilities(path, name, areas)
        if read is None:
            raise ReachError(rendered(report.to_text))
        gdf, label = read, name or path.name
    what = msg("reach_what_capacity")
    cap = np.ones(len(gdf)) if capacity is None else _numbers(gdf, _column(gdf, capacity, what), what)
    ids = gdf["id"].astype(str).to_numpy() if "id" in gdf.columns else gdf["row"].astype(str).to_numpy()
    codes = (
        points_area_codes(gdf.geometry, areas.to_crs(METRIC_CRS))
        if areas is not None
        else np.full(len(gdf), "", dtype=object)
    )
    return Points(ids, _xy(gdf.geometry), cap, codes, label, names=gdf["name"].astype(str).to_numpy())
