"""P9: the planning register at scale. RECORDS ARE SYNTHETIC (titles "Synthetisch …").

10,000 measures and 2,000 goals on Berlin's 447 MSS areas (shipped data), on SQLite
(default) or the database of ``--db-url`` (e.g. PostgreSQL). Printed, not asserted
(the issue's targets: list and filter ≤ 150 ms, evaluate all ≤ 5 s, import ≤ 10 s):

1. ``plan import`` of a CSV pair (one transaction, validation against the data),
2. list measures filtered by area, field and status in SQL, and the first 1,000 unfiltered
   (what the Planung page does),
3. evaluate every goal and every measure (``all`` comparison, placebo inference).

Usage: ``python bench/p9_planning.py [--measures 10000] [--goals 2000] [--db-url URL]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from bench.common import Row, Stats

GEO = "berlin-mss"


def _files(folder: Path, codes: list[str], indicators: list[str], n_m: int, n_g: int) -> list[Path]:
    from store.planning.models import DEFAULT_FIELDS, STATUSES

    rng = np.random.default_rng(12345)
    m = ["titel;handlungsfeld;geografie;gebiete;beginn;ende;status;partner;budget_eur;zielindikatoren;beschreibung"]
    for i in range(n_m):
        areas = ",".join(rng.choice(codes, size=int(rng.integers(1, 4)), replace=False))
        start = int(rng.integers(2014, 2019))
        m.append(
            f'Synthetisch {i};{DEFAULT_FIELDS[i % 8]};{GEO};"{areas}";{start};{start + 3};'
            f"{STATUSES[i % 4]};Synthetisch Träger {i % 50};{int(rng.integers(1000, 90000))};"
            f"{indicators[i % len(indicators)]};synthetisch"
        )
    g = ["handlungsfeld;text;indikator;geografie;gebiete;basisjahr;zielwert;zieljahr"]
    for i in range(n_g):
        g.append(
            f"{DEFAULT_FIELDS[i % 8]};Synthetisch Ziel {i};{indicators[i % len(indicators)]};{GEO};"
            f"{codes[i % len(codes)]};2013;{float(rng.uniform(1, 20)):.1f};2025"
        )
    paths = [folder / "Massnahmen.csv", folder / "Ziele.csv"]
    paths[0].write_text("\n".join(m), encoding="utf-8")
    paths[1].write_text("\n".join(g), encoding="utf-8")
    return paths


def measure(n_m: int = 10_000, n_g: int = 2_000, db_url: str | None = None) -> dict:
    """Seconds for import, list + filter (first and median of 5 reads) and evaluate all."""
    from geo.planning.evaluate import Datasets, evaluate, known
    from store import db
    from store.permissions import User
    from store.planning import repository as repo
    from store.planning.excel import import_plan
    from store.planning.query import MeasureFilter, find_measures

    folder = Path(tempfile.mkdtemp(prefix="p9-"))
    eng = db.make_engine(db_url or f"sqlite:///{folder / 'bench.db'}")
    db.upgrade(eng)
    data = Datasets()
    codes = data.area_codes(GEO)
    indicators = [i for i in data.get(GEO).catalogue if i.startswith(("s1", "s2", "s3", "s4"))]
    paths = _files(folder, codes, indicators, n_m, n_g)
    k = known([GEO])
    user = User("bench", "planner")
    t0, c0 = time.perf_counter(), time.process_time()
    result = import_plan(eng, user, paths, known=k)
    t_import, c_import = time.perf_counter() - t0, time.process_time() - c0
    assert result.stored, result.to_text()[:2000]
    times, pages = [], []
    flt = MeasureFilter(area=codes[0], field="Wohnen", status="laufend", geography=GEO)
    for _ in range(5):  # what the Planung page lists: filtered in SQL, and the first page unfiltered
        t0 = time.perf_counter()
        find_measures(eng, user, flt, limit=1000)
        times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        find_measures(eng, user, MeasureFilter(geography=GEO), limit=1000)
        pages.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    rows = repo.list_records(eng, user, "measure")
    t_all = time.perf_counter() - t0
    goals = repo.list_records(eng, user, "goal")
    t0, c0 = time.perf_counter(), time.process_time()
    out = evaluate(goals, rows, data=data)
    t_eval, c_eval = time.perf_counter() - t0, time.process_time() - c0
    return {
        "dialect": eng.dialect.name,
        "areas": len(codes),
        "import": t_import,
        "import_cpu": c_import,
        "evaluate_cpu": c_eval,
        "list_first": times[0],
        "list": sorted(times)[2],
        "page": sorted(pages)[2],
        "all_records": t_all,
        "evaluate": t_eval,
        "effects": len(out["measures"]),
        "goals": len(out["goals"]),
    }


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    """Rows for ``bench/run.py`` (smoke: 200 measures and 40 goals)."""
    n_m, n_g = (200, 40) if smoke else (10_000, 2_000)
    f = measure(n_m, n_g)
    what = f"{n_m} SYNTHETIC measures, {n_g} goals, {f['areas']} areas ({f['dialect']})"
    return [
        Row(
            id="P9",
            figure="plan import",
            unit="s",
            value=Stats([f["import"]]),
            fmt="{:.2f}",
            target="≤ 10 s",
            met=f["import"] <= 10,
            measures=what + "; one transaction",
        ),
        Row(
            id="P9",
            figure="plan list + filter",
            unit="s",
            value=Stats([f["list"]]),
            fmt="{:.3f}",
            target="≤ 0.15 s",
            met=f["list"] <= 0.15,
            measures=what + f"; SQL filter (area, field, status), median of 5 reads (first read "
            f"{f['list_first']:.3f} s)",
        ),
        Row(
            id="P9",
            figure="plan list, first page",
            unit="s",
            value=Stats([f["page"]]),
            fmt="{:.3f}",
            target="≤ 0.15 s",
            met=f["page"] <= 0.15,
            measures=what + "; 1,000 rows unfiltered, median of 5",
        ),
        Row(
            id="P9",
            figure="plan evaluate all",
            unit="s",
            value=Stats([f["evaluate"]]),
            fmt="{:.2f}",
            target="≤ 5 s",
            met=f["evaluate"] <= 5,
            measures=what + f"; {f['effects']} effects, {f['goals']} goals",
        ),
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--measures", type=int, default=10_000)
    ap.add_argument("--goals", type=int, default=2_000)
    ap.add_argument("--db-url")
    args = ap.parse_args()
    f = measure(args.measures, args.goals, args.db_url)
    print(f"P9 planning ({f['dialect']}): {args.measures} measures, {args.goals} goals, {f['areas']} areas")
    print(
        f"  import (one transaction):     {f['import']:8.2f} s   (target ≤ 10 s; this process's CPU "
        f"{f['import_cpu']:.2f} s: on a busy machine the wall time is higher)"
    )
    print(
        f"  list + filter (median of 5):  {1000 * f['list']:8.1f} ms  (target ≤ 150 ms; first read "
        f"{1000 * f['list_first']:.1f} ms)"
    )
    print(f"  list, first 1,000 (median):   {1000 * f['page']:8.1f} ms  (target ≤ 150 ms)")
    print(f"  every full record (evaluate): {f['all_records']:8.2f} s")
    print(
        f"  evaluate all:                 {f['evaluate']:8.2f} s   (target ≤ 5 s; {f['effects']} effects, "
        f"{f['goals']} goals; CPU {f['evaluate_cpu']:.2f} s)"
    )


if __name__ == "__main__":
    main()
