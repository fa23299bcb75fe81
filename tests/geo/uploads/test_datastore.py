"""Saving user datasets: in the database, listable, removable, safe names (synthetic data)."""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo.loading import load_dataset
from geo.uploads.datastore import DataStore, SaveRequest, data_dir, safe_name
from indicators.catalogue import Source, parse_indicator
from store.errors import StoreError

AREAS = gpd.GeoDataFrame(
    {"code": ["01", "02"], "name": ["A <b>", "B"]},
    geometry=[box(610000, 5970000, 611000, 5971000), box(611000, 5970000, 612000, 5971000)],
    crs=25832,
)
SRC = Source("synthetic", "Synthetische Testdaten", "CC0")
CAT = {
    "n": parse_indicator({"id": "n", "label_de": "Anzahl", "kind": "count", "unit": "Personen", "source": "synthetic"})
}


def table(v1=10.0):
    return pd.DataFrame({"area_code": ["01", "02"], "year": [2022, 2022], "variable": ["n", "n"], "value": [v1, 20.0]})


def request(name, label, tab=None, **kw) -> SaveRequest:
    return SaveRequest(
        name=name,
        label_de=label,
        areas=AREAS,
        table=table() if tab is None else tab,
        catalogue=CAT,
        sources={"synthetic": SRC},
        **kw,
    )


def test_data_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path / "x"))
    assert data_dir() == tmp_path / "x"
    monkeypatch.delenv("SOZIALMONITOR_DATA_DIR")
    assert data_dir().name == "var"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Stadtbezirke Süd", "stadtbezirke_sued"),
        ("../../etc/passwd", "etc_passwd"),
        ("..\\..\\win", "win"),
        ("a/b", "a_b"),
        ("  X  ", "x"),
    ],
)
def test_safe_name(text, expected):
    assert safe_name(text) == expected


@pytest.mark.parametrize("text", ["", "..", "/", "€€€", "<script>"])
def test_safe_name_rejects_empty_results(text):
    if text == "<script>":
        assert safe_name(text) == "script"
        return
    with pytest.raises(StoreError):
        safe_name(text)


def test_save_list_reload_remove(tmp_path):
    store = DataStore(tmp_path)
    geo = store.save(request("Test 1", "Test 1"))
    assert geo.id == "test_1" and geo.boundaries.is_relative_to(tmp_path / "cache")
    assert "test_1" in DataStore(tmp_path).geographies()  # a new store object reads the database
    ds = load_dataset(geo)
    assert ds.areas["name"].tolist() == ["A <b>", "B"] and set(ds.values["value"]) == {10, 20}
    assert [d.name for d in store.list()] == ["test_1"]
    with pytest.raises(StoreError):
        store.save(request("test_1", "again"))
    store.save(request("test_1", "v2", table(11), overwrite=True))
    assert set(load_dataset(store.geographies()["test_1"]).values["value"]) == {11, 20}
    assert store.remove("test_1") and not store.remove("test_1")
    assert store.list() == [] and "test_1" not in store.geographies()
    assert not (tmp_path / "datasets").exists()  # nothing but caches in the data directory


def test_the_data_directory_holds_only_rebuildable_caches(tmp_path):
    """Deleting the whole cache loses nothing: the next read writes it again from the database."""
    import shutil

    store = DataStore(tmp_path)
    geo = store.save(request("eins", "Eins", table(12.5)))
    shutil.rmtree(tmp_path / "cache")
    again = DataStore(tmp_path).geographies()["eins"]
    assert again.table == geo.table and set(load_dataset(again).values["value"]) == {12.5, 20}
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "cache",
        "sozialmonitor.db",
        "sozialmonitor.db-shm",
        "sozialmonitor.db-wal",
    ]


def test_a_second_process_sees_a_dataset_saved_by_the_first_without_sharing_files(tmp_path):
    """Two app hosts on one database: each has its own data directory; what one saves the other shows."""
    url = f"sqlite:///{tmp_path / 'geteilt.db'}"
    DataStore(tmp_path / "host1", url=url).save(request("eins", "Eins", table(7)))
    geo = DataStore(tmp_path / "host2", url=url).geographies()["eins"]
    assert geo.table.is_relative_to(tmp_path / "host2") and set(load_dataset(geo).values["value"]) == {7, 20}


def test_shipped_names_are_reserved(tmp_path):
    with pytest.raises(StoreError):
        DataStore(tmp_path).save(request("Stadtteile", "x"))


def test_a_failed_save_keeps_everything_saved_before(tmp_path, monkeypatch):
    from store import contents

    store = DataStore(tmp_path)
    store.save(request("eins", "Eins", table(10)))
    real = contents.write

    def crash(*args, **kwargs):
        real(*args, **kwargs)
        raise KeyboardInterrupt("simulated power cut after the contents, before the commit")

    monkeypatch.setattr("store.datasets.write_contents", crash)
    with pytest.raises(KeyboardInterrupt):
        store.save(request("eins", "Eins v2", table(99), overwrite=True))
    with pytest.raises(KeyboardInterrupt):
        store.save(request("zwei", "Zwei", table(99)))
    ds = load_dataset(DataStore(tmp_path).geographies()["eins"])
    assert set(ds.values["value"]) == {10, 20}
    assert [d.name for d in store.list()] == ["eins"]
    assert store.cleanup() == []


def test_cleanup_removes_caches_no_version_names(tmp_path):
    store = DataStore(tmp_path)
    geo = store.save(request("eins", "Eins"))
    orphan = tmp_path / "cache" / "datasets" / "eins--orphan"
    orphan.mkdir()
    assert store.cleanup() == [orphan] and not orphan.exists()
    assert [d.name for d in store.list()] == ["eins"] and geo.table.exists()


def test_store_works_without_posix_fcntl(tmp_path):
    """Windows has no fcntl: the store locks with filelock (simulated by hiding fcntl)."""
    import subprocess
    import sys

    from testkit import ROOT

    code = (
        "import sys; sys.modules['fcntl'] = None\n"
        "from geo.uploads.datastore import DataStore\n"
        "store = DataStore(sys.argv[1])\n"
        "with store._locked():\n"
        "    pass\n"
        "print('ok', store.remove('gibtsnicht'))\n"
    )
    res = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "ok False"


def test_table_saved_under_a_raised_upload_limit_reloads(tmp_path, monkeypatch):
    """The limit comes from SOZIALMONITOR_MAX_UPLOAD_MB, also when a saved table is read again."""
    from indicators import limits

    monkeypatch.setattr(limits, "DEFAULT_UPLOAD_MB", 0.001)  # scaled down: the default 1 KB instead of 50 MB
    monkeypatch.setenv("SOZIALMONITOR_MAX_UPLOAD_MB", "0.05")  # raised: 50 KB
    big = pd.DataFrame(
        {
            "area_code": ["01", "02"] * 200,
            "year": [y for y in range(1900, 2100) for _ in (0, 1)],
            "variable": "n",
            "value": 10.123456789,
        }
    )  # synthetic, ~10 KB as tidy CSV
    geo = DataStore(tmp_path).save(request("gross", "Groß", big))
    assert geo.table.stat().st_size > 8 * 1024  # larger than the (scaled) default limit
    ds = load_dataset(geo)
    assert len(ds.years) == 200 and ds.report.ok
