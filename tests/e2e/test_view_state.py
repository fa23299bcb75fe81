"""Issue 24, Deliver 1, in Chromium: a language switch keeps the view (keys, not words, in the URL
and the state), and the next click works; Bedarfslagen keeps its indicators after Berlin + MSS."""

from __future__ import annotations

import re

STREAMLIT_SCRIPT = "app.py"
BERLIN = "Berlin – 447 Planungsräume (Beispiel MSS)"


def _no_error(app) -> None:
    assert app.page.locator("[data-testid=stException]").count() == 0
    assert app.page.get_by_text("This app has encountered an error").count() == 0


def _radio(app, label: str) -> None:
    app.page.locator("[data-testid=stSidebar]").get_by_text(label, exact=True).click()
    app.wait_idle()


def _toggle_names(app, label: str) -> None:
    """Tick "Gebietsnamen anzeigen" / "Show area names": one click, one rerun with every widget's value."""
    app.page.locator("[data-testid=stSidebar]").get_by_text(label, exact=True).click()
    app.wait_idle()


def test_change_view_survives_english_and_back_and_the_next_click(app_page):
    page = app_page.page
    _radio(app_page, "Veränderung")
    page.wait_for_function("() => location.search.includes('view=change')")
    _radio(app_page, "English")
    _toggle_names(app_page, "Show area names")  # the click after the switch: the browser held "Veränderung"
    _no_error(app_page)
    query = page.evaluate("() => location.search")
    assert "view=change" in query and not re.search(r"view=(Stand|Level|Ver|Change)", query), query
    page.get_by_text("Base year").first.wait_for()  # still the change view, in English
    _radio(app_page, "Deutsch")
    _toggle_names(app_page, "Gebietsnamen anzeigen")
    _no_error(app_page)
    assert "view=change" in page.evaluate("() => location.search")
    page.get_by_text("Vergleichsjahr").first.wait_for()
    app_page.screenshot("back-in-german")


def test_needs_keeps_indicators_after_berlin_and_mss(app_page):
    page = app_page.page
    page.locator("[data-testid=stSidebarNav]").get_by_text("Bedarfslagen").click()
    app_page.wait_idle()
    page.get_by_label("Gebietsgliederung").first.click()
    page.get_by_role("option", name=BERLIN).click()
    app_page.wait_idle()
    box = page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").filter(has_text="Verfahren")
    box.click()
    page.get_by_role("option", name=re.compile("MSS|Monitoring")).first.click()
    app_page.wait_idle()
    _no_error(app_page)
    assert page.get_by_text("Bitte mindestens einen Indikator wählen.").count() == 0
    page.get_by_text("Markierte Gebiete").first.wait_for()
    app_page.screenshot("berlin-mss")
