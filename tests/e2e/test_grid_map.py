"""The shipped 100 m Zensus 2011 grid in the real app, headless Chromium, offline."""

from __future__ import annotations

from testkit import ROOT  # noqa: F401  (repo root on sys.path)

STREAMLIT_SCRIPT = "app.py"
FILLS = "() => window.smAreaFills ? window.smAreaFills() : []"  # canvas renderer: no element per cell
# how often Leaflet holds each attribution text (its control rebuilds its HTML on every add and remove)
ATTRIBUTIONS = """() => {
  const name = Object.keys(window).find(k => k.startsWith('map_') && window[k] instanceof L.Map);
  return window[name].attributionControl._attributions;
}"""


def fills(frame) -> list[str]:
    return frame.evaluate(FILLS)


def test_grid_shows_thousands_of_cells_and_repaints_on_indicator_change(app_page):
    app_page.goto("?geography=zensus2011-100m&indicator=foreigners&year=2011")
    frame = app_page.map_frame()
    frame.wait_for_function(f"() => ({FILLS})().length >= 3000", timeout=120_000)
    assert frame.locator("canvas.leaflet-zoom-animated").count() == 1  # one canvas, not 4,350 SVG paths
    assert frame.locator("path.leaflet-interactive").count() == 0
    before = fills(frame)
    assert len(before) >= 3000
    assert len(set(before)) >= 3  # classes drawn, not one colour
    assert app_page.external_requests == []
    assert app_page.dialogs == []
    page = app_page.page
    page.get_by_label("Indikator").first.click()
    page.get_by_role("option", name="Reine Seniorenhaushalte (Haushalte)").click()
    app_page.wait_idle()
    page.wait_for_function("() => location.search.includes('hh_seniors_only')")
    frame = app_page.map_frame()
    frame.wait_for_function(
        f"before => JSON.stringify(({FILLS})()) !== before", arg=str(before).replace("'", '"'), timeout=120_000
    )
    after = fills(frame)
    assert len(after) >= 3000 and after != before
    # the source line is registered once for the map, not once per cell (4,350 DOM rebuilds per change)
    held = frame.evaluate(ATTRIBUTIONS)
    assert any("Zensus" in text for text in held), held
    assert set(held.values()) == {1}, held
    assert "Zensus" in frame.locator(".leaflet-control-attribution").inner_text()
    app_page.screenshot("grid-100m")
