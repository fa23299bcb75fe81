"""Property test: no output path reveals a suppressed count (SYNTHETIC small counts).

Hypothesis generates small age-group counts for a few areas and two years
(the city total is their sum). After :func:`apply_disclosure`, checked on the
values table, the joined map layer and the CSV export:

* no count below the threshold is shown, nor any indicator built on it;
* subtraction cannot undo the suppression: in every relation total = sum of
  parts with a visible total, the hidden parts are none, or at least two
  whose sum is not itself a small count;
* every visible rate has all its input counts visible (so it reveals nothing new).

Custom-area estimates (small circles on the real Lübeck data) are checked the same way below.
The routes of issue 23 (polygons of whole areas plus slices, ``cli.py data add`` with undeclared
totals, copies and previews) are properties in ``tests/geo/test_disclosure_routes.py`` and
``tests/geo/uploads/test_copies.py``; the inferred totals below.
"""

import io

import geopandas as gpd
import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from geo.exports.safety import safe_frame
from geo.join import join_values
from indicators.catalogue import load_catalogue
from indicators.compute.disclosure import DEFAULT_RELATIONS, MIN_COUNT, apply_disclosure
from indicators.compute.rates import compute_indicators, indicator_frame

CAT = load_catalogue()
IDS = [
    "population_total",
    "pop_under18",
    "pop_18_64",
    "pop_65plus",
    "share_under18",
    "share_65plus",
    "youth_dependency",
    "old_age_dependency",
    "births",
    "deaths",
    "natural_balance_per_1000",
    "population_change_pct",
]
PARTS = DEFAULT_RELATIONS["population_total"]
YEARS = (2021, 2022)

small = st.integers(0, 8) | st.integers(0, 60)
area_counts = st.fixed_dictionaries({v: small for v in (*PARTS, "births", "deaths")})


@st.composite
def datasets(draw):
    n = draw(st.integers(2, 6))
    rows = []
    for year in YEARS:
        totals = dict.fromkeys((*PARTS, "births", "deaths"), 0)
        for a in range(1, n + 1):
            c = draw(area_counts)
            for var, val in c.items():
                rows.append((f"{a:02d}", year, var, val))
                totals[var] += val
            rows.append((f"{a:02d}", year, "population_total", sum(c[p] for p in PARTS)))
        rows += [("00", year, var, val) for var, val in totals.items()]
        rows.append(("00", year, "population_total", sum(totals[p] for p in PARTS)))
    return pd.DataFrame(rows, columns=["area_code", "year", "variable", "value"]), n


def visible_cells(out):
    """Counts an outsider can read off the protected values table."""
    counts = out[(out["indicator"].map(lambda i: CAT[i].kind) == "count") & ~out["suppressed"]]
    return {(a, y, v): x for a, y, v, x in zip(counts.area_code, counts.year, counts.indicator, counts.value)}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(), st.sampled_from([0, 15]))
def test_no_output_path_reveals_a_suppressed_count(data, min_population):
    tidy, n = data
    truth = {(a, y, v): x for a, y, v, x in tidy.itertuples(index=False)}
    pop = tidy[tidy.variable == "population_total"].set_index(["area_code", "year"])["value"]
    out = apply_disclosure(compute_indicators(tidy, CAT, IDS), CAT, min_population=min_population, population=pop)
    sup = out[out["suppressed"]]
    assert sup[["value", "numerator", "denominator"]].isna().all().all()
    shown = visible_cells(out)

    # 1. no small count is visible, nor anything built on it
    for cell, val in shown.items():
        assert val >= MIN_COUNT and val == truth[cell]
    for row in out[~out["suppressed"]].itertuples():
        ind = CAT[row.indicator]
        years = (row.year, row.year - 1) if ind.kind == "change" else (row.year,)
        for var in ind.inputs():
            for y in years:
                if (row.area_code, y, var) in truth:
                    assert (row.area_code, y, var) in shown, f"{row.indicator} visible but {var} hidden"

    # 2. subtraction: across areas (city total) and across age groups (area total)
    areas = [f"{a:02d}" for a in range(1, n + 1)]
    relations = [[(a, y, v) for a in areas] + [("00", y, v)] for y in YEARS for v in (*PARTS, "births", "deaths")]
    relations += [[(a, y, p) for p in PARTS] + [(a, y, "population_total")] for a in areas + ["00"] for y in YEARS]
    for rel in relations:
        *parts, total = rel
        if total not in shown:
            continue
        hidden = [c for c in parts if c not in shown]
        residual = shown[total] - sum(shown[c] for c in parts if c in shown)
        assert len(hidden) != 1, f"{hidden[0]} = {residual} by subtraction"
        assert not hidden or residual >= MIN_COUNT, f"hidden cells {hidden} sum to {residual}"

    # 3. the map layer and the CSV export show nothing that the values table hides
    geoms = gpd.GeoDataFrame(
        {"code": areas, "name": [f"<b>Gebiet {a}</b>" for a in areas]},
        geometry=[box(i, 0, i + 1, 1) for i in range(n)],
        crs=25832,
    )
    for ind in ("pop_under18", "share_65plus", "births", "population_change_pct"):
        rows, _ = indicator_frame(out, ind, 2022)
        layer = join_values(geoms, rows)
        hidden_codes = set(sup[(sup.indicator == ind) & (sup.year == 2022)]["area_code"])
        lay = layer[layer["code"].isin(hidden_codes)]
        assert lay["suppressed"].all() and lay[["value", "numerator", "denominator"]].isna().all().all()
    csv = safe_frame(out).to_csv(index=False)
    back = pd.read_csv(io.StringIO(csv), dtype={"area_code": str})
    assert back[back["suppressed"]][["value", "numerator", "denominator"]].isna().all().all()
    assert len(back) == len(out)


