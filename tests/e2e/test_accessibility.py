"""Accessibility (BITV 2.0 / WCAG 2.1 AA) in Chromium: axe-core on every page of the app.

axe-core comes from npm (``tests/e2e/axe/package.json`` + ``package-lock.json``), installed with
``npm ci`` by the fixture below when ``node_modules`` is missing, and is injected from that file
with ``page.add_script_tag(path=…)`` (no CDN: the tests run offline). A page passes when axe
reports no violation of impact ``serious`` or ``critical`` (WCAG 2.0/2.1 A and AA rules).
Streamlit's page chrome is checked too; the map iframes are checked as frames of the page.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

AXE_DIR = Path(__file__).resolve().parent / "axe"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "atlas",
    "bedarfslagen",
    "vergleich?areas=05,10",
    "abfragen",
    "daten",
    "planung",
    "strategie",
    "methoden",
    "about",
]
SEVERE = {"serious", "critical"}
RUN_AXE = """async () => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                     iframes: false});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' | ' + n.failureSummary)}));
}"""


@pytest.fixture(scope="module")
def axe_js(skip_or_fail) -> Path:
    """Path of axe.min.js; ``npm ci`` installs the locked version when it is missing."""
    if not AXE_JS.exists():
        npm = shutil.which("npm")
        if npm is None:
            skip_or_fail("npm not found (needed to install axe-core for the accessibility tests)")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=AXE_DIR, check=True)
    return AXE_JS


@pytest.fixture(scope="module")
def server(e2e):
    env = {"SOZIALMONITOR_DATA_DIR": tempfile.mkdtemp(prefix="sm-a11y-e2e-"), "SOZIALMONITOR_AUTH": "none"}
    srv = e2e.start_streamlit("app.py", env)
    yield srv
    srv.stop()


def severe_violations(page, axe_js: Path) -> list[dict]:
    """axe-core's serious and critical violations on ``page`` (main document and each frame)."""
    found = []
    for frame in page.frames:
        if frame.url in ("", "about:blank") or frame.is_detached():
            continue
        frame.add_script_tag(path=str(axe_js))
        found += [v for v in frame.evaluate(RUN_AXE) if v["impact"] in SEVERE]
    return found


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_or_critical_axe_violation(browser, e2e, server, axe_js, path):
    with e2e.open_app_page(browser, server.url, f"a11y-{path}") as app:
        app.goto(path)
        if path in ("atlas", "bedarfslagen", "abfragen", "strategie"):
            app.map_frame()
        found = severe_violations(app.page, axe_js)
        assert found == [], json.dumps(found, ensure_ascii=False, indent=1)
        assert app.page_errors == []


def test_every_map_page_has_a_table_alternative(browser, e2e, server):
    with e2e.open_app_page(browser, server.url, "a11y-tables") as app:
        for path in ("atlas", "bedarfslagen"):
            app.goto(path)
            app.map_frame()
            tables = app.page.locator("[data-testid=stDataFrame], [data-testid=stTable]")
            tables.first.wait_for(timeout=120_000)  # the table may follow the map by a moment on a busy machine
            assert tables.count() >= 1, path
