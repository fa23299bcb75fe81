"""Atlas on the shipped 100 m Zensus grid (4,350 cells): what is sent besides the map stays small."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _page() -> None:
    from ui import common
    from ui.pages import atlas

    common.language_switch()
    atlas.render()


def test_grid_ranking_is_cut_and_cells_are_chosen_by_name(tmp_path, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    at = AppTest.from_function(_page, default_timeout=180)
    at.query_params.update(geography="zensus2011-100m", indicator="foreigners", year="2011")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    ranking = next(d.value for d in at.dataframe if "Rang" in d.value.columns)
    assert len(ranking) == 100 and list(ranking["Rang"].astype(int))[:3] == [1, 2, 3]
    assert any("Die ersten 100 von 4.350 Gebieten" in c.value for c in at.caption)
    box = at.selectbox(key="area")
    assert len(box.options) == 4350
    assert all(o.startswith("Zelle 100 m") and "CRS3035" not in o for o in box.options[:50])
