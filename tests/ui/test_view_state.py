"""Issue 24, Deliver 1: the state of a view survives language and geography switches.

Keys, never translated words, in the URL and the session state; a choice that no longer exists
falls back with a note instead of failing or emptying.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from viewkit import HARNESS, labels_of, qp, stale_labels, switch_language, synthetic_environment


def _open(**params) -> AppTest:
    at = AppTest.from_string(HARNESS, default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_language_switch_then_a_click_keeps_the_view_key_in_the_url():
    at = _open()
    assert not at.exception
    shown = labels_of(at)  # German labels, as the browser keeps them ("Stand")
    at.radio(key="lang").set_value("en").run()
    with stale_labels(shown):  # the next click still sends "Stand" for the view radio
        at.slider(key="k").set_value(4).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["view"] == "level"
    assert qp(at, "view") is None  # not "Stand"
    assert at.subheader[0].value.startswith("Share aged 65")


def test_change_view_and_indicator_survive_a_switch_to_english_and_back():
    at = _open()
    at.selectbox(key="indicator").set_value("share_under18").run()
    at.radio(key="view").set_value("change").run()
    switch_language(at, "en")
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["indicator"] == "share_under18" and at.session_state["view"] == "change"
    shown = labels_of(at)
    with stale_labels(shown):
        at.slider(key="k").set_value(3).run()
    switch_language(at, "de")
    with stale_labels(labels_of(at)):
        at.slider(key="k").set_value(4).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["indicator"] == "share_under18"
    assert qp(at, "view") == "change" and qp(at, "indicator") == "share_under18"
    assert at.radio(key="view").value == "change"


def test_needs_keeps_indicators_after_a_switch_to_berlin_and_mss():
    at = _open()
    at.session_state["page"] = "needs"
    at.query_params.clear()
    at.run()
    next(s for s in at.selectbox if s.label == "Gebietsgliederung").set_value("berlin-mss").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Voreinstellung" in " ".join(c.value for c in at.sidebar.caption)  # the fallback is said
    at.selectbox(key="needs_method").set_value("mss").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.multiselect(key="needs_indicators").value
    assert "Bitte mindestens einen Indikator wählen." not in [i.value for i in at.info]


def test_needs_method_survives_the_language_switch():
    at = _open()
    at.session_state["page"] = "needs"
    at.run()
    at.selectbox(key="needs_method").set_value("svi").run()
    switch_language(at, "en")
    with stale_labels(labels_of(at)):
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["needs_method"] == "svi" and qp(at, "method") == "svi"


def test_print_map_title_and_subtitle_are_typed_in_the_print_expander_and_kept():
    at = _open()
    at.session_state["dl_print_map_open"] = True
    at.run()
    at.text_input(key="print_title").set_value("Synthetischer Titel").run()
    at.text_input(key="print_subtitle").set_value("Synthetischer Untertitel").run()
    at.session_state["dl_print_map_open"] = False  # closed and opened again: the typed title stays
    at.run()
    at.session_state["dl_print_map_open"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.text_input(key="print_title").value == "Synthetischer Titel"
    assert at.text_input(key="print_subtitle").value == "Synthetischer Untertitel"


def test_area_profile_offers_a_one_page_pdf():
    at = _open(area="03")
    assert not at.exception, [e.value for e in at.exception]
    labels = [b.label for b in at.get("download_button")]
    assert "Gebietsprofil als PDF (1 Seite)" in labels


def test_needs_on_an_uploaded_table_without_the_usual_indicators_chooses_all_it_has(monkeypatch):
    for k, v in synthetic_environment().items():
        monkeypatch.setenv(k, v)
    at = _open(geo="synthetisch")
    at.session_state["page"] = "needs"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.multiselect(key="needs_indicators").value == ["quote"]
    assert "Bitte mindestens einen Indikator wählen." not in [i.value for i in at.info]
