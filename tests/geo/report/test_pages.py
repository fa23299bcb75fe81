"""geo.report.pages: what the pages of one report share, and the page of one indicator (SYNTHETIC dataset)."""

from __future__ import annotations

import matplotlib
from synth_exports import synthetic_dataset

from geo.printmap import layout as pl
from geo.printmap import page as pg
from geo.report import layout as rl
from geo.report import pages as rp
from indicators.compute.flag_table import threshold_flag_table
from indicators.wording.voice import GERMAN


def test_a_report_year_reads_an_indicators_flags_from_its_table():
    ds = synthetic_dataset()
    table = threshold_flag_table(ds, 2022)
    table.index = table.index.astype(str)
    report = rp.ReportYear(ds, 2022, rp.year_layers(ds, 2022), table, voice=GERMAN)
    for ind in table.columns:
        assert report.flagged(ind) == frozenset(table.index[table[ind]])
    plain = next(i for i in ds.catalogue if i not in table.columns)  # no need indicator: no flags, no KeyError
    assert report.flagged(plain) == frozenset()


def test_an_indicator_page_has_no_axes_and_keeps_its_texts_in_order():
    ds = synthetic_dataset()
    layers = rp.year_layers(ds, 2022)
    table = threshold_flag_table(ds, 2022)
    ind = next(i for i in layers if i in table.columns)
    with matplotlib.rc_context(pl.RC):
        fig, layout = rl.new_page()
        top = rl.page_frame(
            fig, layout, ds.catalogue[ind].label(voice=GERMAN), "Thema", "Teststadt", "Quelle: Test", "Seite 1 / 1"
        )
        rp.indicator_page(fig, layout, rp.ReportYear(ds, 2022, layers, table, voice=GERMAN), ind, top)
        assert fig.axes == []  # map, scale bar, legend and trend chart were five axes per page
        page = pg._PAGE_AXES[fig]
        texts = page.texts
        assert texts[0] == "Thema".upper() and "Quelle: Test" in texts
        assert "Entwicklung Teststadt gesamt" in texts  # the trend's title, after the table
        years = [s for s in texts if s.isdigit() and len(s) == 4]
        assert years and years == sorted(years)  # the chart's year ticks, left to right
