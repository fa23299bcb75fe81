"""Facility points (Kitas, Beratungsstellen, …): reading and per-area indicators.

Points come from a CSV/XLSX with lat/lon (WGS84) or x/y (EPSG:25832) columns,
read with :func:`indicators.ingest.read.read_table` (encodings, separators and
decimal commas as planners' files have them), or from GeoJSON/GeoPackage via
pyogrio. Every row is used or listed with its reason in the report.

Per area: number of facilities, facilities per 1,000 residents of a chosen
group, and the share of the area's address points within X metres (straight
line) of a facility. Results are indicator rows like any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyproj import Transformer

from geo.boundaries import open_vector, reject_unreadable
from geo.crs import METRIC_CRS, CRSError, to_metric
from geo.read_errors import VECTOR_ERRORS
from geo.spatial.addresses import load_addresses, points_area_codes
from geo.uploads.check_cache import checked
from geo.uploads.sandbox import UploadLimitError
from indicators.catalogue import Indicator
from indicators.dataset import Dataset
from indicators.errors import error_message, msg
from indicators.ingest.read import ROW_COL, read_table
from indicators.ingest.report import REPAIRED, USED, WARNING, Report
from indicators.ingest.roles import norm as _norm
from indicators.ingest.validate import parse_number
from indicators.wording.voice import GERMAN, Voice
from store.permissions import User, require

LAT = ("lat", "latitude", "breite", "breitengrad", "geogr_breite")
LON = ("lon", "lng", "long", "longitude", "laenge", "lange", "laengengrad", "geogr_laenge")
X = ("x", "rechtswert", "easting", "east", "ostwert", "x_utm", "utm_x")
Y = ("y", "hochwert", "northing", "north", "nordwert", "y_utm", "utm_y")
NAME = ("name", "bezeichnung", "einrichtung", "titel", "title")
TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx")
MAX_POINTS = 100_000
# plausible EPSG:25832 coordinates for northern Germany
X_RANGE, Y_RANGE = (200_000, 900_000), (5_200_000, 6_200_000)
_TO_METRIC = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)


def _find(cols: list[str], names: tuple[str, ...]) -> str | None:
    return next((c for c in cols if _norm(c) in names), None)


def _points_from_table(frame: pd.DataFrame, decimal: str, report: Report) -> gpd.GeoDataFrame | None:
    cols = [c for c in frame.columns if c != ROW_COL]
    lat, lon, x, y = _find(cols, LAT), _find(cols, LON), _find(cols, X), _find(cols, Y)
    if lat and lon:
        a, b, geo = lat, lon, True
    elif x and y:
        a, b, geo = y, x, False
    else:
        report.reject_file(msg("fac_no_coordinates", columns=list(cols)))
        return None
    keep, xs, ys = [], [], []
    for i, r in frame.iterrows():
        row = int(r[ROW_COL])
        va, vb = parse_number(r[a], decimal), parse_number(r[b], decimal)
        bad = [c for c, v in ((a, va), (b, vb)) if v is None]
        if bad or va is None or vb is None:
            for c in bad:
                report.add(
                    row, c, msg("fac_not_a_number", text=r[c]) if str(r[c]).strip() else msg("fac_no_coordinate")
                )
            continue
        if geo:
            la, lo = va, vb
            if 9 <= la <= 12 and 53 <= lo <= 55:  # typical mix-up in hand-made lists
                la, lo = lo, la
                report.add(row, f"{a}/{b}", msg("fac_swapped"), REPAIRED)
            if not (-90 <= la <= 90 and -180 <= lo <= 180):
                report.add(row, f"{a}/{b}", msg("fac_not_wgs84", lat=la, lon=lo))
                continue
            px, py = _TO_METRIC.transform(lo, la)
        else:
            px, py = vb, va
            if not (X_RANGE[0] <= px <= X_RANGE[1] and Y_RANGE[0] <= py <= Y_RANGE[1]):
                report.add(row, f"{b}/{a}", msg("fac_not_metric", x=f"{px:g}", y=f"{py:g}"))
                continue
        keep.append(i)
        xs.append(px)
        ys.append(py)
    out = frame.loc[keep].copy()
    name = _find(cols, NAME)
    out["name"] = out[name] if name else ""
    return gpd.GeoDataFrame(out.rename(columns={ROW_COL: "row"}), geometry=gpd.points_from_xy(xs, ys), crs=METRIC_CRS)


def _points_from_vector(path: Path, report: Report) -> gpd.GeoDataFrame | None:
    source = open_vector(path, report)
    if source is None:
        return None
    try:
        gdf = pyogrio.read_dataframe(source, max_features=MAX_POINTS + 1)
    except VECTOR_ERRORS as exc:  # what pyogrio/GDAL raise for a broken file; reject_unreadable logs it
        reject_unreadable(path, exc, report)
        return None
    try:
        gdf = to_metric(gdf, report.file)
    except CRSError as exc:
        report.reject_file(error_message(exc))
        return None
    if len(gdf) > MAX_POINTS:
        report.reject_file(msg("fac_too_many", max=MAX_POINTS))
        return None
    report.rows_in = len(gdf)
    gdf["row"] = np.arange(1, len(gdf) + 1)
    keep, geoms = [], []
    for i, g in enumerate(gdf.geometry.values):
        row = i + 1
        if g is None or g.is_empty:
            report.add(row, "geometry", msg("fac_empty_geometry"))
            continue
        if g.geom_type != "Point":
            report.add(row, "geometry", msg("fac_not_a_point", kind=g.geom_type), REPAIRED)
            g = g.point_on_surface()
        keep.append(i)
        geoms.append(shapely.force_2d(g))
    out = gdf.iloc[keep].copy().set_geometry(gpd.GeoSeries(geoms, index=gdf.index[keep], crs=METRIC_CRS))
    name = _find([c for c in out.columns if c != "geometry"], NAME)
    out["name"] = out[name].astype(str) if name else ""
    return out


def read_facilities(
    path: str | Path, name: str | None = None, areas: gpd.GeoDataFrame | None = None, *, user: User | None = None
) -> tuple[gpd.GeoDataFrame | None, Report]:
    """Read facility points into EPSG:25832.

    The file is read in the limited child of :mod:`geo.uploads.sandbox`
    (memory, CPU and wall-clock limits), once per file content
    (:func:`geo.uploads.check_cache.checked`); a file over the limits is
    refused in the report with a German message.

    Parameters
    ----------
    path
        CSV/XLSX with ``lat``/``lon`` (WGS84) or ``x``/``y`` (EPSG:25832)
        columns (German synonyms such as Breite/Länge, Rechtswert/Hochwert
        work), or GeoJSON/GeoPackage with a CRS.
    name
        File name for messages.
    areas
        If given, points outside every area are reported (kept for the map,
        counted in no area).
    user
        The acting user of the app; an anonymous visitor may not have a file
        opened (:func:`store.permissions.require`, action ``check_file``). None:
        the command line's local user.

    Returns
    -------
    (GeoDataFrame or None, Report)
        Columns ``row`` (line or feature number), ``name`` and the input
        columns; None if the file cannot be used.
    """
    if user is not None:
        require(user, "check_file", what=name or Path(path).name)
    path = Path(path)
    label = name or path.name
    try:
        return checked(_read_facilities, path, label, areas, file_label=label)
    except UploadLimitError as exc:
        report = Report(label)
        report.reject_file(error_message(exc))
        return None, report


def _read_facilities(path: Path, name: str, areas: gpd.GeoDataFrame | None) -> tuple[gpd.GeoDataFrame | None, Report]:
    """:func:`read_facilities` in this process (the sandboxed child)."""
    if path.suffix.lower() in TABLE_SUFFIXES:
        raw, report = read_table(path, filename=name)
        if report.file_error:
            return None, report
        report.rows_in = len(raw.frame)
        pts = _points_from_table(raw.frame, raw.decimal, report)
    else:
        report = Report(name)
        pts = _points_from_vector(path, report)
    if pts is None:
        return None, report
    if areas is not None and len(pts):
        codes = points_area_codes(pts.geometry, areas.to_crs(METRIC_CRS))
        for row in pts["row"][codes == ""]:
            report.add(int(row), "", msg("fac_outside"), USED, WARNING)
    report.rows_used = len(pts)
    if len(pts) == 0:
        report.reject_file(msg("fac_no_points"))
        return None, report
    return pts.reset_index(drop=True), report


@dataclass(frozen=True, kw_only=True)
class FacilityRows:
    """How the rows of :func:`facility_indicators` are named.

    Parameters
    ----------
    prefix, group : str
        Indicator ids: ``{prefix}_count``, ``{prefix}_per_1000_{group}``,
        ``{prefix}_coverage_{radius}m``.
    year : int, optional
        Year of the rows.
    reference_code : str, optional
        Code of the whole-city row (from the summed counts); None leaves it out.
    """

    prefix: str = "facilities"
    group: str = "population_total"
    year: int | None = None
    reference_code: str | None = "00"


def population_groups(ds: Dataset) -> list[str]:
    """The residents' groups a facility layer may be set against: counts of the catalogue named ``pop…``."""
    return [i for i, ind in ds.catalogue.items() if ind.kind == "count" and i.startswith("pop")]


