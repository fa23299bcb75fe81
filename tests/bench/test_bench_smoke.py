"""Tiny runs of every benchmark so the scripts in bench/ cannot rot (no timing asserted)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench import p3_bytes, p4_export, p5_needs, p6_estimate, p7_soak, p11_grid
from bench.common import NOT_AVAILABLE, Row, Stats, run_child
from bench.run import render


def _ok(rows: list[Row]) -> None:
    assert rows
    for r in rows:
        assert r.status == "ok", r.status  # every benchmark must really run
        assert r.value is not None and all(v == v and v >= 0 for v in r.value.values)


def test_p3_payload_is_smaller_with_simplified_geometry():
    rows = p3_bytes.run(smoke=True)
    _ok(rows)
    assert rows[0].baseline is not None and rows[0].ratio is not None


def test_p5_synthetic_grid_and_pipeline():
    grid, df = p5_needs.synthetic_grid(100)
    assert len(grid) == len(df) == 100 and grid.crs.to_epsg() == 25832
    res = p5_needs.pipeline(100, permutations=9)
    assert res["cells"] == 100 and set(res["seconds"]) >= {"assess", "robustness", "lisa", "total"}
    assert p5_needs.growth_exponent([10, 100], [1.0, 10.0]) == pytest.approx(1.0)


def test_p5_child_reports_peak_memory():
    res = run_child([str(Path(p5_needs.__file__)), "--cells", "64", "--permutations", "9"])
    assert res.returncode == 0, res.stderr
    assert res.peak_rss_mb > 50  # python + geopandas at least


def test_p4_p6_p7_run():
    _ok(p6_estimate.run(smoke=True))
    _ok(p7_soak.run(smoke=True))
    _ok(p4_export.run(smoke=True))


def test_p11_grid_runs_and_has_its_own_id():
    rows = p11_grid.run(smoke=True)
    _ok(rows)
    assert {r.id for r in rows} == {"P11"}
    figures = " ".join(r.figure for r in rows)
    for needle in ("aggregation", "web map bytes", "print map", "synthetic 2,000-cell"):
        assert needle in figures, needle
    syn = next(r for r in rows if "peak RSS" in r.figure)
    assert syn.value.median > 50  # the child's own memory: python + geopandas at least


def test_render_lists_rows_and_unavailable_ones():
    rows = [
        Row(
            id="P3",
            figure="bytes",
            unit="kB",
            value=Stats([1.0, 2.0, 3.0]),
            baseline=Stats([4.0]),
            target="≤ 40%",
            met=False,
        ),
        Row(id="P7", figure="soak", status=NOT_AVAILABLE),
    ]
    text = render(rows, {"cpu": "x"})
    assert "| P3 | bytes | 2 kB (1–3, n=3) | 4 kB (n=1) | 0.50× | ≤ 40% | **no** |" in text
    assert f"| P7 | soak | {NOT_AVAILABLE} |" in text


def test_browser_pages_smoke(tmp_path):
    """The measuring code on the bare page: start, polygons, two option changes.

    In a child process: the e2e tests' session browser keeps Playwright's sync loop
    running in this one.
    """
    from bench import browser

    if not Path(browser.CHROMIUM).exists():
        # conftest.require's rule (the e2e conftest shadows the name when all tests run)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"required for CI: chromium missing at {browser.CHROMIUM}")
        pytest.skip(f"chromium missing at {browser.CHROMIUM}")
    out = tmp_path / "results.md"
    res = run_child(["bench/run.py", "--only", "P1", "--smoke", "--out", str(out)], timeout=280)
    assert res.returncode == 0, res.stderr[-3000:]
    text = out.read_text()
    assert "| P1 | smoke: bare page cold start | " in text and "| P2 | smoke: bare page rerun | " in text
    assert "error" not in text.split("## Results")[1]


def test_p10_hostile_workbook_passes_the_caps(tmp_path):
    """The benchmark's hostile file is refused by parsing (columns), not by a cheap cap."""
    from bench.p10_hostile import wide_row_workbook
    from indicators.ingest.read import read_table

    f = wide_row_workbook(tmp_path / "h.xlsx", 20_000, seed=1)
    raw, report = read_table(f)
    assert report.file_error and "zu viele Spalten" in report.to_text()


def test_p10_two_sessions_smoke(tmp_path):
    """Session A opens the atlas while session B's hostile upload is refused (child process, as P1)."""
    from bench import browser

    if not Path(browser.CHROMIUM).exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"required for CI: chromium missing at {browser.CHROMIUM}")
        pytest.skip(f"chromium missing at {browser.CHROMIUM}")
    out = tmp_path / "results.md"
    res = run_child(["bench/run.py", "--only", "P10", "--smoke", "--out", str(out)], timeout=400)
    assert res.returncode == 0, res.stderr[-3000:]
    text = out.read_text()
    assert "| P10 | smoke: atlas open during a refused upload | " in text
    assert "error" not in text.split("## Results")[1]
