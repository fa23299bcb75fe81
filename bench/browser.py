"""Streamlit servers and headless Chromium for the browser benchmarks (P1, P2).

Servers start like the e2e harness starts them (``tests/e2e/conftest.py``):
the app as ``make run`` starts it (``python cli.py serve``), other scripts with
``python -m streamlit run <script>``, from the repository root on a free port; then
``/_stcore/health`` is polled. One server at a time; every server is stopped by
its process id when the benchmark ends.
"""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlparse

from bench.common import ROOT, WORK

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 90_000
IFRAME = "iframe[src*='streamlit_folium']"
POLYGON = "path.leaflet-interactive"
IDLE = ("[data-testid=stApp][data-test-connection-state=CONNECTED]", "[data-test-script-state=notRunning]")


@dataclass
class Server:
    proc: subprocess.Popen
    port: int
    started: float  # perf_counter() just before the process was spawned
    healthy: float  # perf_counter() when /_stcore/health first answered 200

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def command(script: str, port: int, plain: bool = False) -> list[str]:
    """``app.py`` starts as ``make run`` starts it (``cli.py serve``, with the warm-up of
    ``ui/warmup.py``); other scripts, and ``app.py`` with ``plain``, by ``streamlit run``."""
    if script == "app.py" and not plain:
        head = [sys.executable, "cli.py", "serve", "--port", str(port)]
    else:
        head = [sys.executable, "-m", "streamlit", "run", str(ROOT / script), "--server.port", str(port)]
    return head + [
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]


def start(script: str, timeout_s: float = 120, plain: bool = False, env: dict | None = None) -> Server:
    """Start ``script`` (relative to the repo root, see :func:`command`) and wait for health.

    ``env``: extra environment variables for the server.
    """
    port = free_port()
    WORK.mkdir(parents=True, exist_ok=True)
    log = open(WORK / f"streamlit-{port}.log", "wb")  # noqa: SIM115 (closed when the server stops)
    cmd = command(script, port, plain)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    log.close()
    server = Server(proc, port, t0, float("nan"))
    deadline = t0 + timeout_s
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}; log in {WORK}")
        try:
            with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    server.healthy = time.perf_counter()
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    stop(server)
    raise RuntimeError(f"streamlit not healthy after {timeout_s}s")


def stop(server: Server) -> None:
    if server.proc.poll() is None:
        server.proc.terminate()
        try:
            server.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.proc.kill()
            server.proc.wait()


@contextmanager
def serving(script: str, plain: bool = False, env: dict | None = None):
    server = start(script, plain=plain, env=env)
    try:
        yield server
    finally:
        stop(server)


@contextmanager
def chromium():
    """A headless Debian Chromium through Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in {"data", "blob", "about"} or (parsed.hostname or "") in {"localhost", "127.0.0.1", "::1"}


def new_page(browser):
    """A fresh context and page; requests off localhost are aborted (offline)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    context.route("**/*", lambda r: r.continue_() if _is_local(r.request.url) else r.abort("internetdisconnected"))
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return context, page


def wait_idle(page) -> None:
    for sel in IDLE:
        page.wait_for_selector(sel, timeout=TIMEOUT_MS)


def map_frame(page):
    page.wait_for_selector(IFRAME, state="attached", timeout=TIMEOUT_MS)
    return page.query_selector(IFRAME).content_frame()


def wait_polygons(page):
    """Wait until the st_folium iframe shows at least one polygon; return the frame."""
    frame = map_frame(page)
    frame.wait_for_selector(POLYGON, state="attached", timeout=TIMEOUT_MS)
    return frame


# run in the top page: the st_folium iframe is same-origin, and it is replaced when
# the map changes (streamlit-folium keys the component by a hash of the map script)
FILLS_JS = f"""() => {{
  const f = document.querySelector("{IFRAME}");
  const doc = f && f.contentDocument;
  if (!doc) return [];
  const paths = Array.from(doc.querySelectorAll('{POLYGON}'));
  if (paths.length) return paths.map(p => p.getAttribute('fill'));
  // canvas renderer (grids): no element per area, the layers' fill colours (static/map/choropleth.js)
  return f.contentWindow.smAreaFills ? f.contentWindow.smAreaFills() : [];
}}"""


