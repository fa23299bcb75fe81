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


# Counts the reports of the page's components (st_folium posts ``streamlit:setComponentValue`` to the
# page when what it returns changes) and whether the script state changed since the last one. A report
# starts a rerun, which is over once the state has changed since and reads ``notRunning`` again; with no
# report (the picker's map on load: its ``last_clicked`` is unchanged) an idle app is enough.
_WATCH_REPORTS = """() => {
    const fresh = !window.__smReports;
    window.__smReports = {count: 0, changed: false};
    if (!fresh) return;
    addEventListener('message', (e) => {
        if (e.data && e.data.type === 'streamlit:setComponentValue') {
            window.__smReports.count += 1;
            window.__smReports.changed = false;
        }
    });
    new MutationObserver(() => { window.__smReports.changed = true; }).observe(document.body, {
        attributes: true, subtree: true, attributeFilter: ['data-test-script-state'],
    });
}"""
_RERUN_DONE = """() => (window.__smReports.count === 0 || window.__smReports.changed)
    && document.querySelector('[data-testid=stApp]').getAttribute('data-test-script-state') === 'notRunning'"""
# True once an element has kept its place for three animation frames (the page has stopped scrolling).
_SETTLED = """(el) => new Promise((done) => {
    let last = null, same = 0;
    const tick = () => {
        const top = el.getBoundingClientRect().top;
        same = top === last ? same + 1 : 0;
        last = top;
        if (same >= 3) done(true); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
})"""


def _planning(app) -> None:
    app.page.evaluate(_WATCH_REPORTS)
    app.page.locator("[data-testid=stSidebarNav]").get_by_text("Planung").click()
    app.wait_idle()
    app.page.get_by_text("Strategische Sozialplanung").first.wait_for()
    app.map_frame(index=0)  # the location picker's map, drawn
    app.page.wait_for_function(_RERUN_DONE, timeout=60_000)  # and the rerun of any report it sent, over
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
        areas.evaluate(_SETTLED)
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
    with (
        e2e.open_app_page(browser, server.url, "planning-first") as first,
        e2e.open_app_page(browser, server.url, "planning-second") as second,
    ):
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
        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(dl.value.path()).pages)
        assert "1: Synthetisch: E2E-Ziel" in text and "share_65plus" not in text  # the goal in the Sachstand
        assert app.external_requests == []


DRAWN = "Synthetisch: E2E-Fläche gezeichnet"
GONE_GOAL = "Synthetisch: E2E-Ziel zum Löschen"
GONE_PARTNER = "Synthetisch: E2E-Träger zum Löschen"


