"""P7: concurrent sessions against the real app (``bench/soak.py``, issue 7).

Starts ``streamlit run app.py`` on a free port and runs ``bench/soak.py`` with N
sessions speaking Streamlit's websocket protocol (``--mode ws``; N Chromium pages
would load the 2 cores more than the app does). Each session keeps changing the
indicator for a bounded time. Two rows:

* planners: a think time of 5–15 s between changes (reading map and table): the target;
* stress: no think time, every session clicks again as soon as its map is back
  (Streamlit runs all sessions' scripts in one process, so this measures throughput).
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


def _soak(url: str, sessions: int, seconds: int, think: tuple[float, float]) -> dict:
    res = run_child(["bench/soak.py", "--url", url, "--sessions", str(sessions), "--seconds", str(seconds),
                     "--label", "Indikator", "--mode", "ws", "--think", str(think[0]), str(think[1]),
                     "--json"], timeout=seconds + 600)
    try:
        return json.loads(res.stdout)
    except ValueError:
        raise RuntimeError(f"bench/soak.py printed no result: {res.stderr[-2000:]}") from None


def _row(out: dict, figure: str, target: str, met: bool | None, think: tuple[float, float]) -> Row:
    p95 = (out["p95_ms"] or float("nan")) / 1000
    measures = (f"bench/soak.py --mode ws, {out['sessions']} sessions changing the indicator for "
                f"{out['seconds']:g} s, think time {think[0]:g}–{think[1]:g} s: p95 of request → script "
                f"finished; {out['reruns']} reruns, {out['errors']} errors, p50 {out['p50_ms'] or 0:.0f} ms, "
                f"server RSS peak {out['rss_mb_peak'] or 0:.0f} MB")
    return Row(id="P7", figure=figure, unit="s", value=Stats([p95]), target=target, met=met, measures=measures)


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    sessions, seconds, stress_s = (2, 5, 5) if smoke else (SESSIONS, 60, 30)
    planners, stress = (5.0, 15.0), (0.0, 0.0)
    with serving("app.py") as server:
        a = _soak(server.url, sessions, seconds, planners)
        b = _soak(server.url, sessions, stress_s, stress)
    target = f"0 errors, p95 ≤ {TARGET_P95_S:g} s"
    return [
        _row(a, f"{sessions} concurrent sessions (think 5–15 s), p95 rerun", target,
             a["errors"] == 0 and a["reruns"] > 0 and (a["p95_ms"] or 1e9) / 1000 <= TARGET_P95_S, planners),
        _row(b, f"{sessions} concurrent sessions, no think time (stress), p95 rerun", "report", None, stress),
    ]


if __name__ == "__main__":
    for row in run(smoke="--smoke" in sys.argv):
        print(row)
