"""Every page copes with every dataset shape the app lets you save (SYNTHETIC datasets made here).

Shapes: boundaries only, one year with one value indicator (no counts), one count
indicator; plus URL parameters that need more than the dataset has.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box
from streamlit.testing.v1 import AppTest

from geo.uploads.datastore import DataStore, SaveRequest
from indicators.catalogue import Indicator, Source

PAGES = ["atlas", "needs", "queries:area", "queries:filter", "queries:facilities", "queries:raster", "upload", "about"]
X0, Y0 = 610_000, 5_970_000
SRC = {"synthetic": Source("synthetic", "Synthetische Testdaten")}


def _areas(n: int = 3, name: str = "Gebiet") -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"code": [f"{i:02d}" for i in range(1, n + 1)], "name": [f"{name} {i}" for i in range(1, n + 1)]},
        geometry=[box(X0 + i * 500, Y0, X0 + i * 500 + 500, Y0 + 500) for i in range(n)],
        crs=25832,
    )


def _table(variable: str, values: list[float], year: int = 2022) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "area_code": [f"{i:02d}" for i in range(1, len(values) + 1)],
            "year": year,
            "variable": variable,
            "value": values,
        }
    )


SHAPES = {
    "nur_grenzen": lambda: ({}, pd.DataFrame(columns=["area_code", "year", "variable", "value"])),
    "ein_wert": lambda: (
        {"hitze": Indicator("hitze", "Hitzetage", "Hot days", "value", "Tage", source="synthetic")},
        _table("hitze", [3.5, 7.0, 1.25]),
    ),
    "eine_anzahl": lambda: (
        {"kitas": Indicator("kitas", "Kitas", "Day care", "count", "Anzahl", source="synthetic")},
        _table("kitas", [30, 40, 50]),
    ),
}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("var")
    store = DataStore(root)
    for name, make in SHAPES.items():
        cat, table = make()
        store.save(
            SaveRequest(
                name=name, label_de=name, areas=_areas(), table=table, catalogue=cat, sources=SRC, reference_code=None
            )
        )
    return root


def _page(module: str) -> None:
    import importlib

    from ui import common

    common.language_switch()
    importlib.import_module(f"ui.pages.{module}").render()


def _run(data_dir, monkeypatch, module: str, **params) -> AppTest:
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(data_dir))
    at = AppTest.from_function(_page, args=(module,), default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


@pytest.mark.parametrize("module", PAGES)
@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_page_opens_on_every_shape(data_dir, monkeypatch, module, shape):
    module, _, tool = module.partition(":")
    at = _run(data_dir, monkeypatch, module, geography=shape, **({"tool": tool} if tool else {}))
    assert not at.exception, [e.value for e in at.exception]


def test_manual_scheme_without_breaks_falls_back_with_a_note(data_dir, monkeypatch):
    at = _run(data_dir, monkeypatch, "atlas", scheme="manual")
    assert not at.exception, [e.value for e in at.exception]
    notes = " ".join(x.value for x in [*at.info, *at.warning, *at.caption])
    assert "Klassengrenzen" in notes
