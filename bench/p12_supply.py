"""P12: Versorgung (issue 26 item 7): reach (2SFCA) on every address point with the Kitas, and the
maximal covering problem with k = 5 on 1,000 candidate sites.

Each case runs in a child process of its own (``python bench/p12_supply.py --case …``) so that its
peak memory (RSS) is its own; the child prints the timed seconds of the computation after the data
are loaded (dataset, address points, Kitas), several runs in one process as the app holds them.

- ``reach``: :func:`geo.spatial.reach.compute_reach` for 51,569 address points (under-18s of 2022
  shared out), the 128 Kitas, 500 m straight line, no decay (KD-tree pairs, PySAL ``access``);
- ``mclp``: :func:`geo.spatial.siting.choose_sites`, objective ``coverage``, k = 5, 500 m, the
  1,000 candidates a seeded sample of the 250 m grid cell centres with addresses.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Row, Stats, last_json, run_child

TARGETS_S = {"reach": 5.0, "mclp": 30.0}
N_CANDIDATES, K, DISTANCE = 1000, 5, 500.0


def _case(case: str, repeat: int) -> dict:
    import numpy as np

    from geo.loading import load_dataset
    from geo.spatial.reach import compute_reach
    from geo.spatial.reach_points import Points, demand_from_variable, load_supply
    from geo.spatial.siting import choose_sites
    from geo.spatial.siting_candidates import candidates_from

    ds = load_dataset("stadtteile")
    demand = demand_from_variable(ds=ds, variable="pop_under18", year=2022)
    kitas = load_supply(facilities="kitas", areas=ds.areas)
    times, info = [], {}
    if case == "reach":
        for _ in range(repeat):
            t0 = time.perf_counter()
            result = compute_reach(demand=demand, supply=kitas, max_distance=DISTANCE)
            times.append(time.perf_counter() - t0)
        info = {"points": len(demand), "facilities": len(kitas), "gap": result.uncovered_share}
    else:
        grid = candidates_from(source="grid", areas=ds.areas)
        pick = np.sort(np.random.default_rng(26).choice(len(grid), N_CANDIDATES, replace=False))
        cands = Points(grid.ids[pick], grid.xy[pick], grid.value[pick], grid.codes[pick], grid.label)
        for _ in range(repeat):
            t0 = time.perf_counter()
            site = choose_sites(demand=demand, existing=kitas, candidates=cands, k=K, max_distance=DISTANCE)
            times.append(time.perf_counter() - t0)
        info = {
            "candidates": len(cands),
            "chosen": len(site.chosen),
            "before": site.covered_before,
            "after": site.covered_after,
        }
    return {"times": times, **info}


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    repeat = repeat or (1 if smoke else 5)
    rows = []
    for case, figure, measures, memory in (
        (
            "reach",
            "reach (2SFCA), 51,569 address points × 128 Kitas, 500 m",
            "compute_reach after loading: KD-tree pairs, PySAL access 2SFCA, coverage",
            "peak memory, reach",
        ),
        (
            "mclp",
            "maximal covering, k = 5, 1,000 candidates, 500 m",
            "choose_sites(objective='coverage'): existing coverage, pairs, merged clients, spopt MCLP + CBC",
            "peak memory, maximal covering",
        ),
    ):
        child = run_child([str(Path(__file__).resolve()), "--case", case, "--repeat", str(repeat)])
        if child.returncode != 0:
            rows.append(Row(id="P12", figure=figure, status=f"error: {child.stderr.strip()[-200:]}"))
            continue
        res = last_json(child.stdout)
        value = Stats(res["times"])
        rows.append(
            Row(
                id="P12",
                figure=figure,
                unit="s",
                value=value,
                target=f"≤ {TARGETS_S[case]:g} s",
                met=value.median <= TARGETS_S[case],
                measures=measures,
            )
        )
        rows.append(
            Row(
                id="P12",
                figure=memory,
                unit="MB",
                value=Stats([child.peak_rss_mb]),
                fmt="{:.0f}",
                target="report",
                measures="peak RSS of the child (wait4 ru_maxrss), data and libraries included",
            )
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", choices=sorted(TARGETS_S))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(_case(args.case, args.repeat)))
        return 0
    for row in run():
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
