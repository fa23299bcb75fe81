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


def shipped():
    """The shipped Lübeck data's latest year: the most methods flagging one area, and the areas SVI flags
    (read from the library, so the tests follow the shipped data)."""
    from geo.loading import load_dataset
    from indicators.needs.assessment import default_setup, run_needs
    from indicators.needs.consensus import dataset_consensus

    ds = load_dataset("stadtteile")
    year = ds.years[-1]
    most = int(dataset_consensus(ds, year, default_setup(ds, year)).areas["n_flagged"].max())
    setup = default_setup(ds, year)
    setup.method = "svi"
    result = run_needs(ds, year, setup, with_robustness=False)[0]
    return most, result.loc[result["flag"], "id"].tolist(), result.loc[~result["flag"], "id"].tolist()


def _register(flagged: str, other: str):
    """Two synthetic measures (one in the area ``flagged``, one in ``other``) and one goal."""
    from store import db as store_db
    from store import users
    from store.planning import repository as repo

    engine = store_db.engine_for()
    user = users.local_user(engine)
    repo.create(
        engine,
        user,
        "measure",
        {
            "title": "Synthetisch: Quartiersbüro",
            "field": "Armut und Grundsicherung",
            "geography": "stadtteile",
            "areas": [flagged],
            "status": "laufend",
            "start": "2021-01-01",
        },
    )
    repo.create(
        engine,
        user,
        "measure",
        {
            "title": "Synthetisch: Lernwerkstatt",
            "field": "Kinder Jugend Familie",
            "geography": "stadtteile",
            "areas": [other],
            "status": "laufend",
            "start": "2021-01-01",
        },
    )
    repo.create(
        engine,
        user,
        "goal",
        {
            "field": "Armut und Grundsicherung",
            "text": "Synthetisch: Anteil unter 18 halten",
            "indicator": "share_under18",
            "geography": "stadtteile",
            "areas": ["03"],
            "baseline_year": 2015,
            "target_value": 25.0,
            "target_year": 2030,
        },
    )


def test_every_tab_renders_with_words_and_numbers(db):
    at = AppTest.from_function(_page, default_timeout=180).run()
    assert not at.exception, at.exception
    assert at.title[0].value.startswith("Strategie")
    text = " ".join(m.value for m in at.markdown)
    assert f"Von {shipped()[0]} der 3 Verfahren markiert" in text
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
    _, flagged, others = shipped()
    _register(flagged[0], others[0])
    at = AppTest.from_function(_page, default_timeout=180).run()
    assert not at.exception, at.exception
    at.selectbox(key="str_cov_method").set_value("svi").run()
    text = " ".join(m.value for m in at.markdown)
    assert "Synthetisch: Quartiersbüro" in text and ("keine Maßnahme" in text) == (len(flagged) > 1)
    metrics = {m.label: m.value.replace("\xa0", " ") for m in at.metric}
    assert metrics["Maßnahmen in markierten Gebieten"] == "50 %"  # the Lernwerkstatt is not in a flagged area
    assert metrics["Markierte Gebiete mit Maßnahme"] == f"{round(100 / len(flagged))} %"
    goals = [d.value for d in at.dataframe if "Einschätzung" in d.value.columns]
    assert goals and goals[0]["Einschätzung"].iloc[0] in {"erreichbar", "gefährdet", "offen"}
    assert goals[0]["Indikator"].iloc[0] != "share_under18"  # the indicator's label, not its id (issue 24)
    assert goals[0]["Indikator"].iloc[0].startswith("Anteil")


def test_the_page_speaks_english(db):
    at = AppTest.from_function(_page, default_timeout=180)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value.startswith("Strategy")
    text = " ".join(m.value for m in at.markdown)
    assert f"Flagged by {shipped()[0]} of 3 methods" in text and "Type 1" in text
    assert "Verfahren markiert" not in text and "Gebietszuschnitt" not in text


def _planning_page():
    from ui.pages import planning

    planning.render()


def test_the_planning_goal_list_shows_the_forecast(db):
    _register("03", "01")
    at = AppTest.from_function(_planning_page, default_timeout=180).run()
    assert not at.exception, at.exception
    lines = [c.value for c in at.caption if c.value.startswith("Prognose 2030: ")]
    assert len(lines) == 1 and lines[0].endswith(("erreichbar", "gefährdet", "offen"))
