"""Context that stays, in Chromium (issue 16, item 2): a geography chosen in the atlas is kept on
the Bedarfslagen and Abfragen pages, written to their URLs, and a copied link restores it with the
indicator and the map settings."""

from __future__ import annotations

STREAMLIT_SCRIPT = "app.py"
BERLIN = "Berlin – 447 Planungsräume (Beispiel MSS)"


# What _geography_shown reads, in the page: the picker's text and its input's value or placeholder.
_PICKER_SHOWS = """(text) => [...document.querySelectorAll('[data-testid=stSidebar] [data-testid=stSelectbox]')]
    .filter((box) => box.innerText.includes('Gebietsgliederung'))
    .some((box) => [box.innerText, ...[...box.querySelectorAll('input')].map((e) => e.value || e.placeholder || '')]
        .join(' ').includes(text))"""


def _geography_shown(page) -> str:
    box = page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").filter(has_text="Gebietsgliederung")
    shown = box.locator("input").evaluate_all("els => els.map(e => e.value || e.placeholder || '')")
    return " ".join([box.inner_text(), *shown])


def _shows(page, text: str, timeout_s: float = 30.0) -> bool:
    """True once the geography picker shows ``text`` (a fresh session renders it after its first run)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(_PICKER_SHOWS, arg=text, timeout=timeout_s * 1000)
    except PlaywrightTimeout:
        return False
    return True


def _nav(app, title: str) -> None:
    app.page.locator("[data-testid=stSidebarNav]").get_by_text(title).click()
    app.wait_idle()


def test_geography_kept_from_atlas_to_needs_and_queries_and_restored_from_a_link(
    app_page, browser, e2e, streamlit_server
):
    page = app_page.page
    page.get_by_label("Gebietsgliederung").first.click()
    page.get_by_role("option", name=BERLIN).click()
    app_page.wait_idle()
    page.wait_for_function("() => location.search.includes('geo=berlin-mss')")
    app_page.map_frame()
    indicator = page.evaluate("() => new URLSearchParams(location.search).get('indicator')")
    assert indicator

    _nav(app_page, "Bedarfslagen")
    assert _shows(page, BERLIN), _geography_shown(page)
    page.wait_for_function("() => location.search.includes('geo=berlin-mss')")
    link = page.url
    assert f"indicator={indicator}" in link

    _nav(app_page, "Abfragen")  # the address tool has no geography choice, its URL keeps it
    page.wait_for_function("() => location.search.includes('geo=berlin-mss')")
    page.get_by_text("Gebiete filtern").click()
    app_page.wait_idle()
    assert _shows(page, BERLIN), _geography_shown(page)

    with e2e.open_app_page(browser, link, "shared-view-link") as other:  # the copied link, a new session
        assert _shows(other.page, BERLIN), _geography_shown(other.page)
        _nav(other, "Atlas")
        assert _shows(other.page, BERLIN), _geography_shown(other.page)
        other.page.wait_for_function(f"() => location.search.includes('indicator={indicator}')")
        assert other.page_errors == []
    assert app_page.page_errors == [] and app_page.external_requests == []


def test_link_with_palette_labels_threshold_and_breaks_restores_them(app_page):
    app_page.goto(
        "?geo=stadtteile&indicator=share_under18&palette=Greens&labels=1&threshold=15,5&scheme=manual&breaks=10;15;20"
    )
    page = app_page.page
    app_page.map_frame()
    assert page.get_by_label("Gebietsnamen anzeigen").first.is_checked()
    side = page.locator("[data-testid=stSidebar]")
    values = side.locator("input").evaluate_all("els => els.map(e => e.value)")  # selectboxes too
    assert "Greens" in values and "15,5" in values and "10;15;20" in values
    params = page.evaluate("() => Object.fromEntries(new URLSearchParams(location.search))")
    for key, value in {
        "geo": "stadtteile",
        "palette": "Greens",
        "labels": "1",
        "threshold": "15,5",
        "breaks": "10;15;20",
    }.items():
        assert params.get(key) == value, key
