"""P5: need index + flags + classes + LISA on synthetic square grids. VALUES ARE SYNTHETIC.

Each grid size runs in its own child process (``python bench/p5_needs.py --cells N``)
so that its peak RSS (``wait4`` rusage) belongs to that size alone. The child builds
a square grid of 100 m cells in EPSG:25832 (a 100 m grid of Lübeck has ~21,000
cells) with four synthetic indicators (a smooth spatial trend plus seeded noise) and
a synthetic population, then runs what the Bedarfslagen view runs:

1. ``assess(df, "z", ...)``: need index (weighted mean of signed z) and flags,
2. ``explain`` of the flagged areas,
3. ``robustness``: 18 scenarios (3 methods × 3 threshold shifts × 2 weight sets),
4. ``classify(score, "quantiles", 5)``,
5. ``spatial_pattern(grid, "score")``: Queen contiguity, Moran's I and LISA with
   999 permutations and the app's fixed seed.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Row, Stats, run_child

SIZES = (1_000, 10_000, 100_000)
TARGET_RATIO = 0.5  # against plain libpysal Queen + esda Moran_Local on the same grid, same run
SMOKE_SIZES = (100, 400)
TARGET_S = 10.0  # absolute goal of the original issue, for reference
TARGET_MB = 2048
INDICATORS = ("ind_a", "ind_b", "ind_c", "ind_d")
CELL_M = 100.0


def synthetic_grid(cells: int, seed: int = 42):
    """Square grid of about ``cells`` 100 m cells with SYNTHETIC values.

    Returns
    -------
    (geopandas.GeoDataFrame, pandas.DataFrame)
        Grid (``code``, geometry, EPSG:25832) and the assessment frame (``id``,
        ``population``, one column per indicator).
    """
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    side = max(2, round(math.sqrt(cells)))
    ix, iy = np.meshgrid(np.arange(side), np.arange(side))
    ix, iy = ix.ravel(), iy.ravel()
    x0, y0 = 605_000.0, 5_962_000.0  # south-west of Lübeck
    geoms = shapely.box(x0 + ix * CELL_M, y0 + iy * CELL_M, x0 + (ix + 1) * CELL_M, y0 + (iy + 1) * CELL_M)
    codes = [f"g{i:06d}" for i in range(len(geoms))]
    grid = gpd.GeoDataFrame({"code": codes}, geometry=geoms, crs="EPSG:25832")
    rng = np.random.default_rng(seed)
    u, v = ix / side, iy / side
    df = pd.DataFrame({"id": codes, "population": rng.integers(100, 3000, len(codes)).astype(float)})
    trends = (np.sin(3 * u) + v, np.cos(2 * v) - u, u * v, np.sin(5 * u * v))
    for name, trend in zip(INDICATORS, trends):
        df[name] = 10 + 3 * trend + rng.normal(0, 1, len(codes))
    return grid, df


def pipeline(cells: int, permutations: int = 999) -> dict:
    """Run the need pipeline on a synthetic grid; seconds per stage."""
    from bench.common import self_peak_rss_mb

    t = {}
    t0 = time.perf_counter()
    import mapclassify  # noqa: F401  (classify imports it on first use; count it as an import)

    from geo.spatial.pattern import spatial_pattern
    from indicators.compute.classify import classify
    from indicators.needs.explain import explain
    from indicators.needs.robustness import robustness
    from indicators.needs.wide import assess

    t["import"] = time.perf_counter() - t0
    rss_imports = self_peak_rss_mb()

    t0 = time.perf_counter()
    grid, df = synthetic_grid(cells)
    t["grid"] = time.perf_counter() - t0
    dirs = {i: 1 for i in INDICATORS}
    start = time.perf_counter()
    t0 = time.perf_counter()
    result = assess(df, "z", list(INDICATORS), population_col="population", directions=dirs)
    t["assess"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    explain(result, {i: i for i in INDICATORS})
    t["explain"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    robustness(df, list(INDICATORS), base_method="z", population_col="population", directions=dirs)
    t["robustness"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    classify(result["score"], "quantiles", 5)
    t["classify"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    grid["score"] = result["score"].to_numpy()
    pat = spatial_pattern(grid, "score", permutations=permutations)
    t["lisa"] = time.perf_counter() - t0
    t["total"] = time.perf_counter() - start
    return {
        "cells": len(grid),
        "flagged": int(result["flag"].sum()),
        "moran_i": pat.moran_i,
        "seconds": t,
        "rss_after_imports_mb": rss_imports,
    }


def baseline(cells: int, permutations: int = 999) -> dict:
    """The plain libraries on the same grid: ``Queen.from_dataframe`` + ``esda.Moran_Local``.

    What a GIS engineer writes without the tool (LISA only, none of the other stages).
    """
    import esda
    import libpysal

    grid, df = synthetic_grid(cells)
    start = time.perf_counter()
    w = libpysal.weights.Queen.from_dataframe(grid, use_index=False, silence_warnings=True)
    w.transform = "r"
    esda.Moran_Local(df["ind_a"].to_numpy(), w, permutations=permutations, seed=12345, n_jobs=1)
    return {"cells": len(grid), "seconds": {"total": time.perf_counter() - start}}


def _child(cells: int, permutations: int, plain: bool = False) -> dict:
    res = run_child(
        [str(Path(__file__).resolve()), "--cells", str(cells), "--permutations", str(permutations)]
        + (["--baseline"] if plain else []),
        timeout=1800,
    )
    if res.returncode != 0:
        raise RuntimeError(f"P5 child ({cells} cells) failed:\n{res.stderr[-3000:]}")
    from bench.common import last_json

    out = last_json(res.stdout)
    out["peak_rss_mb"] = res.peak_rss_mb
    out["wall_s"] = res.wall_s
    return out


def growth_exponent(cells: list[float], seconds: list[float]) -> float:
    """Least-squares slope of log(seconds) over log(cells)."""
    import numpy as np

    return float(np.polyfit(np.log(cells), np.log(seconds), 1)[0])


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    sizes = SMOKE_SIZES if smoke else SIZES
    perms = 99 if smoke else 999
    repeat = repeat or (1 if smoke else 3)
    rows, medians = [], []
    for cells in sizes:
        n = repeat if cells < 100_000 else max(1, repeat - 1)
        runs = [_child(cells, perms) for _ in range(n)]
        base = Stats([_child(cells, perms, plain=True)["seconds"]["total"] for _ in range(n)])
        total = Stats([r["seconds"]["total"] for r in runs])
        rss = Stats([r["peak_rss_mb"] for r in runs])
        medians.append((runs[0]["cells"], total.median))
        stages = {
            k: Stats([r["seconds"][k] for r in runs]).median
            for k in ("assess", "explain", "robustness", "classify", "lisa")
        }
        big = cells == max(SIZES)
        rows.append(
            Row(
                id="P5",
                figure=f"need pipeline, {runs[0]['cells']:_} synthetic cells".replace("_", " "),
                unit="s",
                value=total,
                baseline=base,
                target=f"≤ {TARGET_RATIO:g}×" if big else "–",
                met=(total.median / base.median <= TARGET_RATIO) if big else None,
                measures=(
                    "assess z + explain + robustness (18 scenarios) + classify + Queen/Moran/LISA "
                    f"({perms} permutations, seed 12345), in-process time after imports and grid "
                    "building; baseline: plain `libpysal.weights.Queen.from_dataframe` + "
                    f"`esda.Moran_Local` ({perms} permutations) on the same grid, in-process after imports; "
                    "stages (median s): " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items())
                ),
                extra={"stages": stages},
            )
        )
        rows.append(
            Row(
                id="P5",
                figure=f"peak memory, {runs[0]['cells']:_} cells".replace("_", " "),
                unit="MiB",
                value=rss,
                fmt="{:.0f}",
                target=f"≤ {TARGET_MB} MiB" if big else "–",
                met=(rss.median <= TARGET_MB) if big else None,
                measures="peak RSS of the child process (wait4 ru_maxrss), imports included",
            )
        )
    slope = growth_exponent([c for c, _ in medians], [s for _, s in medians])
    rows.append(
        Row(
            id="P5",
            figure="growth exponent (log-log slope of time over cells)",
            value=Stats([slope]),
            fmt="{:.2f}",
            target="report",
            measures=f"fit over {', '.join(str(c) for c, _ in medians)} cells",
        )
    )
    return rows


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--cells", type=int, required=True)
    p.add_argument("--permutations", type=int, default=999)
    p.add_argument("--baseline", action="store_true", help="plain libpysal + esda instead of the tool")
    args = p.parse_args()
    run = baseline if args.baseline else pipeline
    print(json.dumps(run(args.cells, args.permutations)))


if __name__ == "__main__":
    main()