def fills(page) -> list[str]:
    return page.evaluate(FILLS_JS)


def select_option(page, label: str, index: int) -> None:
    """Open the sidebar selectbox labelled ``label`` and click its ``index``-th option."""
    box = page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").filter(has_text=label)
    box.click()
    page.locator("[role=option]").nth(index).click()


class WireClock:
    """The page's websocket frames with the browser's own timestamps (Chrome DevTools Protocol).

    A script rerun is timed from the browser's ``rerun_script`` request to the server's
    ``script_finished`` message. Both are read off the wire, so the figure does not depend on
    the app's DOM showing a ``running`` state: a fast rerun can finish before React ever
    renders it, and a MutationObserver then sees nothing to time.
    """

    def __init__(self, page) -> None:
        from google.protobuf.message import DecodeError
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self._back, self._forward, self._decode_error = BackMsg, ForwardMsg, DecodeError
        self.reruns: list[float] = []  # timestamps (s) of rerun_script requests
        self.finished: list[float] = []  # timestamps (s) of script_finished messages
        self._cdp = page.context.new_cdp_session(page)
        self._cdp.on("Network.webSocketFrameSent", lambda e: self._frame(e, self._back, "rerun_script"))
        self._cdp.on("Network.webSocketFrameReceived", lambda e: self._frame(e, self._forward, "script_finished"))
        self._cdp.send("Network.enable")

    def _frame(self, event: dict, proto, kind: str) -> None:
        frame = event["response"]
        if frame.get("opcode") != 2:  # Streamlit's messages are binary
            return
        try:
            msg = proto.FromString(base64.b64decode(frame["payloadData"]))
        except self._decode_error:  # a frame that is not this message type
            return
        if msg.WhichOneof("type") == kind:
            (self.reruns if kind == "rerun_script" else self.finished).append(event["timestamp"])

    def rerun_after(self, n_reruns: int) -> float:
        """Seconds from the first rerun request after the first ``n_reruns`` to the next script_finished."""
        start = self.reruns[n_reruns]
        return next(t for t in self.finished if t >= start) - start


def change_and_time(page, label: str, index: int) -> tuple[float, float]:
    """Select option ``index``; seconds until new fills show and the script rerun time.

    Returns
    -------
    (to_fills, rerun)
        ``to_fills``: from the option click until the polygons' fill colours differ
        from before (polled in the iframe every animation frame). ``rerun``: from the
        browser's rerun request to the server's ``script_finished`` message, both as
        timestamped by the browser on the websocket (:class:`WireClock`).
    """
    clock = getattr(page, "_sm_wire_clock", None)  # one per page: its CDP session sees every frame
    if clock is None:
        clock = WireClock(page)
        page._sm_wire_clock = clock
    before = fills(page)
    n_reruns = len(clock.reruns)
    box = page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").filter(has_text=label)
    box.click()
    option = page.locator("[role=option]").nth(index)
    option.wait_for()
    t0 = time.perf_counter()
    option.click()
    page.wait_for_function(
        f"(old) => {{ const f = ({FILLS_JS})(); return f.length > 0 && JSON.stringify(f) !== JSON.stringify(old); }}",
        arg=before,
        polling="raf",
        timeout=TIMEOUT_MS,
    )
    to_fills = time.perf_counter() - t0
    wait_idle(page)
    deadline = time.perf_counter() + TIMEOUT_MS / 1000
    while not (len(clock.reruns) > n_reruns and any(t >= clock.reruns[n_reruns] for t in clock.finished)):
        if time.perf_counter() > deadline:
            raise TimeoutError("no rerun request and script_finished seen on the websocket")
        page.wait_for_timeout(20)  # lets Playwright dispatch the CDP events
    return to_fills, clock.rerun_after(n_reruns)
