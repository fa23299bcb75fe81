"""P1 (start → polygons visible) and P2 (indicator change) in headless Chromium.

For each round, the app and the baseline (``bench/bare_page.py``: naive folium.GeoJson
of the same Stadtteile, see its docstring) are measured on freshly started servers
(the order alternates between rounds). The app starts as ``make run`` starts it
(``cli.py serve``, which loads the start page's libraries and data in a background
thread while the browser loads, see ``ui/warmup.py``); for comparison it is also
started with plain ``streamlit run app.py``. The baseline always starts with
``streamlit run``.

* P1 cold: from spawning the server until the first ``path.leaflet-interactive``
  exists in the st_folium iframe of a page opened as soon as ``/_stcore/health``
  answers (server start, imports, first script run, component render, Leaflet).
* P1 first visit: the server has been up for ``IDLE_S`` seconds (as when IT started
  it in the morning); from ``goto`` until polygons are there.
* P1 warm: a second fresh browser context on the same server, from ``goto`` until
  polygons are there (cached data, modules imported).
* P2: in the warm page, the sidebar selectbox ("Indikator" / "Variable") is switched
  between its 2nd and 3rd option several times; ``to_fills`` runs from the option
  click until the polygons' fill colours differ from before, ``rerun`` runs from the
  browser's ``rerun_script`` request to the server's ``script_finished`` message, both
  timestamped by the browser on the websocket (``bench.browser.WireClock``), i.e. the
  server's script run plus websocket latency.
"""

from __future__ import annotations

import time

from bench import browser
from bench.common import NOT_AVAILABLE, Row, Stats

PAGES = {"app": ("app.py", "Indikator"), "bare": ("bench/bare_page.py", "Variable")}
IDLE_S = 10.0
TARGET_P1 = 1.3
TARGET_P2 = 1.5  # rerun ≤ 1.5× the bare page's (a ratio holds on any machine)


def _open(br, url: str, since: float | None = None) -> float:
    """Seconds from ``since`` (a perf_counter value; default: the ``goto``) until the
    first polygon, in a fresh context that is closed when the page is idle."""
    ctx, page = browser.new_page(br)
    try:
        t0 = time.perf_counter() if since is None else since
        page.goto(url)
        browser.wait_polygons(page)
        seconds = time.perf_counter() - t0
        browser.wait_idle(page)
        return seconds
    finally:
        ctx.close()


def _measure(br, script: str, label: str, changes: int) -> dict:
    out = {"cold": None, "warm": None, "to_fills": [], "rerun": []}
    with browser.serving(script) as srv:
        out["cold"] = _open(br, srv.url, since=srv.started)
        ctx, page = browser.new_page(br)
        try:
            t0 = time.perf_counter()
            page.goto(srv.url)
            browser.wait_polygons(page)
            out["warm"] = time.perf_counter() - t0
            browser.wait_idle(page)
            for i in range(changes):
                to_fills, rerun = browser.change_and_time(page, label, 1 + i % 2)
                out["to_fills"].append(to_fills)
                out["rerun"].append(rerun)
        finally:
            ctx.close()
    return out


def _cold(br, script: str, plain: bool = False, env: dict | None = None) -> float:
    """P1 cold only (see :func:`_measure`)."""
    with browser.serving(script, plain=plain, env=env) as srv:
        return _open(br, srv.url, since=srv.started)


