"""The offline web map in a real browser (demo page with SYNTHETIC values)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "apps"))
from demo_data import (
    CITY_VALUE,
    GEOJSON,
    HOSTILE,
    HOSTILE_CODE,
    SUPPRESSED_CODE,
    load_areas,
)

STREAMLIT_SCRIPT = "tests/e2e/apps/map_demo.py"
FRAME_SELECTOR = "iframe[src*='streamlit_folium']"


@pytest.fixture(scope="module", autouse=True)
def _boundaries(skip_or_fail) -> None:
    if not GEOJSON.exists():
        skip_or_fail(f"Stadtteil boundaries not found: {GEOJSON}")


def _expect():
    from playwright.sync_api import expect

    return expect


def _hover_area(app_page, frame, code: str, click: bool = False) -> None:
    """Move the mouse onto a point well inside the area ``code``."""
    from geo.webmap.geometry import label_points

    areas = load_areas()
    pt = label_points(areas).loc[areas.index[areas["code"] == code][0]]
    # poll until the point really lies on the area's path (the iframe may still be
    # resized by Streamlit right after the map appeared)
    x, y = frame.wait_for_function(
        """([lat, lng, cls]) => {
            const p = window.map.latLngToContainerPoint([lat, lng]);
            const r = window.map.getContainer().getBoundingClientRect();
            const x = p.x + r.left, y = p.y + r.top;
            const el = document.elementFromPoint(x, y);
            return el && el.classList.contains(cls) ? [x, y] : null;
        }""",
        arg=[pt.y, pt.x, f"sm-area-{code}"],
    ).json_value()
    box = app_page.page.locator(FRAME_SELECTOR).bounding_box()
    app_page.page.mouse.move(box["x"] + x, box["y"] + y)
    if click:
        app_page.page.mouse.click(box["x"] + x, box["y"] + y)


def test_map_renders_offline_from_app_static(app_page):
    frame = app_page.map_frame()
    _expect()(frame.locator("path.leaflet-interactive")).to_have_count(10)
    assert frame.evaluate("typeof L !== 'undefined' && L.version") == "1.9.4"
    scripts = frame.evaluate("[...document.querySelectorAll('script[src]')].map(s => s.getAttribute('src'))")
    styles = frame.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.getAttribute('href'))")
    assert "/app/static/leaflet/leaflet.js" in scripts
    assert [u for u in scripts + styles if u.startswith(("http:", "https:", "//"))] == []
    app_page.screenshot("map")
    assert app_page.external_requests == []
    assert app_page.failed_requests == []
    assert app_page.console_errors == [] and app_page.page_errors == []


def test_hostile_name_shows_literally_and_never_runs(app_page):
    frame = app_page.map_frame()
    _hover_area(app_page, frame, HOSTILE_CODE)
    tooltip = frame.locator(".sm-tooltip")
    _expect()(tooltip).to_be_visible()
    _expect()(tooltip.locator(".sm-tip-name")).to_have_text(HOSTILE)
    app_page.screenshot("tooltip", full_page=False)
    assert frame.locator("img[src='x']").count() == 0
    assert app_page.page.locator("img[src='x']").count() == 0
    assert app_page.dialogs == []
    assert app_page.external_requests == []


def test_dialog_listener_catches_alerts_in_the_map_frame(app_page):
    """Positive control: without it 'no dialog fired' would prove nothing."""
    frame = app_page.map_frame()
    frame.evaluate("() => alert('probe')")
    assert app_page.dialogs == ["alert: probe"]


def test_tooltip_has_value_rank_and_city_value(app_page):
    frame = app_page.map_frame()
    _hover_area(app_page, frame, "01")
    tooltip = frame.locator(".sm-tooltip")
    _expect()(tooltip).to_contain_text("14,2\u00a0%")
    text = tooltip.inner_text()
    assert "Rang" in text and "von 8" in text
    assert "Lübeck" in text and "10,0\u00a0%" in text


def test_suppressed_area_is_hatched_and_says_so(app_page):
    frame = app_page.map_frame()
    fill = frame.locator(f"path.sm-area-{SUPPRESSED_CODE}").get_attribute("fill")
    assert fill == "url(#sm-hatch)"
    assert frame.locator("pattern#sm-hatch").count() == 1
    _hover_area(app_page, frame, SUPPRESSED_CODE)
    _expect()(frame.locator(".sm-tooltip")).to_contain_text("gesperrt")  # one word for suppressed


def test_legend_shows_class_intervals_and_counts(app_page):
    from indicators.compute.classify import classify

    areas = load_areas()
    c = classify(areas["value"].where(~areas["suppressed"]), "quantiles", 5, reference=CITY_VALUE)
    frame = app_page.map_frame()
    legend = frame.locator(".sm-legend")
    rows = legend.locator("tr.sm-class")
    _expect()(rows).to_have_count(c.k)
    labels = [t.strip() for t in rows.locator(".sm-lab").all_inner_texts()]
    assert labels == list(c.labels)
    assert all(re.fullmatch(r"\d+,\d – \d+,\d", lab) for lab in labels), labels
    counts = [int(t) for t in rows.locator(".sm-n").all_inner_texts()]
    assert counts == list(c.counts) and sum(counts) == 8
    text = legend.inner_text()
    assert "keine Daten" in text and "gesperrt" in text and "erhöhter Bedarf" in text
    app_page.screenshot("legend", locator=legend)


def test_english_labels_and_area_names(app_page):
    app_page.goto("?lang=en&labels=1")
    frame = app_page.map_frame()
    legend = frame.locator(".sm-legend")
    _expect()(legend).to_contain_text("no data")
    labels = legend.locator("tr.sm-class .sm-lab").all_inner_texts()
    assert all(re.fullmatch(r"\d+\.\d – \d+\.\d", t.strip()) for t in labels), labels
    names = frame.locator(".sm-label").all_text_contents()
    assert len(names) == 10 and HOSTILE in names
    assert frame.locator("img[src='x']").count() == 0
    app_page.screenshot("en-labels")
    assert app_page.dialogs == [] and app_page.external_requests == []


def test_diverging_palette_and_draw_toolbar(app_page):
    app_page.goto("?scheme=fisher_jenks&palette=RdBu_r&draw=1&selected=05")
    frame = app_page.map_frame()
    _expect()(frame.locator(".leaflet-draw-toolbar-top")).to_be_visible()
    _expect()(frame.locator("path.leaflet-interactive")).to_have_count(10)
    app_page.screenshot("diverging-draw")
    assert app_page.external_requests == []


def test_click_reaches_python(app_page):
    frame = app_page.map_frame()
    _hover_area(app_page, frame, "01", click=True)
    # the click reruns the script; allow for a slow shared machine
    _expect()(app_page.page.get_by_text(re.compile(r"last_object_clicked: \{'lat'"))).to_be_visible(timeout=60_000)
    assert app_page.external_requests == []


def test_narrow_frame_keeps_areas_clear_of_the_legend(app_page):
    app_page.page.set_viewport_size({"width": 760, "height": 1000})
    frame = app_page.map_frame()
    frame.wait_for_function("""() => {
        const c = document.querySelector('.leaflet-container');
        return c.getAttribute('data-sm-fitted') === c.clientWidth + 'x' + c.clientHeight
            && c.clientWidth < 800;
    }""")
    overlap = frame.evaluate("""() => {
        const lg = document.querySelector('.sm-legend').getBoundingClientRect();
        return [...document.querySelectorAll('path.leaflet-interactive')].some(p => {
            const r = p.getBoundingClientRect();
            return r.right > lg.left + 1 && r.top < lg.bottom - 1 && r.bottom > lg.top + 1
                && r.left < lg.right;
        });
    }""")
    app_page.screenshot("narrow")
    assert not overlap


def test_every_area_label_is_shown(app_page):
    # St. Lorenz Süd (small, between Innenstadt and St. Lorenz Nord) was hidden; the print map had it
    app_page.goto("?labels=1")
    frame = app_page.map_frame()
    frame.wait_for_function("() => document.querySelectorAll('.sm-label span').length === 10")
    frame.evaluate("() => new Promise(r => setTimeout(() => r(true), 500))")  # after the last fit
    shown = frame.evaluate(
        "[...document.querySelectorAll('.sm-label span')]"
        ".filter(s => getComputedStyle(s).visibility !== 'hidden').map(s => s.textContent)"
    )
    assert len(shown) == 10, shown
    assert any("Lorenz Süd" in s or s == "05" for s in shown), shown
    app_page.screenshot("all-labels")
