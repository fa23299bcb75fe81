"""Upload a Stadtbezirk-like geography and a table in the browser, restart, find it again.

The polygons are three real Stadtteile that each form exactly one Stadtbezirk
(01 Innenstadt, 22 Buntekuh, 26 Schlutup); the table values are SYNTHETIC.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from geo.geographies import get_geography, load_areas
from geo.uploads.datastore import DataStore

BEZIRKE = {"01": ("01", "Innenstadt"), "04": ("22", "Buntekuh"), "08": ("26", "Schlutup")}
TABLE = (
    "Stadtbezirk;Jahr;Merkmal;Wert\r\n01;2024;kinder_sgb2;120\r\n22;2024;kinder_sgb2;480\r\n26;2024;kinder_sgb2;95\r\n"
)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("upload")
    areas = load_areas(get_geography("stadtteile"))
    areas = areas[areas["code"].isin(BEZIRKE)].copy()
    areas["name"] = [BEZIRKE[c][1] for c in areas["code"]]
    areas["code"] = [BEZIRKE[c][0] for c in areas["code"]]
    geojson = folder / "bezirke_test.geojson"
    areas.to_crs(4326).to_file(geojson, driver="GeoJSON")
    csv = folder / "kinder_test.csv"
    csv.write_bytes(TABLE.encode("cp1252"))
    return geojson, csv


def _upload(app, index: int, path: Path) -> None:
    app.page.locator("input[type=file]").nth(index).set_input_files(str(path))
    app.page.get_by_text(path.name).first.wait_for()
    app.wait_idle()


def test_upload_then_restart_keeps_the_data(browser, e2e, files):
    geojson, csv = files
    data_dir = tempfile.mkdtemp(prefix="sm-upload-")
    env = {"SOZIALMONITOR_DATA_DIR": data_dir}
    server = e2e.start_streamlit("app.py", env)
    try:
        with e2e.open_app_page(browser, server.url, "upload") as app:
            app.goto("daten")
            page = app.page
            _upload(app, 0, geojson)
            page.get_by_role("button", name="Übernehmen und speichern").first.click()
            page.get_by_text("Gespeichert als Gebietsgliederung").wait_for()
            geos = DataStore(data_dir).geographies()
            bezirke = [g for g in geos.values() if g.label_de == "bezirke_test"]
            assert len(bezirke) == 1

            page.get_by_text("Indikatortabelle", exact=True).click()
            app.wait_idle()
            page.get_by_label("Gebietsgliederung").first.click()
            page.get_by_role("option", name="bezirke_test").click()
            app.wait_idle()
            _upload(app, 0, csv)
            page.get_by_label("Quelle (Pflicht)").wait_for()
            page.get_by_label("Quelle (Pflicht)").fill("Synthetische Testdaten")
            page.get_by_label("Quelle (Pflicht)").press("Enter")
            page.get_by_text("Quelle fehlt").first.wait_for(state="detached")
            page.get_by_text("Was sich ändert:").wait_for()  # the table extends the saved dataset (issue 16, 7)
            page.get_by_role("button", name="Übernehmen und speichern").click()
            page.get_by_text("Datensatz ergänzt: bezirke_test").wait_for()
            app.screenshot("saved")
            assert app.external_requests == [] and app.page_errors == []
    finally:
        server.stop()

    saved = [g for g in DataStore(data_dir).geographies().values() if "_test" in g.label_de]
    assert [g.label_de for g in saved] == ["bezirke_test"]  # extended, not a second geography
    server = e2e.start_streamlit("app.py", env)  # the restart
    try:
        with e2e.open_app_page(browser, server.url, "after-restart") as app:
            app.goto(f"?geography={saved[0].id}&indicator=kinder_sgb2&year=2024")
            frame = app.map_frame()
            frame.wait_for_selector("path.leaflet-interactive")
            assert frame.locator("path.leaflet-interactive").count() == 3
            app.page.get_by_text("Buntekuh").first.wait_for(state="attached")
            app.screenshot("restarted")
    finally:
        server.stop()
