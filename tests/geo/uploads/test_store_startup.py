"""Start-up of the data store: 0700 directory, what a killed server left is removed (SYNTHETIC files)."""
import stat

from geo.uploads.store import DataStore, startup_cleanup


def test_data_dir_is_created_for_the_service_user_only(tmp_path):
    root = tmp_path / "daten" / "var"
    DataStore(root).ensure_root()
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    DataStore(loose).ensure_root()
    assert stat.S_IMODE(loose.stat().st_mode) == 0o700


def test_startup_removes_half_written_folders_and_temp_files(tmp_path):
    store = DataStore(tmp_path / "var")
    store.ensure_root()
    half = store.root / "datasets" / "bezirke--20260101T000000-abcdef"
    half.mkdir(parents=True)
    (half / "boundaries.gpkg").write_bytes(b"\0" * 1000)
    tmp_registry = store.root / ".registry.yaml.x1y2.tmp.yaml"
    tmp_registry.write_text("halb")
    removed = startup_cleanup(store.root)
    assert half in removed and tmp_registry in removed
    assert not half.exists() and not tmp_registry.exists()
    assert startup_cleanup(store.root) == []


def test_startup_never_raises(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("kein Ordner")
    assert startup_cleanup(blocked / "var") == []



def test_startup_logs_an_unusable_directory_or_database(tmp_path, caplog):
    import logging

    blocked = tmp_path / "file"
    blocked.write_text("kein Ordner")
    with caplog.at_level(logging.ERROR, logger="geo.uploads.store"):
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
