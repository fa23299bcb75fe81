"""Planung in Chromium: create a measure, see it on the map and in the Stadtteilprofil; a concurrent
edit in a second browser context is refused. The measure is SYNTHETIC (title "Synthetisch: …")."""
from __future__ import annotations

import re
import tempfile

import pytest
from playwright.sync_api import expect

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
    app.map_frame(index=0)  # the location picker's map reports once when it has loaded (a rerun)
    app.page.wait_for_timeout(500)
    app.wait_idle()


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
        areas.scroll_into_view_if_needed()  # the list closes when the page scrolls after the click
        page.wait_for_timeout(500)
        areas.click()
        page.get_by_role("option").filter(has_text="01 ").first.click()
        page.keyboard.press("Escape")
        _save(app)
        page.get_by_text("Gespeichert: Maßnahme 1, Version 1").wait_for()
        page.get_by_role("tab", name="Karte").click()
        app.wait_idle()
        frame = app.map_frame(index=1)  # the first map is the location picker of the measure form
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


GOAL = "Synthetisch: E2E-Ziel mehr Teilhabe"
PARTNER = "Synthetisch: E2E-Träger e. V."
PLACED = "Synthetisch: E2E-Ort per Klick"


def _tab(app, name: str) -> None:
    app.page.get_by_role("tab", name=name).click()
    app.wait_idle()


def test_goal_partner_and_a_measure_placed_on_the_map_appear_at_once(browser, e2e, server):
    """Issue 24: created in the browser, seen at once in lists, map and Sachstand (no reload)."""
    from pypdf import PdfReader

    with e2e.open_app_page(browser, server.url, "planning-cycle") as app:
        _planning(app)
        page = app.page
        _tab(app, "Ziele")
        page.get_by_text("Neues Ziel eintragen").click()
        page.get_by_label("Ziel (Text)").fill(GOAL)
        page.get_by_role("textbox", name=re.compile(r"^Zielwert")).fill("30,5")
        page.get_by_role("button", name="Ziel speichern").click()
        app.wait_idle()
        page.get_by_text("Gespeichert: Ziel").first.wait_for()
        _tab(app, "Ziele")
        page.get_by_text(GOAL).first.wait_for()  # listed at once, with the indicator's label
        assert page.get_by_text("Noch keine Ziele eingetragen.").count() == 0
        app.screenshot("goal")
        _tab(app, "Partner")
        page.get_by_text("Neuen Partner eintragen").click()
        org = page.get_by_label("Organisation")
        org.fill(PARTNER)
        org.press("Enter")  # Enter submits a form (a click right after typing was lost once)
        app.wait_idle()
        page.get_by_text("Gespeichert: Partner").first.wait_for()
        _tab(app, "Partner")
        assert page.get_by_text("Noch keine Partner eingetragen.").count() == 0
        # a measure whose place is a click on the map
        _tab(app, "Maßnahmen")
        frame = app.map_frame(index=0)
        box = frame.locator(".leaflet-container").bounding_box()
        frame.locator(".leaflet-container").click(position={"x": box["width"] / 2, "y": box["height"] / 2})
        app.wait_idle()
        page.get_by_text("Gewählter Ort:").first.wait_for()
        expect(page.get_by_label("Titel")).to_have_count(1, timeout=60_000)
        page.get_by_label("Titel").fill(PLACED)
        _save(app)
        page.get_by_text("Gespeichert: Maßnahme").first.wait_for()
        app.wait_idle()
        # while the rerun replaces the form, the old and the new one can show together for a moment
        expect(page.get_by_label("Titel")).to_have_count(1, timeout=60_000)
        assert page.get_by_label("Titel").input_value() == ""  # a fresh form, not the saved values
        app.screenshot("measure")
        _tab(app, "Karte")
        maps = page.locator("iframe[src*='streamlit_folium']")
        found = False
        for i in range(maps.count()):
            f = app.map_frame(index=i)
            if f.locator(".leaflet-marker-icon").count():
                found = True
        assert found, "the placed measure has no marker on the map"
        _tab(app, "Excel")
        page.get_by_role("button", name="PDF „Sachstand Strategische Sozialplanung“").click()
        app.wait_idle()
        with page.expect_download() as dl:
            page.get_by_role("button", name="PDF", exact=True).click()
        text = " ".join(" ".join(p.extract_text().split())
                        for p in PdfReader(dl.value.path()).pages)
        assert "1: Synthetisch: E2E-Ziel" in text and "share_65plus" not in text  # the goal in the Sachstand
        assert app.external_requests == []
