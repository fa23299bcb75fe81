"""Every view's download buttons in the browser: each file downloads and opens (pandas, openpyxl, PIL).

Atlas (ranking, all years, change view), Bedarfslagen (table, need map), Abfragen
(filter, facilities with a SYNTHETIC points file, custom-area estimate). Each file carries its source in
the last column ("Quelle") and no value with more decimals than the view shows.
"""

from __future__ import annotations

import io

import numpy as np
import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

STREAMLIT_SCRIPT = "app.py"

# three made-up facility locations (Innenstadt, St. Lorenz Süd, Travemünde)
FACILITIES = "Name;lat;lon\nKita A;53,8677;10,6860\nKita B;53,8660;10,6700\nKita C;53,9560;10,8700\n"


@pytest.fixture(scope="module")
def raster(tmp_path_factory):
    """A SYNTHETIC GeoTIFF over Lübeck (invented values 0-39)."""
    import rasterio
    from rasterio.transform import from_origin

    path = tmp_path_factory.mktemp("raster") / "hitze_synthetisch.tif"
    data = np.arange(80 * 110, dtype="float32").reshape(80, 110) % 40
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        height=80,
        width=110,
        count=1,
        dtype="float32",
        crs="EPSG:25832",
        transform=from_origin(596000, 5995000, 400, 400),
    ) as dst:
        dst.write(data, 1)
    return path


def _download(page, tmp_path, *parts: str):
    """Click the download button whose key contains all ``parts`` (Streamlit's st-key-… class); the file's path."""
    selector = "".join(f'[class*="st-key-dl-{p}"]' if i == 0 else f'[class*="{p}"]' for i, p in enumerate(parts))
    # A click that lands while a rerun replaces the button is lost (no download event): the rerun
    # an Enter or a widget change starts may begin only after wait_idle saw the old run finished.
    # So wait for the download, and click again on the button of the finished run if none came.
    for attempt in range(3):
        button = page.locator(f"{selector} button").first
        button.scroll_into_view_if_needed()
        try:
            with page.expect_download(timeout=40_000) as info:
                button.click()
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.wait_for_selector("[data-test-script-state=notRunning]", timeout=120_000)
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def _csv(path, german: bool = False) -> pd.DataFrame:
    data = path.read_bytes()
    if german:
        return pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    return pd.read_csv(io.BytesIO(data))


def _decimals_at_most(values: pd.Series, n: int) -> bool:
    v = pd.to_numeric(values, errors="coerce").dropna()
    return bool(((v * 10**n).round(6) % 1 == 0).all())


def test_atlas_ranking_all_years_and_change_downloads(app_page, tmp_path):
    page = app_page.page
    ranking = _csv(_download(page, tmp_path, "share_65plus_2022_rangliste", "-csv"))
    assert ranking.columns[-1] == "Quelle" and ranking["Quelle"].str.contains("Statistikstelle").all()
    assert _decimals_at_most(ranking["Wert (%)"], 1) and len(ranking) == 10
    page.get_by_text("Alle Indikatoren, alle Jahre (Tabelle)").click()
    path = _download(page, tmp_path, "stadtteile_alle_jahre", "-xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Daten", "Quelle"]
    header = [c.value for c in wb["Daten"][1]]
    assert "2022" in header and header[-1] == "Quelle"
    app_page.screenshot("atlas-downloads")

    app_page.goto("?view=change")
    change = pd.read_excel(_download(page, tmp_path, "share_65plus_", "_veraenderung-xlsx"))
    assert any(str(c).startswith("Veränderung") for c in change.columns) and change["Quelle"].notna().all()
    assert app_page.page_errors == []


def test_needs_table_and_print_map_downloads(app_page, tmp_path):
    from PIL import Image

    app_page.goto("bedarfslagen")
    page = app_page.page
    table = _csv(_download(page, tmp_path, "bedarfslagen_", "_excel-csv"), german=True)
    assert {"Indexwert", "Rang", "erhöhter Bedarf", "Quelle"} <= set(table.columns)
    assert _decimals_at_most(table["Indexwert"], 2)
    page.get_by_text("Bedarfskarte als Druckkarte").click()
    png = _download(page, tmp_path, "bedarfslagen_", "-png")
    with Image.open(png) as img:
        assert img.size == (3508, 2480)
    app_page.screenshot("needs-downloads")
    assert app_page.page_errors == []


def test_query_result_downloads(app_page, tmp_path):
    app_page.goto("abfragen?tool=filter")
    page = app_page.page
    page.get_by_text("2 von 10 Gebieten erfüllen", exact=False).wait_for()
    result = pd.read_excel(_download(page, tmp_path, "abfrage_", "-xlsx"))
    assert (result["Ergebnis"] == "ja").sum() == 2 and result["Quelle"].notna().all()

    app_page.goto("abfragen?tool=facilities")
    csv = tmp_path / "kitas_synthetisch.csv"
    csv.write_text(FACILITIES, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(csv))
    page.get_by_text("3 Zeilen gelesen, 3 verwendet", exact=False).wait_for()
    counts = _csv(_download(page, tmp_path, "q_fac_map_", "-csv"))
    assert counts["Quelle"].str.contains("kitas_synthetisch.csv").all()
    areas = counts[counts["Gebiet"] != "Lübeck gesamt"]
    assert areas.iloc[:, 2].sum() == 3  # the three facilities
    app_page.screenshot("query-downloads")

    app_page.goto("abfragen")
    box = page.get_by_label("Straße und Hausnummer")
    box.fill("Breite Str. 62")
    box.press("Enter")
    page.get_by_text("500 m um Breite Str. 62: 0,79 km²", exact=False).wait_for()
    estimate = _csv(_download(page, tmp_path, "schaetzung_", "-csv"))
    row = estimate[estimate["Merkmal"] == "Einwohnerinnen und Einwohner"].iloc[0]
    assert row["Flächengewichtung"] == 4895 and "Statistikstelle" in row["Quelle"]  # as shown, rounded to 5
    assert app_page.page_errors == []


def test_raster_result_download_with_a_german_threshold(app_page, tmp_path, raster):
    app_page.goto("abfragen?tool=raster")
    page = app_page.page
    page.locator("input[type=file]").set_input_files(str(raster))
    app_page.map_frame().wait_for_selector("path.leaflet-interactive")
    box = page.get_by_label("Anteil der Zellen über", exact=False)
    box.fill("30,5")
    box.press("Enter")
    app_page.wait_idle()
    back = pd.read_excel(_download(page, tmp_path, "q_raster_map_", "-xlsx"))
    assert back["Quelle"].str.contains("hitze_synthetisch.tif").all()
    assert len(back) >= 10
    assert app_page.page_errors == []
