"""P7: 20 concurrent sessions against the app (``bench/soak.py`` from the uploads work).

Runs ``python bench/soak.py`` when it exists and reads the last JSON line it prints
(expected keys: ``sessions``, ``errors``, ``p95_s``; see the open point in
results.md if the interface differs).
"""
from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import NOT_AVAILABLE, ROOT, Row, Stats, last_json, run_child  # noqa: E402

SESSIONS = 20
TARGET_P95_S = 1.0


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    script = ROOT / "bench" / "soak.py"
    if not script.exists():
        return [Row(id="P7", figure=f"{SESSIONS} concurrent sessions", status=NOT_AVAILABLE,
                    measures="needs bench/soak.py (load test from the uploads/robustness work)")]
    args = [str(script), "--sessions", str(2 if smoke else SESSIONS), "--json"]
    res = run_child(args, timeout=900)
    if res.returncode != 0:
        raise RuntimeError(f"bench/soak.py failed: {res.stderr[-2000:]}")
    out = last_json(res.stdout)
    errors, p95 = int(out["errors"]), float(out["p95_s"])
    return [Row(id="P7", figure=f"{out.get('sessions', SESSIONS)} concurrent sessions", unit="s",
                value=Stats([p95]), target=f"0 errors, p95 ≤ {TARGET_P95_S:g} s",
                met=errors == 0 and p95 <= TARGET_P95_S,
                measures=f"bench/soak.py: p95 response time; errors: {errors}")]
