"""The dataset container (:mod:`indicators.dataset`) as loaded from the shipped Lübeck data."""

from __future__ import annotations

from dataclasses import replace

from indicators.compute.unprotected import UnprotectedTable


def test_years_are_sorted_whole_numbers_per_indicator_and_overall(luebeck) -> None:
    assert luebeck.years == list(range(2010, 2023))
    assert luebeck.years_for("zensus_population") == [2011]
    assert luebeck.years_for("no_such_indicator") == []
    assert all(isinstance(y, int) for y in luebeck.years)


def test_the_source_line_of_one_indicator_names_its_source_and_the_boundaries(luebeck) -> None:
    ind = luebeck.catalogue["zensus_population"]
    line = luebeck.attribution("zensus_population")
    assert line.startswith(luebeck.sources[ind.source].attribution())
    assert line.endswith(luebeck.geography.attribution)
    assert line.count(luebeck.geography.attribution) == 1


def test_without_an_indicator_every_source_is_named_once(luebeck) -> None:
    line = luebeck.attribution()
    parts = line.split("; ")
    assert len(parts) == len(set(parts))
    for source in luebeck.sources.values():
        assert source.attribution() in parts


def test_the_raw_table_is_always_the_guarded_type(luebeck) -> None:
    assert isinstance(luebeck.table, UnprotectedTable)
    copy = replace(luebeck, table=luebeck.protected_table())  # a plain frame handed in is wrapped again
    assert isinstance(copy.table, UnprotectedTable)
