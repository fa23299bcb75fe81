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
    return "\n".join(x.value for kind in ("markdown", "caption", "success", "info", "error") for x in getattr(at, kind))


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
    assert "Maßnahme 1 „Synthetisch: Löschprobe“ in den Papierkorb legen?" in at.warning[0].value  # asks first
    assert at.dataframe[0].value["Titel"].tolist() == ["Synthetisch: Löschprobe"]  # nothing deleted yet
    _button(at, "Ja, in den Papierkorb").click().run()
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

    csv = (
        b"id;handlungsfeld;text;indikator;geografie;gebiete;basisjahr;zielwert;zieljahr\n"
        b";Wohnen;Synthetisch: importiertes Ziel;share_65plus;stadtteile;;2015;20,5;2030\n"
    )
    monkeypatch.setattr(st, "file_uploader", lambda *a, **k: [_Upload("Ziele.csv", csv)])
    at = _open()
    assert "Noch keine Ziele eingetragen." in _text(at)
    _button(at, "Prüfen und speichern").click().run()
    assert not at.exception, [e.value for e in at.exception]
    text = _text(at)
    assert "Synthetisch: importiertes Ziel" in text  # the Ziele tab, drawn in the same click
    assert "Noch keine Ziele eingetragen." not in text
    assert "Die Listen oben sind auf dem neuen Stand." in text


def _goal(at: AppTest, text: str) -> AppTest:
    _input(at, "Ziel (Text)").set_value(text)
    _input(at, "Zielwert (%)").set_value("20")
    return _button(at, "Ziel speichern").click().run()


def test_an_admin_deletes_a_goal_after_a_question_and_restores_it(admin):
    at = _goal(_open(), "Synthetisch: Ziel zum Löschen")
    _button(at, "Ziel löschen").click().run()
    assert "Ziel 1 „Synthetisch: Ziel zum Löschen“ in den Papierkorb legen?" in at.warning[0].value
    _button(at, "Abbrechen").click().run()  # no: nothing happens
    assert not at.warning and "Noch keine Ziele eingetragen." not in _text(at)
    _button(at, "Ziel löschen").click().run()
    _button(at, "Ja, in den Papierkorb").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    text = _text(at)
    assert "Ziel 1 liegt im Papierkorb." in text and "Noch keine Ziele eingetragen." in text  # at once
    assert "Ziel 1: Synthetisch: Ziel zum Löschen – gelöscht von adam" in text
    _button(at, "Wiederherstellen").click().run()
    assert "Wiederhergestellt: Ziel 1." in _text(at) and "Noch keine Ziele eingetragen." not in _text(at)


def test_an_admin_deletes_a_partner_but_not_one_a_measure_names(admin):
    at = _open()
    for org in ("Synthetisch: Träger A", "Synthetisch: Träger B"):
        _input(at, "Organisation").set_value(org)
        at = _button(at, "Partner speichern").click().run()
    _input(at, "Titel").set_value("Synthetisch: Maßnahme mit Träger A")
    at.multiselect[0].set_value(["01"])
    _input(at, "Partner (durch Komma getrennt)").set_value("Synthetisch: Träger A")
    at = _button(at, "Speichern").click().run()
    assert not at.error, [e.value for e in at.error]
    at.selectbox(key="plan_partner_pick").set_value(1).run()
    _button(at, "Partner löschen").click().run()
    _button(at, "Ja, in den Papierkorb").click().run()
    assert any("Partner 1 gehört noch zu Maßnahme 1" in e.value for e in at.error)  # refused, says why
    table = next(d.value for d in at.dataframe if "Organisation" in d.value.columns)
    assert len(table) == 2
    at.selectbox(key="plan_partner_pick").set_value(2).run()
    _button(at, "Partner löschen").click().run()
    _button(at, "Ja, in den Papierkorb").click().run()
    assert "Partner 2 liegt im Papierkorb." in _text(at)
    table = next(d.value for d in at.dataframe if "Organisation" in d.value.columns)
    assert table["Organisation"].tolist() == ["Synthetisch: Träger A"]  # the list at once


def test_planners_get_no_delete_buttons_for_goals_and_partners(db):
    at = _goal(_open(), "Synthetisch: Ziel")
    _input(at, "Organisation").set_value("Synthetisch: Träger")
    at = _button(at, "Partner speichern").click().run()
    assert not [b for b in at.button if b.label in {"Ziel löschen", "Partner löschen"}]


def test_status_words_in_the_list_follow_the_language(db):
    at = _new_measure(_open(), "Synthetisch: Status")
    assert at.dataframe[0].value["Status"].tolist() == ["geplant"]
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.dataframe[0].value["Status"].tolist() == ["planned"]


def test_areas_clicked_on_the_map_fill_the_measures_areas(db):
    """A click on an area (AppTest cannot click the map: the state a click leaves) chooses it for the form."""
    at = _open()
    at.radio(key="plan_loc_mode_0_0").set_value("areas").run()
    at.session_state["plan_areas_0_0"] = ["01", "03"]  # two areas clicked
    at.run()
    assert at.multiselect[0].value == ["01", "03"]
    assert "Gebiete der Maßnahme: 01 " in _text(at)
    _input(at, "Titel").set_value("Synthetisch: Gebiete geklickt")
    at = _button(at, "Speichern").click().run()
    assert not at.error, [e.value for e in at.error]
    assert at.dataframe[0].value["Gebiete"].tolist() == ["01, 03"]


def test_a_drawn_area_is_saved_with_the_measure(db):
    area = {"type": "Polygon", "coordinates": [[[10.68, 53.86], [10.7, 53.86], [10.7, 53.87], [10.68, 53.86]]]}
    at = _open()
    at.radio(key="plan_loc_mode_0_0").set_value("draw").run()
    at.session_state["plan_loc_0_0"] = area  # what a drawing leaves (geo.planning.locations.drawn_location)
    at.run()
    assert "Gezeichnete Fläche: 0,73 km²" in _text(at)
    _input(at, "Titel").set_value("Synthetisch: Fläche")
    at = _button(at, "Speichern").click().run()
    assert not at.error, [e.value for e in at.error]
    at.selectbox(key="plan_edit_id").set_value(1).run()
    assert at.radio(key="plan_loc_mode_1_1").value == "draw"  # the stored area opens in the draw mode
    assert "Gezeichnete Fläche: 0,73 km²" in _text(at)
