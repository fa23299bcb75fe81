"""Run the benchmarks and write ``bench/results.md`` (``make bench``).

Usage::

    python bench/run.py                 # everything, several runs each
    python bench/run.py --only P3,P5    # some rows
    python bench/run.py --smoke --out /tmp/r.md   # tiny runs (what the smoke test does)

A benchmark that fails is reported as an error row; one whose code has not landed
yet as "not available yet". The runner itself does not crash on either.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import (
    p1_p2_browser,
    p3_bytes,
    p4_export,
    p5_needs,
    p6_estimate,
    p7_soak,
    p8_report,
    p9_planning,
    p10_hostile,
    p11_grid,
    p12_supply,
)
from bench.common import BENCH, Row, machine_info

BENCHMARKS = {
    "P1,P2": p1_p2_browser,
    "P3": p3_bytes,
    "P4": p4_export,
    "P5": p5_needs,
    "P6": p6_estimate,
    "P7": p7_soak,
    "P8": p8_report,
    "P9": p9_planning,
    "P10": p10_hostile,
    "P11": p11_grid,
    "P12": p12_supply,
}


def run_all(only: set[str] | None = None, smoke: bool = False, log=print) -> list[Row]:
    rows: list[Row] = []
    for ids, module in BENCHMARKS.items():
        if only and not only & set(ids.split(",")):
            continue
        log(f"[bench] {ids} …")
        t0 = time.perf_counter()
        try:
            got = module.run(smoke=smoke)
        except Exception as exc:  # report, go on with the next benchmark
            log(traceback.format_exc())
            got = [
                Row(id=i, figure=module.__name__, status=f"error: {type(exc).__name__}: {exc}"[:300])
                for i in ids.split(",")
            ]
        log(f"[bench] {ids} done in {time.perf_counter() - t0:.0f} s")
        rows.extend(got)
    return rows


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(rows: list[Row], info: dict[str, str], smoke: bool = False) -> str:
    out = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`bench/run.py`)." + (" **Smoke run: tiny sizes, not figures.**" if smoke else ""),
        "Each figure: median (min–max, number of runs). The ratio is the figure's median over its",
        "baseline's median, measured in the same run. Absolute seconds on a shared machine are noisy;",
        "ratios are what should reproduce elsewhere.",
        "",
        "## Machine",
        "",
    ]
    out += [f"- **{k}**: {_cell(v)}" for k, v in info.items()]
    out += [
        "",
        "## Results",
        "",
        "| id | figure | value | baseline | ratio | target | met? |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        if r.status != "ok":
            out.append(f"| {r.id} | {_cell(r.figure)} | {_cell(r.status)} | – | – | {_cell(r.target or '–')} | – |")
            continue
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "–"
        met = {True: "yes", False: "**no**", None: "–"}[r.met]
        base = r.baseline.text(r.unit, r.fmt) if r.baseline else "–"
        out.append(
            f"| {r.id} | {_cell(r.figure)} | {_cell(r.value.text(r.unit, r.fmt))} | {_cell(base)} "
            f"| {ratio} | {_cell(r.target or '–')} | {met} |"
        )
    out += ["", "## What each figure measures", ""]
    seen = set()
    for r in rows:
        key = (r.id, r.measures)
        if r.measures and key not in seen:
            seen.add(key)
            out.append(f"- **{r.id}** {_cell(r.figure)}: {_cell(r.measures)}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--only", help="comma-separated ids, e.g. P3,P5")
    p.add_argument("--smoke", action="store_true", help="tiny runs to check that the scripts work")
    p.add_argument("--out", default=str(BENCH / "results.md"))
    args = p.parse_args(argv)
    only = {x.strip().upper() for x in args.only.split(",")} if args.only else None
    info = machine_info()
    rows = run_all(only, args.smoke)
    Path(args.out).write_text(render(rows, info, args.smoke), encoding="utf-8")
    print(f"[bench] wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
