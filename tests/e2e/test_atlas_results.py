"""Atlas results a planner can trust (issue 16, item 1), in headless Chromium on the shipped data.

The AppTest counterparts are in ``tests/ui/test_atlas_results.py``; here the planner's
own steps: a link to the change view of the first year, and a German threshold typed
into the sidebar.
"""

from __future__ import annotations

from testkit import ROOT  # noqa: F401  (repo root on sys.path)

from geo.geographies import get_geography
from geo.join import indicator_layer
from geo.loading import load_dataset

STREAMLIT_SCRIPT = "app.py"


def test_change_view_from_the_first_year_explains_instead_of_showing_2010_2010(app_page):
    app_page.goto("?view=change&year=2010&indicator=share_65plus")
    app_page.wait_idle()
    page = app_page.page
    main = page.locator("[data-testid=stMain]")
    main.get_by_text("Vergleichsjahr vor 2010").first.wait_for()
    assert "2010–2010" not in main.inner_text()
    assert page.locator("[data-testid=stException]").count() == 0
    assert app_page.page_errors == []
    app_page.screenshot("change-first-year")


def test_threshold_typed_in_german_flags_the_areas_above_it(app_page):
    layer, _ = indicator_layer(load_dataset(get_geography("stadtteile")), "share_under18", 2022)
    expected = set(layer.loc[layer["value"] >= 15.5, "name"])
    assert 0 < len(expected) < len(layer)  # 15,5 % splits the shipped Stadtteile (else the test proves nothing)

    app_page.goto("?indicator=share_under18&year=2022")
    app_page.map_frame()
    page = app_page.page
    box = page.locator("[data-testid=stSidebar]").get_by_label("Markierung: erhöhter Bedarf ab", exact=True)
    box.fill("15,5")
    box.press("Enter")
    page.wait_for_function(
        "() => location.search.includes('threshold=15%2C5') || location.search.includes('threshold=15,5')"
    )
    app_page.wait_idle()
    side = page.locator("[data-testid=stSidebar]")
    side.get_by_text("Eigene Schwelle: ab 15,5 %").wait_for()  # German number, space before %
    assert box.input_value() == "15,5"  # the planner's text stays as typed, not 155
    heading = page.get_by_text("Markierte Gebiete (erhöhter Bedarf)")
    items = heading.locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]").locator("li")
    names = {text.split(":")[0].strip() for text in items.all_inner_texts()}
    assert names == expected, (names, expected)
    assert app_page.page_errors == []
    app_page.screenshot("threshold-15-5")
