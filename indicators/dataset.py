"""Load a geography's indicator data: read → validate → compute → protect.

This is the one path by which the app, the CLI and the exports get numbers,
so each of them sees the same validated values with disclosure control
already applied.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from geo.geographies import Geography, load_areas
from indicators.catalogue import Indicator, Source, load_catalogue, load_sources
from indicators.disclosure import MIN_COUNT, apply_disclosure
from indicators.loading import ROW_COL, read_table
from indicators.rates import compute_indicators
from indicators.report import Report
from indicators.validation import AreaMatcher, validate_table

import geopandas as gpd


@dataclass
class Dataset:
    """Everything known about one geography."""

    geography: Geography
    areas: gpd.GeoDataFrame
    table: pd.DataFrame          # tidy input: area_code, year, variable, value
    catalogue: dict[str, Indicator]
    sources: dict[str, Source]
    values: pd.DataFrame         # computed indicators, disclosure applied
    report: Report
    min_count: int = MIN_COUNT
    extra: dict = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.values["year"].unique())

    def years_for(self, indicator: str) -> list[int]:
        v = self.values[(self.values["indicator"] == indicator)]
        return sorted(int(y) for y in v["year"].unique())

    def attribution(self, indicator: str | None = None) -> str:
        """Source line: the indicator's source (or all sources) and the boundaries."""
        ids = [self.catalogue[indicator].source] if indicator in self.catalogue else list(self.sources)
        parts = [self.sources[s].attribution() for s in dict.fromkeys(ids) if s in self.sources]
        if self.geography.attribution and self.geography.attribution not in parts:
            parts.append(self.geography.attribution)
        return "; ".join(parts)


def load_dataset(geo: Geography, min_count: int = MIN_COUNT, min_population: float = 0) -> Dataset:
    """Read, validate and compute the data of a geography.

    Parameters
    ----------
    geo
        The geography (see :mod:`geo.geographies`).
    min_count, min_population
        Disclosure thresholds (see :func:`indicators.disclosure.apply_disclosure`).
    """
    areas = load_areas(geo)
    catalogue = load_catalogue(geo.catalogue)
    sources = load_sources(geo.catalogue)
    raw, report = read_table(geo.table)
    matcher = AreaMatcher(areas["code"], dict(zip(areas["code"], areas["name"])), geo.reference_code)
    table = validate_table(raw, report, matcher, catalogue).drop(columns=ROW_COL)
    values = compute_indicators(table, catalogue)
    pop = None
    if min_population and "population_total" in set(table["variable"]):
        pop = table[table["variable"] == "population_total"].set_index(["area_code", "year"])["value"]
    values = apply_disclosure(values, catalogue, min_count, min_population, pop)
    return Dataset(geo, areas, table, catalogue, sources, values, report, min_count)
