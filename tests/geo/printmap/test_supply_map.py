"""Print map of the Versorgung page (geo/printmap/supply_map.py): the Kitas on the map, their source
and date in the footer, the method named, chosen sites drawn (synthetic site made here)."""

import matplotlib
import numpy as np
import pandas as pd
import pytest

from geo.printmap import layout as pl
from geo.printmap.render import PrintOptions
from geo.printmap.supply_map import build_supply_map, page_texts, supply_map_bytes
from geo.spatial.reach import compute_reach
from geo.spatial.reach_points import demand_from_variable, load_supply
from indicators.wording.voice import Voice


@pytest.fixture(scope="module")
def reach(luebeck):
    demand = demand_from_variable(ds=luebeck, variable="pop_under18", year=2022)
    return compute_reach(demand=demand, supply=load_supply(facilities="kitas", areas=luebeck.areas), max_distance=500)


def test_kitas_with_source_date_and_method_on_the_print_map(luebeck, reach):
    site = pd.DataFrame({"x": [610_000.0], "y": [5_970_000.0]})
    with matplotlib.rc_context(pl.RC):
        pm = build_supply_map(
            ds=luebeck, result=reach, variable="pop_under18", sites=site, options=PrintOptions(voice=Voice.of("de"))
        )
        text = page_texts(pm)
        points = {c.get_zorder(): c.get_offsets() for c in pm.map_ax.collections if c.get_zorder() in (6, 7)}
    assert "Kita-Datenbank Schleswig-Holstein" in text and "Stand 27.11.2023" in text
    assert "Luftlinie (EPSG:25832)" in text and "höchstens 500 m" in text
    assert "Melderegister" in text or "hl-quarto-db" in text  # the demand's own source
    assert len(points[6]) == 128  # the Kitas
    assert np.allclose(points[7], [[610_000.0, 5_970_000.0]])  # the chosen site


def test_print_map_bytes_in_english(luebeck, reach):
    data = supply_map_bytes(
        ds=luebeck, result=reach, variable="pop_under18", fmt="pdf", options=PrintOptions(voice=Voice.of("en"))
    )
    assert data.startswith(b"%PDF")


def test_method_and_demand_on_the_english_print_map(luebeck, reach):
    with matplotlib.rc_context(pl.RC):
        pm = build_supply_map(
            ds=luebeck, result=reach, variable="pop_under18", options=PrintOptions(voice=Voice.of("en"))
        )
        text = page_texts(pm)
    assert "straight line (EPSG:25832)" in text and "spread evenly over the area's address points" in text
    for word in ("Luftlinie", "gleichmäßig", "Adresspunkte"):
        assert word not in text, word
