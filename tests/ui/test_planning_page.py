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


def test_create_measure_then_stale_edit_refused(db):
    at = _open()
    assert not at.exception, at.exception
    assert at.subheader[0].value == "Strategische Sozialplanung"
    _fill(at, "Synthetisch: Quartiersbüro")
    at.button[0].click().run()  # the form's submit button
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
    first.button[0].click().run()
    assert any("Version 2" in s.value for s in first.success)
    second.text_input[0].set_value("Synthetisch: zweite Änderung")
    second.button[0].click().run()
    msg = " ".join(e.value for e in second.error)
    assert "wurde inzwischen" in msg and "erste Änderung" in msg and "nicht gespeichert" in msg


def test_validation_message_for_empty_title(db):
    at = _open()
    at.multiselect[0].set_value(["01"])
    at.button[0].click().run()
    assert any("Titel fehlt" in e.value for e in at.error)
