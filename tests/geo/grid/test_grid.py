"""Census grid: reading the 2022 layout, cells, clipping, aggregation (SYNTHETIC values, real cell ids)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from grid_synth import block_on_border, grid_2022_bytes
from pyproj import Transformer

from geo.geographies import get_geography, load_areas, load_outline
from geo.grid.aggregate import aggregate_catalogue, aggregate_grid, helper_table
from geo.grid.cells import cell_squares, clip_to_city
from indicators.ingest.grid import GridError, join_grids, read_grid


@pytest.fixture(scope="module")
def city():
    geo = get_geography("stadtteile")
    return load_areas(geo), load_outline(geo).union_all()


@pytest.fixture(scope="module")
def synthetic(city):
    areas, outline = city
    corners = block_on_border(areas, outline)
    data, expected = grid_2022_bytes(corners)
    return data, expected, corners


def test_reads_2022_layout_cp1252_decimal_comma_and_marks(synthetic):
    data, expected, _ = synthetic
    g = read_grid(data, "Zensus2022_synthetisch.csv")
    assert g.resolution == 100 and g.weight == "Einwohner"
    assert g.kinds == {"Einwohner": "count", "durchschnHHGroesse": "mean"}
    w = g.wide()
    for cid, (pop, size) in expected.items():
        assert w.at[cid, "Einwohner"] == pop  # first occurrence wins; 1.234 read as 1234
        if size is None:
            assert math.isnan(w.at[cid, "durchschnHHGroesse"])  # secret / dash: missing, never 0
        else:
            assert w.at[cid, "durchschnHHGroesse"] == pytest.approx(size)
    assert (w["durchschnHHGroesse"] != 0).all()
    text = g.reports[0].to_text()
    for needle in ("doppelt", "ungültige Gitter-ID", "Mittelpunkt", "'.'", "'–'", "eingeschränkt"):
        assert needle in text, needle


def test_every_row_used_or_listed(synthetic):
    data, expected, _ = synthetic
    g = read_grid(data, "f.csv")
    rep = g.reports[0]
    assert rep.rows_in == len(expected) + 4
    assert rep.rows_used + len(rep.dropped_rows) == rep.rows_in
    assert len(rep.dropped_rows) == 3  # duplicate, bad id, centre mismatch


def test_cells_are_squares_from_the_lower_left_corner(synthetic, city):
    data, _, corners = synthetic
    g = read_grid(data, "f.csv")
    sq = cell_squares(g).to_crs("EPSG:3035")
    e, n = corners[0]
    first = sq[sq["code"] == f"CRS3035RES100mN{n}E{e}"].geometry.iloc[0]
    assert first.bounds == pytest.approx((e, n, e + 100, n + 100), abs=0.01)
    assert first.area == pytest.approx(10_000, rel=1e-6)


def test_cells_outside_the_city_are_listed(synthetic, city):
    data, expected, _ = synthetic
    g = read_grid(data, "f.csv")
    kept, squares = clip_to_city(g, city[1])
    assert set(squares["code"]) == set(expected)
    rep = kept.reports[0]
    assert "außerhalb der Stadt" in rep.to_text()
    assert rep.rows_used + len(rep.dropped_rows) == rep.rows_in
    assert (squares["share_in_city"] == 1).all()


def test_aggregation_preserves_sums_and_recomputes_means(synthetic, city):
    areas, outline = city
    data, expected, _ = synthetic
    g, squares = clip_to_city(read_grid(data, "f.csv"), outline)
    res = aggregate_grid(g, squares, areas, year=2022)
    pops = pd.Series({c: p for c, (p, _) in expected.items()})
    touched = set()
    for m in ("areal", "dasymetric"):
        part = res.counts.xs(m, level="method")
        assert part["Einwohner"].sum() == pytest.approx(pops.sum(), rel=1e-9)  # sum over districts = cells
        touched |= set(part.index[part["Einwohner"] > 0])
        # the population-weighted mean over the whole city equals the cells' weighted mean
        sizes = pd.Series({c: s for c, (_, s) in expected.items() if s is not None})
        city_mean = (sizes * pops[sizes.index]).sum() / pops[sizes.index].sum()
        agg = part["durchschnHHGroesse__num"].sum() / part["durchschnHHGroesse__den"].sum()
        assert agg == pytest.approx(city_mean, rel=1e-9)
    assert len(touched) >= 2  # the block straddles a border: cells are shared
    v = res.values
    assert set(v["method"]) == {"areal", "dasymetric"}
    assert set(v[v["variable"] == "durchschnHHGroesse"]["kind"]) == {"rate"}


def test_the_aggregate_table_speaks_the_voice_given(synthetic, city):
    from indicators.wording.voice import Voice

    areas, outline = city
    data, _, _ = synthetic
    g, squares = clip_to_city(read_grid(data, "f.csv"), outline)
    res = aggregate_grid(g, squares, areas, names=("zensus", "stadtteile"), year=2022, min_count=3)
    german, english = res.to_text(), res.to_text(voice=Voice.of("en"))
    assert german.splitlines()[0] == "Gitter zensus → stadtteile, 2022"
    assert german.splitlines()[1].split() == ["Gebiet", "Merkmal", "Fläche", "Adressen"]
    assert "Werte unter 3 werden nicht ausgewiesen" in german and "Zählern (Wert × Einwohner)" in german
    assert english.splitlines()[0] == "Grid zensus → stadtteile, 2022"
    assert english.splitlines()[1].split() == ["Area", "Variable", "Surface", "Addresses"]
    assert "Values below 3 are not shown" in english and "numerators (value × residents)" in english
    for word in ("Gebiet", "Merkmal", "Fläche", "Adresspunkte", "Anteile", "Werte unter", "Schätzwerte"):
        assert word not in english, word
    assert len(german.splitlines()) == len(english.splitlines())  # the same rows, numbers in each format


def test_the_estimated_indicators_are_labelled_in_both_languages(synthetic):
    from indicators.wording.voice import Voice

    cat = aggregate_catalogue(read_grid(synthetic[0], "f.csv"))
    mean = cat["durchschnHHGroesse"]
    assert mean.label() == "durchschnHHGroesse (Schätzung, mit Einwohnern gewichtet)"
    assert mean.label(voice=Voice.of("en")) == "durchschnHHGroesse (estimate, weighted by residents)"
    assert cat["Einwohner"].label(voice=Voice.of("en")) == "Einwohner"  # a count keeps the file's name


def test_dasymetric_follows_address_points(synthetic, city):
    """A cell whose address points all lie in one district gives it its whole count."""
    import geopandas as gpd
    import shapely

    areas, outline = city
    data, expected, corners = synthetic
    g, squares = clip_to_city(read_grid(data, "f.csv"), outline)
    to_metric = Transformer.from_crs("EPSG:3035", "EPSG:25832", always_xy=True)
    # SYNTHETIC address points: one at the centre of every cell
    pts = [shapely.Point(*to_metric.transform(e + 50, n + 50)) for e, n in corners]
    addr = gpd.GeoDataFrame(geometry=pts, crs="EPSG:25832")
    res = aggregate_grid(g, squares, areas, year=2022, addresses=addr)
    dasy = res.counts.xs("dasymetric", level="method")["Einwohner"]
    holder = {}
    for (e, n), p in zip(corners, pts):
        code = areas[areas.contains(p)]["code"].iloc[0]
        holder[code] = holder.get(code, 0) + expected[f"CRS3035RES100mN{n}E{e}"][0]
    got = dasy[dasy > 0]
    assert got.to_dict() == pytest.approx(holder)


def test_join_topic_files_and_refuse_mixed_sizes(synthetic):
    data, _, corners = synthetic
    e, n = corners[0]
    other = (
        "GITTER_ID_100m;x_mp_100m;y_mp_100m;AnteilAuslaender;werterlaeuternde_Zeichen\n"
        f"CRS3035RES100mN{n}E{e};{e + 50};{n + 50};12,5;\n"
    ).encode()
    joined = join_grids([read_grid(data, "a.csv"), read_grid(other, "b.csv")])
    assert set(joined.kinds) == {"Einwohner", "durchschnHHGroesse", "AnteilAuslaender"}
    assert joined.wide().at[f"CRS3035RES100mN{n}E{e}", "AnteilAuslaender"] == 12.5
    km = b"GITTER_ID_1km;x_mp_1km;y_mp_1km;Einwohner\nCRS3035RES1000mN3418000E4367000;4367500;3418500;10\n"
    with pytest.raises(GridError, match="Zellgrößen"):
        join_grids([read_grid(data, "a.csv"), read_grid(km, "c.csv")])
    with pytest.raises(GridError, match="schon in einer anderen Datei"):
        join_grids([read_grid(data, "a.csv"), read_grid(data, "a2.csv")])


def test_no_id_column_is_a_german_error():
    with pytest.raises(GridError, match="keine Spalte GITTER_ID"):
        read_grid(b"a;b\n1;2\n", "x.csv")


def test_helper_table_weights_means_by_population(synthetic):
    data, expected, _ = synthetic
    h = helper_table(read_grid(data, "f.csv"))
    cid, (pop, size) = next((c, v) for c, v in expected.items() if v[1] is not None)
    assert h.at[cid, "durchschnHHGroesse__num"] == pytest.approx(pop * size)
    assert h.at[cid, "durchschnHHGroesse__den"] == pop
    secret = next(c for c, v in expected.items() if v[1] is None)
    assert np.isnan(h.at[secret, "durchschnHHGroesse__den"])


def test_joined_files_each_list_their_own_rows(synthetic, city):
    data, expected, corners = synthetic
    e, n = corners[0]
    other = (
        "GITTER_ID_100m;x_mp_100m;y_mp_100m;AnteilAuslaender;werterlaeuternde_Zeichen\n"
        f"CRS3035RES100mN{n}E{e};{e + 50};{n + 50};12,5;\n"
        f"CRS3035RES100mN{n + 200_000}E{e};{e + 50};{n + 200_050};3,0;\n"
    ).encode("cp1252")
    a, b = read_grid(data, "a.csv"), read_grid(other, "b.csv")
    kept, squares = clip_to_city(join_grids([a, b]), city[1])
    ra, rb = kept.reports
    assert rb.dropped_rows == {3} and rb.rows_used == 1  # line 3 of b.csv is outside the city
    assert ra.rows_used + len(ra.dropped_rows) == ra.rows_in
    assert len(squares) == len(expected)


@pytest.mark.parametrize("dash", ["-", "–"])
def test_dash_is_zero_in_a_count_and_no_value_in_a_mean(synthetic, dash):
    """The dash of official statistics, "nothing there": exactly 0 in a count (as the table reader reads
    it), no mean or share of nothing; both listed in the report."""
    _, _, corners = synthetic
    (e, n), (e2, n2) = corners[0], corners[1]
    text = (
        "GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner;Auslaender;durchschnHHGroesse;werterlaeuternde_Zeichen\n"
        f"CRS3035RES100mN{n}E{e};{e + 50};{n + 50};{dash};{dash};{dash};\n"
        f"CRS3035RES100mN{n2}E{e2};{e2 + 50};{n2 + 50};40;3;2,1;\n"
    )
    g = read_grid(text.encode("cp1252"), "strich.csv")
    assert g.kinds == {"Einwohner": "count", "Auslaender": "count", "durchschnHHGroesse": "mean"}
    w = g.wide()
    first = f"CRS3035RES100mN{n}E{e}"
    assert w.at[first, "Einwohner"] == 0 and w.at[first, "Auslaender"] == 0
    assert math.isnan(w.at[first, "durchschnHHGroesse"])
    rep = g.reports[0]
    assert rep.rows_used == 2 and not rep.dropped_rows
    msgs = rep.to_text()
    assert "genau null" in msgs and "als 0 verwendet" in msgs and "kein Mittel- oder Anteilswert" in msgs
    # the zero counts go into the sums; the cell adds nothing to the mean's denominator
    h = helper_table(g)
    assert h.at[first, "Einwohner"] == 0 and np.isnan(h.at[first, "durchschnHHGroesse__den"])
