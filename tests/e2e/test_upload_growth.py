"""Data that grows, in the browser (issue 16, item 7): the 10 Stadtteile uploaded as boundaries are not
reported as incomplete Stadtbezirke, and a table for shipped data is saved under the label the planner types.
The table values are SYNTHETIC."""

from __future__ import annotations

import tempfile

from geo.geographies import get_geography, load_areas
from geo.uploads.datastore import DataStore

TABLE = "Stadtteil;Jahr;sgb2_test\r\n01;2022;1200\r\n02;2022;800\r\n03;2022;900\r\n"


def test_stadtteile_boundaries_and_a_table_under_the_typed_label(browser, e2e, tmp_path):
    areas = load_areas(get_geography("stadtteile"))
    geojson = tmp_path / "stadtteile_wgs84.geojson"
    areas.to_crs(4326).to_file(geojson, driver="GeoJSON")
    csv = tmp_path / "sgb2_2022.csv"
    csv.write_bytes(TABLE.encode("cp1252"))
    data_dir = tempfile.mkdtemp(prefix="sm-growth-")
    server = e2e.start_streamlit("app.py", {"SOZIALMONITOR_DATA_DIR": data_dir})
    try:
        with e2e.open_app_page(browser, server.url, "upload-growth") as app:
            app.goto("daten")
            page = app.page
            page.locator("input[type=file]").first.set_input_files(str(geojson))
            page.get_by_text("10 verwendet, 0 verworfen, 1 Befunde", exact=False).first.wait_for()
            finding = page.locator("[data-testid=stDataFrame]").first.locator("[data-testid=glide-cell-3-0]")
            assert "Lübecks Stadtteile" in finding.inner_text()  # the one finding; no "25 Stadtbezirke fehlen"
            app.screenshot("stadtteile")

            page.get_by_text("Indikatortabelle", exact=True).click()
            app.wait_idle()
            app.upload("CSV oder Excel", str(csv))
            page.get_by_text(csv.name).first.wait_for()
            app.wait_idle()
            page.get_by_label("Quelle (Pflicht)").fill("Synthetische Testdaten")
            page.get_by_label("Quelle (Pflicht)").press("Enter")
            page.get_by_text("Bitte eine Bezeichnung für den neuen Datensatz eingeben.").first.wait_for()
            label = page.get_by_label("Bezeichnung des Datensatzes")
            assert label.input_value() == ""  # not "Lübeck – 10 Stadtteile + sgb2_2022.csv"
            label.fill("SGB II Test 2022")
            label.press("Enter")
            app.wait_idle()
            page.get_by_role("button", name="Übernehmen und speichern").click()
            page.get_by_text("Gespeichert: SGB II Test 2022").wait_for()
            app.screenshot("saved")
            assert app.external_requests == [] and app.page_errors == []
    finally:
        server.stop()
    labels = [g.label_de for g in DataStore(data_dir).geographies().values()]
    assert "SGB II Test 2022" in labels
