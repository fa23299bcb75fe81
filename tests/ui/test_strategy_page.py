"""The Strategie page in AppTest (no browser): consensus, sandbox, need against two measures, typology in
words, segregation, a goal with its forecast. Measures and goals are synthetic ("Synthetisch: …")."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


def _page():
    from ui.pages import strategy

    strategy.render()


@pytest.fixture
def db(tmp_path, monkeypatch):
    from store import db as store_db

    monkeypatch.setenv("SOZIALMONITOR_DB_URL", f"sqlite:///{tmp_path / 'plan.db'}")
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "none")
    yield
    store_db.dispose_all()


def _register():
    """Two synthetic measures (one in a flagged area of the default z method's sandbox is not needed)
    and one goal on the shipped Lübeck data."""
    from store import db as store_db
    from store import users
    from store.planning import repository as repo

    engine = store_db.engine_for()
    user = users.local_user(engine)
    repo.create(engine, user, "measure", {"title": "Synthetisch: Quartiersbüro Moisling", "field": "Armut und Grundsicherung",
                                          "geography": "stadtteile", "areas": ["03"], "status": "laufend",
                                          "start": "2021-01-01"})
    repo.create(engine, user, "measure", {"title": "Synthetisch: Lernwerkstatt", "field": "Kinder Jugend Familie",
                                          "geography": "stadtteile", "areas": ["01"], "status": "laufend",
                                          "start": "2021-01-01"})
    repo.create(engine, user, "goal", {"field": "Armut und Grundsicherung", "text": "Synthetisch: Anteil unter 18 halten",
                                       "indicator": "share_under18", "geography": "stadtteile", "areas": ["03"],
                                       "baseline_year": 2015, "target_value": 25.0, "target_year": 2030})


def test_every_tab_renders_with_words_and_numbers(db):
    at = AppTest.from_function(_page, default_timeout=180).run()
    assert not at.exception, at.exception
    assert at.title[0].value.startswith("Strategie")
    text = " ".join(m.value for m in at.markdown)
    assert "Von 2 der 3 Verfahren markiert" in text or "Von 3 der 3 Verfahren markiert" in text
    assert "Typ 1" in text and (" hoch (z " in text or " niedrig (z " in text)  # types described in words
    captions = " ".join(c.value for c in at.caption)
    assert "Nichts wird gespeichert" in captions and "Gebietszuschnitt" in text


def test_sandbox_shows_areas_entering_the_flagged_set(db):
    at = AppTest.from_function(_page, default_timeout=180).run()
    at.number_input(key="str_sb_threshold_z").set_value(0.0).run()
    assert not at.exception, at.exception
    changes = [d.value for d in at.dataframe if "Änderung" in d.value.columns]
    assert changes and set(changes[0]["Änderung"]) == {"neu markiert"}


def test_need_against_measures_and_goal_forecast(db):
    _register()
    at = AppTest.from_function(_page, default_timeout=180).run()
    assert not at.exception, at.exception
    at.selectbox(key="str_cov_method").set_value("svi").run()  # svi flags Moisling (03) on the shipped data
    text = " ".join(m.value for m in at.markdown)
    assert "Synthetisch: Quartiersbüro Moisling" in text and "keine Maßnahme" in text
    metrics = {m.label: m.value.replace("\xa0", " ") for m in at.metric}
    assert metrics["Maßnahmen in markierten Gebieten"] == "50 %"  # the Lernwerkstatt (01) is not in a flagged area
    assert metrics["Markierte Gebiete mit Maßnahme"] == "33 %"  # 03 of 03, 04, 08
    goals = [d.value for d in at.dataframe if "Einschätzung" in d.value.columns]
    assert goals and goals[0]["Einschätzung"].iloc[0] in {"erreichbar", "gefährdet", "offen"}


def test_the_page_speaks_english(db):
    at = AppTest.from_function(_page, default_timeout=180)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value.startswith("Strategy")
    text = " ".join(m.value for m in at.markdown)
    assert "Flagged by 2 of 3 methods" in text and "Type 1" in text
    assert "Verfahren markiert" not in text and "Gebietszuschnitt" not in text


def _planning_page():
    from ui.pages import planning

    planning.render()


def test_the_planning_goal_list_shows_the_forecast(db):
    _register()
    at = AppTest.from_function(_planning_page, default_timeout=180).run()
    assert not at.exception, at.exception
    lines = [c.value for c in at.caption if c.value.startswith("Prognose 2030: ")]
    assert len(lines) == 1 and lines[0].endswith(("erreichbar", "gefährdet", "offen"))
