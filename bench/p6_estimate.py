"""P6: custom-area estimate with the 51,569 address points (``geo.spatial.estimate``).

In-process, the estimator (areas, address points, both STRtrees) built once as the
app holds it; each figure is one ``Estimator.estimate(geom)`` call (areal and
dasymetric weights, counts, rates, disclosure), for a 500 m circle in the old
town, one Stadtteil polygon and the whole city.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import NOT_AVAILABLE, Row, Stats, timed

TARGET_MS = 50.0


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    try:
        from geo.spatial.estimate import circle, default_estimator
    except ImportError:
        return [
            Row(
                id="P6",
                figure="custom-area estimate",
                status=NOT_AVAILABLE,
                measures="needs geo.spatial.estimate.default_estimator / Estimator.estimate (queries branch)",
            )
        ]
    repeat = repeat or (3 if smoke else 30)
    build, est = timed(default_estimator, 1)
    n_points = len(est.pt_geoms)
    cases = {
        "500 m circle, old town": circle(10.686, 53.8677, 500),
        "one Stadtteil polygon": est.areas.geometry.iloc[1],
        "whole city": est.areas.union_all(),
    }
    rows = []
    for name, geom in cases.items():
        est.estimate(geom)  # first call outside the timing (lazy imports)
        t, _ = timed(lambda g=geom: est.estimate(g), repeat)
        ms = Stats([v * 1000 for v in t.values])
        rows.append(
            Row(
                id="P6",
                figure=f"estimate, {name}",
                unit="ms",
                value=ms,
                fmt="{:.1f}",
                target=f"≤ {TARGET_MS:g} ms",
                met=ms.median <= TARGET_MS,
                measures=f"Estimator.estimate(geom), {n_points:,} address points".replace(",", "."),
            )
        )
    rows.append(
        Row(
            id="P6",
            figure="estimator build (once per process)",
            unit="s",
            value=build,
            target="–",
            measures="default_estimator(): dataset, address points, point-in-polygon, STRtrees",
        )
    )
    return rows
