"""Load/soak test: N concurrent browser sessions against a running app.

Opens ``--sessions`` pages in one headless Chromium (each page is its own
Streamlit session), and for ``--seconds`` each page keeps picking another
option in a selectbox, timing every rerun from the click until Streamlit
reports the script finished. Reports errors, p50/p95 rerun latency and the
server's memory (VmRSS from /proc, sampled every second).

    make run &                        # the app on port 8501
    .venv/bin/python bench/soak.py --url http://localhost:8501 --sessions 20 --seconds 120
    .venv/bin/python bench/soak.py --sessions 2 --seconds 5      # smoke mode

Target (issue 7): 20 sessions, 0 errors, p95 <= 1 s. Exit code 1 if any error
occurred (or p95 exceeds ``--max-p95`` when given).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
ARM = """(PATIENCE_MS) => {
  const el = document.querySelector('[data-test-script-state]');
  window.__soak = new Promise(resolve => {
    if (!el) { resolve(-2); return; }
    const t0 = performance.now();
    let seen = false;
    // Records carry the old value: a run that starts and ends between two callbacks is still seen.
    const obs = new MutationObserver(records => {
      for (const r of records) { if (r.oldValue === 'running') seen = true; }
      const s = el.getAttribute('data-test-script-state');
      if (s === 'running') seen = true;
      if (seen && s === 'notRunning') { obs.disconnect(); resolve(performance.now() - t0); }
    });
    obs.observe(el, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']});
    setTimeout(() => { obs.disconnect(); resolve(-1); }, PATIENCE_MS);
  });
}"""


@dataclass
class Stats:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    missed: int = 0  # interactions that triggered no rerun


def server_pid(port: int) -> int | None:
    """PID of the process listening on ``port`` (via /proc/net/tcp* socket inodes)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if parts[3] == "0A" and int(parts[1].rsplit(":", 1)[1], 16) == port:  # 0A = LISTEN
                inodes.add(parts[9])
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
                if link.startswith("socket:[") and link[8:-1] in inodes:
                    return int(pid)
        except OSError:
            continue
    return None


def vm_rss_kb(pid: int) -> int | None:
    """Resident memory of ``pid`` in kB, from /proc/PID/status."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


async def sample_memory(pid: int | None, stats: Stats, stop: asyncio.Event) -> None:
    while pid and not stop.is_set():
        rss = vm_rss_kb(pid)
        if rss:
            stats.rss_kb.append(rss)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 1.0)


async def wait_idle(page, timeout_ms: int = 60000) -> None:
    await page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=timeout_ms)


async def pick_other_option(page, rng: random.Random, label: str | None = None) -> bool:
    """Open a visible selectbox (labelled ``label``, if given) and click another option."""
    boxes = page.locator('[data-testid="stSelectbox"]:visible')
    if label:
        boxes = boxes.filter(has=page.get_by_text(label, exact=True))
    n = await boxes.count()
    if n == 0:
        return False
    await boxes.nth(rng.randrange(n)).click()
    options = page.locator('[role="option"]')
    try:
        await page.wait_for_function("document.querySelectorAll('[role=option]').length > 1", timeout=15000)
    except Exception:  # a selectbox with a single option: nothing to change
        await page.keyboard.press("Escape")
        return False
    selected = await options.evaluate_all("els => els.map(e => e.getAttribute('aria-selected') === 'true')")
    choices = [i for i, sel in enumerate(selected) if not sel]
    if not choices:
        await page.keyboard.press("Escape")
        return False
    await options.nth(rng.choice(choices)).click()
    return True


async def session(
    browser, url: str, seconds: float, stats: Stats, seed: int, label: str | None = None, patience: float = 30.0
) -> None:
    rng = random.Random(seed)
    page = await browser.new_page()
    page.on("pageerror", lambda exc: stats.errors.append(f"session {seed}: JS error {exc}"))
    try:
        await page.goto(url, wait_until="domcontentloaded", timeout=int(patience * 2000))
        await wait_idle(page, timeout_ms=int(patience * 2000))
        end = time.monotonic() + seconds
        measured, tries = 0, 0
        # at least one measured rerun per session: on a busy machine the time may run out on clicks that
        # changed nothing (missed), and a session without a rerun measures nothing
        while time.monotonic() < end or (measured == 0 and tries < 10):
            tries += 1
            await page.evaluate(ARM, int(patience * 1000))
            for _attempt in range(3):  # the dropdown may not open while the page re-renders
                if await pick_other_option(page, rng, label):
                    break
                await page.keyboard.press("Escape")
                await page.wait_for_timeout(300)
            else:
                stats.errors.append(f"session {seed}: no selectbox with another option found")
                return
            ms = await page.evaluate("window.__soak")
            if ms < 0:
                if await page.get_attribute("[data-test-script-state]", "data-test-script-state") == "notRunning":
                    stats.missed += 1  # the click did not change the value (no rerun): a bench miss, not an app error
                    continue
                stats.errors.append(f"session {seed}: rerun did not finish within {patience:g} s")
                await wait_idle(page)
                continue
            stats.latencies_ms.append(ms)
            measured += 1
            if await page.locator('[data-testid="stException"]').count():
                text = (await page.locator('[data-testid="stException"]').first.inner_text())[:200]
                stats.errors.append(f"session {seed}: exception shown in app: {text}")
            state = await page.get_attribute("[data-test-connection-state]", "data-test-connection-state")
            if state and state != "CONNECTED":
                stats.errors.append(f"session {seed}: connection state {state}")
    except Exception as exc:  # a failed session is a finding, not a crash of the bench
        stats.errors.append(f"session {seed}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    finally:
        await page.close()


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q / 100 * (len(s) - 1))))]


async def run(
    url: str,
    sessions: int,
    seconds: float,
    chromium: str,
    label: str | None = None,
    mode: str = "browser",
    think: tuple[float, float] = (0.0, 0.0),
    patience: float = 30.0,
) -> dict:
    stats = Stats()
    port = urlparse(url).port or 80
    pid = server_pid(port)
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_memory(pid, stats, stop))
    t0 = time.monotonic()
    if mode == "ws":
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from soak_ws import ws_session

        await asyncio.gather(*(ws_session(url, seconds, stats, i, label, think) for i in range(sessions)))
    else:
        from playwright.async_api import async_playwright

        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=chromium, headless=True, args=["--no-sandbox", "--disable-dev-shm-usage"]
            )
            await asyncio.gather(*(session(browser, url, seconds, stats, i, label, patience) for i in range(sessions)))
            await browser.close()
    wall = time.monotonic() - t0
    stop.set()
    await sampler
    lat = stats.latencies_ms
    mb = [k / 1024 for k in stats.rss_kb]
    return {
        "url": url,
        "mode": mode,
        "think_s": list(think),
        "sessions": sessions,
        "seconds": seconds,
        "wall_s": round(wall, 1),
        "reruns": len(lat),
        "missed": stats.missed,
        "errors": len(stats.errors),
        "error_messages": stats.errors[:20],
        "p50_ms": percentile(lat, 50),
        "p95_ms": percentile(lat, 95),
        "max_ms": max(lat) if lat else None,
        "mean_ms": statistics.fmean(lat) if lat else None,
        "server_pid": pid,
        "rss_mb_start": mb[0] if mb else None,
        "rss_mb_peak": max(mb) if mb else None,
        "rss_mb_end": mb[-1] if mb else None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default="http://localhost:8501")
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--chromium", default=CHROMIUM)
    ap.add_argument("--max-p95", type=float, help="fail (exit 1) if p95 latency in ms is above this")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--label", help="only use selectboxes with this label (e.g. Indikator)")
    ap.add_argument(
        "--mode",
        choices=["browser", "ws"],
        default="browser",
        help="browser: Chromium pages (front end included); ws: Streamlit's websocket "
        "protocol (light clients, measures the server)",
    )
    ap.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(0.0, 0.0),
        metavar=("MIN", "MAX"),
        help="ws mode: seconds a user waits between two changes, uniform in [MIN, MAX]",
    )
    ap.add_argument(
        "--patience",
        type=float,
        default=30.0,
        help="browser mode: seconds a rerun (twice that: the first page load) may take before it "
        "counts as an error; the smoke test on a busy CI machine gives more",
    )
    args = ap.parse_args(argv)
    if args.mode == "browser" and not Path(args.chromium).exists():
        print(f"Fehler: Chromium nicht gefunden unter {args.chromium}")
        return 1
    result = asyncio.run(
        run(
            args.url,
            args.sessions,
            args.seconds,
            args.chromium,
            args.label,
            args.mode,
            tuple(args.think),
            args.patience,
        )
    )
    if args.json:
        print(json.dumps(result, indent=2))
    else:

        def ms(v):
            return "–" if v is None else f"{v:.0f} ms"

        def mb(v):
            return "–" if v is None else f"{v:.0f} MB"

        print(
            f"{result['sessions']} Sitzungen, {result['seconds']:g} s, {result['reruns']} Reruns, "
            f"{result['errors']} Fehler, {result['missed']} Klicks ohne Rerun"
        )
        print(f"Rerun-Latenz p50 {ms(result['p50_ms'])}, p95 {ms(result['p95_ms'])}, max {ms(result['max_ms'])}")
        print(
            f"Server-Speicher (PID {result['server_pid']}): Start {mb(result['rss_mb_start'])}, "
            f"Spitze {mb(result['rss_mb_peak'])}, Ende {mb(result['rss_mb_end'])}"
        )
        for msg in result["error_messages"]:
            print("  " + msg)
    bad = result["errors"] > 0 or result["reruns"] == 0
    if args.max_p95 is not None and (result["p95_ms"] is None or result["p95_ms"] > args.max_p95):
        bad = True
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
