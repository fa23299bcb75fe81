"""``cli.py reach`` and ``cli.py site`` on held-out synthetic data (made here) against independent computations."""

import itertools
import json
import subprocess
import sys

import numpy as np
import pytest
from testkit import ROOT

X0, Y0 = 609_000.0, 5_969_000.0  # inside Lübeck (EPSG:25832)


def run(*args):
    return subprocess.run([sys.executable, "cli.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True)


def _write(path, rows, header):
    path.write_text(header + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    rng = np.random.default_rng(26)
    d = tmp_path_factory.mktemp("supply")
    demand = np.column_stack([X0 + rng.uniform(0, 3000, 60), Y0 + rng.uniform(0, 3000, 60)])
    weight = rng.integers(0, 40, 60).astype(float)
    fac = np.column_stack([X0 + rng.uniform(0, 3000, 7), Y0 + rng.uniform(0, 3000, 7)])
    cap = rng.integers(10, 80, 7).astype(float)
    cand = np.column_stack([X0 + rng.uniform(0, 3000, 9), Y0 + rng.uniform(0, 3000, 9)])
    files = {
        "demand": _write(
            d / "bedarf.csv", [(f"d{i}", *xy, w) for i, (xy, w) in enumerate(zip(demand, weight))], "id,x,y,kinder"
        ),
        "facilities": _write(
            d / "kitas.csv", [(f"f{i}", *xy, c) for i, (xy, c) in enumerate(zip(fac, cap))], "id,x,y,plaetze"
        ),
        "candidates": _write(d / "kandidaten.csv", [(f"c{i}", *xy) for i, xy in enumerate(cand)], "id,x,y"),
    }
    return files, demand, weight, fac, cap, cand


def own_2sfca(demand, weight, fac, cap, r):
    d = np.hypot(demand[:, None, 0] - fac[None, :, 0], demand[:, None, 1] - fac[None, :, 1])
    within = d <= r
    reached = (weight[:, None] * within).sum(axis=0)
    ratio = np.divide(cap, reached, out=np.zeros_like(cap), where=reached > 0)
    return (within * ratio[None, :]).sum(axis=1), within.any(axis=1)


@pytest.mark.parametrize("r", [400, 900])
def test_reach_json_equals_our_own_2sfca_for_every_point(synthetic, r):
    files, demand, weight, fac, cap, _ = synthetic
    res = run(
        "reach",
        "--facilities",
        files["facilities"],
        "--capacity",
        "plaetze",
        "--demand-points",
        files["demand"],
        "--weight",
        "kinder",
        "--max-distance",
        r,
        "--json",
    )
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["method"] == "Luftlinie (EPSG:25832)" and doc["distance"] == r
    expected, covered = own_2sfca(demand, weight, fac, cap, r)
    assert [p["id"] for p in doc["points"]] == [f"d{i}" for i in range(len(demand))]
    np.testing.assert_allclose([p["access"] for p in doc["points"]], expected, rtol=0, atol=1e-9)
    assert [p["covered"] for p in doc["points"]] == covered.tolist()
    assert {a["code"] for a in doc["areas"]} == {f"{i:02d}" for i in range(1, 11)}
    assert all(set(a) >= {"code", "access", "uncovered_share"} for a in doc["areas"])


def test_site_json_finds_the_brute_force_optimum(synthetic):
    files, demand, weight, fac, _, cand = synthetic
    r, k = 500, 2
    res = run(
        "site",
        "--facilities",
        files["facilities"],
        "--demand-points",
        files["demand"],
        "--weight",
        "kinder",
        "--candidates",
        files["candidates"],
        "--k",
        k,
        "--max-distance",
        r,
        "--json",
    )
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)

    def dist(a, b):
        return np.hypot(a[:, None, 0] - b[None, :, 0], a[:, None, 1] - b[None, :, 1])

    base = (dist(demand, fac) <= r).any(axis=1)
    near = dist(demand, cand) <= r
    best = max(weight[base | near[:, list(c)].any(axis=1)].sum() for c in itertools.combinations(range(len(cand)), k))
    assert doc["covered_before"] == pytest.approx(weight[base].sum())
    assert doc["covered_after"] == pytest.approx(best)
    chosen = [int(c[1:]) for c in doc["chosen"]]
    assert weight[base | near[:, chosen].any(axis=1)].sum() == pytest.approx(best)
    assert {a["code"] for a in doc["areas"]} == {f"{i:02d}" for i in range(1, 11)}  # before/after per area


def test_reach_with_the_shipped_kitas_names_source_method_and_gap():
    res = run("reach", "--facilities", "kitas", "--demand", "pop_under18", "--max-distance", 500)
    assert res.returncode == 0, res.stderr
    assert "Luftlinie (EPSG:25832)" in res.stdout and "Kita-Datenbank" in res.stdout and "27.11.2023" in res.stdout
    assert "Versorgungslücke" in res.stdout


def test_site_pmedian_and_text(synthetic):
    files, *_ = synthetic
    res = run(
        "site",
        "--facilities",
        files["facilities"],
        "--demand-points",
        files["demand"],
        "--weight",
        "kinder",
        "--candidates",
        files["candidates"],
        "--k",
        1,
        "--max-distance",
        500,
        "--objective",
        "pmedian",
    )
    assert res.returncode == 0, res.stderr
    assert "Modellergebnis, keine Entscheidung" in res.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--max-distance", 500], "genau eines"),
        (["--demand", "pop_under18", "--demand-points", "x.csv", "--max-distance", 500], "genau eines"),
        (["--demand", "kitas_per_1000_under18", "--max-distance", 500], "keine Zählvariable"),
        (["--demand", "pop_under18", "--max-distance", -5], "Maximale Entfernung"),
    ],
)
def test_bad_input_is_one_german_message(args, message):
    res = run("reach", "--facilities", "kitas", *args)
    assert res.returncode == 1 and message in res.stderr and "Traceback" not in res.stderr


