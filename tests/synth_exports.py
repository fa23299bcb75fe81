"""SYNTHETIC test data for the export tests (print map, downloads, report).

Six square areas with invented counts. Nothing here describes real people or
places. Area 03 has 2 cases out of 4 residents: its case count and case rate
(50 %, far above all others) must be suppressed everywhere.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import box

from geo.geographies import Geography
from indicators.catalogue import Source, parse_indicator
from indicators.compute.disclosure import apply_disclosure
from indicators.compute.rates import compute_indicators
from indicators.dataset import Dataset
from indicators.ingest.report import Report

CODES = ["01", "02", "03", "04", "05", "06"]
SUPPRESSED_CODE = "03"
SUPPRESSED_RATE = 50.0  # 2 / 4 * 100, must never appear
POP = {2021: [1180, 905, 4, 1460, 790, 1090], 2022: [1200, 900, 4, 1500, 800, 1100]}
CASES = {2021: [120, 95, 2, 170, 41, 70], 2022: [132, 99, 2, 180, 40, 77]}
MEAN_AGE = {2021: [41.0, 44.5, 39.0, 47.2, 43.3, None], 2022: [41.2, 44.0, 39.5, 47.0, 43.1, None]}

SOURCE = Source(
    id="synthetic",
    label="Synthetische Testdaten (erfunden)",
    licence="CC0 1.0",
    licence_url="https://creativecommons.org/publicdomain/zero/1.0/",
    note_de="Erfundene Werte nur für Tests.",
    note_en="Invented values for tests only.",
)
ENTRIES = [
    dict(
        id="population_total",
        label_de="Einwohner (synthetisch)",
        label_en="Residents (synthetic)",
        topic="Bevölkerung",
        kind="count",
        unit="Personen",
        unit_en="persons",
        direction="neutral",
        definition_de="Erfundene Einwohnerzahl.",
        source="synthetic",
        reference_date="31.12.",
    ),
    dict(
        id="cases",
        label_de="Fälle (synthetisch)",
        label_en="Cases (synthetic)",
        topic="Soziales",
        kind="count",
        unit="Personen",
        unit_en="persons",
        direction="up",
        definition_de="Erfundene Fallzahl.",
        source="synthetic",
        reference_date="31.12.",
    ),
    dict(
        id="case_rate",
        label_de="Fallquote (synthetisch)",
        label_en="Case rate (synthetic)",
        topic="Soziales",
        kind="rate",
        numerator=["cases"],
        denominator=["population_total"],
        factor=100,
        unit="%",
        unit_en="%",
        direction="up",
        definition_de="Fälle je 100 Einwohner (erfunden).",
        source="synthetic",
        reference_date="31.12.",
    ),
    dict(
        id="mean_age",
        label_de="Durchschnittsalter (synthetisch)",
        label_en="Mean age (synthetic)",
        topic="Bevölkerung",
        kind="value",
        unit="Jahre",
        unit_en="years",
        direction="neutral",
        definition_de="Erfundenes Durchschnittsalter.",
        source="synthetic",
        reference_date="31.12.",
    ),
]


def synthetic_areas(names: list[str] | None = None) -> gpd.GeoDataFrame:
    """Six 2 km squares in a 3 x 2 grid (EPSG:25832), named 'Testgebiet NN'."""
    geoms = [
        box(
            600_000 + 2000 * (i % 3), 5_970_000 + 2000 * (i // 3), 602_000 + 2000 * (i % 3), 5_972_000 + 2000 * (i // 3)
        )
        for i in range(6)
    ]
    names = names or [f"Testgebiet {c}" for c in CODES]
    return gpd.GeoDataFrame({"code": CODES, "name": names}, geometry=geoms, crs="EPSG:25832")


def synthetic_dataset(names: list[str] | None = None, min_count: int = 3) -> Dataset:
    """A Dataset built the way load_dataset builds one, from the invented table."""
    rows = []
    for year in POP:
        for i, code in enumerate(CODES):
            rows.append((code, year, "population_total", POP[year][i]))
            rows.append((code, year, "cases", CASES[year][i]))
            if MEAN_AGE[year][i] is not None:
                rows.append((code, year, "mean_age", MEAN_AGE[year][i]))
        rows.append(("00", year, "population_total", sum(POP[year])))
        rows.append(("00", year, "cases", sum(CASES[year])))
        rows.append(("00", year, "mean_age", 43.0))
    table = pd.DataFrame(rows, columns=["area_code", "year", "variable", "value"])
    table["value"] = table["value"].astype(float)
    sources = {"synthetic": SOURCE}
    catalogue = {e["id"]: parse_indicator(e, sources) for e in ENTRIES}
    values = apply_disclosure(compute_indicators(table, catalogue), catalogue, min_count)
    geo = Geography(
        id="synthetisch",
        label_de="Teststadt – 6 Testgebiete (synthetisch)",
        label_en="Test town – 6 test areas (synthetic)",
        boundaries=Path("synthetic"),
        layer=None,
        table=Path("synthetic"),
        catalogue=Path("synthetic"),
        place="Teststadt",
        reference_label_de="Teststadt gesamt",
        reference_label_en="Test town overall",
        attribution="Geometrie: synthetisch",
    )
    return Dataset(geo, synthetic_areas(names), table, catalogue, sources, values, Report("synthetic"), min_count)
