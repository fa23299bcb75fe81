"""Every file of the fuzz corpus (tests/data/bad, SYNTHETIC) gets a clear verdict.

Each file goes through ``cli.py validate`` in its own process (exit code as in
``expected.csv``, a report on stdout, no traceback anywhere) and through the
upload functions the app calls (no exception, every row used or listed).
Rasters (kind ``raster``) go through ``cli.py zonal`` and the raster tool's
:func:`geo.spatial.zonal.zonal_stats` instead.
"""

import csv
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from testkit import ROOT

from geo.uploads.pipeline import boundary_areas, check_boundaries, check_table
from indicators.ingest.report import FILE_REJECTED
from indicators.wording.voice import Voice

BAD = ROOT / "tests" / "data" / "bad"
CASES = list(csv.DictReader((BAD / "expected.csv").read_text(encoding="utf-8").splitlines()))


def test_corpus_is_big_and_small():
    assert len(CASES) >= 40
    assert {c["kind"] for c in CASES} == {"table", "boundaries", "raster"}
    assert {p.suffix for p in BAD.iterdir()} >= {".csv", ".xlsx", ".geojson", ".zip", ".gpkg", ".json", ".tif"}
    assert sum(p.stat().st_size for p in BAD.iterdir()) < 2_000_000


def _cli(case):
    return case, subprocess.run(
        [sys.executable, "cli.py", "validate", f"--{case['kind']}", str(BAD / case["file"])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.timeout(1200)  # one `cli.py validate` process per corpus file (~70, ~3 s each)
def test_cli_validate_on_every_file():
    failures = []
    with ThreadPoolExecutor(2) as pool:  # the machine is shared: two at a time
        for case, res in pool.map(_cli, [c for c in CASES if c["kind"] != "raster"]):
            out = res.stdout + res.stderr
            if "Traceback" in out or res.returncode != int(case["exit_code"]):
                failures.append(f"{case['file']}: exit {res.returncode}, expected {case['exit_code']}\n{out[-600:]}")
            elif not res.stdout.strip().endswith(("Ergebnis: verwendbar", "Ergebnis: nicht verwendbar")):
                failures.append(f"{case['file']}: no verdict line\n{res.stdout[-300:]}")
            elif res.returncode == 1 and "[Fehler]" not in res.stdout and "Fehler:" not in res.stdout:
                failures.append(f"{case['file']}: rejected without a stated error\n{res.stdout[-300:]}")
    assert not failures, "\n\n".join(failures)


def _accounted(report) -> bool:
    """Every row used or listed: or the whole file rejected with a reason."""
    if report.file_error:
        return any(f.action == FILE_REJECTED and f.problem for f in report.findings)
    return report.rows_used + len(report.dropped_rows) == report.rows_in


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "table"], ids=lambda c: c["file"])
def test_table_upload_path(case):
    data = (BAD / case["file"]).read_bytes()
    check = check_table(data, case["file"])
    assert check.ok == (case["exit_code"] == "0"), check.report.to_text()
    assert _accounted(check.report), check.report.to_text()
    if check.ok:
        assert set(check.tidy["area_code"]) <= set(check.matcher.codes)
    assert check.report.to_frame(voice=Voice.of("en"))["problem"].astype(bool).all()


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "boundaries"], ids=lambda c: c["file"])
def test_boundary_upload_path(case):
    data = (BAD / case["file"]).read_bytes()
    check = check_boundaries(data, case["file"])
    res = boundary_areas(check)
    assert res.ok == (case["exit_code"] == "0"), res.report.to_text()
    assert _accounted(res.report), res.report.to_text()
    if res.ok:
        assert res.areas.geometry.is_valid.all() and res.areas["code"].is_unique
        assert set(res.areas.geom_type) <= {"Polygon", "MultiPolygon"} and res.areas.crs.to_epsg() == 25832
        assert not res.areas.geometry.has_z.any()


def _zonal_cli(case):
    return case, subprocess.run(
        [sys.executable, "cli.py", "zonal", "--raster", str(BAD / case["file"])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.timeout(300)
def test_cli_zonal_on_every_raster():
    failures = []
    with ThreadPoolExecutor(2) as pool:
        for case, res in pool.map(_zonal_cli, [c for c in CASES if c["kind"] == "raster"]):
            out = res.stdout + res.stderr
            if "Traceback" in out or res.returncode != int(case["exit_code"]):
                failures.append(f"{case['file']}: exit {res.returncode}, expected {case['exit_code']}\n{out[-600:]}")
            elif res.returncode == 1 and not res.stderr.startswith(f"Fehler: {case['file']}:"):
                failures.append(f"{case['file']}: refused without naming the file\n{res.stderr[-300:]}")
            elif "/etc/passwd" in res.stdout or "root:" in out:
                failures.append(f"{case['file']}: file content leaked\n{out[-300:]}")
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("case", [c for c in CASES if c["kind"] == "raster"], ids=lambda c: c["file"])
def test_raster_tool_path(case, tmp_path):
    from geo.geographies import REGISTRY, load_areas, parse_registry
    from geo.spatial.zonal import zonal_stats
    from indicators.errors import InputError

    path = tmp_path / "upload.tif"  # as the raster tool saves an upload
    path.write_bytes((BAD / case["file"]).read_bytes())
    try:
        res = zonal_stats(path, load_areas(parse_registry(REGISTRY)["stadtteile"]))
    except InputError as exc:
        assert case["exit_code"] == "1", str(exc)
        assert str(exc).startswith("upload.tif: ") and "root:" not in str(exc)
    else:
        assert case["exit_code"] == "0"
        assert res.stats["count"].gt(0).any()
