"""OGC API – Features: the generated pygeoapi configuration serves public geographies only (synthetic saved data).

The saved datasets here are synthetic (two squares near Lübeck, made-up counts); the shipped
geographies are the real ones.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box
from testkit import ROOT, require

from geo import ogc
from geo.uploads.datastore import DataStore, SaveRequest
from indicators.catalogue import Source, parse_indicator
from store.users import system_user

AREAS = gpd.GeoDataFrame(
    {"code": ["01", "02"], "name": ["Nord (synthetisch)", "Süd (synthetisch)"]},
    geometry=[box(610000, 5970000, 611000, 5971000), box(611000, 5970000, 612000, 5971000)],
    crs=25832,
)
SRC = Source("synthetic", "Synthetische Testdaten", "CC0", "https://creativecommons.org/publicdomain/zero/1.0/")
CAT = {
    "n": parse_indicator({"id": "n", "label_de": "Anzahl", "kind": "count", "unit": "Personen", "source": "synthetic"})
}
SHIPPED = {"stadtteile", "berlin-mss", "zensus2011-1km", "zensus2011-100m"}
NAMES = ("alpha", "beta")


def _table(v: float = 10.0) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "area_code": ["01", "02", "01", "02"],
            "year": [2021, 2021, 2022, 2022],
            "variable": ["n"] * 4,
            "value": [v, 20.0, v + 1, 21.0],
        }
    )


def _served(out: Path) -> set[str]:
    cfg = yaml.safe_load((out / ogc.CONFIG_NAME).read_text(encoding="utf-8"))
    files = {p.stem for p in out.glob("*.geojson")}
    assert files == set(cfg["resources"]), "a collection file without configuration or the reverse"
    return files


@pytest.fixture(scope="module")
def admin_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("ogc-data")
    store = DataStore(root, user=system_user())
    for i, name in enumerate(NAMES):
        store.save(
            SaveRequest(
                name=name,
                label_de=f"Testdaten {name}",
                areas=AREAS,
                table=_table(10.0 + i),
                catalogue=CAT,
                sources={"synthetic": SRC},
            )
        )
    ogc.write_ogc(data_root=root)  # sets up <root>/ogc: from now on every change refreshes it
    return store


def test_internal_datasets_never_written(admin_store):
    out = ogc.ogc_dir(admin_store.root)
    assert _served(out) == SHIPPED
    text = " ".join(p.read_text(encoding="utf-8") for p in out.iterdir() if p.is_file())
    assert "Testdaten" not in text and "synthetisch" not in text


def test_published_collection_holds_values_per_year_and_metadata(admin_store):
    admin_store.publish("alpha")
    try:
        out = ogc.ogc_dir(admin_store.root)
        assert _served(out) == SHIPPED | {"alpha"}
        fc = json.loads((out / "alpha.geojson").read_text(encoding="utf-8"))
        rows = {(f["properties"]["code"], f["properties"]["jahr"]): f["properties"]["n"] for f in fc["features"]}
        assert rows == {("01", 2021): 10.0, ("02", 2021): 20.0, ("01", 2022): 11.0, ("02", 2022): 21.0}
        lon, lat = fc["features"][0]["geometry"]["coordinates"][0][0]
        assert 10 < lon < 11.5 and 53 < lat < 54.5  # WGS 84 (CRS84), not UTM
        entry = yaml.safe_load((out / ogc.CONFIG_NAME).read_text(encoding="utf-8"))["resources"]["alpha"]
        assert entry["title"]["de"] == "Testdaten alpha"
        assert "Quelle: Synthetische Testdaten, CC0" in entry["description"]["de"]
        assert any(link["rel"] == "license" for link in entry["links"])
    finally:
        admin_store.publish("alpha", False)
    assert _served(ogc.ogc_dir(admin_store.root)) == SHIPPED


def _reset(store: DataStore) -> None:
    """Both synthetic datasets internal, none in the trash."""
    for name in NAMES:
        if name in {d.name for d in store.trash()}:
            store.restore(name)
        store.publish(name, False)


OPS = st.lists(
    st.tuples(st.sampled_from(["publish", "withdraw", "remove", "restore"]), st.sampled_from(NAMES)),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(ops=OPS)
def test_served_collections_follow_every_change(admin_store, ops):
    """After any sequence of publish/withdraw/remove/restore, exactly the public datasets in use are served."""
    store, public, trashed = admin_store, set(), set()
    _reset(store)
    for op, name in ops:
        if name in trashed and op != "restore":
            continue
        if op == "publish":
            store.publish(name)
            public.add(name)
        elif op == "withdraw":
            store.publish(name, False)
            public.discard(name)
        elif op == "remove":
            store.remove(name)
            trashed.add(name)
        elif name in trashed:
            store.restore(name)
            trashed.discard(name)
        assert _served(ogc.ogc_dir(store.root)) == SHIPPED | (public - trashed)


def _free_port() -> int:
    import port_for

    return port_for.select_random()


def _wait(url: str, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > end:
                raise
            time.sleep(0.3)


GDAL_READ = """
import json, sys
import pyogrio
base, names = sys.argv[1], sys.argv[2:]
out = [[n for n, _ in pyogrio.list_layers(base)]]
for name in names:
    df = pyogrio.read_dataframe(f"{base}/collections/{name}").drop(columns="geometry")
    out.append({c: df[c].tolist() for c in df.columns})
