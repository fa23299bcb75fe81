"""The stand-in geography of a grid aggregate answers everything ``GeographyInfo`` asks."""

from __future__ import annotations

import inspect

from geo.grid.aggregate import _GridGeo
from indicators.dataset import GeographyInfo


def test_grid_geography_has_every_member_of_the_protocol():
    members = {n for n, _ in inspect.getmembers(GeographyInfo) if not n.startswith("_")}
    missing = {n for n in members if not hasattr(_GridGeo(), n)}
    assert not missing


def test_grid_geography_gives_a_hashable_cache_key():
    key = _GridGeo().cache_key()
    assert hash(key) == hash(_GridGeo().cache_key())


def test_grid_geography_names_itself_in_the_voice_given():
    from indicators.wording.voice import Voice

    grid = _GridGeo()
    assert (grid.label(), grid.label(voice=Voice.of("en"))) == ("Gitter", "Grid")
    assert grid.reference_label(voice=Voice.of("en")) == ""  # a grid has no whole-city row
