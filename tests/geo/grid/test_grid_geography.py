"""The shipped 1 km Zensus 2011 grid (291 cells) used like any geography: print map, social report,
filter query, custom-area estimate and the exports (real data, dl-de/by-2-0)."""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pandas as pd
import pyogrio
import pytest

from geo.geographies import get_geography
from geo.loading import load_dataset
from geo.printmap import layout as pl
from geo.printmap.render import PrintOptions, build_print_map
from geo.spatial.estimate import Estimator, circle
from indicators.query.evaluate import run_query

matplotlib.use("Agg")
YEAR = 2011


@pytest.fixture(scope="module")
def grid():
    return load_dataset(get_geography("zensus2011-1km"))


def test_print_map_draws_every_cell_once(grid):
    with matplotlib.rc_context(pl.RC):
        pm = build_print_map(grid, "Auslaender_A", YEAR, PrintOptions(labels=True))
    shown = int((~pm.layer["suppressed"]).sum())
    assert len(pm.map_ax.collections[0].get_paths()) == shown
    assert len(pm.layer) == len(grid.areas) == 291
    texts = [t.get_text() for ax in pm.figure.axes for t in ax.texts]
    assert any("Zensus 2011" in t for t in texts)


def test_social_report_builds(grid):
    from geo.report.pdf import build_report, plan_report

    assert plan_report(grid, YEAR)
    pdf = build_report(grid, YEAR)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_filter_query_selects_cells_by_value(grid):
    res = run_query(grid, "Anteil Ausländer/innen > 10", YEAR)
    vals = grid.values[(grid.values["indicator"] == "Auslaender_A") & (grid.values["year"] == YEAR)]
    vals = vals.set_index("area_code")["value"]
    assert 0 < len(res.selected) < len(grid.areas)
    assert (vals.reindex(res.selected) > 10).all()
    assert set(vals[vals > 10].index) == set(res.selected)


def test_estimate_on_the_grid_uses_the_cell_population(grid):
    est = Estimator(grid)
    assert est.population_var == "Einwohner"  # the catalogue's grid_weight, not population_total
    res = est.estimate(circle(10.686, 53.868, 1500), YEAR)  # the old town: thousands of residents
    areal, dasy = res.value("Einwohner", "areal"), res.value("Einwohner", "dasymetric")
    assert areal > 1000 and dasy > 1000
    w = res.contributions
    counts = est.counts[YEAR].loc[w["code"], "Einwohner"].to_numpy(float)
    assert areal == pytest.approx(np.floor((w["areal"].to_numpy() @ counts) / 5 + 0.5) * 5)


def test_exports_csv_xlsx_geopackage(grid, tmp_path):
    from geo.exports.geopackage import geopackage_bytes
    from geo.exports.tables import export_frame, to_csv_bytes, to_xlsx_bytes

    inds = ["Einwohner", "Auslaender_A"]
    frame = export_frame(grid, inds, YEAR)
    assert len(frame) == 2 * 291  # no city row: the grid has no reference area
    csv = to_csv_bytes(frame)
    back = pd.read_csv(io.BytesIO(csv), sep=None, engine="python", encoding="utf-8-sig")
    assert len(back) == 2 * 291
    assert to_xlsx_bytes(grid, inds, YEAR)[:2] == b"PK"
    path = tmp_path / "grid.gpkg"
    path.write_bytes(geopackage_bytes(grid, inds, YEAR))
    layers = {name for name, _ in pyogrio.list_layers(path)}
    assert "indikatoren_2011" in layers
    gdf = pyogrio.read_dataframe(path, layer="indikatoren_2011")
    assert len(gdf) == 2 * 291 and gdf.geometry.notna().all()
