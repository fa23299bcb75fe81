"""Time custom-area estimates (target: ≤ 50 ms per estimate, index built once).

Run: ``python bench/bench_estimate.py``. Prints milliseconds per estimate for a
500 m circle, a Stadtteil polygon and the whole city.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.estimate import circle, default_estimator  # noqa: E402


def per_call_ms(fn, n: int = 30) -> float:
    fn()
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n * 1000


def main() -> dict[str, float]:
    t = time.perf_counter()
    est = default_estimator()
    build = (time.perf_counter() - t) * 1000
    cases = {
        "circle 500 m": circle(10.686, 53.8677, 500),
        "Stadtteil 02 St. Jürgen": est.areas.set_index("code").geometry["02"],
        "whole city": est.areas.union_all(),
    }
    out = {"build (once)": build}
    for name, geom in cases.items():
        out[name] = per_call_ms(lambda g=geom: est.estimate(g))
    for name, ms in out.items():
        print(f"{name:<28} {ms:8.1f} ms")
    return out


if __name__ == "__main__":
    main()
