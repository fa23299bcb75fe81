"""The social report's planning section, with a SYNTHETIC labelled register (records "Synthetisch …")."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from synth_exports import synthetic_dataset

from geo.planning.summary import register_lines, section_lines
from geo.report.pdf import ReportOptions, build_report, plan_report
from indicators.formatting import fmt_number
from indicators.wording.voice import Voice
from store import db
from store.permissions import User
from store.planning import repository as repo

PLANNER = User("anna", "planner")


@pytest.fixture(scope="module")
def synth():
    return synthetic_dataset()


def _goal(**kw):
    return {
        "id": 7,
        "field": "Wohnen",
        "text": "Synthetisch: weniger Fälle",
        "indicator": "cases",
        "geography": "synthetisch",
        "areas": ["01"],
        "baseline_year": 2021,
        "target_value": 0.0,
        "target_year": 2031,
        **kw,
    }


def _measure(i: int, field: str, geography: str = "synthetisch"):
    return {
        "id": i,
        "title": f"Synthetisch {i}",
        "field": field,
        "geography": geography,
        "areas": ["01"],
        "status": "laufend",
        "indicators": ["cases"],
        "start": "2021-03-01",
        "end": None,
    }  # as the store gives them


def test_goals_with_progress_and_measures_per_field(synth):
    v = synth.values
    base = float(v[(v.area_code == "01") & (v.indicator == "cases") & (v.year == 2021)].value.iloc[0])
    cur = float(v[(v.area_code == "01") & (v.indicator == "cases") & (v.year == 2022)].value.iloc[0])
    lines = section_lines(
        synth,
        [_goal()],
        [
            _measure(1, "Wohnen"),
            _measure(2, "Wohnen"),
            _measure(3, "Arbeit"),
            _measure(4, "Arbeit", geography="anderswo"),
        ],
    )
    texts = [text for _, text in lines]
    assert lines[0] == ("h", "Strategische Sozialplanung")
    assert "1 Ziele und 3 Maßnahmen" in texts[1]  # the other geography's measure is not counted
    assert "Arbeit: 1 Maßnahmen" in texts and "Wohnen: 2 Maßnahmen" in texts
    progress = fmt_number(100 * (cur - base) / (0.0 - base), 0)  # German number, typographic minus
    goal = next(x for x in texts if x.startswith("Ziel 7"))
    # the percent sign never wraps alone (voice.percent: a no-break space in German)
    assert f"Fortschritt {progress}\u00a0%" in goal and "Synthetisch: weniger Fälle" in goal
    english = [text for _, text in section_lines(synth, [_goal()], [_measure(1, "Wohnen")], voice=Voice.of("en"))]
    assert english[0] == "Strategic social planning" and any(x.startswith("Goal 7") for x in english)
    en_goal = next(x for x in english if x.startswith("Goal 7"))  # English number style: "−150%", not "−150 %"
    assert fmt_number(100 * (cur - base) / (0.0 - base), 0, "en") + "%" in en_goal, en_goal


def test_empty_register_gives_no_section(synth):
    assert section_lines(synth, [], []) == []
    assert section_lines(synth, [], [_measure(1, "Wohnen", geography="anderswo")]) == []
    assert "planning" not in [p.kind for p in plan_report(synth, 2022, planning=[])]


def test_report_has_the_section_before_methods(synth, tmp_path):
    eng = db.make_engine(f"sqlite:///{tmp_path / 'plan.db'}")
    db.upgrade(eng)
    assert register_lines(eng, PLANNER, synth) == []
    repo.create(eng, PLANNER, "goal", {k: v for k, v in _goal().items() if k != "id"})
    repo.create(eng, PLANNER, "measure", {k: v for k, v in _measure(1, "Wohnen").items() if k != "id"})
    lines = register_lines(eng, PLANNER, synth)
    eng.dispose()
    kinds = [p.kind for p in plan_report(synth, 2022, planning=lines)]
    assert "planning" in kinds and kinds.index("planning") < kinds.index("methods")
    pdf = build_report(synth, 2022, options=ReportOptions(created=date(2024, 6, 30), planning=lines))
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) == len(kinds)
    text = pages[kinds.index("planning")]
    assert "Strategische Sozialplanung" in text and "Wohnen: 1 Maßnahmen" in text
