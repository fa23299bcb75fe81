"""The real app in headless Chromium, offline (issue 3 checks).

A synthetic test dataset with a hostile area name is saved through the same
persistence path as an upload, in a temporary data directory.
"""

from __future__ import annotations

import tempfile

import pandas as pd
from testkit import ROOT  # noqa: F401  (repo root on sys.path)

from geo.geographies import get_geography, load_areas
from geo.uploads.datastore import DataStore, SaveRequest
from indicators.catalogue import load_catalogue, load_sources

HOSTILE = "<img src=x onerror=alert(1)>"
DATA_DIR = tempfile.mkdtemp(prefix="sm-e2e-")
STREAMLIT_SCRIPT = "app.py"
STREAMLIT_ENV = {"SOZIALMONITOR_DATA_DIR": DATA_DIR}


def _save_hostile_geography() -> str:
    geo = get_geography("stadtteile")
    areas = load_areas(geo)
    areas.loc[0, "name"] = HOSTILE
    table = pd.read_csv(geo.table, dtype={"area_code": str})
    geo2 = DataStore(DATA_DIR).save(
        SaveRequest(
            name="e2e-hostile",
            label_de="Test (synthetisch)",
            areas=areas,
            table=table,
            catalogue=load_catalogue(geo.catalogue),
            sources=load_sources(geo.catalogue),
        )
    )
    return geo2.id


HOSTILE_GEO = _save_hostile_geography()


def fills(frame) -> list[str]:
    return frame.eval_on_selector_all("path.leaflet-interactive", "els => els.map(e => e.getAttribute('fill'))")


def test_atlas_offline_with_ten_areas_and_legend(app_page):
    frame = app_page.map_frame()
    frame.wait_for_selector("path.leaflet-interactive")
    assert len(frame.query_selector_all("path.leaflet-interactive")) >= 10
    legend = frame.inner_text(".leaflet-control-container")
    assert "–" in legend and "," in legend  # German class intervals like "15,8 – 19,7"
    assert app_page.external_requests == []
    assert app_page.dialogs == []
    assert "indicator=share_65plus" in app_page.page.url
    app_page.screenshot("atlas")


def test_changing_indicator_changes_fill_colours(app_page):
    before = fills(app_page.map_frame())
    page = app_page.page
    page.get_by_label("Indikator").first.click()
    page.get_by_role("option", name="Anteil unter 18-Jährige (%)").click()
    app_page.wait_idle()
    page.wait_for_function("() => location.search.includes('share_under18')")
    frame = app_page.map_frame()
    frame.wait_for_function(
        "before => JSON.stringify([...document.querySelectorAll('path.leaflet-interactive')]"
        ".map(e => e.getAttribute('fill'))) !== before",
        arg=str(before).replace("'", '"'),
    )
    assert fills(frame) != before
    assert "indicator=share_under18" in page.url


def test_new_indicator_repaints_in_the_same_frame_and_keeps_the_zoom(app_page):
    page = app_page.page
    frame = app_page.map_frame()
    frame.evaluate("() => { window.__smSameFrame = true; }")
    frame.locator(".leaflet-control-zoom-in").click()  # the planner zooms in
    frame.wait_for_function("() => window.map_div && !window.map_div._animatingZoom")
    zoom = frame.evaluate("() => map_div.getZoom()")
    before = fills(frame)
    page.get_by_label("Indikator").first.click()
    page.get_by_role("option", name="Anteil unter 18-Jährige (%)").click()
    app_page.wait_idle()
    # wait for the new group's legend (the fills alone changed once before the old group was gone: a hover
    # restyle, or the new areas drawn while the old legend still stood)
    frame.wait_for_function(
        "() => { const ls = document.querySelectorAll('.sm-legend');"
        " return ls.length === 1 && ls[0].innerText.includes('unter 18'); }"
    )
    assert fills(frame) != before
    # the same frame (no reload), the planner's zoom, and the old areas, legend and scale gone
    assert frame.evaluate("() => window.__smSameFrame === true")
    assert frame.evaluate("() => map_div.getZoom()") == zoom
    assert frame.evaluate("() => document.querySelectorAll('.sm-legend').length") == 1
    assert frame.evaluate("() => document.querySelectorAll('.leaflet-control-scale').length") == 1
    assert frame.evaluate("() => document.querySelectorAll('path.sm-area').length") == 10
    assert "unter 18" in frame.locator(".sm-legend").inner_text()


def test_click_opens_profile(app_page):
    frame = app_page.map_frame()
    frame.locator("path.leaflet-interactive").nth(3).click(force=True)
    page = app_page.page
    page.wait_for_function("() => location.search.includes('area=')", timeout=60000)
    app_page.wait_idle()
    page.get_by_text("Gesamtstadt").first.wait_for(state="attached")  # profile table header
    app_page.screenshot("profile")


def test_url_reopens_view(app_page):
    app_page.goto("?indicator=old_age_dependency&year=2012&area=10")
    page = app_page.page
    page.get_by_text("Altenquotient – 2012").first.wait_for()
    assert "area=10" in page.url and "year=2012" in page.url
    assert "ausgewählt" in app_page.map_frame().inner_text(".leaflet-control-container")


def test_hostile_area_name_shows_literally(app_page):
    app_page.goto(f"?geography={HOSTILE_GEO}")
    frame = app_page.map_frame()
    frame.wait_for_selector("path.leaflet-interactive")
    paths = frame.locator("path.leaflet-interactive")
    for i in range(paths.count()):
        paths.nth(i).hover(force=True)
        tip = frame.locator(".leaflet-tooltip")
        if tip.count() and HOSTILE in tip.first.inner_text():
            break
    else:
        raise AssertionError("hostile name not found in any tooltip")
    assert frame.locator("img[src=x]").count() == 0
    assert app_page.dialogs == []
    app_page.page.get_by_text(HOSTILE).first.wait_for(state="attached")  # ranking table cell, as text
    assert app_page.page.locator("img[src=x]").count() == 0
    app_page.screenshot("hostile")


def test_print_map_download_is_a_300_dpi_a4_png(app_page, tmp_path):
    from PIL import Image

    page = app_page.page
    page.get_by_text("Druckkarte für Sitzungsvorlagen", exact=False).click()
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="PNG").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    with Image.open(path) as img:
        assert img.size == (3508, 2480)
        assert round(img.info["dpi"][0]) == 300
    assert path.name == "share_65plus_2022_a4-landscape.png"
