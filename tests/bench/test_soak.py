"""Smoke run of bench/soak.py against a Streamlit server started here (2 sessions, 5 s)."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from testkit import ROOT, require


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server():
    require(Path("/usr/bin/chromium").exists(), "Chromium not installed at /usr/bin/chromium")
    app = ROOT / "app.py"
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(app),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _soak(url: str, *args: str) -> tuple[int, dict]:
    res = subprocess.run(
        [sys.executable, "bench/soak.py", "--url", url, "--label", "Indikator", "--json", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=280,
    )
    return res.returncode, json.loads(res.stdout)


def test_soak_smoke_websocket_sessions(server):
    url, pid = server
    code, out = _soak(url, "--mode", "ws", "--sessions", "2", "--seconds", "4")
    assert code == 0, out["error_messages"]
    assert out["errors"] == 0 and out["reruns"] >= 1  # how many fit in 4 s depends on the machine
    assert out["p50_ms"] is not None and out["p95_ms"] >= out["p50_ms"]
    assert out["server_pid"] == pid and out["rss_mb_peak"] > 10


def test_soak_smoke_browser_session(server):
    url, _ = server
    # A smoke test of the harness, not a timing target: on a busy machine a rerun may take long,
    # so the harness is given minutes before a slow rerun counts as an error.
    code, out = _soak(url, "--mode", "browser", "--sessions", "1", "--seconds", "8", "--patience", "120")
    assert code == 0, out["error_messages"]
    assert out["errors"] == 0 and out["reruns"] >= 1
