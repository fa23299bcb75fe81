"""geo.report.pages: what the pages of one report share (SYNTHETIC dataset)."""
from __future__ import annotations

from synth_exports import synthetic_dataset

from geo.report import pages as rp
from indicators.compute.flag_table import threshold_flag_table


def test_a_report_year_reads_an_indicators_flags_from_its_table():
    ds = synthetic_dataset()
    table = threshold_flag_table(ds, 2022)
    table.index = table.index.astype(str)
    report = rp.ReportYear(ds, 2022, "de", rp.year_layers(ds, 2022), table)
    for ind in table.columns:
        assert report.flagged(ind) == frozenset(table.index[table[ind]])
    plain = next(i for i in ds.catalogue if i not in table.columns)  # no need indicator: no flags, no KeyError
    assert report.flagged(plain) == frozenset()
