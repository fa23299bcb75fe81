"""Backup → fresh installation → restore gives the same installation (both backends; synthetic content).

Users, datasets (registry rows and their contents in the database), the planning register and the audit log
made here are synthetic.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import store.planning  # noqa: F401  (registers the planning migrations)
from store import audit, backup, datasets, db, users
from store.contents import Area, Contents
from store.datasets import DatasetVersion
from store.errors import StoreError
from store.permissions import User
from store.planning import repository as repo

ADMIN = User("system:test", "admin")
MEASURE = {
    "title": "Synthetisch: Quartiersbüro",
    "description": "Synthetisches Beispiel",
    "field": "Wohnen",
    "geography": "stadtteile",
    "areas": "01, 02",
    "start": "2019-03-01",
    "end": 2022,
    "status": "laufend",
    "budget_planned": "12.500,50",
    "indicators": "share_65plus",
}


def _fresh(engine, tmp: Path, tag: str):
    """A fresh installation of the same backend: an empty, upgraded database and an empty data dir."""
    if engine.url.get_backend_name() == "sqlite":
        new_url = f"sqlite:///{tmp / tag / 'sozialmonitor.db'}"
    else:  # a new database on the same server
        name = f"{engine.url.query['dbname']}_{tag}"
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        new_url = engine.url.update_query_dict({"dbname": name}).render_as_string(hide_password=False)
    eng = db.make_engine(new_url)
    db.upgrade(eng)
    users.local_user(eng)  # what the first start in auth mode none creates
    return eng, tmp / tag / "data"


def _contents(i: int) -> Contents:
    """Synthetic contents: one square area, two values."""
    from shapely import to_wkb
    from shapely.geometry import MultiPolygon, box

    square = MultiPolygon([box(610000 + i, 5970000, 611000 + i, 5971000)])
    return Contents(
        areas=(Area(code="01", name=f"Synthetisch {i}", wkb=to_wkb(square)),),
        values=(("01", 2022, "n", float(i)), ("01", 2023, "n", None)),
        catalogue="indicators: []\n",
        meta={"synthetic": True},
    )


def _populate(engine, root: Path, n: int = 3) -> None:
    users.add_user(engine, ADMIN, "anna", "planner", "Synthetisch-Passwort-1")
    users.add_user(engine, ADMIN, "vera", "viewer", "Synthetisch-Passwort-2")
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        datasets.register(
            engine,
            ADMIN,
            DatasetVersion(
                name=f"set{i}",
                label_de=f"Synthetisch {i}",
                visibility="öffentlich" if i % 2 else "intern",
                contents=_contents(i),
            ),
        )
    datasets.set_visibility(engine, ADMIN, "set0", "öffentlich")
    datasets.remove(engine, ADMIN, f"set{n - 1}")
    m = repo.create(engine, ADMIN, "measure", MEASURE)
    repo.save(engine, ADMIN, "measure", m["id"], {**MEASURE, "status": "abgeschlossen"}, version=m["version"])
    for cache in ("ogc", "cache"):
        (root / cache).mkdir()
        (root / cache / "cache.geojson").write_text("{}")  # a cache: not saved
    (root / "datasets" / "alt--v1").mkdir(parents=True)  # a folder of an older release: saved as it is
    (root / "datasets" / "alt--v1" / "table.csv").write_text("synthetic")


def _files(root: Path) -> dict[str, bytes]:
    base = root / "datasets"
    return (
        {str(p.relative_to(root)): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()}
        if base.exists()
        else {}
    )


def test_backup_fresh_install_restore_gives_identical_installation(engine, tmp_path):
    root = tmp_path / "data"
    _populate(engine, root)
    before, files = backup.table_contents(engine), _files(root)
    assert before["users"] and before["datasets"] and before["audit_log"] and before["plan_measures"]
    assert len(before["dataset_areas"]) == 3 and len(before["dataset_values"]) == 6
    info = backup.backup(engine, root, tmp_path / "sicherung.tar.gz")
    assert info.datasets == 3 and info.counts["dataset_documents"] == 3
    fresh, fresh_root = _fresh(engine, tmp_path, "neu")
    backup.restore(fresh, fresh_root, info.path)
    restored = db.make_engine(fresh.url.render_as_string(hide_password=False))
    db.upgrade(restored)
    assert backup.table_contents(restored) == before
    if hasattr(audit, "verify"):  # the hash chain of the audit log (branch trust-sessions) verifies after a restore
        assert audit.verify(restored, ADMIN).first_broken is None
    assert _files(fresh_root) == files
    assert not (fresh_root / "ogc").exists() and not (fresh_root / "cache").exists()
    restored.dispose()


def test_restore_refuses_an_installation_in_use(engine, tmp_path):
    root = tmp_path / "data"
    _populate(engine, root, n=2)
    shutil.rmtree(root / "datasets")  # refused for the database alone
    info = backup.backup(engine, root, tmp_path / "b.tar.gz")
    with pytest.raises(StoreError, match="nicht leer"):
        backup.restore(engine, root, info.path)
    assert len(backup.table_contents(engine)["datasets"]) == 2  # untouched


def test_restore_refuses_what_is_no_backup(engine, tmp_path):
    bad = tmp_path / "x.tar.gz"
    bad.write_bytes(b"not a tar")
    with pytest.raises(StoreError, match="keine Sicherung"):
        backup.restore(engine, tmp_path / "data", bad)


def test_backup_while_a_user_saves_is_consistent(engine, tmp_path):
    """A writer that saves as the data store does (row and contents in one transaction, no file lock)
    while the backup runs: every dataset row in the backup has its contents, and the manifest's counts
    are the snapshot's."""
    root = tmp_path / "data"
    root.mkdir()
    stop = threading.Event()

    def writer():
        i = 0
        while not stop.is_set() and i < 200:
            datasets.register(
                engine, ADMIN, DatasetVersion(name=f"w{i}", label_de=f"Synthetisch {i}", contents=_contents(i))
            )
            i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        infos = [backup.backup(engine, root, tmp_path / f"b{k}.tar.gz") for k in range(3)]
    finally:
        stop.set()
        thread.join()
    for k, info in enumerate(infos):
        fresh, fresh_root = _fresh(engine, tmp_path, f"neu{k}")
        backup.restore(fresh, fresh_root, info.path)
        restored = db.make_engine(fresh.url.render_as_string(hide_password=False))
        counts = backup.table_counts(restored)
        assert counts["datasets"] == info.counts["datasets"] == info.datasets
        assert counts["dataset_documents"] == counts["datasets"] and counts["dataset_areas"] == counts["datasets"]
        assert counts["dataset_values"] == 2 * counts["datasets"]
        restored.dispose()


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(password=st.text(alphabet="abcdefghijkXYZ0123456789@:/%!", min_size=6, max_size=20))
def test_pg_environment_carries_the_password_and_argv_never(password):
    """Any password (also with @ : / %) reaches libpq by PGPASSWORD, decoded, and stays out of argv."""
    from urllib.parse import quote

    env = backup.pg_env(f"postgresql+psycopg://sm:{quote(password, safe='')}@db.example:5433/sozialmonitor")
    assert env["PGPASSWORD"] == password and env["PGHOST"] == "db.example" and env["PGPORT"] == "5433"
    assert env["PGDATABASE"] == "sozialmonitor" and env["PGUSER"] == "sm"


def test_backup_skips_caches_and_keeps_unknown_files(engine, tmp_path):
    root = tmp_path / "data"
    _populate(engine, root, n=1)
    (root / "notiz.txt").write_text("synthetic")
    info = backup.backup(engine, root, tmp_path / "b.tar.gz")
    fresh, fresh_root = _fresh(engine, tmp_path, "neu")
    backup.restore(fresh, fresh_root, info.path)
    assert (fresh_root / "notiz.txt").read_text() == "synthetic"
    assert not (fresh_root / "ogc").exists()
    shutil.rmtree(fresh_root)
