"""P11: census grid figures (issue 15, "Performance"); printed, not asserted.

    .venv/bin/python bench/p11_grid.py [--cells 100000] [--skip-print] [--skip-browser]

In-process, warm (first call outside the timing, as on a running server):

- aggregation of the shipped 100 m grid (4,350 cells) to the Stadtteile (≤ 1 s);
- bytes of the web map of the 100 m grid, the strings st_folium sends (≤ 800 kB), and its build time;
- A4 300 dpi PNG print map of the 100 m grid (≤ 3 s).

In a child process (wall time and its own peak RSS):

- a SYNTHETIC grid of N cells in the Zensus 2022 layout (100 m cells in a square around Lübeck,
  most of them outside the city and listed in the report) read, clipped and aggregated to the
  Stadtteile (≤ 30 s, ≤ 2 GB), imports included (what ``cli.py grid import`` + ``aggregate`` pay).

In headless Chromium on one warm app server (``cli.py serve``):

- page open → cells visible, 100 m grid against the Stadtteil map (≤ 1.5×): ``goto`` until the
  st_folium iframe holds all the map's area paths;
- indicator change on the grid map → new fill colours (≤ 600 ms);
- websocket bytes the browser receives while the grid page opens (the map travels in them).

The browser figures are :mod:`bench.p11_browser`.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Row, Stats, last_json, run_child, self_peak_rss_mb, timed
from bench.p11_browser import browser_rows

GRID = "zensus2011-100m"


def aggregation_100m(repeat: int) -> Stats:
    from geo.geographies import get_geography, load_areas, load_outline
    from geo.grid.aggregate import aggregate_grid
    from geo.grid.cells import clip_to_city
    from geo.grid.service import grid_from_geography

    st = get_geography("stadtteile")
    areas, outline = load_areas(st), load_outline(st).union_all()
    grid, _ = grid_from_geography(get_geography(GRID))
    grid, squares = clip_to_city(grid, outline)
    aggregate_grid(grid, squares, areas)  # warm: address points read, caches filled
    return timed(lambda: aggregate_grid(grid, squares, areas), repeat)[0]


def webmap_100m(repeat: int) -> tuple[int, Stats]:
    from bench.p3_bytes import st_folium_payload
    from geo.geographies import get_geography
    from geo.join import indicator_layer
    from geo.loading import load_dataset
    from geo.webmap.folium_map import build_map
    from geo.webmap.layer import MapLabels, MapLayer
    from indicators.compute.classify import classify

    ds = load_dataset(get_geography(GRID))
    layer, city = indicator_layer(ds, "foreigners", 2011)
    classes = classify(layer["value"], "quantiles", 5)

    def build() -> str:
        map_labels = MapLabels(indicator_label="Ausländer/innen", unit="Personen", city_value=city)
        return st_folium_payload(build_map(MapLayer(layer, classes, map_labels)))

    size = len(build().encode())  # warm (web geometry cached)
    return size, timed(build, repeat)[0]


def print_100m(out: Path, repeat: int) -> tuple[Stats, Stats]:
    from geo.geographies import get_geography
    from geo.loading import load_dataset
    from geo.printmap.render import PrintOptions, save_print_map

    ds = load_dataset(get_geography(GRID))
    opts = PrintOptions(size="a4-landscape", scheme="quantiles", k=5, palette="YlOrRd", labels=False)
    save_print_map(ds, "foreigners", 2011, out, "png", opts)  # warm: matplotlib, mapclassify imported
    cpu = []

    def one() -> None:
        c0 = time.process_time()
        save_print_map(ds, "foreigners", 2011, out, "png", opts)
        cpu.append(time.process_time() - c0)

    return timed(one, repeat)[0], Stats(cpu)


def synthetic_file(path: Path, n: int) -> None:
    """SYNTHETIC: n 100 m cells in a square around Lübeck's centre, values made up."""
    side = int(n**0.5) + 1
    e0, n0 = 4_368_000 - 100 * (side // 2), 3_418_000 - 100 * (side // 2)
    lines = ["GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner;durchschnHHGroesse;werterlaeuternde_Zeichen"]
    k = 0
    for i in range(side):
        for j in range(side):
            if k == n:
                break
            e, no = e0 + 100 * i, n0 + 100 * j
            lines.append(
                f"CRS3035RES100mN{no}E{e};{e + 50};{no + 50};{(i * 7 + j * 13) % 300};"
                f"{1 + ((i + j) % 20) / 10:.1f}".replace(".", ",")
                + ";"
            )
            k += 1
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def child(path: str) -> None:
    """Read, clip and aggregate ``path`` (imports included in the time); one JSON line."""
    t = time.perf_counter()
    from geo.geographies import get_geography, load_areas, load_outline
    from geo.grid.aggregate import aggregate_grid
    from geo.grid.cells import clip_to_city
    from indicators.ingest.grid import read_grid

    st = get_geography("stadtteile")
    grid = read_grid(path)
    grid, squares = clip_to_city(grid, load_outline(st).union_all())
    res = aggregate_grid(grid, squares, load_areas(st))
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - t,
                "peak_rss_mb": self_peak_rss_mb(),
                "cpu_s": ru.ru_utime + ru.ru_stime,
                "cells_in_city": len(squares),
                "rows": grid.reports[0].rows_in,
                "values": len(res.values),
            }
        )
    )


