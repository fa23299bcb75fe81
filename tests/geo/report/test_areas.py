"""geo.report.areas: area profiles and the appendix table of the social report (SYNTHETIC dataset)."""

from __future__ import annotations

import matplotlib
from synth_exports import synthetic_dataset

from geo.printmap import layout as pl
from geo.printmap import page as pg
from geo.report import areas as ra
from geo.report import layout as rl
from geo.report import pages as rp
from indicators.compute.flag_table import threshold_flag_table
from indicators.wording.voice import GERMAN


def _report():
    ds = synthetic_dataset()
    table = threshold_flag_table(ds, 2022)
    table.index = table.index.astype(str)
    return rp.ReportYear(ds, 2022, rp.year_layers(ds, 2022), table, voice=GERMAN)


def test_appendix_columns_are_the_need_indicators_with_data_then_any_at_most_seven():
    report = _report()
    ds, table, layers = report.ds, report.table, report.layers
    assert ra.appendix_columns(ds, table, layers) == [i for i in table.columns if i in layers][: ra.APPENDIX_COLUMNS]
    none = table.iloc[:, :0]  # no need indicators: the catalogue's indicators with data
    assert ra.appendix_columns(ds, none, layers) == [i for i in ds.catalogue if i in layers][: ra.APPENDIX_COLUMNS]
    many = {f"x{k}": next(iter(layers.values())) for k in range(12)}
    assert len(ra.appendix_columns(ds, none, many | layers)) <= ra.APPENDIX_COLUMNS


def test_an_area_profile_lists_every_indicator_with_data_and_draws_no_axes():
    report = _report()
    code = str(report.ds.areas["code"].iloc[0])
    with matplotlib.rc_context(pl.RC):
        fig, layout = rl.new_page()
        top = rl.page_frame(fig, layout, "Gebiet", "Gebietsprofile", "Teststadt", "Quelle: Test", "Seite 1 / 1")
        ra.area_page(fig, layout, report, code, top)
        assert fig.axes == []
        texts = pg._PAGE_AXES[fig].texts
    for ind_id in report.layers:
        ind = report.ds.catalogue[ind_id]
        assert f"{ind.label(voice=GERMAN)} ({ind.unit_for(voice=GERMAN)})" in texts


def test_the_appendix_has_one_row_per_area_of_its_span():
    report = _report()
    ds = report.ds
    with matplotlib.rc_context(pl.RC):
        fig, layout = rl.new_page()
        top = rl.page_frame(fig, layout, "Anhang", "Anhang", "Teststadt", "Quelle: Test", "Seite 1 / 1")
        ra.appendix_page(fig, layout, ds, report.table, top, report.layers, (1, 4), voice=GERMAN)
        texts = pg._PAGE_AXES[fig].texts
    shown = ds.areas.sort_values("code").iloc[1:4]
    others = ds.areas.sort_values("code").drop(shown.index)
    assert all(name in texts for name in shown["name"])
    assert not any(name in texts for name in others["name"])
