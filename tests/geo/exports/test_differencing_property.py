"""Property test (issue 13): no small count can be derived by subtracting published outputs.

Hypothesis draws SYNTHETIC small tables: a few areas, part counts, random
declared total = sum-of-parts relations (as the upload form declares them),
a share built on a part, the city row as the sum of the areas, and now and then a
cell missing from the table (whose value an outsider is assumed to know: a
missing cell is no protection). Everything the tool publishes for the table is
collected from three outputs: the map layer of each indicator
(:func:`geo.join.indicator_layer`), the table export
(:func:`geo.exports.tables.export_frame`, with numerators and denominators) and
query results (:func:`indicators.query.evaluate.run_query`). Then:

* every published count is the true count and at least the threshold (3), and
  the outputs agree with each other (so one minus another reveals nothing);
* for every relation an outsider knows (city = sum of areas, area total = sum of
  its declared parts) with a known total, what is left after subtracting the
  published parts is unknown for no part, or for at least two whose sum is at least 3.
"""

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from geo.exports.tables import export_frame
from geo.join import indicator_layer
from indicators.catalogue import Indicator
from indicators.compute.disclosure import MIN_COUNT, apply_disclosure
from indicators.compute.rates import compute_indicators
from indicators.dataset import Dataset
from indicators.ingest.report import Report
from indicators.query.evaluate import run_query
from indicators.wording.voice import GERMAN, Voice

PARTS = ("p1", "p2", "p3", "p4")
YEAR = 2024
REF = "00"


@dataclass(frozen=True)
class Geo:
    id: str = "synth"
    reference_code: str | None = REF
    attribution: str = ""
    place: str = "Testhausen"

    def label(self, *, voice: Voice = GERMAN) -> str:
        return "Synthetische Gebiete"

    def reference_label(self, *, voice: Voice = GERMAN) -> str:
        return "Stadt"


def _count(vid: str, parts: tuple[str, ...] = ()) -> Indicator:
    return Indicator(vid, vid, vid, "count", "Personen", source="s", extra={"parts": list(parts)} if parts else {})


small = st.integers(0, 6) | st.integers(0, 40)


@st.composite
def tables(draw):
    n = draw(st.integers(2, 5))
    areas = [f"{a:02d}" for a in range(1, n + 1)]
    relations = {}
    for k in range(draw(st.integers(1, 2))):
        relations[f"t{k + 1}"] = tuple(draw(st.lists(st.sampled_from(PARTS), min_size=2, max_size=3, unique=True)))
    truth = {}
    for a in areas:
        for p in PARTS:
            truth[(a, p)] = draw(small)
        for t, parts in relations.items():
            truth[(a, t)] = sum(truth[(a, p)] for p in parts)
    for var in (*PARTS, *relations):
        truth[(REF, var)] = sum(truth[(a, var)] for a in areas)
    missing = draw(st.sets(st.sampled_from([(a, v) for a in areas for v in (*PARTS, *relations)]), max_size=1))
    return areas, relations, truth, missing


def _dataset(areas, relations, truth, missing) -> Dataset:
    cat = {p: _count(p) for p in PARTS}
    cat.update({t: _count(t, parts) for t, parts in relations.items()})
    first = next(iter(relations))
    cat["share"] = Indicator(
        "share",
        "Anteil",
        "share",
        "rate",
        "%",
        numerator=(relations[first][0],),
        denominator=(first,),
        factor=100.0,
        source="s",
    )
    rows = [(a, YEAR, v, x) for (a, v), x in truth.items() if (a, v) not in missing]
    table = pd.DataFrame(rows, columns=["area_code", "year", "variable", "value"])
    values = apply_disclosure(compute_indicators(table, cat), cat, reference_code=REF)
    geoms = gpd.GeoDataFrame(
        {"code": areas, "name": [f"Gebiet {a}" for a in areas]},
        geometry=[box(i, 0, i + 1, 1) for i in range(len(areas))],
        crs=25832,
    )
    return Dataset(Geo(), geoms, table, cat, {}, values, Report("synth.csv"))


def _publish(out: dict, cell: tuple[str, str], value, where: str) -> None:
    if value is None or pd.isna(value):
        return
    out.setdefault(cell, {})[where] = float(value)


