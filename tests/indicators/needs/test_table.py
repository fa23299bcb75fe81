"""The need table (indicators/needs/table.py) and the set-up of a user's choices (needs_setup)."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.needs.assessment import default_setup, needs_setup, run_needs
from indicators.needs.registry import need_method
from indicators.needs.table import indicators_used, need_table, shown_need_table
from indicators.wording.voice import GERMAN, Voice


@pytest.fixture(scope="module")
def assessed(luebeck):
    year = luebeck.years[-1]
    setup = needs_setup(luebeck, year, threshold=0.0)  # a low threshold: some areas flagged
    return year, run_needs(luebeck, year, setup)


def test_needs_setup_is_the_default_with_the_users_choices(luebeck):
    year = luebeck.years[-1]
    base = default_setup(luebeck, year)
    assert needs_setup(luebeck, year) == base
    picked = base.indicators[:2] + ["made_up"]
    s = needs_setup(luebeck, year, method="svi", indicators=picked, threshold=0.5)
    assert s.method == "svi" and s.indicators == picked and s.params["flag_threshold"] == 0.5
    assert s.directions["made_up"] == 1 and all(s.directions[i] == base.directions[i] for i in picked[:2])
    assert s.dynamic_indicators == [] or need_method("svi").uses_dynamic
    assert base.params == {}  # the default set-up is not changed in place


def test_need_table_rows_follow_the_assessment(luebeck, assessed):
    _, (result, expl, rob) = assessed
    labels = {i: luebeck.catalogue[i].label(voice=Voice.of("en")) for i in luebeck.catalogue}
    table = need_table(result, expl, rob, method="z", labels=labels, voice=Voice.of("en"))
    assert list(table.columns) == [
        "id",
        "name",
        "score",
        "rank",
        "label",
        "flag",
        "status",
        "robustness",
        "share",
        "rank_min",
        "rank_max",
        "reasons",
    ]
    assert table["rank"].is_monotonic_increasing and len(table) == len(result)
    by_id = result.set_index(result["id"].astype(str))
    for row in table.itertuples():
        assert row.score == pytest.approx(by_id.loc[row.id, "score"])
        assert row.flag == ("yes" if by_id.loc[row.id, "flag"] else "no")
        assert (row.reasons != "") == bool(by_id.loc[row.id, "flag"])  # reasons name the drivers of a flag
    assert set(indicators_used(result)) <= set(labels)
    no_rob = need_table(result, expl, None, method="z", labels=labels, voice=Voice.of("en"))
    assert "robustness" not in no_rob and no_rob["id"].tolist() == table["id"].tolist()


def test_shown_need_table_formats_for_the_screen(luebeck, assessed):
    _, (result, expl, rob) = assessed
    labels = {i: luebeck.catalogue[i].label(voice=GERMAN) for i in luebeck.catalogue}
    frame = need_table(result, expl, rob, method="z", labels=labels, voice=GERMAN)
    shown = shown_need_table(frame, voice=GERMAN)
    assert list(shown.columns) == [
        "id",
        "name",
        "label",
        "score",
        "rank",
        "flag",
        "status",
        "robustness",
        "share",
        "rank_range",
        "reasons",
    ]
    first = frame.iloc[0]
    assert shown["score"].iloc[0] == f"{first['score']:.2f}".replace(".", ",")
    assert shown["rank_range"].iloc[0] == f"{first['rank_min']:.0f}–{first['rank_max']:.0f}"
    assert shown["share"].iloc[0].endswith("%")
    assert str(shown["rank"].dtype) == "Int64"


def test_the_export_has_the_same_rows_as_the_page(luebeck, assessed):
    from geo.exports.results import needs_export

    year, (result, expl, rob) = assessed
    labels = {i: luebeck.catalogue[i].label(voice=GERMAN) for i in luebeck.catalogue}
    pd.testing.assert_frame_equal(
        needs_export(luebeck, result, expl, rob, "z", year, voice=GERMAN).frame,
        need_table(result, expl, rob, method="z", labels=labels, voice=GERMAN),
    )


def test_only_a_method_with_a_spread_note_adds_one():
    assert need_method("z").text_key("none_flagged") == "needs_none_flagged_z"
    assert need_method("mss").text_key("none_flagged") == ""
