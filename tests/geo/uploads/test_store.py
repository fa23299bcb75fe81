"""Saving user datasets: atomic, listable, removable, safe names (synthetic data)."""
import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo.loading import load_dataset
from geo.uploads.store import DataStore, StoreError, atomic_write, atomic_write_text, data_dir, safe_name
from indicators.catalogue import Source, parse_indicator

AREAS = gpd.GeoDataFrame({"code": ["01", "02"], "name": ["A <b>", "B"]},
                         geometry=[box(610000, 5970000, 611000, 5971000), box(611000, 5970000, 612000, 5971000)],
                         crs=25832)
SRC = Source("synthetic", "Synthetische Testdaten", "CC0")
CAT = {"n": parse_indicator({"id": "n", "label_de": "Anzahl", "kind": "count", "unit": "Personen",
                             "source": "synthetic"})}


def table(v1=10.0):
    return pd.DataFrame({"area_code": ["01", "02"], "year": [2022, 2022], "variable": ["n", "n"], "value": [v1, 20.0]})


def test_data_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path / "x"))
    assert data_dir() == tmp_path / "x"
    monkeypatch.delenv("SOZIALMONITOR_DATA_DIR")
    assert data_dir().name == "var"


@pytest.mark.parametrize("text,expected", [("Stadtbezirke Süd", "stadtbezirke_sued"), ("../../etc/passwd", "etc_passwd"),
                                           ("..\\..\\win", "win"), ("a/b", "a_b"), ("  X  ", "x")])
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
    geo = store.save("Test 1", "Test 1", AREAS, table(), CAT, {"synthetic": SRC})
    assert geo.id == "test_1" and geo.boundaries.is_relative_to(tmp_path)
    assert "test_1" in DataStore(tmp_path).geographies()  # a new store object reads the database
    ds = load_dataset(geo)
    assert ds.areas["name"].tolist() == ["A <b>", "B"] and set(ds.values["value"]) == {10, 20}
    assert [d.name for d in store.list()] == ["test_1"]
    with pytest.raises(StoreError):
        store.save("test_1", "again", AREAS, table(), CAT, {})
    store.save("test_1", "v2", AREAS, table(11), CAT, {}, overwrite=True)
    assert len(list((tmp_path / "datasets").iterdir())) == 2  # previous version kept
    assert set(load_dataset(store.geographies()["test_1"]).values["value"]) == {11, 20}
    assert store.remove("test_1") and not store.remove("test_1")
    assert store.list() == [] and "test_1" not in store.geographies()
    assert len(list((tmp_path / "datasets").iterdir())) == 2  # in the trash: files kept


def test_shipped_names_are_reserved(tmp_path):
    with pytest.raises(StoreError):
        DataStore(tmp_path).save("Stadtteile", "x", AREAS, table(), CAT, {})


def test_crash_during_save_keeps_everything_saved_before(tmp_path):
    store = DataStore(tmp_path)
    store.save("eins", "Eins", AREAS, table(10), CAT, {"synthetic": SRC})
    folders_before = sorted((tmp_path / "datasets").iterdir())

    def crash():
        raise KeyboardInterrupt("simulated power cut after the files, before the registry")

    with pytest.raises(KeyboardInterrupt):
        store.save("eins", "Eins v2", AREAS, table(99), CAT, {}, overwrite=True, _after_files=crash)
    with pytest.raises(KeyboardInterrupt):
        store.save("zwei", "Zwei", AREAS, table(99), CAT, {}, _after_files=crash)
    assert sorted((tmp_path / "datasets").iterdir()) == folders_before
    ds = load_dataset(DataStore(tmp_path).geographies()["eins"])
    assert set(ds.values["value"]) == {10, 20}
    assert [d.name for d in store.list()] == ["eins"]
    assert store.cleanup() == []  # the failed versions were already removed


def test_interrupted_write_leaves_old_file_and_no_temp(tmp_path):
    target = tmp_path / "registry.yaml"
    atomic_write_text(target, "alt: 1\n")

    def half_then_fail(p):
        p.write_text("neu: ")  # half written …
        raise OSError("disk full")

    with pytest.raises(OSError):
        atomic_write(target, half_then_fail)
    assert target.read_text() == "alt: 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["registry.yaml"]


def test_cleanup_removes_orphan_folders(tmp_path):
    store = DataStore(tmp_path)
    store.save("eins", "Eins", AREAS, table(), CAT, {})
    orphan = tmp_path / "datasets" / "eins--orphan"
    orphan.mkdir()
    assert store.cleanup() == [orphan] and not orphan.exists()
    assert [d.name for d in store.list()] == ["eins"]


def test_store_works_without_posix_fcntl(tmp_path):
    """Windows has no fcntl: the store locks with filelock (simulated by hiding fcntl)."""
    import subprocess
    import sys

    from testkit import ROOT

    code = (
        "import sys; sys.modules['fcntl'] = None\n"
        "from geo.uploads.store import DataStore\n"
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
    big = pd.DataFrame({"area_code": ["01", "02"] * 200, "year": [y for y in range(1900, 2100) for _ in (0, 1)],
                        "variable": "n", "value": 10.123456789})  # synthetic, ~10 KB as tidy CSV
    geo = DataStore(tmp_path).save("gross", "Groß", AREAS, big, CAT, {"synthetic": SRC})
    assert geo.table.stat().st_size > 8 * 1024  # larger than the (scaled) default limit
    ds = load_dataset(geo)
    assert len(ds.years) == 200 and ds.report.ok