def dataset_facility_rows(
    ds: Dataset, facilities: gpd.GeoDataFrame, *, group: str, year: int, radius_m: float = 500
) -> pd.DataFrame:
    """:func:`facility_indicators` of ``ds``'s areas against ``group`` (one of :func:`population_groups`) in ``year``."""
    v = ds.values
    pop = v[(v["indicator"] == group) & (v["year"] == year)].set_index("area_code")["value"]
    return facility_indicators(
        facilities,
        ds.areas,
        pop,
        radius_m,
        rows=FacilityRows(group=group, year=year, reference_code=ds.geography.reference_code),
    )


def facility_indicators(
    facilities: gpd.GeoDataFrame,
    areas: gpd.GeoDataFrame,
    population: pd.Series | None = None,
    radius_m: float = 500,
    *,
    addresses: gpd.GeoDataFrame | None = None,
    rows: FacilityRows | None = None,
) -> pd.DataFrame:
    """Per-area facility indicators as rows ``area_code, year, indicator, value, numerator, denominator``.

    Parameters
    ----------
    facilities
        Output of :func:`read_facilities`.
    areas
        Areas with ``code`` (EPSG:25832).
    population
        Residents of the chosen group per area code (e.g. ``pop_under18`` of
        one year); without it the per-1,000 indicator is left out.
    radius_m
        Distance (straight line) for the coverage share.
    addresses
        Address points; default the shipped ones.
    rows
        Indicator ids, year and whole-city row (default: :class:`FacilityRows`).
    """
    naming = rows or FacilityRows()
    prefix, group, year, reference_code = naming.prefix, naming.group, naming.year, naming.reference_code
    areas = areas.to_crs(METRIC_CRS).reset_index(drop=True)
    codes = list(areas["code"])
    fac_codes = points_area_codes(facilities.geometry, areas)
    count = pd.Series(fac_codes).value_counts().reindex(codes, fill_value=0).astype(float)
    pts = load_addresses() if addresses is None else addresses
    addr_codes = points_area_codes(pts.geometry, areas)
    in_area = addr_codes != ""
    addr_geoms = np.asarray(pts.geometry.values)[in_area]
    addr_codes = addr_codes[in_area]
    tree = shapely.STRtree(np.asarray(facilities.geometry.values))
    hit, _ = tree.query(addr_geoms, predicate="dwithin", distance=radius_m)
    covered = np.zeros(len(addr_geoms), dtype=bool)
    covered[hit] = True
    n_addr = pd.Series(addr_codes).value_counts().reindex(codes, fill_value=0).astype(float)
    n_cov = pd.Series(addr_codes[covered]).value_counts().reindex(codes, fill_value=0).astype(float)
    frames = [(f"{prefix}_count", count, pd.Series(np.nan, index=codes), 1.0)]
    if population is not None:
        pop = population.reindex(codes).astype(float)
        frames.append((f"{prefix}_per_1000_{group}", count, pop, 1000.0))
    frames.append((f"{prefix}_coverage_{radius_m:g}m", n_cov, n_addr, 100.0))
    out = []
    for ind, num, den, factor in frames:
        if reference_code is not None:
            num = pd.concat([num, pd.Series({reference_code: num.sum()})])
            den = pd.concat([den, pd.Series({reference_code: den.sum(min_count=1)})])
        value = num if ind.endswith("_count") else num / den.where(den > 0) * factor
        out.append(
            pd.DataFrame(
                {
                    "area_code": num.index,
                    "year": year,
                    "indicator": ind,
                    "value": value.to_numpy(),
                    "numerator": num.to_numpy(),
                    "denominator": den.to_numpy(),
                }
            )
        )
    return pd.concat(out, ignore_index=True)


