"""Start-up of the data store: 0700 directory, what a killed server left is removed (SYNTHETIC files)."""

import stat

from geo.uploads.datastore import DataStore, startup_cleanup


def test_data_dir_is_created_for_the_service_user_only(tmp_path):
    root = tmp_path / "daten" / "var"
    DataStore(root).ensure_root()
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    DataStore(loose).ensure_root()
    assert stat.S_IMODE(loose.stat().st_mode) == 0o700


def test_startup_removes_stale_caches_and_temp_files(tmp_path):
    import os
    import time

    store = DataStore(tmp_path / "var")
    store.ensure_root()
    stale = store.root / "cache" / "datasets" / "bezirke--20260101T000000-abcdef"  # no version of that key
    stale.mkdir(parents=True)
    (stale / "boundaries.gpkg").write_bytes(b"\0" * 1000)
    old_tmp, new_tmp = (store.root / "cache" / "datasets" / f".x--{n}.abc.tmp" for n in ("alt", "neu"))
    old_tmp.mkdir()
    new_tmp.mkdir()  # another process may be writing this cache right now: kept
    hour_ago = time.time() - 3700
    os.utime(old_tmp, (hour_ago, hour_ago))
    tmp_registry = store.root / ".registry.yaml.x1y2.tmp.yaml"
    tmp_registry.write_text("halb")
    removed = startup_cleanup(store.root)
    assert sorted(removed) == sorted([stale, old_tmp, tmp_registry])
    assert not stale.exists() and not tmp_registry.exists() and new_tmp.exists()
    assert startup_cleanup(store.root) == []


def test_startup_never_raises(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("kein Ordner")
    assert startup_cleanup(blocked / "var") == []


def test_startup_logs_an_unusable_directory_or_database(tmp_path, caplog):
    import logging

    blocked = tmp_path / "file"
    blocked.write_text("kein Ordner")
    with caplog.at_level(logging.ERROR, logger="geo.uploads.datastore"):
        assert startup_cleanup(blocked / "var") == []
    from store.errors import DatabaseError

    assert any(r.exc_info and isinstance(r.exc_info[1], (OSError, DatabaseError)) for r in caplog.records)


def test_a_bug_in_the_clean_up_propagates(tmp_path, monkeypatch):
    import pytest

    def bug(self):
        raise TypeError("bug in cleanup")

    monkeypatch.setattr(DataStore, "cleanup", bug)
    with pytest.raises(TypeError, match="bug in cleanup"):
        startup_cleanup(tmp_path / "var")
