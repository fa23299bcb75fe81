"""Upload page, "Zensus-Gitter": a SYNTHETIC grid CSV (Zensus 2022 layout) checked, reported and saved."""

from __future__ import annotations

import pytest
from grid_synth import block_on_border, grid_2022_bytes
from streamlit.testing.v1 import AppTest

from geo.uploads.datastore import DataStore

NAME = "Zensus2022_Bevoelkerungszahl_100m-Gitter.csv"


@pytest.fixture(scope="module")
def grid_csv():
    from geo.geographies import get_geography, load_areas, load_outline

    geo = get_geography("stadtteile")
    return grid_2022_bytes(block_on_border(load_areas(geo), load_outline(geo).union_all()))


def _page() -> None:
    from ui import common
    from ui.pages import upload

    common.language_switch()
    upload.render()


def _open(tmp_path, monkeypatch) -> AppTest:
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    at = AppTest.from_function(_page, default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    at.radio(key="up_mode").set_value("grid").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_grid_file_is_checked_reported_and_saved(tmp_path, monkeypatch, grid_csv):
    data, expected = grid_csv
    at = _open(tmp_path, monkeypatch)
    at.file_uploader(key="up_grid").set_value([(NAME, data, "text/csv")]).run()
    assert not at.exception, [e.value for e in at.exception]
    # the report of the command line: rows read/used, every finding in the table
    # amber: cells outside the city were dropped (the summary is green only when nothing was dropped)
    assert any("Bevoelkerungszahl" in s.value and "Zeilen gelesen" in s.value for s in at.warning)
    findings = at.dataframe[0].value.to_string()
    assert "außerhalb der Stadt" in findings and "doppelt" in findings
    assert any(f"{len(expected)} Zellen berühren die Stadt" in c.value for c in at.caption)
    assert at.number_input(key="up_g_year").value == 2022
    at.text_input(key="up_g_name").set_value("gitter-upload")
    at.button(key="up_g_ok").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "gitter_upload" in DataStore(tmp_path).geographies()
    assert any("Gitter-Geografie" in s.value for s in at.success)


def test_unusable_file_gives_a_german_message(tmp_path, monkeypatch):
    at = _open(tmp_path, monkeypatch)
    at.file_uploader(key="up_grid").set_value([("gitter.csv", b"a;b\n1;2\n", "text/csv")]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("keine Spalte GITTER" in e.value for e in at.error)  # markdown-escaped underscores
    assert not [b for b in at.button if b.key == "up_g_ok"]
