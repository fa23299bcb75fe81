"""Issue 23 in the browser: a table whose total is the sum of two columns shows the warning and the
box that lets the planner decide (SYNTHETIC counts)."""

from __future__ import annotations

import tempfile

from geo.geographies import get_geography, load_areas


def test_the_inferred_total_is_warned_about_and_can_be_switched_off(browser, e2e, tmp_path):
    codes = list(load_areas(get_geography("stadtteile"))["code"].astype(str))
    csv = tmp_path / "maenner_frauen_2022.csv"
    csv.write_text(
        "Stadtteil;Jahr;maenner;frauen;gesamt\n"
        + "".join(
            f"{c};2022;{1 if i == 0 else 20 + i};{30 + i};{(1 if i == 0 else 20 + i) + 30 + i}\n"
            for i, c in enumerate(codes)
        ),
        encoding="utf-8",
    )
    server = e2e.start_streamlit("app.py", {"SOZIALMONITOR_DATA_DIR": tempfile.mkdtemp(prefix="sm-totals-")})
    try:
        with e2e.open_app_page(browser, server.url, "upload-totals") as app:
            app.goto("daten")
            page = app.page
            page.get_by_text("Indikatortabelle", exact=True).click()
            app.wait_idle()
            app.upload("CSV oder Excel", str(csv))
            page.get_by_text(csv.name).first.wait_for()
            app.wait_idle()
            box = page.get_by_text("gesamt = frauen + maenner als Summe behandeln")
            box.scroll_into_view_if_needed()
            assert box.is_visible()
            app.screenshot("inferred_total")
            assert app.external_requests == [] and app.page_errors == []
    finally:
        server.stop()
