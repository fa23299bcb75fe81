"""Facility points and raster statistics on hostile uploads: refused in the sandbox, German message.

All rasters and tables here are SYNTHETIC, made in the test.
"""

import subprocess
import sys

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin
from rasterio.windows import Window
from testkit import ROOT

import geo.spatial.facilities as facilities
import geo.spatial.zonal as zonal
from geo.geographies import REGISTRY, load_areas, parse_registry
from geo.uploads import check_cache
from geo.uploads.sandbox import UploadLimitError

BAD = ROOT / "tests" / "data" / "bad"


@pytest.fixture(autouse=True)
def _fresh_cache():
    check_cache.clear()
    yield
    check_cache.clear()


@pytest.fixture(scope="module")
def areas():
    return load_areas(parse_registry(REGISTRY)["stadtteile"])


def giant_sparse_tif(path, block: int = 1024, size: int = 100_000):
    """A 100,000 x 100,000 pixel GeoTIFF over Lübeck (0.4 m cells), one block written: ~80 KB on disk."""
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=size,
        height=size,
        count=1,
        dtype="uint8",
        crs="EPSG:25832",
        transform=from_origin(590_000, 5_995_000, 40_000 / size, 40_000 / size),
        tiled=True,
        blockxsize=block,
        blockysize=block,
        compress="deflate",
        sparse_ok=True,
        nodata=0,
    ) as dst:
        dst.write(np.full((1, block, block), 7, "uint8"), window=Window(0, 0, block, block))
    return path


def _hog(*args, **kwargs):
    return bytearray(8000 * 2**20)  # more than the child's 3 GB


def test_facility_reading_runs_in_the_sandbox(monkeypatch, tmp_path, areas):
    monkeypatch.setattr(facilities, "_points_from_table", _hog)
    f = tmp_path / "kitas.csv"
    f.write_text("name;lat;lon\nA;53,87;10,69\n", encoding="utf-8")
    points, report = facilities.read_facilities(f, "kitas.csv", areas)
    assert points is None and report.file_error
    assert "kitas.csv" in report.to_text() and "Speicher" in report.to_text()


def test_facility_shared_strings_bomb_is_refused(areas):
    points, report = facilities.read_facilities(BAD / "xlsx_shared_strings_bomb.xlsx", "kitas.xlsx", areas)
    assert points is None and report.file_error
    assert "Traceback" not in report.to_text() and "kitas.xlsx" in report.to_text()


def test_raster_statistics_run_in_the_sandbox(monkeypatch, tmp_path, areas):
    monkeypatch.setattr(zonal, "_center_stats", _hog)
    tif = tmp_path / "hitze.tif"
    with rasterio.open(
        tif,
        "w",
        driver="GTiff",
        width=50,
        height=50,
        count=1,
        dtype="float32",
        crs="EPSG:25832",
        transform=from_origin(600_000, 5_985_000, 500, 500),
    ) as dst:
        dst.write(np.ones((1, 50, 50), "float32"))
    with pytest.raises(UploadLimitError, match="hitze.tif: Prüfung braucht mehr als .* MB Speicher"):
        zonal.zonal_stats(tif, areas)


@pytest.mark.parametrize("method", ["center", "coverage"])
def test_giant_sparse_raster_is_refused_without_reading_it(tmp_path, areas, method):
    tif = giant_sparse_tif(tmp_path / "riesig.tif")
    assert tif.stat().st_size < 200_000
    with pytest.raises(zonal.ZonalError, match=r"riesig.tif: .*(Rasterzellen|Zellen ist).*erlaubt 25\.000\.000"):
        zonal.zonal_stats(tif, areas, method=method)


def test_one_huge_block_is_refused(tmp_path, areas):
    tif = tmp_path / "ein_block.tif"  # one 8192 x 8192 tile: GDAL would decode 67 MB cells for any window
    with rasterio.open(
        tif,
        "w",
        driver="GTiff",
        width=8192,
        height=8192,
        count=1,
        dtype="uint8",
        crs="EPSG:25832",
        transform=from_origin(600_000, 5_985_000, 2, 2),
        compress="deflate",
        tiled=True,
        blockxsize=8192,
        blockysize=8192,
    ):
        pass
    assert tif.stat().st_size < 200_000
    with pytest.raises(zonal.ZonalError, match="ein_block.tif: Rasterblöcke mit 67.108.864 Zellen"):
        zonal.zonal_stats(tif, areas)


def test_giant_sparse_raster_far_from_the_areas_is_handled(tmp_path, areas):
    """The same pixel count over 400 km: every Stadtteil window is small, the answer comes back."""
    tif = tmp_path / "weit.tif"
    with rasterio.open(
        tif,
        "w",
        driver="GTiff",
        width=100_000,
        height=100_000,
        count=1,
        dtype="uint8",
        crs="EPSG:25832",
        transform=from_origin(400_000, 6_200_000, 4, 4),
        tiled=True,
        blockxsize=1024,
        blockysize=1024,
        compress="deflate",
        sparse_ok=True,
        nodata=0,
    ) as dst:
        dst.write(np.full((1, 1024, 1024), 7, "uint8"), window=Window(0, 0, 1024, 1024))
    res = zonal.zonal_stats(tif, areas)
    assert len(res.stats) == len(areas) and (res.stats["count"].fillna(0) == 0).all()


def test_cli_zonal_refuses_the_giant_raster_in_german_with_little_memory(tmp_path):
    tif = giant_sparse_tif(tmp_path / "riesig.tif")
    probe = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run([sys.executable, 'cli.py', 'zonal', '--raster', sys.argv[1]], capture_output=True, text=True)\n"
        "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)\n"
        "print('RC', r.returncode, 'MAXRSS_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    res = subprocess.run([sys.executable, "-c", probe, str(tif)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    out = res.stdout + res.stderr
    assert "Traceback" not in out
    assert "RC 1 " in res.stdout, out
    assert "Fehler: riesig.tif:" in res.stderr and "Rasterzellen" in res.stderr
    maxrss_mb = int(res.stdout.rsplit("MAXRSS_KB", 1)[1]) / 1024
    assert maxrss_mb < 1500, f"{maxrss_mb:.0f} MB resident: the raster was read"
