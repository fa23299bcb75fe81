"""P7: concurrent sessions against the real app (``bench/soak.py``, issue 7).

Starts ``streamlit run app.py`` on a free port, runs ``bench/soak.py`` with N
browser sessions that keep changing the indicator for a bounded time, and reports
errors, p95 rerun latency and the server's memory.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.browser import serving  # noqa: E402
from bench.common import Row, Stats, run_child  # noqa: E402

SESSIONS = 20
SECONDS = 60
TARGET_P95_S = 1.0


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    sessions, seconds = (2, 5) if smoke else (SESSIONS, SECONDS)
    with serving("app.py") as server:
        res = run_child(["bench/soak.py", "--url", server.url, "--sessions", str(sessions),
                         "--seconds", str(seconds), "--label", "Indikator", "--json"], timeout=seconds + 600)
    try:
        out = json.loads(res.stdout)
    except ValueError:
        raise RuntimeError(f"bench/soak.py printed no result: {res.stderr[-2000:]}") from None
    p95 = (out["p95_ms"] or float("nan")) / 1000
    measures = (f"bench/soak.py --label Indikator, {sessions} Chromium pages changing the indicator for {seconds} s: "
                f"p95 of click → script finished; {out['reruns']} reruns, {out['errors']} errors, "
                f"p50 {out['p50_ms']:.0f} ms, server RSS peak {out['rss_mb_peak'] or 0:.0f} MB"
                if out["reruns"] else f"no rerun completed; errors: {out['error_messages'][:3]}")
    return [Row(id="P7", figure=f"{sessions} concurrent sessions, p95 rerun", unit="s",
                value=Stats([p95]), target=f"0 errors, p95 ≤ {TARGET_P95_S:g} s",
                met=out["errors"] == 0 and p95 <= TARGET_P95_S, measures=measures)]


if __name__ == "__main__":
    for row in run(smoke="--smoke" in sys.argv):
        print(row)
