"""The Sachstand report's page "Bedarf und Maßnahmen" and the forecast in the goal rows (issue 27, items 1
and 5) on the shipped Lübeck data with synthetic measures and goals."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from geo.planning.evaluate import Datasets
from geo.planning.need_measures import need_measures_page
from geo.planning.report import build_report
from indicators.needs.assessment import default_setup, run_needs
from indicators.wording.voice import GERMAN
from store import db
from store.permissions import User
from store.planning import repository as repo

PLANNER = User("anna", "planner")


def _measure(title, areas, field="Armut und Grundsicherung"):
    return {
        "id": 1,
        "title": title,
        "field": field,
        "geography": "stadtteile",
        "areas": areas,
        "status": "laufend",
        "start": "2020-01-01",
        "end": None,
    }


def test_page_lists_flagged_areas_with_their_measures(luebeck):
    year = luebeck.years[-1]
    result, _, _ = run_needs(luebeck, year, default_setup(luebeck, year), with_robustness=False)
    flagged = result.loc[result["flag"], "name"].tolist()
    heading, kind, lines = need_measures_page(luebeck, [_measure("Synthetisch: Treff", ["03"])], voice=GERMAN)
    assert (heading, kind) == ("Bedarf und Maßnahmen", "lines")
    assert lines[0].startswith(f"z-Wert-Summe (gewichtet), {year}: {len(flagged)} Gebiete markiert")
    assert len(lines) == 1 + len(flagged)
    assert all("keine Maßnahme" in line or "Synthetisch: Treff" in line for line in lines[1:])


@pytest.fixture
def engine(tmp_path):
    eng = db.make_engine(f"sqlite:///{tmp_path / 'plan.db'}")
    db.upgrade(eng)
    yield eng
    eng.dispose()


def test_report_has_the_page_and_the_forecast_verdict(engine, luebeck):
    repo.create(
        engine, PLANNER, "measure", {k: v for k, v in _measure("Synthetisch: Treff", ["03"]).items() if k != "id"}
    )
    repo.create(
        engine,
        PLANNER,
        "goal",
        {
            "field": "Alter und Pflege",
            "text": "Synthetisch: Ziel",
            "indicator": "share_65plus",
            "geography": "stadtteile",
            "areas": ["01"],
            "baseline_year": 2015,
            "target_value": 25,
            "target_year": 2030,
        },
    )
    pdf = build_report(engine, User("vera", "viewer"), year=2024, data=Datasets(lambda g: luebeck))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Bedarf und Maßnahmen" in text and "Gebiete markiert" in text
    assert "Zielprognosen" in text and "Ziel 1 (Synthetisch: Ziel): Trend 2030" in text
    assert any(text.count(f"Ziel 25,00: {v}.") == 1 for v in ("erreichbar", "gefährdet", "offen"))
