"""Benchmark of the print exports (not a test): seconds per A4 PNG and per batch.

Targets: one A4 PNG <= 2 s (whole process including imports and data loading),
a batch of all indicators <= 15 s. ``--tiny`` runs a minimal version (smoke test).

    .venv/bin/python bench/export_bench.py [--tiny] [--year 2022] [--indicator share_65plus]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_PNG = 2.0
TARGET_BATCH = 15.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tiny", action="store_true", help="one repeat, batch of two indicators")
    ap.add_argument("--year", type=int, default=2022)
    ap.add_argument("--indicator", default="share_65plus")
    ap.add_argument("--geography", default="stadtteile")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    repeat = 1 if args.tiny else args.repeat

    with tempfile.TemporaryDirectory(prefix="export_bench_") as tmp:
        out = Path(tmp)
        # 1. whole process: python start, imports, data loading, drawing, writing
        t0 = time.perf_counter()
        res = subprocess.run([sys.executable, str(ROOT / "cli.py"), "map", "--indicator", args.indicator,
                              "--year", str(args.year), "--geography", args.geography,
                              "--out", str(out / "cli.png")], capture_output=True, text=True)
        whole = time.perf_counter() - t0
        if res.returncode != 0:
            print(res.stderr, file=sys.stderr)
            return 1

        t0 = time.perf_counter()
        from geo.batch import export_all_maps
        from geo.geographies import get_geography
        from geo.printmap import render_print_map
        from indicators.dataset import load_dataset
        t_import = time.perf_counter() - t0
        t0 = time.perf_counter()
        ds = load_dataset(get_geography(args.geography))
        t_load = time.perf_counter() - t0

        # 2. in process: dataset already loaded (what the app does on a click)
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            render_print_map(ds, args.indicator, args.year, "png")
            times.append(time.perf_counter() - t0)
        in_proc = min(times)

        # 3. batch of all indicators
        ids = list(ds.catalogue)[:2] if args.tiny else None
        t0 = time.perf_counter()
        index = export_all_maps(ds, args.year, out / "batch", "png", indicators=ids, progress=False)
        batch = time.perf_counter() - t0
        n = int((index["status"] == "ok").sum())

    print(f"A4-PNG, ganzer Prozess (Start, Import, Daten, Karte): {whole:6.2f} s  (Ziel ≤ {TARGET_PNG:g} s)")
    print(f"  davon im Prozess gemessen: Import {t_import:.2f} s, Daten laden {t_load:.2f} s")
    print(f"A4-PNG, im Prozess (Daten geladen, bestes von {repeat}): {in_proc:6.2f} s")
    print(f"Stapel, {n} Karten: {batch:6.2f} s ({batch / max(n, 1):.2f} s je Karte)"
          + ("" if args.tiny else f"  (Ziel ≤ {TARGET_BATCH:g} s)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
