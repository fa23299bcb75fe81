"""Planung in Chromium: create a measure, see it on the map and in the Stadtteilprofil; a concurrent
edit in a second browser context is refused. The measure is SYNTHETIC (title "Synthetisch: …")."""
from __future__ import annotations

import tempfile

import pytest

TITLE = "Synthetisch: E2E-Treff"


@pytest.fixture(scope="module")
def server(e2e):
    env = {"SOZIALMONITOR_DATA_DIR": tempfile.mkdtemp(prefix="sm-plan-e2e-"), "SOZIALMONITOR_AUTH": "none"}
    srv = e2e.start_streamlit("app.py", env)
    yield srv
    srv.stop()


def _planning(app) -> None:
    app.page.locator("[data-testid=stSidebarNav]").get_by_text("Planung").click()
    app.wait_idle()
    app.page.get_by_text("Strategische Sozialplanung").first.wait_for()


def _save(app) -> None:
    app.page.get_by_role("button", name="Speichern").click()
    app.wait_idle()


def _edit_measure_one(app) -> None:
    box = app.page.locator("[data-testid=stSelectbox]").filter(has_text="Maßnahme bearbeiten")
    box.click()
    app.page.get_by_role("option", name=f"1: {TITLE}").click()
    app.wait_idle()


def test_create_see_on_map_and_profile_then_stale_edit_refused(browser, e2e, server):
    with e2e.open_app_page(browser, server.url, "planning-create") as app:
        _planning(app)
        page = app.page
        page.get_by_label("Titel").fill(TITLE)
        areas = page.locator("[data-testid=stMultiSelect]").filter(has_text="Gebiete").first
        areas.click()
        page.get_by_role("option").filter(has_text="01 ").first.click()
        page.keyboard.press("Escape")
        _save(app)
        page.get_by_text("Gespeichert: Maßnahme 1, Version 1").wait_for()
        page.get_by_role("tab", name="Karte").click()
        app.wait_idle()
        frame = app.map_frame()
        tips = []
        for path in frame.locator("path.leaflet-interactive").all():  # hover every area: one names the measure
            path.hover(force=True)
            tips += frame.locator(".leaflet-tooltip").all_inner_texts()
            if any(TITLE in tip for tip in tips):
                break
        assert any(f"Maßnahmen: {TITLE}" in tip for tip in tips), tips
        assert app.external_requests == []
    with e2e.open_app_page(browser, server.url, "planning-profile") as app:
        app.goto("?area=01")
        app.page.get_by_text("Maßnahmen und Ziele in diesem Gebiet").wait_for()
        app.page.get_by_text(TITLE).first.wait_for()
    with e2e.open_app_page(browser, server.url, "planning-first") as first, \
            e2e.open_app_page(browser, server.url, "planning-second") as second:
        for app in (first, second):
            _planning(app)
            _edit_measure_one(app)
        first.page.get_by_label("Titel").fill(TITLE + " (erste)")
        _save(first)
        first.page.get_by_text("Version 2").first.wait_for()
        second.page.get_by_label("Titel").fill(TITLE + " (zweite)")
        _save(second)
        second.page.get_by_text("wurde inzwischen").first.wait_for()
        assert "(erste)" in second.page.locator("[data-testid=stAlert]").first.inner_text()