def synthetic(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "synthetic.csv"
        synthetic_file(f, n)
        res = run_child([str(Path(__file__).resolve()), "--child", str(f)], timeout=900)
        if res.returncode:
            raise RuntimeError(f"synthetic grid child failed: {res.stderr[-1500:]}")
        out = last_json(res.stdout)
        out["wall_s"], out["child_peak_rss_mb"] = res.wall_s, res.peak_rss_mb
        return out


def run(
    smoke: bool = False,
    repeat: int | None = None,
    cells: int | None = None,
    skip_print: bool = False,
    skip_browser: bool = False,
) -> list[Row]:
    repeat = repeat or (1 if smoke else 3)
    cells = cells or (2_000 if smoke else 100_000)
    rows = [
        Row(
            id="P11",
            figure="aggregation 100 m grid → Stadtteile",
            unit="s",
            value=aggregation_100m(repeat),
            fmt="{:.2f}",
            target="≤ 1 s",
            measures="aggregate_grid of the 4,350 shipped 100 m cells to the "
            "Stadtteile, both methods, in-process, warm",
        )
    ]
    rows[-1].met = rows[-1].value.median <= 1.0  # type: ignore[union-attr]
    size, build = webmap_100m(repeat)
    rows.append(
        Row(
            id="P11",
            figure="web map bytes, 100 m grid",
            unit="kB",
            value=Stats([size / 1000]),
            fmt="{:.0f}",
            target="≤ 800 kB",
            met=size <= 800_000,
            measures="st_folium payload (script+html+header) of build_map for the 100 m grid",
        )
    )
    rows.append(
        Row(
            id="P11",
            figure="web map build, 100 m grid",
            unit="ms",
            value=Stats([v * 1000 for v in build.values]),
            fmt="{:.0f}",
            target="–",
            measures="build_map + st_folium strings, warm",
        )
    )
    if not skip_print:
        with tempfile.TemporaryDirectory() as tmp:
            t, cpu = print_100m(Path(tmp) / "grid.png", repeat)
        rows.append(
            Row(
                id="P11",
                figure="print map A4 300 dpi PNG, 100 m grid",
                unit="s",
                value=t,
                fmt="{:.2f}",
                target="≤ 3 s",
                met=t.median <= 3.0,
                measures="save_print_map in-process, warm (second call), 4,350 cells",
            )
        )
        rows.append(
            Row(
                id="P11",
                figure="print map A4 300 dpi PNG, 100 m grid, CPU time",
                unit="s",
                value=cpu,
                fmt="{:.2f}",
                target="–",
                measures="process CPU seconds of the same calls (wall time on a busy machine is higher)",
            )
        )
    syn = [synthetic(cells) for _ in range(1 if smoke else min(repeat, 2))]
    what = (
        f"SYNTHETIC {syn[0]['rows']:,} cells, {syn[0]['cells_in_city']:,} touch the city: read_grid + "
        "clip_to_city + aggregate_grid to the Stadtteile in a child process, imports included"
    )
    secs, rss = Stats([s["seconds"] for s in syn]), Stats([s["child_peak_rss_mb"] for s in syn])
    rows.append(
        Row(
            id="P11",
            figure=f"synthetic {cells:,}-cell grid import + aggregate, time",
            unit="s",
            value=secs,
            fmt="{:.1f}",
            target="≤ 30 s",
            met=secs.median <= 30,
            measures=what,
        )
    )
    rows.append(
        Row(
            id="P11",
            figure=f"synthetic {cells:,}-cell grid import + aggregate, CPU time",
            unit="s",
            value=Stats([s["cpu_s"] for s in syn]),
            fmt="{:.1f}",
            target="–",
            measures=what + "; the child's user + system CPU seconds",
        )
    )
    rows.append(
        Row(
            id="P11",
            figure=f"synthetic {cells:,}-cell grid import + aggregate, peak RSS",
            unit="MB",
            value=rss,
            fmt="{:.0f}",
            target="≤ 2 GB",
            met=rss.max <= 2048,
            measures=what,
        )
    )
    if not skip_browser and not smoke:
        rows += browser_rows(geography=GRID, changes=4, rounds=repeat)
    return rows


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--cells", type=int, default=100_000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--skip-print", action="store_true")
    p.add_argument("--skip-browser", action="store_true")
    p.add_argument("--child")
    args = p.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    for r in run(repeat=args.repeat, cells=args.cells, skip_print=args.skip_print, skip_browser=args.skip_browser):
        value = r.value.text(r.unit, r.fmt) if r.value else r.status
        base = f", baseline {r.baseline.text(r.unit, r.fmt)}" if r.baseline else ""
        print(f"{r.figure}: {value}{base} (target {r.target}, met: {r.met})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
