"""P7: concurrent sessions against the real app (``bench/soak.py``, issue 7).

Starts ``streamlit run app.py`` on a free port and runs ``bench/soak.py`` with N
sessions speaking Streamlit's websocket protocol (``--mode ws``; N Chromium pages
would load the 2 cores more than the app does). Each session keeps changing the
indicator for a bounded time. Two rows:

* planners: a think time of 5–15 s between changes (reading map and table): the target;
* stress: no think time, every session clicks again as soon as its map is back
  (Streamlit runs all sessions' scripts in one process, so this measures throughput).

Across processes (issue 28, item 8): ``deploy/local-cluster`` (PostgreSQL, two app processes in auth
mode ``none``, nginx with TLS) and, in the same run, the stress load against one app process directly
and against both behind nginx (``wss://``; each websocket is one session, nginx's cookie hash spreads
new sessions over the processes). Target: p95 of two ≤ 0.6× p95 of one, 0 errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.browser import serving
from bench.common import Row, Stats, run_child

SESSIONS = 20
TARGET_P95_S = 1.0
TARGET_RATIO = 0.6
ROOT = Path(__file__).resolve().parents[1]


def _soak(url: str, sessions: int, seconds: int, think: tuple[float, float]) -> dict:
    res = run_child(
        [
            "bench/soak.py",
            "--url",
            url,
            "--sessions",
            str(sessions),
            "--seconds",
            str(seconds),
            "--label",
            "Indikator",
            "--mode",
            "ws",
            "--think",
            str(think[0]),
            str(think[1]),
            "--json",
        ],
        timeout=seconds + 600,
    )
    try:
        return json.loads(res.stdout)
    except ValueError:
        raise RuntimeError(f"bench/soak.py printed no result: {res.stderr[-2000:]}") from None


def _row(out: dict, figure: str, target: str, met: bool | None, think: tuple[float, float]) -> Row:
    p95 = (out["p95_ms"] or float("nan")) / 1000
    measures = (
        f"bench/soak.py --mode ws, {out['sessions']} sessions changing the indicator for "
        f"{out['seconds']:g} s, think time {think[0]:g}–{think[1]:g} s: p95 of request → script "
        f"finished; {out['reruns']} reruns, {out['errors']} errors, p50 {out['p50_ms'] or 0:.0f} ms, "
        f"server RSS peak {out['rss_mb_peak'] or 0:.0f} MB"
    )
    return Row(id="P7", figure=figure, unit="s", value=Stats([p95]), target=target, met=met, measures=measures)


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    sessions, seconds, stress_s = (2, 5, 5) if smoke else (SESSIONS, 60, 30)
    planners, stress = (5.0, 15.0), (0.0, 0.0)
    with serving("app.py") as server:
        a = _soak(server.url, sessions, seconds, planners)
        b = _soak(server.url, sessions, stress_s, stress)
    target = f"0 errors, p95 ≤ {TARGET_P95_S:g} s"
    return [*_rows(sessions, a, b, planners, stress, target), *run_cluster(smoke=smoke)]


def _rows(sessions: int, a: dict, b: dict, planners, stress, target) -> list[Row]:
    return [
        _row(
            a,
            f"{sessions} concurrent sessions (think 5–15 s), p95 rerun",
            target,
            a["errors"] == 0 and a["reruns"] > 0 and (a["p95_ms"] or 1e9) / 1000 <= TARGET_P95_S,
            planners,
        ),
        _row(b, f"{sessions} concurrent sessions, no think time (stress), p95 rerun", "report", None, stress),
    ]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cluster(smoke: bool = False) -> list[Row]:
    """Stress against one app process and against two behind nginx, in one run of deploy/local-cluster."""
    import os
    import shutil
    import subprocess
    import tempfile

    sessions, seconds = (2, 5) if smoke else (SESSIONS, 30)
    base = Path(tempfile.mkdtemp(prefix="sm-bench-cluster-"))
    base.chmod(0o755)
    apps = [_free_port(), _free_port()]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SOZIALMONITOR_")},
        "SM_CLUSTER_DIR": str(base / "c"),
        "SM_HTTPS_PORT": str(_free_port()),
        "SM_HTTP_PORT": str(_free_port()),
        "SM_APP_PORTS": " ".join(map(str, apps)),
        "SM_OGC_PORT": str(_free_port()),
        "SM_AUTH": "none",
        "PYTHON": sys.executable,
    }
    script = ROOT / "deploy" / "local-cluster"
    try:
        up = subprocess.run([str(script), "up"], env=env, capture_output=True, text=True, timeout=600)
        if up.returncode != 0:
            raise RuntimeError(f"deploy/local-cluster up failed: {up.stderr[-1500:]}")
        stress = (0.0, 0.0)
        one = _soak(f"http://127.0.0.1:{apps[0]}", sessions, seconds, stress)
        two = _soak(f"https://localhost:{env['SM_HTTPS_PORT']}", sessions, seconds, stress)
    finally:
        subprocess.run([str(script), "down"], env=env, capture_output=True, timeout=120)
        shutil.rmtree(base, ignore_errors=True)
    p95_one, p95_two = (one["p95_ms"] or float("nan")) / 1000, (two["p95_ms"] or float("nan")) / 1000
    met = one["errors"] == 0 and two["errors"] == 0 and two["reruns"] > 0 and p95_two <= TARGET_RATIO * p95_one
    desc = (
        "deploy/local-cluster (PostgreSQL, auth none), bench/soak.py --mode ws, {n} sessions, no think time, "
        "{s:g} s; {what}: {r} reruns, {e} errors, p50 {p50:.0f} ms"
    )
    return [
        Row(
            id="P7",
            figure=f"{sessions} sessions, no think time, one app process (cluster), p95 rerun",
            unit="s",
            value=Stats([p95_one]),
            target="report",
            met=None,
            measures=desc.format(
                n=sessions,
                s=seconds,
                what="one app process directly",
                r=one["reruns"],
                e=one["errors"],
                p50=one["p50_ms"] or 0,
            ),
        ),
        Row(
            id="P7",
            figure=f"{sessions} sessions, no think time, two app processes behind nginx (TLS), p95 rerun",
            unit="s",
            value=Stats([p95_two]),
            baseline=Stats([p95_one]),
            target=f"0 errors, ≤ {TARGET_RATIO:g}× one process",
            met=met,
            measures=desc.format(
                n=sessions,
                s=seconds,
                what="two processes behind nginx over wss://",
                r=two["reruns"],
                e=two["errors"],
                p50=two["p50_ms"] or 0,
            ),
        ),
    ]


if __name__ == "__main__":
    for row in run(smoke="--smoke" in sys.argv):
        print(row)
