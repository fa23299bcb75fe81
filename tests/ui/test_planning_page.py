"""The Planung page in AppTest (no browser): create a measure, see it in the list and in the profile,
a stale save from a second session is refused. Records are synthetic (titles "Synthetisch: …")."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def _page():
    from ui.pages import planning

    planning.render()


def _profile():
    from ui.pages.planning_form import area_section

    area_section("stadtteile", "01", "de")


@pytest.fixture
def db(tmp_path, monkeypatch):
    from store import db as store_db

    monkeypatch.setenv("SOZIALMONITOR_DB_URL", f"sqlite:///{tmp_path / 'plan.db'}")
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "none")
    yield
    store_db.dispose_all()


def _open() -> AppTest:
    return AppTest.from_function(_page, default_timeout=120).run()


def _fill(at: AppTest, title: str) -> None:
    at.text_input[0].set_value(title)
    at.multiselect[0].set_value(["01"])


def _save(at: AppTest) -> AppTest:
    """Click the measure form's submit button (other buttons, e.g. undo, may come first)."""
    return next(b for b in at.button if b.label == "Speichern").click().run()


def test_create_measure_then_stale_edit_refused(db):
    at = _open()
    assert not at.exception, at.exception
    assert at.subheader[0].value == "Strategische Sozialplanung"
    _fill(at, "Synthetisch: Quartiersbüro")
    _save(at)
    assert not at.exception, at.exception
    assert any("Gespeichert: Maßnahme 1, Version 1" in s.value for s in at.success)
    at = _open()
    assert "Synthetisch: Quartiersbüro" in at.dataframe[0].value["Titel"].tolist()
    prof = AppTest.from_function(_profile, default_timeout=60).run()
    assert any("Synthetisch: Quartiersbüro" in m.value for m in prof.markdown)
    # two sessions open measure 1 at version 1; the first saves, the second is refused
    first, second = _open(), _open()
    for at in (first, second):
        at.selectbox(key="plan_edit_id").set_value(1).run()
    first.text_input[0].set_value("Synthetisch: erste Änderung")
    _save(first)
    assert any("Version 2" in s.value for s in first.success)
    second.text_input[0].set_value("Synthetisch: zweite Änderung")
    _save(second)
    msg = " ".join(e.value for e in second.error)
    assert "wurde inzwischen" in msg and "erste Änderung" in msg and "nicht gespeichert" in msg


def test_validation_message_for_empty_title(db):
    at = _open()
    at.multiselect[0].set_value(["01"])
    _save(at)
    assert any("Titel fehlt" in e.value for e in at.error)


def _field(at: AppTest, label: str):
    return next(w for w in at.text_input if w.label == label)


def test_budget_and_location_in_german_numbers(db):
    at = _open()
    _fill(at, "Synthetisch: Budget")
    _field(at, "Budget geplant (EUR)").set_value("12.500,50")
    _field(at, "Budget verausgabt (EUR)").set_value("800")
    at.session_state["plan_loc_0_0"] = {"type": "Point", "coordinates": [10.68, 53.87]}  # a click on the map
    _save(at)
    assert not at.exception and not at.error, [e.value for e in at.error]
    at = _open()
    at.selectbox(key="plan_edit_id").set_value(1).run()
    assert _field(at, "Budget geplant (EUR)").value == "12.500,50"  # stored as 12500.5, shown as typed
    assert _field(at, "Budget verausgabt (EUR)").value == "800,00"
    assert any("Gewählter Ort: 53,87000 N, 10,68000 O" in c.value for c in at.caption)


def test_an_amount_that_is_no_number_gets_a_german_message(db):
    at = _open()
    _fill(at, "Synthetisch: Budget")
    _field(at, "Budget geplant (EUR)").set_value("zwölf")
    _save(at)
    assert any("Budget geplant (EUR): „zwölf“ ist kein Betrag" in e.value for e in at.error)
    _field(at, "Budget geplant (EUR)").set_value("-5")
    _save(at)
    assert any("nicht negativ" in e.value for e in at.error)


def test_a_link_in_a_measure_title_is_shown_as_text_in_the_profile(db):
    at = _open()
    _fill(at, "Synthetisch: siehe http://example.invalid/x und www.example.invalid")
    _save(at)
    prof = AppTest.from_function(_profile, default_timeout=60).run()
    line = next(m.value for m in prof.markdown if "siehe" in m.value)
    assert "http://example" not in line and "www.example" not in line  # no autolink in Streamlit's markdown
