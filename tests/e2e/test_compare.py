"""Gebietsvergleich, Bedarfslagen link and LISA cluster map in headless Chromium (offline), issue 16 items 2, 4, 5."""

from __future__ import annotations

from pypdf import PdfReader

STREAMLIT_SCRIPT = "app.py"


def test_compare_from_a_link_shows_table_charts_and_downloads_the_pdf(app_page, tmp_path):
    app_page.goto("vergleich?areas=05,10&year=2022")
    page = app_page.page
    page.get_by_text("Gebietsvergleich 2022", exact=False).first.wait_for()
    table = page.locator("[data-testid=stDataFrame]").first
    table.wait_for()
    table.locator("[data-testid=glide-cell-1-0]").wait_for(state="attached")  # the grid fills a moment later
    assert table.locator("[data-testid=glide-cell-1-0]").count() == 1
    page.locator("[data-testid=stVegaLiteChart]").first.wait_for()
    charts = page.locator("[data-testid=stVegaLiteChart]")
    assert charts.count() > 10
    app_page.wait_idle()
    app_page.screenshot("compare")
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="Vergleich als PDF").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    assert path.name == "gebietsvergleich_stadtteile_2022.pdf"
    assert "St. Lorenz Süd" in text and "Travemünde" in text and "Lübeck gesamt" in text
    assert app_page.external_requests == [] and app_page.page_errors == []


def test_needs_link_restores_method_and_shows_cluster_map(app_page):
    app_page.goto("bedarfslagen?method=svi&needs_threshold=0.5")
    page = app_page.page
    page.get_by_text("Räumliches Muster", exact=False).first.click()
    page.get_by_text("Gebiete je Cluster").wait_for()
    page.locator("iframe[src*='streamlit_folium']").nth(1).wait_for(state="attached")
    frame = app_page.map_frame(index=1)
    frame.wait_for_selector("path.leaflet-interactive")
    legend = frame.inner_text(".leaflet-control-container")
    assert "HH: hoch, Nachbarn hoch" in legend and "ns: nicht signifikant" in legend
    assert "method=svi" in page.url and "needs_threshold=0.5" in page.url
    app_page.screenshot("needs-lisa")
    assert app_page.external_requests == [] and app_page.page_errors == []
