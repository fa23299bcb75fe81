"""Web map of the Versorgung page (:mod:`geo.webmap.supply_map`): the shipped Lübeck Stadtteile and Kitas.

The gap shares per area and the two chosen sites are SYNTHETIC, made here.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import pytest

from geo.spatial.facility_kinds import load_kind, source_line
from geo.webmap.supply_map import supply_map
from indicators.wording import t
from indicators.wording.voice import Voice

MARKER = re.compile(r"L\.circleMarker\(\s*\[([-\d.]+),\s*([-\d.]+)\]")


@pytest.fixture(scope="module")
def kitas() -> pd.DataFrame:
    points = load_kind("kitas")
    return pd.DataFrame(
        {
            "name": points["name"],
            "x": points.geometry.x,
            "y": points.geometry.y,
            "lat": points["lat"],
            "lon": points["lon"],
        }
    )


@pytest.fixture(scope="module")
def page(luebeck, kitas) -> str:
    areas = luebeck.areas
    values = pd.DataFrame(
        {"code": areas["code"], "value": np.linspace(0, 45, len(areas)), "withheld": np.arange(len(areas)) == 0}
    )
    sites = pd.DataFrame({"id": ["K-neu-1", "K-neu-2"], "x": kitas["x"].iloc[:2] + 300, "y": kitas["y"].iloc[:2]})
    m = supply_map(
        areas=areas,
        area_values=values,
        label="Versorgungsluecke",
        facilities=kitas[["name", "x", "y"]],
        attribution=source_line("kitas"),
        sites=sites,
        voice=Voice.of("de"),
    )
    return m.get_root().render()


def test_one_dot_per_kita_where_the_kita_is_plus_a_ring_per_site(page: str, kitas: pd.DataFrame) -> None:
    markers = np.array([(float(a), float(b)) for a, b in MARKER.findall(page)])
    assert len(markers) == len(kitas) + 2
    dots = markers[: len(kitas)]
    np.testing.assert_allclose(dots[:, 0], kitas["lat"], atol=1e-6)
    np.testing.assert_allclose(dots[:, 1], kitas["lon"], atol=1e-6)


def test_sites_are_numbered_and_named_in_their_tooltips(page: str) -> None:
    for n, sid in enumerate(["K-neu-1", "K-neu-2"], start=1):
        assert html.escape(t("sup_site_tip", "de", n=n, id=sid)) in page


def test_the_sources_and_the_mapped_value_are_shown(page: str) -> None:
    assert "Kita-Datenbank Schleswig-Holstein" in page
    assert "Versorgungsluecke" in page  # legend and tooltips
