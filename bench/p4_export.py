"""P4: print-map export as a whole process (``python cli.py map`` / ``batch``).

Each run is a fresh ``python cli.py …`` child process, timed from spawn to exit:
imports, dataset load, classification, matplotlib rendering and writing the file.
``map``: A4 landscape PNG at 300 dpi (3508 × 2480 px) of the default indicator,
latest year. ``batch``: all indicators of that year into one folder.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import WORK, Row, Stats, run_child

TARGET_MAP_RATIO = 1.5  # against geopandas' own plot of the same polygons, same run (bench/p4_baseline.py)
TARGET_BATCH_S = 15.0


def _indicator_year() -> tuple[str, int]:
    from geo.geographies import get_geography
    from geo.loading import load_dataset

    ds = load_dataset(get_geography("stadtteile"))
    ids = [i for i in ds.catalogue if ds.years_for(i)]
    ind = "share_65plus" if "share_65plus" in ids else ids[0]
    return ind, ds.years_for(ind)[-1]


def _png_size(path: Path) -> tuple[int, int]:
    from PIL import Image

    with Image.open(path) as im:
        return im.size


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    repeat = repeat or (1 if smoke else 5)
    ind, year = _indicator_year()
    out_dir = WORK / "p4"
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    png = out_dir / "map.png"
    times, base = [], []
    for _ in range(repeat):
        res = run_child(["bench/p4_baseline.py", str(out_dir / "baseline.png")], timeout=300)
        if res.returncode != 0:
            raise RuntimeError(f"P4 baseline failed: {res.stderr[-2000:]}")
        base.append(res.wall_s)
        res = run_child(
            [
                "cli.py",
                "map",
                "--indicator",
                ind,
                "--year",
                str(year),
                "--format",
                "png",
                "--size",
                "a4-landscape",
                "--out",
                str(png),
            ],
            timeout=300,
        )
        if res.returncode != 0:
            raise RuntimeError(f"cli.py map failed: {res.stderr[-2000:]}{res.stdout[-500:]}")
        times.append(res.wall_s)
    size = _png_size(png)
    rows = [
        Row(
            id="P4",
            figure=f"A4 300 dpi PNG, one map ({size[0]}×{size[1]} px)",
            unit="s",
            value=Stats(times),
            baseline=Stats(base),
            target=f"≤ {TARGET_MAP_RATIO:g}×",
            met=Stats(times).median / Stats(base).median <= TARGET_MAP_RATIO,
            measures=f"`python cli.py map --indicator {ind} --year {year} --format png --size a4-landscape`, "
            "spawn → exit; baseline: `bench/p4_baseline.py` (GeoDataFrame.plot of the same "
            "polygons, quantiles + legend, A4 300 dpi PNG) in a fresh process, alternating runs",
        )
    ]
    if smoke:
        return rows
    btimes, n_maps = [], 0
    for _ in range(max(1, repeat // 2)):
        bdir = out_dir / "batch"
        shutil.rmtree(bdir, ignore_errors=True)
        res = run_child(
            ["cli.py", "batch", "--year", str(year), "--format", "png", "--size", "a4-landscape", "--out", str(bdir)],
            timeout=600,
        )
        if res.returncode != 0:
            raise RuntimeError(f"cli.py batch failed: {res.stderr[-2000:]}{res.stdout[-500:]}")
        btimes.append(res.wall_s)
        n_maps = len(list(bdir.glob("*.png")))
    rows.append(
        Row(
            id="P4",
            figure=f"batch of all indicators ({n_maps} PNG maps, {year})",
            unit="s",
            value=Stats(btimes),
            target=f"≤ {TARGET_BATCH_S:g} s",
            met=Stats(btimes).median <= TARGET_BATCH_S,
            measures=f"`python cli.py batch --year {year} --format png --size a4-landscape`, spawn → exit",
        )
    )
    return rows
