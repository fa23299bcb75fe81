"""geo.report.flags: the flag overview of the social report (SYNTHETIC counts and dataset)."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from synth_exports import synthetic_dataset

from geo.printmap import layout as pl
from geo.printmap import page as pg
from geo.report import flags as rf
from geo.report import layout as rl
from indicators.wording.voice import GERMAN


@given(st.lists(st.one_of(st.integers(0, 9), st.just(np.nan)), min_size=1, max_size=40))
def test_count_classes_are_the_number_of_flags_and_every_area_is_counted(flags):
    counts = pd.Series(flags, dtype=float)
    cls = rf.count_classification(counts)
    n = counts.fillna(0).astype(int)
    assert cls.classes.tolist() == n.tolist()  # no flags (or none known) is class 0
    assert sum(cls.counts) == len(counts) and cls.no_data_count == 0
    top = max(int(n.max()), 1)
    assert len(cls.colors) == len(cls.labels) == len(cls.counts) == top + 1
    assert cls.colors[0] == "#f0f0f0"  # light grey for "none"


def test_the_overview_lists_each_flagged_area_with_its_indicators():
    ds = synthetic_dataset()
    codes = ds.areas["code"].astype(str).tolist()
    table = pd.DataFrame(False, index=codes, columns=["cases", "case_rate"])  # flags set by hand
    table.loc[codes[0], ["cases", "case_rate"]] = True
    table.loc[codes[4], "case_rate"] = True
    flagged = [codes[0], codes[4]]
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"]))
    with matplotlib.rc_context(pl.RC):
        fig, layout = rl.new_page()
        top = rl.page_frame(fig, layout, "Übersicht", "Thema", "Teststadt", "Quelle: Test", "Seite 1 / 1")
        rf.flags_page(fig, layout, ds, table, top, "Regel: Test", list(table.index), voice=GERMAN)
        assert fig.axes == []
        texts = pg._PAGE_AXES[fig].texts
    for code in flagged:
        assert names[code] in texts
        hits = "; ".join(ds.catalogue[i].label(voice=GERMAN) for i in table.columns if table.at[code, i])
        assert hits in texts
    assert names[codes[1]] in texts  # an area without flags is listed too, with "–"
