"""Map of measures and the Sachstand PDF on the shipped Lübeck data (synthetic measures, labelled)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from geo.planning.evaluate import Datasets
from geo.planning.map import measures_map
from geo.planning.report import build_report
from indicators.wording.voice import Voice
from store import db
from store.permissions import User
from store.planning import repository as repo

PLANNER = User("anna", "planner")


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


def test_map_outlines_measure_areas_and_marks_points(luebeck):
    rec = _measure(title="<script>Synthetisch</script>", location={"type": "Point", "coordinates": [10.68, 53.87]})
    html = measures_map(luebeck, "share_65plus", 2022, [rec]).get_root().render()
    assert "&lt;script&gt;Synthetisch" in html and "<script>Synthetisch" not in html
    assert "L.marker" in html or "marker" in html.lower()


@pytest.mark.parametrize(
    "location",
    [
        {"type": "Point", "coordinates": [10.68, 53.87]},
        {"type": "Polygon", "coordinates": [[[10.68, 53.87], [10.69, 53.87], [10.69, 53.88], [10.68, 53.87]]]},
    ],
)
def test_braces_in_a_measure_title_are_never_run_as_a_template(luebeck, location):
    # folium/branca render an element's output as a Jinja template a second time: {{ … }} ran on the server
    rec = _measure(title="Synthetisch {{ 7*7 }} {% if true %}x{% endif %}", location=location)
    html = measures_map(luebeck, "share_65plus", 2022, [rec]).get_root().render()
    assert "Synthetisch &#123;&#123; 7*7 &#125;&#125;" in html
    assert "Synthetisch 49" not in html


def test_report_pdf_has_every_section(engine, luebeck):
    repo.create(engine, PLANNER, "measure", _measure())
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
            "target_year": 2025,
        },
    )
    pdf = build_report(engine, User("vera", "viewer"), year=2024, data=Datasets(lambda g: luebeck))
    assert pdf.startswith(b"%PDF") and b"Sachstand Strategische Sozialplanung 2024" in pdf
    # goals, map, need and measures, goal forecasts, measures per area, evaluation, caveats, sources
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 8


def test_report_of_empty_register(engine, luebeck):
    pdf = build_report(engine, User("vera", "viewer"), year=2024, data=Datasets(lambda g: luebeck))
    assert pdf.startswith(b"%PDF")


def test_report_pdf_in_english(engine, luebeck):
    repo.create(engine, PLANNER, "measure", _measure())
    pdf = build_report(
        engine, User("vera", "viewer"), year=2024, data=Datasets(lambda g: luebeck), voice=Voice.of("en")
    )
    assert b"Strategic social planning status report 2024" in pdf
    assert b"Sachstand Strategische Sozialplanung" not in pdf
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "difference in differences" in text and "smallest possible p-value" in text  # the caveats, in English
    assert "Differenz der Differenzen" not in text and "kleinste mögliche" not in text


def test_report_texts_come_from_the_wording_table():
    from indicators.wording import planning, t

    keys = [k for k in planning.TEXTS if k.startswith("plan_rep_")]
    assert len(keys) >= 15
    for key in ("plan_rep_goal_cols", "plan_rep_area_cols", "plan_rep_effect_cols"):
        assert len(t(key, "de").split("|")) == len(t(key, "en").split("|"))
