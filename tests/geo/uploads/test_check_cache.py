"""Upload checks are cached by content: a rerun with the same bytes does not parse again.

The parse functions run in a forked child (geo.uploads.sandbox), so calls are
counted in a log file the child appends to. Test data is SYNTHETIC.
"""

from pathlib import Path

import pytest
from testkit import ROOT

import geo.spatial.facilities as facilities
import geo.spatial.zonal as zonal
import geo.uploads.boundary as boundary
import geo.uploads.table as table
from geo.uploads import check_cache
from geo.uploads.check_cache import checked, content_key
from geo.uploads.sandbox import UploadLimitError

BAD = ROOT / "tests" / "data" / "bad"
CSV = b"Stadtteil;Jahr;Merkmal;Wert\n01;2023;population_total;1000\n02;2023;population_total;2000\n"


@pytest.fixture(autouse=True)
def _fresh_cache():
    check_cache.clear()
    yield
    check_cache.clear()


def _counting(monkeypatch, module, name: str, log: Path):
    """Replace ``module.name`` by a wrapper that appends a line to ``log`` per call (also in the child)."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        with log.open("a") as f:
            f.write("call\n")
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)


def _calls(log: Path) -> int:
    return len(log.read_text().splitlines()) if log.exists() else 0


def _size(path: Path, log: str) -> int:  # the log as str: a Path would be hashed by its (changing) content
    with open(log, "a") as f:
        f.write("call\n")
    return path.stat().st_size


def test_same_content_elsewhere_is_a_hit(tmp_path):
    log = tmp_path / "log"
    for i, data in enumerate([b"abc", b"abc", b"abcd"]):
        folder = tmp_path / f"upload{i}"  # a new temporary folder per rerun, as the UI makes them
        folder.mkdir()
        (folder / "upload.csv").write_bytes(data)
        assert checked(_size, folder / "upload.csv", str(log)) == len(data)
    assert _calls(log) == 2
    a, b = tmp_path / "upload0" / "upload.csv", tmp_path / "upload1" / "upload.csv"
    assert content_key(_size, (a, str(log)), {}) == content_key(_size, (b, str(log)), {})
    c = a.with_suffix(".txt")
    c.write_bytes(b"abc")
    assert content_key(_size, (a, str(log)), {}) != content_key(_size, (c, str(log)), {})


def test_table_check_parses_once(monkeypatch, tmp_path):
    log = tmp_path / "log"
    _counting(monkeypatch, table, "read_table", log)
    first = table.check_table(CSV, "t.csv")
    first.raw.frame.iloc[0, 1] = "99"  # a caller changing its copy
    second = table.check_table(CSV, "t.csv")
    assert _calls(log) == 1
    assert second.ok and len(second.tidy) == 2
    table.check_table(CSV + b"03;2023;population_total;5\n", "t.csv")
    assert _calls(log) == 2


def test_boundary_check_parses_once(monkeypatch, tmp_path):
    log = tmp_path / "log"
    _counting(monkeypatch, boundary, "read_vector", log)
    data = (BAD / "wgs84_ok.geojson").read_bytes()
    checks = [boundary.check_boundaries(data, "grenzen.geojson") for _ in range(3)]
    assert _calls(log) == 1
    assert all(c.ok for c in checks) and checks[0].frame is not checks[1].frame


def test_facility_and_raster_checks_parse_once(monkeypatch, tmp_path):
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    from geo.geographies import REGISTRY, load_areas, parse_registry

    areas = load_areas(parse_registry(REGISTRY)["stadtteile"])
    log = tmp_path / "log"
    _counting(monkeypatch, facilities, "_read_facilities", log)
    pts = tmp_path / "kitas.csv"
    pts.write_text("name;lat;lon\nKita A;53,866;10,686\nKita B;53,87;10,70\n", encoding="utf-8")
    for _ in range(2):
        got, report = facilities.read_facilities(pts, "kitas.csv", areas)
        assert report.ok and len(got) == 2
    assert _calls(log) == 1

    log2 = tmp_path / "log2"
    _counting(monkeypatch, zonal, "_zonal_stats", log2)
    tif = tmp_path / "heat.tif"
    with rasterio.open(
        tif,
        "w",
        driver="GTiff",
        width=200,
        height=200,
        count=1,
        dtype="float32",
        crs="EPSG:25832",
        transform=from_origin(600_000, 5_982_000, 100, 100),
    ) as dst:
        dst.write(np.ones((1, 200, 200), dtype="float32"))
    results = [zonal.zonal_stats(tif, areas) for _ in range(2)]
    assert _calls(log2) == 1
    assert results[0].stats.equals(results[1].stats)
    zonal.zonal_stats(tif, areas, above=0.5)  # other arguments: checked again
    assert _calls(log2) == 2


def _slow(path: Path, log: str) -> None:
    import time

    with open(log, "a") as f:
        f.write("call\n")
    time.sleep(30)


def test_a_refusal_is_cached_too(monkeypatch, tmp_path):
    monkeypatch.setenv("SOZIALMONITOR_UPLOAD_SECONDS", "1")
    log, f = tmp_path / "log", tmp_path / "bombe.xlsx"
    f.write_bytes(b"PK\x03\x04 pretend")
    for _ in range(2):
        with pytest.raises(UploadLimitError, match="bombe.xlsx: Prüfung dauerte länger"):
            checked(_slow, f, str(log), file_label="bombe.xlsx")
    assert _calls(log) == 1
