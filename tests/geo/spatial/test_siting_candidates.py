"""Candidate sites (geo/spatial/siting_candidates.py) on the shipped areas and address points;
the points of the thinning test are synthetic, made in this file."""

import numpy as np

from geo.spatial.siting_candidates import candidates_from


def test_grid_and_address_candidates(luebeck):
    grid = candidates_from(source="grid", areas=luebeck.areas)
    assert 1000 < len(grid) < 5000 and (grid.codes != "").all()
    assert np.allclose((grid.xy - 125) % 250, 0)
    from geo.spatial.addresses import load_addresses

    addr = candidates_from(source="addresses", areas=luebeck.areas)
    assert 1000 < len(addr) <= 5000 and "150-m-Zelle" in addr.label
    assert set(addr.ids) <= set(load_addresses()["id"])  # real address points
    cells = np.floor(addr.xy / 150)
    assert len(np.unique(cells, axis=0)) == len(addr)  # one per 150 m cell


def test_candidates_are_named_in_the_readers_language(luebeck, tmp_path):
    from indicators.wording.voice import Voice

    en = Voice.of("en")
    grid = candidates_from(source="grid", areas=luebeck.areas)
    assert grid.label == "Mittelpunkte der 250-m-Gitterzellen mit Adressen"
    assert grid.label_in(voice=en) == "centres of the 250 m grid cells with addresses"
    addr = candidates_from(source="addresses", areas=luebeck.areas)
    assert addr.label_in(voice=en) == "address points (the most central per 150 m cell)"
    path = tmp_path / "orte.csv"
    path.write_text("name,x,y\nA,610100,5970000\n", encoding="utf-8")
    own = candidates_from(source=path, areas=luebeck.areas)
    assert (own.label, own.label_in(voice=en)) == ("Kandidaten aus orte.csv", "candidates from orte.csv")


def test_one_per_cell_keeps_the_most_central_point():
    from geo.spatial.siting_candidates import _one_per_cell

    xy = np.array([[0, 0], [40, 40], [90, 90], [300, 10]], dtype=float)  # cell (0,0): mean (43, 43)
    assert _one_per_cell(xy, 150).tolist() == [1, 3]
