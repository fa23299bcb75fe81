"""Reference dates in print footers (geo/printmap/text.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from geo.geographies import get_geography
from geo.loading import load_dataset
from geo.printmap.text import reference_text
from indicators.wording.voice import Voice


@pytest.fixture(scope="module")
def ind():
    return load_dataset(get_geography("stadtteile")).catalogue["share_65plus"]


@pytest.mark.parametrize(
    "ref, lang, expected",
    [
        ("31.12.", "de", "31.12.2022"),  # a day of every year: the map's year added
        ("31.12.", "en", "2022-12-31"),
        ("09.05.2011", "de", "09.05.2011"),  # a fixed day (Zensus): its own year, not "09.05.2011 2022"
        ("09.05.2011", "en", "2011-05-09"),
        ("Kalenderjahr", "de", "Kalenderjahr 2022"),
    ],
)
def test_reference_dates(ind, ref, lang, expected):
    assert reference_text(replace(ind, reference_date=ref), 2022, voice=Voice.of(lang)) == expected
