"""Where one atlas script run spends its time, in-process (Streamlit's AppTest, no browser).

Diagnostic for P1/P2 (not a row of ``bench/run.py``). The warm-up of ``cli.py serve``
(``ui/warmup.py``) runs first, as under ``make run``; then one session opens the atlas
(Stadtteile) and changes the indicator ``--reruns`` times, and a second session opens it.
Printed: the median milliseconds of each part of ``ui.pages.atlas`` per run (sidebar, layer,
classes, map, ranking, downloads, profile, ...), and with ``--profile`` the top of a cProfile
(by cumulative time) of the whole script thread for the first run, a rerun and the second
session's first run.

    .venv/bin/python bench/atlas_profile.py [--reruns 10] [--area 03] [--profile]
    .venv/bin/python bench/atlas_profile.py --geography zensus2011-100m --indicators foreigners,vacancy_rate

AppTest adds its own overhead (polling, and a one-time ``inspect.stack()`` of its runner):
compare runs of this script with each other, not with browser figures.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import io
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PARTS = (
    "render",
    "_controls",
    "_layer",
    "_flag_rule",
    "_classes",
    "build_map",
    "show_map",
    "_flag_list",
    "_ranking",
    "ranking_table",
    "_ranking_downloads",
)
PROFILE_PARTS = ("profile", "area_profile", "series_chart")  # ui/pages/atlas_profile.py
DOWNLOADS = ("data_downloads", "print_map_downloads", "report_download", "all_years_download", "table_downloads")


def _time_all(groups, times: dict) -> None:
    """Wrap every named function of each (module, names, label prefix) to record its seconds in ``times``."""
    for module, names, prefix in groups:
        for name in names:
            _timed(module, name, prefix + name, times)


def _timed(module, name: str, label: str, times: dict) -> None:
    func = getattr(module, name)

    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            times[label].append(time.perf_counter() - t0)

    setattr(module, name, wrapper)


def _profiled(runs: list) -> None:
    """Profile every script run (the script thread) into ``runs``."""
    from streamlit.runtime.scriptrunner import script_runner

    original = script_runner.ScriptRunner._run_script

    def run_script(self, *args, **kwargs):
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.enable()
        try:
            return original(self, *args, **kwargs)
        finally:
            prof.disable()
            runs.append((prof, time.perf_counter() - t0))

    script_runner.ScriptRunner._run_script = run_script  # type: ignore[method-assign]


def _show(title: str, run: tuple, lines: int) -> None:
    prof, seconds = run
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumtime").print_stats(lines)
    print(f"\n=== {title}: script run {seconds * 1000:.0f} ms (profiled) ===")
    for line in out.getvalue().splitlines():
        if line.strip() and "importlib._bootstrap" not in line:
            print(line.replace(str(ROOT) + "/", ""))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reruns", type=int, default=10)
    parser.add_argument("--area", default=None, help="open with ?area=CODE (profile table and chart)")
    parser.add_argument("--geography", default=None, help="open with ?geography=ID (e.g. zensus2011-100m)")
    parser.add_argument(
        "--indicators",
        default="share_under18,old_age_dependency",
        help="the two indicators the reruns alternate between",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the script thread")
    parser.add_argument("--lines", type=int, default=35)
    args = parser.parse_args(argv)

    from ui import warmup

    t0 = time.perf_counter()
    warmup.start()
    warmup._done.wait()
    print(f"warm-up (imports, dataset): {time.perf_counter() - t0:.2f} s")
    from streamlit.testing.v1 import AppTest

    import ui.pages.atlas as atlas
    import ui.pages.atlas_profile as atlas_profile
    from ui import downloads

    times: dict[str, list[float]] = collections.defaultdict(list)
    _time_all(((atlas, PARTS, ""), (atlas_profile, PROFILE_PARTS, ""), (downloads, DOWNLOADS, "downloads.")), times)
    runs: list = []
    if args.profile:
        _profiled(runs)

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if args.area:
        at.query_params["area"] = args.area
    if args.geography:
        at.query_params["geography"] = args.geography
    t0 = time.perf_counter()
    at.run()
    print(f"first run of the process: {(time.perf_counter() - t0) * 1000:.0f} ms")
    if args.profile:
        _show("first run of the process", runs[-1], args.lines)
    times.clear()
    indicators = tuple(args.indicators.split(","))
    took = []
    for i in range(args.reruns):
        t0 = time.perf_counter()
        at.selectbox(key="indicator").set_value(indicators[i % 2]).run()
        took.append(time.perf_counter() - t0)
    if at.exception:
        raise SystemExit(f"the atlas raised: {at.exception}")
    if args.profile:
        _show("rerun after an indicator change", runs[-1], args.lines)
    print(
        f"\nrerun after an indicator change: {statistics.median(took) * 1000:.1f} ms (AppTest, median of {len(took)})"
    )
    for label, values in sorted(times.items(), key=lambda kv: -sum(kv[1])):
        print(f"  {label:32s} {sum(values) / len(took) * 1000:7.2f} ms per run  ({len(values) / len(took):.0f}×)")
    second = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    t0 = time.perf_counter()
    second.run()
    print(f"\nfirst run of a second session: {(time.perf_counter() - t0) * 1000:.0f} ms")
    if args.profile:
        _show("first run of a second session", runs[-1], args.lines)


if __name__ == "__main__":
    main()
