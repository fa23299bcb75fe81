"""Bedarfslagen and Abfragen pages in headless Chromium (offline)."""

from __future__ import annotations

STREAMLIT_SCRIPT = "app.py"


def test_needs_page_on_berlin_shows_classes_flags_explanations_robustness(app_page):
    app_page.goto("bedarfslagen?geography=berlin-mss")
    frame = app_page.map_frame()
    frame.wait_for_selector("path.leaflet-interactive")
    assert frame.locator("path.leaflet-interactive").count() == 447
    legend = frame.inner_text(".leaflet-control-container")
    for name in ("hoch", "mittel", "niedrig", "sehr niedrig"):
        assert name in legend
    page = app_page.page
    page.get_by_text("Markierte Gebiete: 86").wait_for()
    page.get_by_text("überdurchschnittlich: Arbeitslosigkeit", exact=False).first.wait_for()
    frame.locator("path.leaflet-interactive").nth(200).hover(force=True)
    tip = frame.locator(".leaflet-tooltip").first.inner_text()
    assert "robust" in tip or "knapp" in tip or "nicht bewertet" in tip
    assert app_page.external_requests == [] and app_page.page_errors == []
    app_page.screenshot("needs-berlin")


def test_address_lookup_and_drawn_rectangle_give_estimates(app_page):
    app_page.goto("abfragen")
    page = app_page.page
    box = page.get_by_label("Straße und Hausnummer")
    box.fill("Breite Str. 62")
    box.press("Enter")
    page.get_by_text("Stadtteil 01 Innenstadt").wait_for()
    page.get_by_text("500 m um Breite Str. 62: 0,79 km²", exact=False).wait_for()
    table = page.locator("[data-testid=stDataFrame]")  # the estimate table (canvas + a11y cells)
    table.wait_for()
    # glide cells are named column-row: residents by areal weighting, German format
    assert table.locator("[data-testid=glide-cell-0-0]").inner_text() == "Einwohnerinnen und Einwohner"
    assert (
        table.locator("[data-testid=glide-cell-1-0]").inner_text() == "4.895"
    )  # rounded to 5 (protection against differencing)

    frame = app_page.map_frame()
    frame.locator(".leaflet-draw-draw-rectangle").click()
    map_box = frame.locator(".leaflet-container").bounding_box()  # main-frame viewport coordinates
    x0 = map_box["x"] + map_box["width"] * 0.45
    y0 = map_box["y"] + map_box["height"] * 0.45
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move(x0 + 60, y0 + 40, steps=8)
    page.mouse.up()
    page.get_by_text("gezeichnete Fläche", exact=False).wait_for()
    app_page.wait_idle()
    page.locator("[data-testid=stDataFrame]").wait_for()
    assert app_page.external_requests == [] and app_page.page_errors == []
    app_page.screenshot("estimate")