print(json.dumps(out))
"""


def _gdal_read(base: str, names: list[str]) -> list:
    """Read through GDAL's OAPIF driver in a clean process, as QGIS would (the app's own processes switch
    GDAL's network drivers off: geo/safe_open.py)."""
    from geo.safe_open import GDAL_CONFIG  # the app's own processes: no network drivers, 1 s timeouts

    env = {k: v for k, v in os.environ.items() if k != "GDAL_SKIP" and k not in GDAL_CONFIG}
    proc = subprocess.run(
        [sys.executable, "-c", GDAL_READ, base, *names], capture_output=True, text=True, timeout=240, env=env
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def test_gdal_oapif_reads_public_collections_only(admin_store):
    """The GDAL OAPIF driver (as QGIS uses it) reads the collection pygeoapi serves from our configuration."""
    uvicorn = Path(sys.executable).with_name("uvicorn")
    require(uvicorn.exists(), "uvicorn not installed (pygeoapi's Starlette server)")
    _reset(admin_store)
    admin_store.publish("beta")
    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        ogc.write_ogc(out_dir=out, data_root=admin_store.root, url=f"http://127.0.0.1:{port}")
        env = {
            **os.environ,
            "PYGEOAPI_CONFIG": str(out / ogc.CONFIG_NAME),
            "PYGEOAPI_OPENAPI": str(out / "openapi.yml"),
        }
        subprocess.run(
            [
                str(Path(sys.executable).with_name("pygeoapi")),
                "openapi",
                "generate",
                env["PYGEOAPI_CONFIG"],
                "--output-file",
                env["PYGEOAPI_OPENAPI"],
            ],
            env=env,
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        proc = subprocess.Popen(
            [str(uvicorn), "pygeoapi.starlette_app:APP", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait(f"http://127.0.0.1:{port}/conformance?f=json")
            layers, beta, stadtteile = _gdal_read(f"OAPIF:http://127.0.0.1:{port}", ["beta", "stadtteile"])
            assert set(layers) == SHIPPED | {"beta"}
            assert sorted(map(list, zip(beta["code"], beta["jahr"], beta["n"]))) == [
                ["01", 2021, 11.0],
                ["01", 2022, 12.0],
                ["02", 2021, 20.0],
                ["02", 2022, 21.0],
            ]
            assert {"code", "name", "jahr", "population_total"} <= set(stadtteile) and len(stadtteile["code"]) > 100
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            admin_store.publish("beta", False)


def test_configuration_untouched_when_nothing_changed(admin_store):
    """pygeoapi restarts when the configuration file changes (systemd .path unit): no change, no restart."""
    out = ogc.ogc_dir(admin_store.root)
    _reset(admin_store)
    before = (out / ogc.CONFIG_NAME).stat().st_mtime_ns
    ogc.write_ogc(data_root=admin_store.root)
    admin_store.publish("alpha", False)  # already internal: the same public set
    assert (out / ogc.CONFIG_NAME).stat().st_mtime_ns == before
    admin_store.publish("alpha")
    assert (out / ogc.CONFIG_NAME).stat().st_mtime_ns != before
    admin_store.publish("alpha", False)


# ------------------------------------------------ narrowed except of refresh (issue #25 item 6)


@pytest.fixture
def ogc_set_up(tmp_path, monkeypatch):
    monkeypatch.delenv(ogc.OGC_DIR_VAR, raising=False)
    out = ogc.ogc_dir(tmp_path)
    out.mkdir(parents=True)
    (out / ogc.CONFIG_NAME).write_text("# set up\n", encoding="utf-8")
    withdrawn: list[set[str]] = []
    monkeypatch.setattr(ogc, "public_geographies", lambda _root=None: {})
    monkeypatch.setattr(ogc, "withdraw_stale", lambda _out, keep: withdrawn.append(keep) or [])
    return tmp_path, withdrawn


def test_refresh_logs_a_disk_error_and_withdraws_what_is_no_longer_public(ogc_set_up, monkeypatch, caplog):
    root, withdrawn = ogc_set_up

    def disk_full(**_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ogc, "write_ogc", disk_full)
    with caplog.at_level(logging.ERROR, logger="geo.ogc"):
        ogc.refresh(root)  # does not raise: publishing must not fail on the cache
    assert withdrawn == [set()]
    assert any(isinstance(r.exc_info[1], OSError) for r in caplog.records if r.exc_info)


def test_refresh_lets_a_bug_through(ogc_set_up, monkeypatch):
    root, withdrawn = ogc_set_up

    def bug(**_k):
        raise TypeError("bug in write_ogc")

    monkeypatch.setattr(ogc, "write_ogc", bug)
    with pytest.raises(TypeError, match="bug in write_ogc"):
        ogc.refresh(root)
    assert withdrawn == []