def published_counts(ds: Dataset) -> dict[tuple[str, str], dict[str, float]]:
    """(area, count variable) -> {output: value} for every count an outsider can read off an output."""
    out: dict = {}
    counts = [i for i, ind in ds.catalogue.items() if ind.kind == "count"]
    for ind_id, ind in ds.catalogue.items():
        layer, city = indicator_layer(ds, ind_id, YEAR)
        for r in layer.itertuples():
            if ind.kind == "count":
                _publish(out, (r.code, ind_id), r.value, "map")
            else:
                _publish(out, (r.code, ind.numerator[0]), r.numerator, "map")
                _publish(out, (r.code, ind.denominator[0]), r.denominator, "map")
        if ind.kind == "count":
            _publish(out, (REF, ind_id), city, "map-city")
    ex = export_frame(ds, list(ds.catalogue), YEAR)
    for r in ex.itertuples():
        ind = ds.catalogue[r.indicator]
        if ind.kind == "count":
            _publish(out, (r.code, r.indicator), r.value, "export")
        else:
            _publish(out, (r.code, ind.numerator[0]), r.numerator, "export")
            _publish(out, (r.code, ind.denominator[0]), r.denominator, "export")
    for var in counts:
        res = run_query(ds, f"{var} >= 0", YEAR)
        for code, value in zip(res.table["code"], res.table[var]):
            _publish(out, (code, var), value, "query")
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_no_small_count_by_subtracting_published_outputs(data):
    areas, relations, truth, missing = data
    ds = _dataset(areas, relations, truth, missing)
    published = published_counts(ds)

    known = {}
    for cell, by_output in published.items():
        vals = set(by_output.values())
        assert len(vals) == 1, f"{cell}: outputs disagree {by_output}"
        value = vals.pop()
        assert value == truth[cell], f"{cell}: {value} published, true {truth[cell]}"
        assert value >= MIN_COUNT, f"{cell} = {value} published in {sorted(by_output)}"
        known[cell] = value
    for cell in missing:  # no protection: an outsider may know it from elsewhere
        known[cell] = truth[cell]

    groups = [[(a, v) for a in areas] + [(REF, v)] for v in (*PARTS, *relations)]
    groups += [[(a, p) for p in parts] + [(a, t)] for t, parts in relations.items() for a in (*areas, REF)]
    for group in groups:  # parts..., total
        unknown = [c for c in group if c not in known]
        if group[-1] in unknown and len(unknown) > 1:
            continue  # total and some parts unknown: their difference is no count
        if group[-1] in missing and truth[group[-1]] < MIN_COUNT:
            continue  # a small total known from elsewhere bounds its parts whatever is published (all are hidden)
        if len(unknown) == 1:
            raise AssertionError(f"{unknown[0]} = {truth[unknown[0]]} by subtraction in {group}")
        if unknown:
            left = sum(truth[c] for c in unknown)
            assert left >= MIN_COUNT, f"{unknown} sum to {left} by subtraction"


def test_a_missing_total_gives_no_protection():
    """Found by the property test: an area total missing from the table (known elsewhere) and one
    small part hidden: total minus the visible part gives the hidden one."""
    areas = ["01", "02"]
    relations = {"t1": ("p1", "p2")}
    truth = {
        ("01", "p1"): 1,
        ("01", "p2"): 20,
        ("02", "p1"): 30,
        ("02", "p2"): 30,
        ("01", "p3"): 5,
        ("02", "p3"): 5,
        ("01", "p4"): 5,
        ("02", "p4"): 5,
    }
    truth.update({(a, "t1"): truth[(a, "p1")] + truth[(a, "p2")] for a in areas})
    for v in ("p1", "p2", "p3", "p4", "t1"):
        truth[(REF, v)] = sum(truth[(a, v)] for a in areas)
    ds = _dataset(areas, relations, truth, {("01", "t1")})
    published = published_counts(ds)
    assert ("01", "p1") not in published
    assert ("01", "p2") not in published, "21 (known) - 20 would give 1"
    assert np.isfinite(ds.values["value"]).any()
