"""P8: the social report PDF (``geo.report.pdf.build_report``) for Lübeck and Berlin.

In-process, each dataset loaded once (outside the timing); each figure is one
``build_report(ds, latest year)`` call. Figures are printed, not asserted (targets
from issue 16: Berlin's 447 Planungsräume ≤ 60 s and ≤ 30 MB, Lübeck ≤ 15 s).
``python bench/p8_report.py`` prints them; ``make bench`` puts them in results.md.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Row, Stats, timed

CASES = {"stadtteile": (15.0, None), "berlin-mss": (60.0, 30.0)}  # geography: (target s, target MB)


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    from geo.geographies import get_geography
    from geo.loading import load_dataset
    from geo.report.pdf import build_report, plan_report

    repeat = repeat or (1 if smoke else 2)
    rows = []
    for gid, (target_s, target_mb) in CASES.items():
        if smoke and gid != "stadtteile":
            continue
        ds = load_dataset(get_geography(gid))
        year = max(ds.years)
        build_report(ds, year) if not smoke else None  # first call outside the timing (lazy imports)
        cpu0 = time.process_time()
        t, pdf = timed(lambda ds=ds, year=year: build_report(ds, year), repeat)
        cpu = (time.process_time() - cpu0) / repeat
        pages = len(plan_report(ds, year))
        mb = len(pdf) / 1e6
        what = f"build_report({gid}, {year}): {len(ds.areas)} areas, {pages} pages"
        rows.append(
            Row(
                id="P8",
                figure=f"report {gid}, time",
                unit="s",
                value=t,
                fmt="{:.1f}",
                target=f"≤ {target_s:g} s",
                met=t.median <= target_s,
                measures=what,
            )
        )
        rows.append(
            Row(
                id="P8",
                figure=f"report {gid}, CPU time",
                unit="s",
                value=Stats([cpu]),
                fmt="{:.1f}",
                target="–",
                measures=what + "; process CPU seconds per report (wall time on a busy machine is higher)",
            )
        )
        rows.append(
            Row(
                id="P8",
                figure=f"report {gid}, size",
                unit="MB",
                value=Stats([mb]),
                fmt="{:.1f}",
                target=f"≤ {target_mb:g} MB" if target_mb else "–",
                met=(mb <= target_mb) if target_mb else None,
                measures=what,
            )
        )
    return rows


if __name__ == "__main__":
    for r in run(repeat=1):
        print(f"{r.figure}: {r.value.text(r.unit, r.fmt)} (target {r.target}) — {r.measures}")