def _first_visit(br, script: str, idle_s: float) -> float:
    """P1 first visit on a server that has been up for ``idle_s`` seconds."""
    with browser.serving(script) as srv:
        time.sleep(max(0.0, idle_s - (time.perf_counter() - srv.healthy)))
        return _open(br, srv.url)


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    from pathlib import Path

    if not Path(browser.CHROMIUM).exists():
        return [
            Row(id=i, figure="browser benchmark", status=f"skipped: no chromium at {browser.CHROMIUM}")
            for i in ("P1", "P2")
        ]
    try:
        import playwright  # noqa: F401
    except ImportError:
        return [Row(id=i, figure="browser benchmark", status="skipped: playwright not installed") for i in ("P1", "P2")]
    rounds = repeat or (1 if smoke else 5)  # cold starts vary by ~0.2 s: five per kind
    changes = 2 if smoke else 4
    res = {k: [] for k in PAGES}
    first = {k: [] for k in PAGES}
    plain: list[float] = []
    bare_mc: list[float] = []
    with browser.chromium() as br:
        if smoke:  # the measuring code on the bare page only (the app is e2e-tested)
            m = _measure(br, *PAGES["bare"], changes)
            visit = _first_visit(br, PAGES["bare"][0], idle_s=0.0)
            return [
                Row(id="P1", figure="smoke: bare page cold start", unit="s", value=Stats([m["cold"]])),
                Row(id="P1", figure="smoke: bare page first visit", unit="s", value=Stats([visit])),
                Row(id="P2", figure="smoke: bare page rerun", unit="s", value=Stats(m["rerun"])),
            ]
        for r in range(rounds):
            order = list(PAGES) if r % 2 == 0 else list(PAGES)[::-1]
            for kind in order:
                script, label = PAGES[kind]
                res[kind].append(_measure(br, script, label, changes))
                first[kind].append(_first_visit(br, script, IDLE_S))
            plain.append(_cold(br, "app.py", plain=True))
            bare_mc.append(_cold(br, PAGES["bare"][0], env={"BARE_CLASSES": "mapclassify"}))

    def stats(kind: str, key: str) -> Stats:
        vals = [m[key] for m in res[kind]]
        flat = [v for x in vals for v in (x if isinstance(x, list) else [x])]
        return Stats(flat)

    cold, cold_b = stats("app", "cold"), stats("bare", "cold")
    warm, warm_b = stats("app", "warm"), stats("bare", "warm")
    fills, fills_b = stats("app", "to_fills"), stats("bare", "to_fills")
    rerun, rerun_b = stats("app", "rerun"), stats("bare", "rerun")
    visit, visit_b = Stats(first["app"]), Stats(first["bare"])
    cold_plain, cold_mc = Stats(plain), Stats(bare_mc)
    rows = [
        Row(
            id="P1",
            figure="start → polygons visible (cold; app as `make run` starts it)",
            unit="s",
            value=cold,
            baseline=cold_b,
            target=f"≤ {TARGET_P1}×",
            met=cold.median / cold_b.median <= TARGET_P1,
            measures="spawn of the server (app: `python cli.py serve`, baseline: `streamlit run "
            "bench/bare_page.py`) → first path.leaflet-interactive in the st_folium iframe of a "
            "page opened as soon as /_stcore/health answers",
        ),
        Row(
            id="P1",
            figure="start → polygons visible (cold; app by plain `streamlit run app.py`)",
            unit="s",
            value=cold_plain,
            baseline=cold_b,
            target="–",
            measures="as above, the app without the warm-up thread of cli.py serve",
        ),
        Row(
            id="P1",
            figure="start → polygons visible (cold), against the bare page with mapclassify classes",
            unit="s",
            value=cold,
            baseline=cold_mc,
            target="–",
            measures="diagnostic: baseline = bare_page.py with BARE_CLASSES=mapclassify (the classifier the "
            "brief prescribes, as GeoDataFrame.explore uses it); isolates the cost of its imports",
        ),
        Row(
            id="P1",
            figure=f"first visit on a server up for {IDLE_S:.0f} s → polygons visible",
            unit="s",
            value=visit,
            baseline=visit_b,
            target="–",
            measures="fresh server left idle, then goto → first polygon (the planner's morning case)",
        ),
        Row(
            id="P1",
            figure="page open → polygons visible (warm server)",
            unit="s",
            value=warm,
            baseline=warm_b,
            target="–",
            measures="second browser context on the running server: goto → first polygon",
        ),
        Row(
            id="P2",
            figure="indicator change → new fill colours visible",
            unit="ms",
            value=Stats([v * 1000 for v in fills.values]),
            baseline=Stats([v * 1000 for v in fills_b.values]),
            fmt="{:.0f}",
            target="–",
            measures="option click → fill attributes of the polygons differ (polled every frame)",
        ),
        Row(
            id="P2",
            figure="server rerun after indicator change",
            unit="ms",
            value=Stats([v * 1000 for v in rerun.values]),
            baseline=Stats([v * 1000 for v in rerun_b.values]),
            fmt="{:.0f}",
            target=f"≤ {TARGET_P2:g}×",
            met=rerun.median / rerun_b.median <= TARGET_P2,
            measures="rerun_script request → script_finished message, browser timestamps on the websocket "
            "(until 2026-12-02: script state running → notRunning in the DOM)",
        ),
    ]
    return rows


__all__ = ["run", "NOT_AVAILABLE"]
