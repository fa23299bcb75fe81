"""Abfragen tools in the browser: filter, facilities upload, raster upload (SYNTHETIC files)."""

from __future__ import annotations

import numpy as np
import pytest

STREAMLIT_SCRIPT = "app.py"

# three made-up facility locations (Innenstadt, St. Lorenz Süd, Travemünde)
FACILITIES = "Name;lat;lon\nKita A;53,8677;10,6860\nKita B;53,8660;10,6700\nKita C;53,9560;10,8700\n"


@pytest.fixture(scope="module")
def raster(tmp_path_factory):
    import rasterio
    from rasterio.transform import from_origin

    path = tmp_path_factory.mktemp("raster") / "hitze_synthetisch.tif"
    data = np.arange(80 * 110, dtype="float32").reshape(80, 110) % 40  # synthetic values
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


def test_filter_marks_matching_areas(app_page):
    app_page.goto("abfragen?tool=filter")
    page = app_page.page
    page.get_by_text("2 von 10 Gebieten erfüllen", exact=False).wait_for()
    legend = app_page.map_frame().inner_text(".leaflet-control-container")
    assert "erfüllt die Bedingung" in legend
    box = page.get_by_role("textbox", name="Bedingung")
    box.fill("Anteil 65+ >> 3")
    box.press("Enter")
    page.get_by_text("^", exact=False).first.wait_for()  # the caret under the error position
    assert app_page.page_errors == []


def test_facilities_upload_counts_per_area(app_page, tmp_path):
    app_page.goto("abfragen?tool=facilities")
    csv = tmp_path / "kitas_synthetisch.csv"
    csv.write_text(FACILITIES, encoding="cp1252")
    page = app_page.page
    page.locator("input[type=file]").set_input_files(str(csv))
    page.get_by_text("3 Zeilen gelesen, 3 verwendet", exact=False).wait_for()
    frame = app_page.map_frame()
    frame.wait_for_selector("path.leaflet-interactive")
    # areas + facility markers
    frame.wait_for_function("document.querySelectorAll('path.leaflet-interactive').length === 13")
    app_page.screenshot("facilities")


def test_raster_upload_gives_statistics_per_area(app_page, raster):
    app_page.goto("abfragen?tool=raster")
    page = app_page.page
    page.locator("input[type=file]").set_input_files(str(raster))
    frame = app_page.map_frame()
    frame.wait_for_selector("path.leaflet-interactive")
    assert "hitze_synthetisch.tif" in frame.inner_text(".leaflet-control-container")
    assert app_page.external_requests == [] and app_page.page_errors == []
    app_page.screenshot("raster")
