"""Shared pieces of the benchmarks: result rows, statistics, machine info, child processes.

Every benchmark module has ``run(smoke: bool = False) -> list[Row]``. A row holds
the figure (several runs: median, min, max), the baseline measured in the same run
(if the issue defines one), the target and whether it was met. A benchmark whose
code has not landed yet returns a row with ``status`` "not available yet".
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
WORK = BENCH / "_work"  # scratch files (gitignored)
NOT_AVAILABLE = "not available yet"
PACKAGES = (
    "streamlit",
    "streamlit-folium",
    "folium",
    "geopandas",
    "shapely",
    "pyproj",
    "pyogrio",
    "pandas",
    "numpy",
    "libpysal",
    "esda",
    "mapclassify",
    "matplotlib",
    "playwright",
)


@dataclass
class Stats:
    """Median, min and max of repeated measurements."""

    values: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def min(self) -> float:
        return min(self.values)

    @property
    def max(self) -> float:
        return max(self.values)

    def text(self, unit: str, fmt: str = "{:.3g}") -> str:
        if len(self.values) == 1:
            return f"{fmt.format(self.median)} {unit} (n=1)".strip()
        return f"{fmt.format(self.median)} {unit} ({fmt.format(self.min)}–{fmt.format(self.max)}, n={len(self.values)})"


@dataclass
class Row:
    """One line of ``results.md``."""

    id: str
    figure: str
    unit: str = ""
    value: Stats | None = None
    baseline: Stats | None = None
    target: str = ""
    met: bool | None = None
    measures: str = ""  # what exactly the figure measures
    status: str = "ok"
    fmt: str = "{:.3g}"
    extra: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.value is None or self.baseline is None or not self.baseline.median:
            return None
        return self.value.median / self.baseline.median


def timed(fn, repeat: int) -> tuple[Stats, object]:
    """Run ``fn()`` ``repeat`` times; wall-clock seconds and the last result."""
    out, times = None, []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return Stats(times), out


@dataclass
class ChildResult:
    returncode: int
    wall_s: float
    peak_rss_mb: float
    stdout: str
    stderr: str


def run_child(args: list[str], timeout: float = 600, env: dict | None = None) -> ChildResult:
    """Run ``[sys.executable, *args]`` from the repo root; wall time and its own peak RSS.

    Peak RSS comes from ``wait4``'s rusage of exactly this child (``ru_maxrss``, KiB on
    Linux), so other children of the runner do not mix in. Output goes through temp
    files so that waiting cannot dead-lock on a full pipe.
    """
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, *args], cwd=ROOT, stdout=out, stderr=err, env={**os.environ, **(env or {})}
        )
        deadline = t0 + timeout
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, ru = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ChildResult(
            proc.returncode,
            wall,
            ru.ru_maxrss / 1024,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
        )


def last_json(text: str) -> dict:
    """The last line of ``text`` that parses as a JSON object."""
    for line in reversed(text.strip().splitlines()):
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        if isinstance(obj, dict):
            return obj
    raise ValueError(f"no JSON result in output:\n{text[-2000:]}")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return None


def _chromium_version() -> str:
    try:
        return (
            subprocess.run(
                ["/usr/bin/chromium", "--version"], capture_output=True, text=True, timeout=20
            ).stdout.strip()
            or "?"
        )
    except (OSError, subprocess.TimeoutExpired):
        return "not found"


def _git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def machine_info() -> dict[str, str]:
    """CPU, cores, RAM, OS, Python, key package versions, date and commit."""
    ram = _ram_gb()
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "–"
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "commit": _git_commit(),
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count()),
        "ram": f"{ram:.1f} GiB" if ram else "?",
        "os": platform.platform(),
        "python": platform.python_version(),
        "chromium": _chromium_version(),
        "load average at start": " ".join(f"{x:.2f}" for x in load) if load else "?",
        "packages": ", ".join(f"{k} {v}" for k, v in versions.items()),
    }


def self_peak_rss_mb() -> float:
    """Peak RSS of the current process in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
