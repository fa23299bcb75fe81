"""Browser-test harness: a Streamlit server, Debian's chromium and an offline page.

Usage in a test module::

    STREAMLIT_SCRIPT = "app.py"          # relative to the repository root

    def test_something(app_page):
        app_page.goto("?lang=en")        # waits until the script has finished
        frame = app_page.map_frame()     # the st_folium iframe, Leaflet ready
        assert app_page.external_requests == []

The server is started like Streamlit's own e2e tests do, as a subprocess from the
repository root, so ``.streamlit/config.toml`` applies (the app through ``cli.py serve``,
as ``make run`` does; other scripts with ``streamlit run``); then ``/_stcore/health``
is polled. Only one server and one browser run at a time.
Every request to a host other than localhost is recorded *and aborted*, so the tests
behave like the city intranet even on a machine with internet.

Static files are served from ``static/`` next to the script (Streamlit's rule), so a
script outside the repository root needs a ``static`` symlink beside it.

Chromium: ``/usr/bin/chromium`` (or ``$CHROMIUM``). Missing, the tests skip locally
and fail under ``CI=true``. Screenshots go to ``tests/artifacts/`` (gitignored).
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlparse

import pytest
from testkit import ROOT, require

ARTIFACTS = ROOT / "tests" / "artifacts"
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
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
STARTUP_TIMEOUT_S = 90
APP_TIMEOUT_MS = 60_000


def missing(reason: str) -> None:
    """Skip locally, fail in CI: a CI run without its browser must not pass silently."""
    require(False, reason)


def free_port() -> int:
    """A TCP port that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class StreamlitServer:
    """A running ``streamlit run`` subprocess."""

    script: Path
    port: int
    proc: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}/"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_streamlit(script: str | Path, env: dict[str, str] | None = None) -> StreamlitServer:
    """Start ``script`` from the repository root and wait for health.

    ``app.py`` starts as ``make run`` starts it (``python cli.py serve``), any other
    script with ``streamlit run``.

    Parameters
    ----------
    script : str or Path
        Path relative to the repository root (or absolute).
    env : dict, optional
        Extra environment variables for the app.
    """
    script = (ROOT / script).resolve()
    if not script.exists():
        raise FileNotFoundError(script)
    port = free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / f"streamlit-{script.stem}-{port}.log"
    # the app as `make run` starts it (cli.py serve: with the warm-up of ui/warmup.py)
    head = (
        [sys.executable, "cli.py", "serve", "--port", str(port)]
        if script == ROOT / "app.py"
        else [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
    )
    cmd = [
        *head,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    with open(log, "wb") as fh:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    server = StreamlitServer(script, port, proc, log)
    health = f"http://localhost:{port}/_stcore/health"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(health, timeout=2) as r:
                if r.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"streamlit not healthy after {STARTUP_TIMEOUT_S}s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def skip_or_fail():
    """The :func:`missing` helper, for test modules with their own prerequisites."""
    return missing


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of Debian's chromium; skips (locally) or fails (CI) when absent."""
    if not Path(CHROMIUM).exists():
        missing(f"chromium not found at {CHROMIUM}")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    """One headless chromium for the session (Playwright cannot download browsers)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright is not installed")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


_servers: dict[tuple, StreamlitServer] = {}


@pytest.fixture(scope="session")
def streamlit_servers() -> Iterator[dict[tuple, StreamlitServer]]:
    """Session registry of servers; stops them all at the end."""
    yield _servers
    for s in list(_servers.values()):
        s.stop()
    _servers.clear()


@pytest.fixture(scope="module")
def streamlit_server(
    request: pytest.FixtureRequest, streamlit_servers: dict[tuple, StreamlitServer]
) -> StreamlitServer:
    """Server for the module's ``STREAMLIT_SCRIPT`` (default ``app.py``).

    A server is reused by all modules with the same script; a different script
    stops the previous server first (one Streamlit at a time on a shared machine).
    Optional module attribute ``STREAMLIT_ENV`` (dict) is passed to the app.
    """
    script = (ROOT / getattr(request.module, "STREAMLIT_SCRIPT", "app.py")).resolve()
    env = getattr(request.module, "STREAMLIT_ENV", None)
    key = (script, tuple(sorted((env or {}).items())))  # same script, other env: other server
    if key not in streamlit_servers:
        for other in list(streamlit_servers):
            streamlit_servers.pop(other).stop()
        streamlit_servers[key] = start_streamlit(script, env)
    return streamlit_servers[key]


def is_local(url: str) -> bool:
    """True for localhost URLs and for data:/blob:/about: URLs (no network)."""
    parsed = urlparse(url)
    if parsed.scheme in {"data", "blob", "about", "chrome", "chrome-extension"}:
        return True
    return (parsed.hostname or "") in LOCAL_HOSTS


@dataclass
class AppPage:
    """A browser page on a Streamlit app, with what it did on the network."""

    page: object
    base_url: str
    name: str
    external_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def goto(self, query: str = "") -> None:
        """Open the app (``query`` like ``"?lang=en"``) and wait until it is idle."""
        self.page.goto(self.base_url + query.lstrip("/"))
        self.wait_idle()

    def wait_idle(self, timeout_ms: int = APP_TIMEOUT_MS) -> None:
        """Wait for a live connection and a finished script run."""
        self.page.wait_for_selector("[data-testid=stApp][data-test-connection-state=CONNECTED]", timeout=timeout_ms)
        self.page.wait_for_selector("[data-test-script-state=notRunning]", timeout=timeout_ms)

    def upload(self, label: str, path, timeout_ms: int = APP_TIMEOUT_MS) -> None:
        """Put ``path`` into the file uploader labelled ``label``, once that uploader exists.

        After a click that switches the page's mode, the script run may not have started yet when
        ``wait_idle`` looks; ``input[type=file]`` then still finds the old mode's uploader. Waiting
        for the uploader by its label cannot pick the wrong one.
        """
        box = self.page.locator("[data-testid=stFileUploader]").filter(has_text=label)
        box.first.wait_for(timeout=timeout_ms)
        box.first.locator("input[type=file]").set_input_files(
            [str(p) for p in path] if isinstance(path, (list, tuple)) else str(path)
        )

    def map_frame(self, timeout_ms: int = APP_TIMEOUT_MS, index: int = 0):
        """The Frame of the ``index``-th st_folium iframe, after Leaflet has drawn."""
        return st_folium_frame(self.page, timeout_ms=timeout_ms, index=index)

    def screenshot(self, suffix: str = "", full_page: bool = True, locator=None) -> Path:
        """Save ``tests/artifacts/<test>[-suffix].png`` (page or ``locator``)."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.name}{'-' + suffix if suffix else ''}.png"
        if locator is not None:
            locator.screenshot(path=str(path))
        else:
            self.page.screenshot(path=str(path), full_page=full_page)
        return path


def st_folium_frame(page, timeout_ms: int = APP_TIMEOUT_MS, index: int = 0):
    """Playwright ``Frame`` of an st_folium component, once its map exists.

    st_folium renders in an iframe whose URL contains ``streamlit_folium``; the map
    is ready when the iframe holds a ``.leaflet-container`` with a map pane.
    """
    selector = "iframe[src*='streamlit_folium']"
    page.wait_for_selector(selector, state="attached", timeout=timeout_ms)
    handle = page.query_selector_all(selector)[index]
    frame = handle.content_frame()
    frame.wait_for_selector(
        ".leaflet-container:not(.leaflet-zoom-anim) .leaflet-map-pane", state="attached", timeout=timeout_ms
    )
    # st_folium adds the stylesheets after running the scripts; wait until they apply
    # and two frames have passed, so resize observers have re-laid out the map
    frame.wait_for_function(
        "() => [...document.querySelectorAll('link[rel=stylesheet]')].every(l => l.sheet)", timeout=timeout_ms
    )
    frame.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")
    return frame


def _safe_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("::", 1)[-1]).strip("_")


@contextlib.contextmanager
def open_app_page(browser, base_url: str, name: str) -> Iterator[AppPage]:
    """A fresh page on ``base_url``, opened and idle; offline by construction.

    Records non-localhost requests (and aborts them), JS dialogs (and dismisses
    them), console errors and failed requests; saves a final screenshot.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="de-DE")
    page = context.new_page()
    app = AppPage(page=page, base_url=base_url, name=name)

    def route(r) -> None:
        if is_local(r.request.url):
            r.continue_()
        else:
            app.external_requests.append(r.request.url)
            r.abort("internetdisconnected")

    def on_dialog(d) -> None:
        app.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    def on_console(msg) -> None:
        if msg.type == "error":
            app.console_errors.append(msg.text)

    context.route("**/*", route)
    page.on("dialog", on_dialog)  # also fires for dialogs opened inside iframes
    page.on("console", on_console)
    page.on("pageerror", lambda e: app.page_errors.append(str(e)))
    page.on("requestfailed", lambda r: app.failed_requests.append(r.url))
    page.set_default_timeout(APP_TIMEOUT_MS)
    app.goto()
    try:
        yield app
    finally:
        try:
            app.screenshot("final")
        finally:
            context.close()


@pytest.fixture
def app_page(browser, streamlit_server: StreamlitServer, request: pytest.FixtureRequest) -> Iterator[AppPage]:
    """A fresh page on the module's app (see :func:`open_app_page`)."""
    with open_app_page(browser, streamlit_server.url, _safe_name(request.node.nodeid)) as app:
        yield app


@pytest.fixture(scope="session")
def e2e():
    """Harness functions for tests that manage their own servers (e.g. a restart)."""
    return SimpleNamespace(start_streamlit=start_streamlit, open_app_page=open_app_page)