def test_reach_along_a_street_network_names_the_method(tmp_path):
    import geopandas as gpd
    from shapely.geometry import LineString

    # a street along three sides of a 400 m square (synthetic): straight 400 m, along the street 1,200 m
    net = tmp_path / "strassen.gpkg"
    gpd.GeoDataFrame(
        {"name": ["Umweg"]},
        geometry=[LineString([(X0, Y0), (X0, Y0 + 400), (X0 + 400, Y0 + 400), (X0 + 400, Y0)])],
        crs="EPSG:25832",
    ).to_file(net)
    fac = _write(tmp_path / "k.csv", [("k1", X0 + 400, Y0)], "id,x,y")
    dem = _write(tmp_path / "d.csv", [("d1", X0, Y0, 10)], "id,x,y,w")
    base = ["reach", "--facilities", fac, "--demand-points", dem, "--weight", "w", "--json"]
    straight = json.loads(run(*base, "--max-distance", 500).stdout)
    along = run(*base, "--max-distance", 500, "--network", net)
    assert along.returncode == 0, along.stderr
    along = json.loads(along.stdout)
    assert straight["points"][0]["covered"] and not along["points"][0]["covered"]
    assert along["method"].startswith("Straßennetz (strassen.gpkg")
    far = json.loads(run(*base, "--max-distance", 1300, "--network", net).stdout)
    assert far["points"][0] == {"id": "d1", "access": 0.1, "covered": True}
    bad = _write(tmp_path / "kein.gpkg", [], "x")
    res = run(*base, "--max-distance", 500, "--network", bad)
    assert res.returncode == 1 and "Traceback" not in res.stderr


def test_reach_in_english_names_method_and_demand_in_english(synthetic):
    import os

    files = synthetic[0]
    env = {**os.environ, "SOZIALMONITOR_LANG": "en"}
    args = ["reach", "--facilities", files["facilities"], "--demand-points", files["demand"], "--weight", "kinder"]
    args += ["--max-distance", 400]
    res = subprocess.run(
        [sys.executable, "cli.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True, env=env, check=False
    )
    assert res.returncode == 0, res.stderr
    assert "straight line (EPSG:25832)" in res.stdout and "bedarf.csv, weight 'kinder'" in res.stdout
    assert "Luftlinie" not in res.stdout and "Gewicht" not in res.stdout
