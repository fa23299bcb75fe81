"""The radius query reads right: a density has no decimals ("6.235", not "6.235,0"), labels are
never cut, and the "–" of the Zensus 2011 counts in another year is explained."""

from __future__ import annotations

import re

import pytest

from geo.spatial.estimate import circle, default_estimator
from indicators.wording.voice import Voice


@pytest.fixture(scope="module")
def result():
    return default_estimator().estimate(circle(10.686, 53.866, 500), 2022)


def test_a_density_and_counts_have_no_decimals(result):
    text = result.to_text()
    density = next(line for line in text.splitlines() if line.startswith("Einwohnerdichte"))
    assert re.search(r"\s\d{1,3}(\.\d{3})*\s+\d{1,3}(\.\d{3})*$", density), density  # 6.235, not 6.235,0
    wide = result.wide()
    dec = dict(zip(wide["variable"], result.decimals(wide)))
    assert dec["population_total"] == 0 and dec["population_density"] == 0 and dec["share_65plus"] == 1


def test_labels_are_whole_and_missing_values_are_explained(result):
    text = result.to_text()
    assert "Ausländerinnen und Ausländer (Zensus 2011, Schätzung)" in text
    assert any("gibt es für 2022 nicht, nur für 2011" in str(n) for n in result.notes)
    # the estimate is computed once, without a language: the reader's voice renders notes and labels
    english = Voice.of("en")
    assert any("do not exist for 2022, only for 2011" in english.text(n) for n in result.notes)
    text = result.to_text(voice=Voice.of("en"))
    assert "Residents" in text and "Einwohner" not in text and "Adresspunkte" not in text, text


def test_no_note_when_every_value_exists():
    res = default_estimator().estimate(circle(10.686, 53.866, 500), 2011)
    assert not any("gibt es für" in str(n) for n in res.notes)


def test_the_share_outside_is_written_with_a_space_before_the_percent_sign():
    res = default_estimator().estimate(circle(10.905, 53.965, 2000), 2022)  # Travemünde coast, part in the Baltic
    note = next(str(n) for n in res.notes if "außerhalb der Gebiete" in str(n))
    assert re.match(r"\d+\s% der Auswahl", note), note  # "51 %" (no-break space), not "51%"
