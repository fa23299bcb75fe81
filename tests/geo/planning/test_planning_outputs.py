"""Issue 24, Deliver 2: planning outputs speak words, not codes (synthetic records, labelled).

The Sachstand PDF and the social report's planning section show indicator labels, German dates
and "laufend" for an open end; the map page has legend, north arrow and scale bar; an empty
register does not number its pages; the report lists the measures per area.
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from geo.planning.evaluate import Datasets
from geo.planning.report import build_report
from geo.planning.summary import section_lines
from indicators.planning.display import day, period
from indicators.wording.voice import GERMAN, Voice
from store import db
from store.permissions import User
from store.planning import repository as repo

PLANNER, VIEWER = User("anna", "planner"), User("vera", "viewer")


@pytest.fixture
def engine(tmp_path):
    eng = db.make_engine(f"sqlite:///{tmp_path / 'plan.db'}")
    db.upgrade(eng)
    yield eng
    eng.dispose()


def _measure(**kw):
    return {
        "title": "Synthetisch: Stadtteiltreff",
        "field": "Teilhabe und Behinderung",
        "geography": "stadtteile",
        "areas": ["01"],
        "start": "2018-01-01",
        "indicators": ["share_65plus"],
        **kw,
    }


def _goal(**kw):
    return {
        "field": "Alter und Pflege",
        "text": "Synthetisch: Ziel",
        "indicator": "share_65plus",
        "geography": "stadtteile",
        "areas": ["01"],
        "baseline_year": 2015,
        "target_year": 2025,
        **kw,
    }


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_sachstand_speaks_labels_and_german_dates(engine, luebeck):
    repo.create(engine, PLANNER, "measure", _measure())
    repo.create(engine, PLANNER, "goal", _goal(target_value=25))
    pages = _pages(build_report(engine, VIEWER, year=2024, data=Datasets(lambda g: luebeck)))
    text = " ".join(pages)
    assert "share_65plus" not in text
    assert "Anteil 65-Jährige" in text
    assert "01.01.2018 – laufend" in text
    assert "None" not in text and "2018-01-01" not in text


def test_sachstand_map_page_has_legend_north_arrow_and_scale(engine, luebeck):
    repo.create(engine, PLANNER, "measure", _measure())
    pages = _pages(build_report(engine, VIEWER, year=2024, data=Datasets(lambda g: luebeck)))
    page = next(p for p in pages if "Maßnahmen auf der Karte" in p)
    assert "Gebiet mit Maßnahme" in page  # the legend names the outlined areas
    assert " N " in f" {page} " or page.startswith("N ") or " N" in page  # north arrow
    assert "km" in page  # scale bar
    assert "Anteil 65-Jährige" in page  # legend title


def test_sachstand_footers_never_cut_a_source(engine, luebeck):
    """A footer too long for the page points to the last page, which lists every source in full."""
    repo.create(engine, PLANNER, "measure", _measure())
    pages = _pages(build_report(engine, VIEWER, year=2024, data=Datasets(lambda g: luebeck)))
    assert not any("Länder),…" in p or "Länder)…" in p or " … Seite" in p for p in pages)
    pointers = [p for p in pages if f"Quellen und Lizenzen: Seite {len(pages)}" in p]
    assert pointers  # Lübeck's sources do not fit three footer lines
    assert "dl-de/by-2-0" in pages[-1] and "Kita-Datenbank" in pages[-1]  # the full list


def test_empty_register_does_not_number_its_pages(engine, luebeck):
    pages = _pages(build_report(engine, VIEWER, year=2024, data=Datasets(lambda g: luebeck)))
    assert "Noch keine Ziele eingetragen" in pages[0] or "keine Ziele" in pages[0]
    assert "Ziele nach Handlungsfeldern (1)" not in pages[0]
    assert "Ziele nach Handlungsfeldern" in pages[0]


def test_social_report_section_lists_the_measures_per_area(luebeck):
    measures = [
        {**_measure(), "id": 1, "status": "laufend", "end": None, "areas": ["01", "03"]},
        {
            **_measure(title="Synthetisch: Beratung"),
            "id": 2,
            "status": "geplant",
            "end": "2026-12-31",
            "start": "2025-02-01",
            "areas": ["03"],
        },
    ]
    lines = section_lines(luebeck, [], measures, voice=GERMAN)
    text = "\n".join(x for _, x in lines)
    assert "Maßnahmen je Gebiet" in text
    names = dict(zip(luebeck.areas["code"], luebeck.areas["name"]))
    row = next(x for _, x in lines if x.startswith(f"03 {names['03']}"))
    assert "Synthetisch: Stadtteiltreff (laufend, 01.01.2018 – laufend)" in row
    assert "Synthetisch: Beratung (geplant, 01.02.2025 – 31.12.2026)" in row


@settings(max_examples=60, deadline=None)
@given(d=st.dates(), end=st.one_of(st.none(), st.dates()))
def test_dates_are_always_day_month_year_and_an_open_end_is_laufend(d, end):
    shown = day(d.isoformat())
    assert shown == f"{d.day:02d}.{d.month:02d}.{d.year:04d}"
    text = period(d.isoformat(), end.isoformat() if end else None)
    assert "None" not in text and "-" not in text.replace(" – ", "")
    assert text.endswith("laufend") == (end is None)


def test_status_words_in_the_readers_language_in_report_and_sachstand(engine, luebeck):
    """English Sachstand and social report say "running"/"planned", never the German keys."""
    measures = [
        {**_measure(), "id": 1, "status": "laufend", "end": None},
        {**_measure(title="Synthetisch: Beratung"), "id": 2, "status": "geplant", "end": "2026-12-31"},
    ]
    text = "\n".join(x for _, x in section_lines(luebeck, [], measures, voice=Voice.of("en")))
    assert "(running, " in text and "(planned, " in text
    assert "laufend" not in text and "geplant" not in text
    for m in measures:
        repo.create(engine, PLANNER, "measure", {k: v for k, v in m.items() if k != "id"})
    english = " ".join(
        _pages(build_report(engine, VIEWER, year=2024, data=Datasets(lambda g: luebeck), voice=Voice.of("en")))
    )
    assert "running" in english and "planned" in english
    assert "laufend" not in english and "geplant" not in english
    german = " ".join(_pages(build_report(engine, VIEWER, year=2024, data=Datasets(lambda g: luebeck))))
    assert "geplant" in german


def test_sachstand_numbers_in_the_readers_format(engine, luebeck):
    """Baseline, current value, target and progress of a goal: 25,50 and 13 % in German, 25.50 and 13% in English."""
    repo.create(engine, PLANNER, "goal", _goal(target_value=25.5))
    data = Datasets(lambda g: luebeck)
    german = " ".join(_pages(build_report(engine, VIEWER, year=2024, data=data)))
    english = " ".join(_pages(build_report(engine, VIEWER, year=2024, data=data, voice=Voice.of("en"))))
    assert "25,50" in german and "25.50" not in german
    assert "25.50" in english and "25,50" not in english
    # the progress column: 13 % of the way from the baseline to the target (German with a space)
    assert re.search(r"25,50 13\s%", german) and "25.50 13% " in english
