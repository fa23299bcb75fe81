"""P1 (start → polygons visible) and P2 (indicator change) in headless Chromium.

For each round, the app (``app.py``) and the baseline (``bench/bare_page.py``: naive
folium.GeoJson of the same Stadtteile, see its docstring) are measured one after
the other, each on a freshly started server (the order alternates between rounds):

* P1 cold: from spawning ``python -m streamlit run <script>`` until the first
  ``path.leaflet-interactive`` exists in the st_folium iframe of a fresh page
  (server start, imports, first script run, component render, Leaflet).
* P1 warm: a second fresh browser context on the same server, from ``goto`` until
  polygons are there (cached data, modules imported).
* P2: in the warm page, the sidebar selectbox ("Indikator" / "Variable") is switched
  between its 2nd and 3rd option several times; ``to_fills`` runs from the option
  click until the polygons' fill colours differ from before, ``rerun`` is the time
  the browser sees the script state ``running`` (MutationObserver on
  ``data-test-script-state``), i.e. the server's script run plus websocket latency.
"""
from __future__ import annotations

import time

from bench import browser
from bench.common import NOT_AVAILABLE, Row, Stats

PAGES = {"app": ("app.py", "Indikator"), "bare": ("bench/bare_page.py", "Variable")}
TARGET_P1 = 1.3
TARGET_RERUN_S = 0.300
TARGET_P2 = 3.0


def _measure(br, script: str, label: str, changes: int) -> dict:
    out = {"cold": None, "warm": None, "to_fills": [], "rerun": []}
    with browser.serving(script) as srv:
        ctx, page = browser.new_page(br)
        try:
            page.goto(srv.url)
            browser.wait_polygons(page)
            out["cold"] = time.perf_counter() - srv.started
            browser.wait_idle(page)
        finally:
            ctx.close()
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


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    from pathlib import Path

    if not Path(browser.CHROMIUM).exists():
        return [Row(id=i, figure="browser benchmark", status=f"skipped: no chromium at {browser.CHROMIUM}")
                for i in ("P1", "P2")]
    try:
        import playwright  # noqa: F401
    except ImportError:
        return [Row(id=i, figure="browser benchmark", status="skipped: playwright not installed")
                for i in ("P1", "P2")]
    rounds = repeat or (1 if smoke else 3)
    changes = 2 if smoke else 4
    res = {k: [] for k in PAGES}
    with browser.chromium() as br:
        if smoke:  # one server only: the measuring code on the bare page (the app is e2e-tested)
            m = _measure(br, *PAGES["bare"], changes)
            return [Row(id="P1", figure="smoke: bare page cold start", unit="s", value=Stats([m["cold"]])),
                    Row(id="P2", figure="smoke: bare page rerun", unit="s", value=Stats(m["rerun"]))]
        for r in range(rounds):
            order = list(PAGES) if r % 2 == 0 else list(PAGES)[::-1]
            for kind in order:
                script, label = PAGES[kind]
                res[kind].append(_measure(br, script, label, changes))

    def stats(kind: str, key: str) -> Stats:
        vals = [m[key] for m in res[kind]]
        flat = [v for x in vals for v in (x if isinstance(x, list) else [x])]
        return Stats(flat)

    cold, cold_b = stats("app", "cold"), stats("bare", "cold")
    warm, warm_b = stats("app", "warm"), stats("bare", "warm")
    fills, fills_b = stats("app", "to_fills"), stats("bare", "to_fills")
    rerun, rerun_b = stats("app", "rerun"), stats("bare", "rerun")
    rows = [
        Row(id="P1", figure="streamlit run → polygons visible (cold)", unit="s", value=cold,
            baseline=cold_b, target=f"≤ {TARGET_P1}×", met=cold.median / cold_b.median <= TARGET_P1,
            measures="spawn of `streamlit run` → first path.leaflet-interactive in the st_folium iframe; "
                     "baseline bench/bare_page.py"),
        Row(id="P1", figure="page open → polygons visible (warm server)", unit="s", value=warm,
            baseline=warm_b, target="–",
            measures="second browser context on the running server: goto → first polygon"),
        Row(id="P2", figure="indicator change → new fill colours visible", unit="ms",
            value=Stats([v * 1000 for v in fills.values]), baseline=Stats([v * 1000 for v in fills_b.values]),
            fmt="{:.0f}", target="–",
            measures="option click → fill attributes of the polygons differ (polled every frame)"),
        Row(id="P2", figure="server rerun after indicator change", unit="ms",
            value=Stats([v * 1000 for v in rerun.values]), baseline=Stats([v * 1000 for v in rerun_b.values]),
            fmt="{:.0f}", target=f"≤ {TARGET_RERUN_S * 1000:.0f} ms and ≤ {TARGET_P2:g}×",
            met=rerun.median <= TARGET_RERUN_S and rerun.median / rerun_b.median <= TARGET_P2,
            measures="script state running → notRunning as seen by the browser"),
    ]
    return rows


__all__ = ["run", "NOT_AVAILABLE"]