@pytest.fixture(scope="module")
def admin_server(e2e):
    """Mode ``none`` whose local planner is an admin (made with cli.py, as an operator would): the
    delete buttons and the trash are for admins."""
    import os
    import subprocess
    import sys

    from testkit import ROOT

    env = {"SOZIALMONITOR_DATA_DIR": tempfile.mkdtemp(prefix="sm-plan-admin-e2e-"), "SOZIALMONITOR_AUTH": "none"}
    done = subprocess.run(
        [sys.executable, "cli.py", "users", "add", "lokal", "--role", "admin"],
        cwd=ROOT,
        input="richtig-lang-1\nrichtig-lang-1\n",
        text=True,
        capture_output=True,
        env={**os.environ, **env},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    srv = e2e.start_streamlit("app.py", env)
    yield srv
    srv.stop()


def test_draw_an_area_delete_a_goal_and_a_partner_and_read_status_words(browser, e2e, admin_server):
    """Issue 24, Deliver 2: a measure's area drawn on the map is saved and shown on the planning map;
    a goal and a partner go to the trash after a question and leave the lists at once; the status
    is a word in German and in English."""
    with e2e.open_app_page(browser, admin_server.url, "planning-draw") as app:
        _planning(app)
        page = app.page
        page.get_by_text("Fläche zeichnen").click()  # the place: an area drawn
        app.wait_idle()
        # the point map gives way to the drawing map: a locator that finds the frame again each time
        frame = page.frame_locator("iframe[src*='streamlit_folium']").first
        tool = frame.locator(".leaflet-draw-draw-rectangle")
        expect(tool).to_have_attribute("title", re.compile("Rechteck"), timeout=60_000)  # German toolbar
        app.wait_idle()
        app.map_frame(index=0)  # Leaflet drawn, stylesheets applied
        tool.click()
        box = frame.locator(".leaflet-container").bounding_box()  # main-frame viewport coordinates
        x0, y0 = box["x"] + box["width"] * 0.45, box["y"] + box["height"] * 0.45
        page.mouse.move(x0, y0)
        page.mouse.down()
        page.mouse.move(x0 + 60, y0 + 40, steps=8)
        page.mouse.up()
        page.get_by_text("Gezeichnete Fläche:").first.wait_for()
        app.wait_idle()
        chips = page.locator("[data-testid=stMultiSelect]").filter(has_text="Gebiete").first
        chips.scroll_into_view_if_needed()
        app.screenshot("drawn", locator=page.locator("[data-testid=stForm]").first)
        expect(chips).to_contain_text(re.compile(r"\d\d [A-Z]"))  # the areas it lies in, chosen
        expect(page.get_by_label("Titel")).to_have_count(1, timeout=60_000)
        page.get_by_label("Titel").fill(DRAWN)
        _save(app)
        page.get_by_text("Gespeichert: Maßnahme 1").first.wait_for()
        app.wait_idle()
        _tab(app, "Karte")
        maps = page.locator("iframe[src*='streamlit_folium']")
        outlined = [i for i in range(maps.count()) if app.map_frame(index=i).locator("path[stroke='#08306b']").count()]
        assert outlined, "the drawn area is not on the planning map"
        app.screenshot("map")

        _tab(app, "Ziele")
        page.get_by_text("Neues Ziel eintragen").click()
        page.get_by_label("Ziel (Text)").fill(GONE_GOAL)
        page.get_by_role("textbox", name=re.compile(r"^Zielwert")).fill("30")
        page.get_by_role("button", name="Ziel speichern").click()
        app.wait_idle()
        page.get_by_text("Gespeichert: Ziel 1").first.wait_for()
        _tab(app, "Ziele")
        page.get_by_role("button", name="Ziel löschen").click()
        app.wait_idle()
        page.get_by_text("in den Papierkorb legen?").first.wait_for()
        app.screenshot("goal-question")
        page.get_by_role("button", name="Ja, in den Papierkorb").click()
        app.wait_idle()
        page.get_by_text("Ziel 1 liegt im Papierkorb.").first.wait_for()
        _tab(app, "Ziele")
        page.get_by_text("Noch keine Ziele eingetragen.").first.wait_for()  # the list at once

        _tab(app, "Partner")
        page.get_by_text("Neuen Partner eintragen").click()
        org = page.get_by_label("Organisation")
        org.fill(GONE_PARTNER)
        org.press("Enter")
        app.wait_idle()
        page.get_by_text("Gespeichert: Partner").first.wait_for()
        _tab(app, "Partner")
        page.get_by_role("button", name="Partner löschen").click()
        app.wait_idle()
        page.get_by_role("button", name="Ja, in den Papierkorb").click()
        app.wait_idle()
        page.get_by_text("liegt im Papierkorb.").first.wait_for()
        _tab(app, "Partner")
        page.get_by_text("Noch keine Partner eingetragen.").first.wait_for()
        page.get_by_text("Papierkorb (2)").click()  # both in the trash, the admin restores the goal
        page.get_by_text(f"{GONE_GOAL} – gelöscht von lokal").first.wait_for()
        app.screenshot("trash")
        restore = page.get_by_role("button", name="Wiederherstellen")
        expect(restore).to_have_count(2)
        restore.last.click()  # newest first: the partner, then the goal
        app.wait_idle()
        page.get_by_text("Wiederhergestellt: Ziel 1.").first.wait_for()

        _tab(app, "Maßnahmen")
        cells = page.locator("[data-testid=stDataFrame]").first.locator("[data-testid^=glide-cell]")
        expect(cells.filter(has_text=re.compile(r"^geplant$"))).to_have_count(1)
        page.locator("[data-testid=stSidebar]").get_by_text("English").click()
        app.wait_idle()
        _tab(app, "Measures")
        cells = page.locator("[data-testid=stDataFrame]").first.locator("[data-testid^=glide-cell]")
        expect(cells.filter(has_text=re.compile(r"^planned$"))).to_have_count(1)
        assert cells.filter(has_text=re.compile(r"^geplant$")).count() == 0
        app.screenshot("english")
        assert app.external_requests == [] and app.page_errors == []


def _inside_area(frame, code: str = "02") -> dict:
    """Pixel position (in the map) of the point deepest inside an area (02: 2.6 km from its edge), where
    Leaflet draws it now."""
    import geopandas as gpd
    from shapely.ops import polylabel

    from geo.geographies import get_geography, load_areas

    areas = load_areas(get_geography("stadtteile")).to_crs(25832)
    shape = areas.loc[areas["code"] == code].geometry.iloc[0]
    deepest = polylabel(max(getattr(shape, "geoms", [shape]), key=lambda g: g.area), 10)
    inner = gpd.GeoSeries([deepest], crs=25832).to_crs(4326).iloc[0]
    x, y = frame.evaluate(
        "([lat, lng]) => { const p = window.map.latLngToContainerPoint([lat, lng]); return [p.x, p.y]; }",
        [inner.y, inner.x],
    )
    return {"x": x, "y": y}


def _whole_city_in_view(frame) -> None:
    """The picker is fitted to the areas at its final size (folium's one fit at load left the south cut off
    or the city a quarter of the frame): every area inside the map, together filling it in one direction,
    and one metric scale bar."""
    frame.wait_for_function("""() => {
        const c = document.querySelector('.leaflet-container');
        return c && c.getAttribute('data-sm-fitted') === c.clientWidth + 'x' + c.clientHeight;
    }""")
    inside, fill = frame.evaluate("""() => {
        const c = document.querySelector('.leaflet-container').getBoundingClientRect();
        const rs = [...document.querySelectorAll('path.leaflet-interactive')].map(p => p.getBoundingClientRect());
        const inside = rs.every(r => r.left >= c.left - 1 && r.right <= c.right + 1
            && r.top >= c.top - 1 && r.bottom <= c.bottom + 1);
        const w = Math.max(...rs.map(r => r.right)) - Math.min(...rs.map(r => r.left));
        const h = Math.max(...rs.map(r => r.bottom)) - Math.min(...rs.map(r => r.top));
        return [inside, Math.max(w / c.width, h / c.height)];
    }""")
    assert inside and fill > 0.8  # quarter zoom steps: the next one up would not fit
    assert frame.locator(".leaflet-control-scale-line").count() == 1  # metres only, no miles


def test_areas_of_a_measure_chosen_by_clicks_on_the_map(browser, e2e, server):
    """Issue 24, Deliver 2: a click on an area puts it into the measure's areas, a second takes it out."""
    with e2e.open_app_page(browser, server.url, "planning-click-areas") as app:
        _planning(app)
        page = app.page
        page.get_by_text("Gebiete anklicken").click()
        app.wait_idle()
        page.get_by_text("Noch kein Gebiet gewählt.").first.wait_for()
        frame = page.frame_locator("iframe[src*='streamlit_folium']").first
        container = frame.locator(".leaflet-container")
        container.wait_for()
        app.wait_idle()
        _whole_city_in_view(app.map_frame(index=0))
        container.click(position=_inside_area(app.map_frame(index=0)))
        app.wait_idle()
        chosen = page.get_by_text(re.compile(r"^Gebiete der Maßnahme: \d\d "))
        chosen.first.wait_for()
        code = chosen.first.inner_text().split(": ", 1)[1][:2]
        assert code == "02"
        chips = page.locator("[data-testid=stMultiSelect]").filter(has_text="Gebiete").first
        expect(chips).to_contain_text(code)  # in the form's areas
        app.screenshot("clicked")
        container.click(position=_inside_area(app.map_frame(index=0)))  # again: out
        app.wait_idle()
        page.get_by_text("Noch kein Gebiet gewählt.").first.wait_for()
        assert app.external_requests == [] and app.page_errors == []
