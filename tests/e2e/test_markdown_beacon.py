"""User text is text: a label with a Markdown image makes no request (SYNTHETIC dataset made here).

A beacon server on 127.0.0.1 (local, so the harness lets requests through)
counts requests while the browser opens every page showing the label.
"""

from __future__ import annotations

import http.server
import tempfile
import threading

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo.uploads.datastore import DataStore, SaveRequest
from indicators.catalogue import Indicator, Source


class _Beacon(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # the browser would load the "image" from here
        _Beacon.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def beacon():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Beacon)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1]
    httpd.shutdown()


def _dataset(root: str, port: int) -> str:
    img = f"![b](http://127.0.0.1:{port}/beacon.png)"
    link = f"[hier](http://127.0.0.1:{port}/link) http://127.0.0.1:{port}/auto $\\frac{{1}}{{2}}$"
    x0, y0 = 610_000, 5_970_000
    areas = gpd.GeoDataFrame(
        {"code": ["01", "02", "03"], "name": [f"A {img}", f"B {link}", "C"]},
        geometry=[box(x0 + i * 500, y0, x0 + i * 500 + 500, y0 + 500) for i in range(3)],
        crs=25832,
    )
    table = pd.DataFrame({"area_code": ["01", "02", "03"], "year": 2022, "variable": "hitze", "value": [3.0, 5.0, 7.0]})
    cat = {
        "hitze": Indicator(
            "hitze",
            f"Hitze {img}",
            f"Heat {img}",
            "value",
            "Tage",
            source="quelle",
            definition_de=f"Definition {img} {link}",
        )
    }
    src = {
        "quelle": Source(
            "quelle",
            f"Quelle {img}",
            licence=f"Lizenz {link}",
            url=f"http://127.0.0.1:{port}/src",
            note_de=f"Hinweis {img}",
        )
    }
    DataStore(root).save(
        SaveRequest(
            name="bake",
            label_de=f"Bake {img}",
            areas=areas,
            table=table,
            catalogue=cat,
            sources=src,
            reference_code=None,
            attribution=f"Attribution {img}",
        )
    )
    return "bake"


def test_markdown_image_in_labels_makes_no_request(browser, e2e, beacon):
    root = tempfile.mkdtemp(prefix="sm-beacon-")
    geo = _dataset(root, beacon)
    server = e2e.start_streamlit("app.py", {"SOZIALMONITOR_DATA_DIR": root})
    try:
        with e2e.open_app_page(browser, server.url, "markdown-beacon") as app:
            for query in (f"?geography={geo}", f"bedarfslagen?geography={geo}", "about", "daten"):
                app.goto(query)
            app.page.get_by_text("Gespeicherte Daten").click()
            app.wait_idle()
            app.page.get_by_text("Bake", exact=False).first.wait_for()
            app.goto(f"?geography={geo}")
            app.page.get_by_text("Hitze", exact=False).first.wait_for()
            html = app.page.content()
            assert f"127.0.0.1:{beacon}" in html  # the label is shown, as text
            assert app.page.locator(f"img[src*='{beacon}']").count() == 0
            links = app.page.locator("a[href*='127.0.0.1']")  # header anchors (#…) are fine
            assert links.count() == 0, [
                links.nth(i).evaluate("e => e.parentElement.outerHTML.slice(0, 400)") for i in range(links.count())
            ]
            assert app.page.locator(".katex").count() == 0
            assert app.page_errors == []
    finally:
        server.stop()
    assert _Beacon.hits == []
