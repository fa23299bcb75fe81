"""P8: census grid figures (printed, not asserted; issue 15 item 6).

    .venv/bin/python bench/p8_grid.py [--cells 100000] [--skip-print]

- aggregation of the shipped 100 m grid (4,350 cells) to the Stadtteile, in-process, warm;
- bytes of the web map of the 100 m grid (the HTML the server sends) and its build time;
- A4 300 dpi print map of the 100 m grid, in-process;
- a SYNTHETIC grid of N cells in the Zensus 2022 layout (100 m cells in a square around Lübeck,
  most of them outside the city and listed in the report) read, clipped and aggregated in a
  child process: wall time and peak RSS.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _median(f, n: int = 3) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2]


def aggregation_100m() -> float:
    from geo.geographies import get_geography, load_areas, load_outline
    from geo.grid.aggregate import aggregate_grid
    from geo.grid.cells import clip_to_city
    from geo.grid.commands import grid_from_geography

    st = get_geography("stadtteile")
    areas, outline = load_areas(st), load_outline(st).union_all()
    grid, _ = grid_from_geography(get_geography("zensus2011-100m"))
    grid, squares = clip_to_city(grid, outline)
    aggregate_grid(grid, squares, areas)  # warm: address points read, caches filled
    return _median(lambda: aggregate_grid(grid, squares, areas))


def webmap_100m() -> tuple[int, float]:
    from geo.geographies import get_geography
    from geo.loading import load_dataset
    from geo.webmap.folium_map import build_map
    from indicators.compute.classify import classify

    ds = load_dataset(get_geography("zensus2011-100m"))
    v = ds.values[ds.values["indicator"] == "foreigners"].set_index("area_code")
    a = ds.areas.copy()
    a["value"] = a["code"].map(v["value"])
    a["suppressed"] = a["code"].map(v["suppressed"]).fillna(False).astype(bool)
    c = classify(a["value"], "quantiles", k=5)

    def build() -> str:
        return build_map(a, c, indicator_label="Ausländer/innen", unit="Personen").get_root().render()

    html = build()  # warm (web geometry cached)
    return len(html.encode()), _median(build)


def print_100m(out: Path) -> float:
    from geo.geographies import get_geography
    from geo.loading import load_dataset
    from geo.printmap.render import PrintOptions, save_print_map

    ds = load_dataset(get_geography("zensus2011-100m"))
    opts = PrintOptions(size="a4-landscape", scheme="quantiles", k=5, palette="YlOrRd", labels=False, lang="de")
    return _median(lambda: save_print_map(ds, "foreigners", 2011, out, "png", opts), n=1)


def synthetic_file(path: Path, n: int) -> None:
    """SYNTHETIC: n 100 m cells in a square around Lübeck's centre, values made up."""
    side = int(n ** 0.5) + 1
    e0, n0 = 4_368_000 - 100 * (side // 2), 3_418_000 - 100 * (side // 2)
    lines = ["GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner;durchschnHHGroesse;werterlaeuternde_Zeichen"]
    k = 0
    for i in range(side):
        for j in range(side):
            if k == n:
                break
            e, no = e0 + 100 * i, n0 + 100 * j
            lines.append(f"CRS3035RES100mN{no}E{e};{e + 50};{no + 50};{(i * 7 + j * 13) % 300};"
                         f"{1 + ((i + j) % 20) / 10:.1f}".replace(".", ",") + ";")
            k += 1
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def child(path: str) -> None:
    from geo.geographies import get_geography, load_areas, load_outline
    from geo.grid.aggregate import aggregate_grid
    from geo.grid.cells import clip_to_city
    from indicators.ingest.grid import read_grid

    t = time.perf_counter()
    st = get_geography("stadtteile")
    grid = read_grid(path)
    grid, squares = clip_to_city(grid, load_outline(st).union_all())
    res = aggregate_grid(grid, squares, load_areas(st))
    wall = time.perf_counter() - t
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": wall, "peak_rss_mb": rss_mb, "cells_in_city": len(squares),
                      "rows": grid.reports[0].rows_in, "values": len(res.values)}))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--cells", type=int, default=100_000)
    p.add_argument("--skip-print", action="store_true")
    p.add_argument("--child")
    args = p.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    print(f"aggregation 100 m grid → Stadtteile (warm, median of 3): {aggregation_100m():.2f} s (target ≤ 1 s)")
    size, secs = webmap_100m()
    print(f"web map 100 m grid: {size / 1000:.0f} kB HTML (target ≤ 800 kB), build {secs:.2f} s (warm)")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_print:
            print(f"print map A4 300 dpi, 100 m grid: {print_100m(Path(tmp) / 'grid.png'):.2f} s (target ≤ 3 s)")
        f = Path(tmp) / "synthetic.csv"
        synthetic_file(f, args.cells)
        out = subprocess.run([sys.executable, __file__, "--child", str(f)], capture_output=True, text=True)
        if out.returncode:
            print(out.stderr[-2000:])
            return 1
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"synthetic grid {r['rows']:,} cells ({r['cells_in_city']:,} touch the city): import + aggregate "
              f"{r['seconds']:.1f} s, peak RSS {r['peak_rss_mb']:.0f} MB (targets ≤ 30 s, ≤ 2 GB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
