"""Issue 24, Deliver 2: the planning cycle in the browser (AppTest, no browser).

Goals and partners created in forms appear at once; a saved measure leaves a fresh form; delete
goes to the trash, restore and undo; after an import the lists are up to date without a reload;
dates, open ends and indicators are shown in words. All records are SYNTHETIC ("Synthetisch: …").
"""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def _page():
    from ui.pages import planning

    planning.render()


@pytest.fixture
def db(tmp_path, monkeypatch):
    from store import db as store_db

    monkeypatch.setenv("SOZIALMONITOR_DB_URL", f"sqlite:///{tmp_path / 'plan.db'}")
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "none")
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path / "var"))
    yield
    store_db.dispose_all()


def _open() -> AppTest:
    at = AppTest.from_function(_page, default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label.startswith(label))


def _text(at: AppTest) -> str:
    return "\n".join(x.value for kind in ("markdown", "caption", "success", "info", "error")
                     for x in getattr(at, kind))


def _input(at: AppTest, label: str):
    return next(w for w in at.text_input if w.label == label)


def test_a_goal_created_in_the_form_is_listed_at_once_with_its_indicator_label(db):
    at = _open()
    assert "Noch keine Ziele eingetragen." in _text(at)
    at.selectbox(key="plan_goal_ind_0").set_value("share_under18").run()
    _input(at, "Ziel (Text)").set_value("Synthetisch: mehr Kinderbetreuung")
    _input(at, "Zielwert (%)").set_value("17,5")
    _button(at, "Ziel speichern").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    text = _text(at)
    assert "Gespeichert: Ziel 1." in text
    assert "Noch keine Ziele eingetragen." not in text
    line = next(m.value for m in at.markdown if "Synthetisch: mehr Kinderbetreuung" in m.value)
    assert "Anteil unter 18" in line or "unter 18-Jährige" in line, line
    assert "share_under18" not in line
    assert _input(at, "Ziel (Text)").value == ""


def test_a_goal_needs_a_number_as_target(db):
    at = _open()
    _input(at, "Ziel (Text)").set_value("Synthetisch: Ziel")
    _input(at, "Zielwert (%)").set_value("viel")
    _button(at, "Ziel speichern").click().run()
    assert any("„viel“ ist keine Zahl" in e.value for e in at.error)


def test_a_partner_created_in_the_form_is_listed_at_once(db):
    at = _open()
    _input(at, "Organisation").set_value("Synthetisch: Stadtteiltreff e. V.")
    _input(at, "Art (z. B. Verein, Amt, Träger)").set_value("Verein")
    _button(at, "Partner speichern").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Gespeichert: Partner 1." in _text(at)
    table = next(d.value for d in at.dataframe if "Organisation" in d.value.columns)
    assert table["Organisation"].tolist() == ["Synthetisch: Stadtteiltreff e. V."]


def _new_measure(at: AppTest, title: str) -> AppTest:
    _input(at, "Titel").set_value(title)
    at.multiselect[0].set_value(["01"])
    return _button(at, "Speichern").click().run()


def test_saving_leaves_a_fresh_form_and_the_list_shows_german_dates_and_laufend(db):
    at = _new_measure(_open(), "Synthetisch: Quartiersbüro")
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert _input(at, "Titel").value == ""  # not the saved values under "– neue Maßnahme –"
    assert at.selectbox(key="plan_edit_id").value == 0
    table = at.dataframe[0].value
    assert table["Ende"].tolist() == ["laufend"]
    start = table["Beginn"].iloc[0]
    assert start.count(".") == 2 and len(start) == 10, start  # DD.MM.YYYY


@pytest.fixture
def admin(db, monkeypatch):
    from store.permissions import User
    from ui import auth

    monkeypatch.setattr(auth, "current_user", lambda: User("adam", "admin"))


def test_a_planner_undoes_the_measure_just_created(db):
    at = _new_measure(_open(), "Synthetisch: Versehen")
    _button(at, "Rückgängig: Maßnahme 1 angelegt").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Rückgängig gemacht: Maßnahme 1 angelegt." in _text(at)
    assert "Noch keine Maßnahmen eingetragen." in _text(at)
    assert not [b for b in at.button if b.label == "Wiederherstellen"]  # the trash is for admins


def test_delete_goes_to_the_trash_restore_and_undo(admin):
    at = _new_measure(_open(), "Synthetisch: Löschprobe")
    at.selectbox(key="plan_edit_id").set_value(1).run()
    _button(at, "Löschen").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Noch keine Maßnahmen eingetragen." in _text(at)
    assert "Synthetisch: Löschprobe" in _text(at)  # listed in the trash
    _button(at, "Wiederherstellen").click().run()
    assert "Wiederhergestellt: Maßnahme 1." in _text(at)
    assert at.dataframe[0].value["Titel"].tolist() == ["Synthetisch: Löschprobe"]
    _button(at, "Rückgängig").click().run()  # undo the restore: back in the trash
    assert "Rückgängig gemacht: Maßnahme 1 wiederhergestellt." in _text(at)
    assert "Noch keine Maßnahmen eingetragen." in _text(at)


class _Upload:
    """What ``st.file_uploader`` gives (AppTest cannot drive the uploader itself)."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name, self._data = name, data

    def getvalue(self) -> bytes:
        return self._data


def test_after_an_import_the_goals_tab_is_up_to_date_without_a_reload(db, monkeypatch):
    import streamlit as st

    csv = (b"id;handlungsfeld;text;indikator;geografie;gebiete;basisjahr;zielwert;zieljahr\n"
           b";Wohnen;Synthetisch: importiertes Ziel;share_65plus;stadtteile;;2015;20,5;2030\n")
    monkeypatch.setattr(st, "file_uploader", lambda *a, **k: [_Upload("Ziele.csv", csv)])
    at = _open()
    assert "Noch keine Ziele eingetragen." in _text(at)
    _button(at, "Prüfen und speichern").click().run()
    assert not at.exception, [e.value for e in at.exception]
    text = _text(at)
    assert "Synthetisch: importiertes Ziel" in text  # the Ziele tab, drawn in the same click
    assert "Noch keine Ziele eingetragen." not in text
    assert "Die Listen oben sind auf dem neuen Stand." in text
