"""Strategie page in Chromium (issue 27, "checked by"): need against measures after creating two measures,
the sandbox, a typology map described in words, a goal with its forecast chart; screenshots in
tests/artifacts/. Measures and the goal are SYNTHETIC (titles "Synthetisch: …")."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def svi_flags() -> tuple[list[str], list[str]]:
    """Areas SVI flags and does not flag on the shipped data's latest year (read from the library)."""
    from geo.loading import load_dataset
    from indicators.needs.assessment import default_setup, run_needs

    ds = load_dataset("stadtteile")
    setup = default_setup(ds, ds.years[-1])
    setup.method = "svi"
    r = run_needs(ds, ds.years[-1], setup, with_robustness=False)[0]
    return r.loc[r["flag"], "id"].tolist(), r.loc[~r["flag"], "id"].tolist()


def most_flags() -> int:
    from geo.loading import load_dataset
    from indicators.needs.assessment import default_setup
    from indicators.needs.consensus import dataset_consensus

    ds = load_dataset("stadtteile")
    return int(dataset_consensus(ds, ds.years[-1], default_setup(ds, ds.years[-1])).areas["n_flagged"].max())


@pytest.fixture(scope="module")
def server(e2e):
    from store import db
    from store.permissions import User
    from store.planning import repository as repo

    folder = Path(tempfile.mkdtemp(prefix="sm-strategy-e2e-"))
    url = f"sqlite:///{folder / 'plan.db'}"
    engine = db.make_engine(url)
    db.upgrade(engine)
    planner = User("anna", "planner")
    flagged, others = svi_flags()
    for title, area, field in (
        ("Synthetisch: Quartiersbüro", flagged[0], "Armut und Grundsicherung"),
        ("Synthetisch: Lernwerkstatt", others[0], "Kinder Jugend Familie"),
    ):
        repo.create(
            engine,
            planner,
            "measure",
            {
                "title": title,
                "field": field,
                "geography": "stadtteile",
                "areas": [area],
                "status": "laufend",
                "start": "2021-01-01",
            },
        )
    repo.create(
        engine,
        planner,
        "goal",
        {
            "field": "Alter und Pflege",
            "text": "Synthetisch: Anteil 65+ senken",
            "indicator": "share_65plus",
            "geography": "stadtteile",
            "areas": ["01"],
            "baseline_year": 2015,
            "target_value": 13.0,
            "target_year": 2030,
        },
    )
    engine.dispose()
    env = {"SOZIALMONITOR_DATA_DIR": str(folder), "SOZIALMONITOR_AUTH": "none", "SOZIALMONITOR_DB_URL": url}
    srv = e2e.start_streamlit("app.py", env)
    yield srv
    srv.stop()


def _tab(app, name: str) -> None:
    app.page.get_by_role("tab", name=name).click()
    app.wait_idle()


def _choose(app, label: str, option: str) -> None:
    box = app.page.locator("[data-testid=stSelectbox]:visible").filter(has_text=label).first
    box.click()
    app.page.get_by_role("option", name=option).click()
    app.wait_idle()


def test_strategy_views_in_the_browser(browser, e2e, server):
    with e2e.open_app_page(browser, server.url, "strategy") as app:
        app.goto()
        app.page.locator("[data-testid=stSidebarNav]").get_by_text("Strategie").click()
        app.wait_idle()
        page = app.page
        page.get_by_text(f"Von {most_flags()} der 3 Verfahren markiert").first.wait_for()
        app.map_frame()
        app.screenshot("consensus")

        _tab(app, "Bedarf und Maßnahmen")
        panel = page.locator("[role=tabpanel]:visible")
        _choose(app, "Verfahren", "SVI (CDC/ATSDR Social Vulnerability Index)")
        panel.get_by_text("Synthetisch: Quartiersbüro").first.wait_for()
        assert (panel.get_by_text("keine Maßnahme").count() >= 1) == (len(svi_flags()[0]) > 1)
        app.map_frame(index=1)
        app.screenshot("measures")

        _tab(app, "Schwellen-Sandkasten")
        box = page.locator("[data-testid=stNumberInput]:visible").filter(has_text="Schwelle für Markierung").first
        box.locator("input").fill("0")
        box.locator("input").press("Enter")
        app.wait_idle()
        page.get_by_text("neu markiert").first.wait_for()
        app.screenshot("sandbox")

        _tab(app, "Gebietstypen")
        page.get_by_text("Typ 1").first.wait_for()
        assert page.get_by_text(" hoch (z ").count() + page.get_by_text(" niedrig (z ").count() >= 1
        app.screenshot("types")

        _tab(app, "Segregation")
        page.get_by_text("Gebietszuschnitt (MAUP):").first.wait_for()
        app.screenshot("segregation")

        _tab(app, "Zielprognosen")
        # the share of 65+ in 01 rises since 2015 (shipped data): a goal to lower it is at risk
        page.get_by_text("Einschätzung: gefährdet").first.wait_for()
        page.locator("[data-testid=stVegaLiteChart]:visible").first.wait_for()
        app.screenshot("goals")
        assert app.external_requests == []
        assert app.page_errors == []