def test_single_hidden_area_gets_a_partner():
    """Worked example: 01 has 2 births; city total known → the next-smallest area is hidden too."""
    t = pd.DataFrame(
        [("01", 2022, "births", 2), ("02", 2022, "births", 7), ("03", 2022, "births", 30), ("00", 2022, "births", 39)],
        columns=["area_code", "year", "variable", "value"],
    )
    out = apply_disclosure(compute_indicators(t, CAT, ["births"]), CAT).set_index("area_code")
    assert out["suppressed"].to_dict() == {"01": True, "02": True, "03": False, "00": False}
    assert np.isnan(out.loc["02", "value"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lon=st.floats(10.60, 10.80), lat=st.floats(53.83, 53.92), radius=st.floats(5, 400))
def test_custom_area_estimates_never_show_a_small_count(lon, lat, radius):
    from geo.spatial.estimate import circle, default_estimator

    res = default_estimator().estimate(circle(lon, lat, radius), 2022)
    counts = res.table[res.table["kind"] == "count"]
    visible = counts[~counts["suppressed"] & counts["value"].notna()]  # NaN: no data that year (e.g. Zensus 2011)
    assert (visible["value"] >= MIN_COUNT).all()
    assert res.table.loc[res.table["suppressed"], "value"].isna().all()
    js = res.to_json_dict()
    hidden = {(r.variable, r.method) for r in res.table.itertuples() if r.suppressed}
    assert all(e["value"] is None for e in js["estimates"] if (e["variable"], e["method"]) in hidden)
    # a rate is only shown where its numerator count is shown too
    shown = {(r.variable, r.method) for r in visible.itertuples()}
    for r in res.table[(res.table["kind"] == "rate") & ~res.table["suppressed"]].itertuples():
        num = CAT[r.variable].numerator[0].lstrip("-") if r.variable in CAT else None
        if num and CAT[r.variable].numerator[0] == num and num in set(counts["variable"]):
            assert (num, r.method) in shown, f"{r.variable} visible but {num} hidden"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_an_undeclared_total_is_inferred_and_protects_its_parts(data):
    """The age groups under names no catalogue declares (as a `cli.py data add` would bring them):
    the total equal to their sum is found in the data, as load_dataset does, and no single hidden
    group is the total minus the others."""
    from indicators.catalogue import Indicator
    from indicators.compute.disclosure import relations_for

    tidy, n = data
    names = {"population_total": "summe", **{p: f"g{i}" for i, p in enumerate(PARTS, start=1)}}
    tidy = tidy.assign(variable=tidy["variable"].replace(names))
    cat = {v: Indicator(v, v, v, "count", "Personen", source="s") for v in set(tidy["variable"])}
    assert not relations_for(cat)  # nothing declared
    out = apply_disclosure(compute_indicators(tidy, cat), cat, relations=relations_for(cat, tidy))
    counts = out[~out["suppressed"]]
    shown = set(zip(counts.area_code, counts.year, counts.indicator))
    for a in ["00", *[f"{i:02d}" for i in range(1, n + 1)]]:
        for y in YEARS:
            if (a, y, "summe") in shown:
                hidden = [g for g in ("g1", "g2", "g3") if (a, y, g) not in shown]
                assert len(hidden) != 1, f"{a} {y}: {hidden} = summe minus the other groups"