def _catalogue_words(label: str | None, group_label: str | None, r: str, *, voice: Voice) -> dict[str, str]:
    """Labels, units and definitions of :func:`facility_catalogue`'s entries in ``voice``'s language."""
    label = label or voice.t("q_tool_facilities")
    group = group_label or voice.t("fac_cat_residents")
    return {
        key: voice.t(f"fac_cat_{key}", label=label, group=group, r=r)
        for key in ("count", "count_unit", "count_def", "rate", "rate_unit", "rate_def", "cover", "cover_def")
    }


def facility_catalogue(
    prefix: str = "facilities",
    label: str | None = None,
    group: str = "population_total",
    group_label: str | None = None,
    radius_m: float = 500,
) -> dict[str, Indicator]:
    """Catalogue entries for :func:`facility_indicators`, so the rows map like any indicator.

    Their labels, units and definitions are in German and English, around ``label`` (the facilities, default
    "Einrichtungen"/"Facilities") and ``group_label`` (the population group, default "Einwohner"/"residents")
    as given.
    """
    r = f"{radius_m:g}"
    de = _catalogue_words(label, group_label, r, voice=GERMAN)
    en = _catalogue_words(label, group_label, r, voice=Voice.of("en"))
    items = [
        Indicator(
            f"{prefix}_count",
            de["count"],
            en["count"],
            "value",
            de["count_unit"],
            direction="down",
            unit_en=en["count_unit"],
            definition_de=de["count_def"],
            definition_en=en["count_def"],
        ),
        Indicator(
            f"{prefix}_per_1000_{group}",
            de["rate"],
            en["rate"],
            "value",
            de["rate_unit"],
            direction="down",
            unit_en=en["rate_unit"],
            definition_de=de["rate_def"],
            definition_en=en["rate_def"],
        ),
        Indicator(
            f"{prefix}_coverage_{r}m",
            de["cover"],
            en["cover"],
            "value",
            "%",
            direction="down",
            definition_de=de["cover_def"],
            definition_en=en["cover_def"],
        ),
    ]
    return {i.id: i for i in items}
