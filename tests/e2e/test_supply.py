"""Versorgung page in headless Chromium (offline): the planner's question of issue 26 —
"which Stadtteile have the most children more than 500 m from a Kita, and where would 2 new
Kitas help most?" — answered with the shipped Kitas and the register's under-18 count."""

from __future__ import annotations

STREAMLIT_SCRIPT = "app.py"


def test_children_far_from_a_kita_and_two_new_kitas(app_page):
    app_page.goto("versorgung")
    page = app_page.page
    page.get_by_text("Kita-Datenbank Schleswig-Holstein", exact=False).first.wait_for()
    page.get_by_text("Stand 27.11.2023", exact=False).first.wait_for()
    page.get_by_text("Luftlinie (EPSG:25832)", exact=False).first.wait_for()
    frame = app_page.map_frame()
    frame.wait_for_selector("path.leaflet-interactive")
    assert frame.locator("path.leaflet-interactive").count() >= 10 + 128  # 10 Stadtteile and the Kita dots
    app_page.screenshot("reach", full_page=False)
    title = page.get_by_text("Stadtteile nach Bedarf weiter als 500 m", exact=False)
    title.wait_for()
    title.scroll_into_view_if_needed()
    app_page.screenshot("table", full_page=False)
    page.get_by_role("button", name="Standorte berechnen").click()
    page.get_by_text("Ein Modellergebnis, keine Entscheidung", exact=False).wait_for(timeout=120_000)
    app_page.wait_idle()
    second = app_page.map_frame(index=1)
    second.wait_for_selector("path.leaflet-interactive")
    assert app_page.external_requests == [] and app_page.page_errors == []
    page.get_by_text("Gewählte Standorte").scroll_into_view_if_needed()
    app_page.screenshot("sites", full_page=False)
    page.mouse.wheel(0, 500)
    app_page.screenshot("sites-map", full_page=False)
