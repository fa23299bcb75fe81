"""Atlas results a planner can trust (issue 16, item 1): AppTest without a browser."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from testkit import ROOT

from indicators.wording.voice import GERMAN

APP = str(ROOT / "app.py")


def run_app(**params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def _flagged_names(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_change_view_from_the_first_year_explains_instead_of_2010_2010():
    at = run_app(view="change", year="2010", indicator="share_65plus")
    assert not at.exception
    assert "2010–2010" not in " ".join(h.value for h in at.subheader)
    assert any("Vergleichsjahr vor 2010" in i.value for i in at.info)


def test_change_view_of_a_balance_offers_no_relative_change_and_no_flags():
    at = run_app(view="change", start="2010", year="2022", indicator="natural_balance_per_1000")
    assert not at.exception
    assert not [r for r in at.radio if r.key == "relative"]  # no "relative change in %"
    captions = " ".join(c.value for c in at.caption)
    assert "Saldo" in captions and "Keine Markierung" in captions
    ranking = at.dataframe[0].value
    assert (ranking["erhöhter Bedarf"] == "nein").all()  # the flag column in words


def test_change_view_flags_follow_the_need_direction():
    at = run_app(view="change", start="2010", year="2022", indicator="share_65plus")
    assert not at.exception
    ranking = at.dataframe[0].value  # sorted by rank: rank 1 = largest increase
    flags = ranking["erhöhter Bedarf"].astype(str).str.strip()
    assert flags.iloc[0] == "ja"  # the strongest rise of the 65+ share is flagged
    assert flags.iloc[-1] == "nein"  # the strongest fall is not


def test_counts_get_no_flags():
    at = run_app(indicator="population_total")
    assert not at.exception
    assert "Kein Gebiet" in _flagged_names(at) or "Keine Markierung" in " ".join(c.value for c in at.caption)
    assert not any(t.key and t.key.startswith("threshold-") for t in at.text_input)


def test_flag_list_of_a_count_says_counts_are_not_flagged_not_that_none_passed():
    at = run_app(indicator="population_total")
    assert not at.exception
    main = " ".join(m.value for m in at.main.markdown)
    assert "Keine Markierung: nur Quoten und Anteile" in main
    assert "Kein Gebiet überschreitet die Schwelle" not in main  # there is no threshold for a count


def test_threshold_reads_german_numbers_and_survives_a_year_change():
    at = run_app(indicator="share_65plus", year="2022")
    box = [t for t in at.text_input if t.key == "threshold-share_65plus-level"][0]
    box.set_value("25,5").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "Eigene Schwelle: ab 25,5" in captions  # was read as 255 and flagged nothing
    flagged = _flagged_names(at)
    assert "Travemünde" in flagged
    at.select_slider(key="year").set_value(2020).run()
    assert not at.exception
    assert [t for t in at.text_input if t.key == "threshold-share_65plus-level"][0].value == "25,5"
    assert "Eigene Schwelle: ab 25,5" in " ".join(c.value for c in at.caption)


def test_print_map_footnote_states_the_custom_rule():
    at = run_app(indicator="share_65plus", year="2022")
    [t for t in at.text_input if t.key == "threshold-share_65plus-level"][0].set_value("22").run()
    assert not at.exception
    from geo.printmap.text import flag_note
    from indicators.compute.flags import FlagRule

    note = flag_note(FlagRule("up", 22.0, True), "%", 1, voice=GERMAN)
    assert note == "Erhöhter Bedarf: Wert ab 22,0\u00a0% (eigene Schwelle)"
    assert "Standardabweichung" not in note


def test_manual_breaks_with_a_duplicate_get_a_german_message():
    at = run_app(indicator="share_65plus", scheme="manual")
    at.text_input(key="breaks").set_value("20; 25,5; 20").run()
    assert not at.exception
    assert any("doppelt" in w.value and "Quantile" in w.value for w in at.warning)


def test_std_mean_says_why_it_has_fewer_classes():
    at = run_app(indicator="share_65plus", scheme="std_mean", k="7")
    assert not at.exception
    assert any("statt 7 Klassen" in c.value for c in at.caption)
