"""The report for geographies with many areas (issue 16, item 9): appendix table, pages that break, progress."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.text import Text
from synth_exports import synthetic_dataset

from geo.report import layout as rl
from geo.report.pdf import (
    FLAG_ROWS_FIRST,
    MANY_AREAS,
    ROWS_PER_PAGE,
    ReportOptions,
    build_report,
    overview_codes,
    plan_report,
)
from indicators.compute.flag_table import threshold_flag_table


@pytest.fixture(scope="module")
def berlin():
    from geo.geographies import get_geography
    from geo.loading import load_dataset

    return load_dataset(get_geography("berlin-mss"))


def test_many_areas_get_an_appendix_table_instead_of_447_profiles(berlin):
    assert len(berlin.areas) == 447 > MANY_AREAS
    plan = plan_report(berlin, 2019)
    kinds = [p.kind for p in plan]
    assert kinds.count("area") == 0  # was one page per Planungsraum: 460 pages
    appendix = [p for p in plan if p.kind == "appendix"]
    covered = [i for p in appendix for i in range(*p.span)]
    assert covered == list(range(447))  # every area once, in pages of at most ROWS_PER_PAGE rows
    assert all(p.span[1] - p.span[0] <= ROWS_PER_PAGE for p in appendix)
    assert len(plan) < 40


def test_the_flag_overview_breaks_across_pages(berlin):
    table = threshold_flag_table(berlin, 2019)
    rows = overview_codes(berlin, table)
    plan = plan_report(berlin, 2019, table=table)
    spans = [p.span for p in plan if p.kind in {"flags", "flags_more"}]
    assert spans[0] == (0, min(len(rows), FLAG_ROWS_FIRST))  # page 2 crammed 447 rows into one table
    assert [i for s in spans for i in range(*s)] == list(range(len(rows)))
    assert all(table.loc[c].any() for c in rows)  # only areas with at least one flag


def test_a_chosen_subset_of_profiles(berlin):
    codes = list(berlin.areas["code"].astype(str)[:3])
    plan = plan_report(berlin, 2019, areas=codes)
    assert [p.key for p in plan if p.kind == "area"] == codes
    with pytest.raises(ValueError, match="unbekannte Gebiete"):
        plan_report(berlin, 2019, areas=["nirgendwo"])


def test_few_areas_keep_their_profiles_and_progress_is_reported():
    ds = synthetic_dataset()
    seen: list[tuple[int, int]] = []
    build_report(
        ds,
        2022,
        options=ReportOptions(created=date(2024, 6, 30)),
        progress=lambda done, total: seen.append((done, total)),
    )
    total = len(plan_report(ds, 2022))
    assert seen == [(n, total) for n in range(1, total + 1)]
    assert [p.kind for p in plan_report(ds, 2022)].count("area") == len(ds.areas)


def test_footer_never_grows_into_the_content():
    fig, layout = rl.new_page()
    rl.page_frame(fig, layout, "Titel", footer="Quelle: " + "sehr lange Quellenangabe " * 60, page="Seite 1 / 1")
    texts = [t.get_text() for t in fig.findobj(Text)]  # the frame draws on the figure, not on an axes
    footer = [t for t in texts if t.startswith("Quelle")][0]
    assert len(footer.splitlines()) <= rl.FOOTER_LINES and footer.endswith("…")
