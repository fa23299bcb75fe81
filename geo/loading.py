"""Load a geography's indicator data: read → validate → compute → protect.

This is the one path by which the app, the CLI and the exports get numbers,
so each of them sees the same validated values with disclosure control
already applied.
"""

from __future__ import annotations

import pandas as pd

from geo.geographies import Geography, get_geography, load_areas
from indicators.catalogue import load_catalogue, load_sources
from indicators.compute.disclosure import MIN_COUNT, apply_disclosure, relations_for
from indicators.compute.rates import compute_indicators
from indicators.dataset import Dataset
from indicators.ingest.read import ROW_COL, read_table
from indicators.ingest.validate import AreaMatcher, validate_table
from indicators.limits import stored_table_bytes


def load_dataset(geo: Geography | str, min_count: int = MIN_COUNT, min_population: float = 0) -> Dataset:
    """Read, validate and compute the data of a geography.

    Parameters
    ----------
    geo
        The geography, or its id (shipped or saved; :func:`geo.geographies.get_geography`).
    min_count, min_population
        Disclosure thresholds (see :func:`indicators.compute.disclosure.apply_disclosure`).
    """
    geo = get_geography(geo)
    areas = load_areas(geo)
    catalogue = load_catalogue(geo.catalogue)
    sources = load_sources(geo.catalogue)
    raw, report = read_table(geo.table, max_bytes=stored_table_bytes())  # saved under the configured limit
    matcher = AreaMatcher(areas["code"], dict(zip(areas["code"], areas["name"])), geo.reference_code)
    table = validate_table(raw, report, matcher, catalogue).drop(columns=ROW_COL)
    extra_reports = []
    for extra in geo.extra_tables:  # e.g. the Zensus 2011 Stadtteil indicators (data/build_zensus.py)
        raw_x, report_x = read_table(extra)
        table = pd.concat(
            [table, validate_table(raw_x, report_x, matcher, catalogue).drop(columns=ROW_COL)], ignore_index=True
        )
        extra_reports.append(report_x)
    values = compute_indicators(table, catalogue)
    pop = None
    if min_population and "population_total" in set(table["variable"]):
        pop = table[table["variable"] == "population_total"].set_index(["area_code", "year"])["value"]
    # totals and parts: the catalogue's and those the table shows (a variable equal to the sum of
    # others in every complete area), so that total minus parts cannot reveal a hidden part
    values = apply_disclosure(
        values, catalogue, min_count, min_population, pop, relations=relations_for(catalogue, table)
    )
    return Dataset(
        geo,
        areas,
        table,
        catalogue,
        sources,
        values,
        report,
        min_count,
        extra={"extra_reports": extra_reports} if extra_reports else {},
    )
