"""P11 in the browser: the census grid map in headless Chromium (part of :mod:`bench.p11_grid`).

In headless Chromium on one warm app server (``cli.py serve``):

- page open → cells visible, 100 m grid against the Stadtteil map (≤ 1.5×): ``goto`` until the
  st_folium iframe holds all the map's area paths;
- indicator change on the grid map → new fill colours (≤ 600 ms);
- websocket bytes the browser receives while the grid page opens (the map travels in them).
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.common import Row, Stats

AREAS = "path.leaflet-interactive.sm-area"
# above 500 areas the map draws on one canvas (no element per cell): count the layers instead
CANVAS_CELLS = (
    "() => !!window.smAreaFills && window.smAreaFills().length >= 3000"
    " && !!document.querySelector('canvas.leaflet-zoom-animated')"
)


def browser_figures(*, geography: str, changes: int, rounds: int) -> dict:
    """Warm app server: open the grid and the Stadtteil map in fresh contexts, change the indicator."""
    from bench import browser

    ws_bytes: list[int] = []

    def open_map(br, url: str, count_js: str) -> float:
        ctx, page = browser.new_page(br)
        got = [0]
        page.on("websocket", lambda ws: ws.on("framereceived", lambda p: got.__setitem__(0, got[0] + len(p))))
        try:
            t0 = time.perf_counter()
            page.goto(url)
            frame = browser.map_frame(page)
            frame.wait_for_function(count_js, timeout=browser.TIMEOUT_MS)
            seconds = time.perf_counter() - t0
            browser.wait_idle(page)
            if "zensus" in url:
                ws_bytes.append(got[0])
            return seconds
        finally:
            ctx.close()

    grid_js = CANVAS_CELLS
    st_js = f"() => document.querySelectorAll('{AREAS}').length >= 10"
    out: dict = {"grid": [], "stadtteile": [], "to_fills": [], "rerun": [], "st_fills": [], "st_rerun": []}
    with browser.chromium() as br, browser.serving("app.py") as srv:
        grid_url = f"{srv.url}?geography={geography}&indicator=foreigners&year=2011"
        st_url = f"{srv.url}?geography=stadtteile"
        open_map(br, grid_url, grid_js)  # warm the server: both datasets loaded, caches filled
        open_map(br, st_url, st_js)
        ws_bytes.clear()
        for r in range(rounds):
            for kind in ("grid", "stadtteile") if r % 2 == 0 else ("stadtteile", "grid"):
                out[kind].append(open_map(br, grid_url, grid_js) if kind == "grid" else open_map(br, st_url, st_js))
        for url, js, fills, rerun in (
            (grid_url, grid_js, "to_fills", "rerun"),
            (st_url, st_js, "st_fills", "st_rerun"),
        ):
            ctx, page = browser.new_page(br)
            try:
                page.goto(url)
                browser.map_frame(page).wait_for_function(js, timeout=browser.TIMEOUT_MS)
                browser.wait_idle(page)
                for i in range(changes):
                    to_fills, script = browser.change_and_time(page, "Indikator", 1 + i % 2)
                    out[fills].append(to_fills)
                    out[rerun].append(script)
            finally:
                ctx.close()
    out["ws_bytes"] = ws_bytes
    return out


def browser_rows(*, geography: str, changes: int, rounds: int) -> list[Row]:
    from bench import browser

    if not Path(browser.CHROMIUM).exists():
        return [Row(id="P11", figure="grid in the browser", status=f"skipped: no chromium at {browser.CHROMIUM}")]
    b = browser_figures(geography=geography, changes=changes, rounds=rounds)
    grid, st = Stats(b["grid"]), Stats(b["stadtteile"])
    fills = Stats([v * 1000 for v in b["to_fills"]])
    st_fills = Stats([v * 1000 for v in b["st_fills"]])
    rerun, st_rerun = Stats([v * 1000 for v in b["rerun"]]), Stats([v * 1000 for v in b["st_rerun"]])
    kb = Stats([v / 1000 for v in b["ws_bytes"]])
    return [
        Row(
            id="P11",
            figure="page open → cells visible, 100 m grid (warm server)",
            unit="s",
            value=grid,
            baseline=st,
            target="≤ 1.5×",
            met=grid.median / st.median <= 1.5,
            measures="fresh context, goto → ≥ 3,000 area paths in the st_folium iframe; baseline the "
            "Stadtteil map (goto → its area paths), same server, alternating order",
        ),
        Row(
            id="P11",
            figure="indicator change → new fill colours, 100 m grid",
            unit="ms",
            value=fills,
            baseline=st_fills,
            fmt="{:.0f}",
            target="≤ 600 ms",
            met=fills.median <= 600,
            measures="sidebar 'Indikator' option click → the cells' fill colours differ (polled per frame); "
            "baseline the same on the Stadtteil map",
        ),
        Row(
            id="P11",
            figure="indicator change, script rerun, 100 m grid",
            unit="ms",
            value=rerun,
            baseline=st_rerun,
            fmt="{:.0f}",
            target="–",
            measures="rerun_script request → script_finished message, browser timestamps on the websocket; "
            "baseline the Stadtteil map",
        ),
        Row(
            id="P11",
            figure="websocket bytes while the 100 m grid page opens",
            unit="kB",
            value=kb,
            fmt="{:.0f}",
            target="≤ 800 kB",
            met=kb.max <= 800,
            measures="sum of websocket frame payloads the browser receives from goto until the page is idle "
            "(Streamlit sends the map in them); static JS/CSS not counted",
        ),
    ]
