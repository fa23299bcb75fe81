"""Backup and restore of one installation: the database (saved datasets included) and any other files.

Contents of a backup file::

    manifest.json        format, time, backend, schema revisions, row counts per table
    database.sqlite      SQLite: a copy made with SQLite's online backup API (readers and writers go on)
    database.pgdump      PostgreSQL: ``pg_dump --format=custom`` (one consistent snapshot)
    data/...             further files of the data directory (e.g. dataset folders of an older release
                         not yet moved into the database), never its caches

Consistency while users work: saved datasets (registry rows and contents: :mod:`store.contents`)
are in the database, so its one snapshot holds every version complete or not at all. Caches
(``cache/``, ``ogc/``) are not saved: they are rebuilt. A backup of an older release (with
``data/datasets/...`` folders) restores too: the folders are moved into the database at the next
start (:mod:`geo.dataset_files`). Passwords never appear on a command line: ``pg_dump`` gets them by
environment (``PGPASSWORD``).

:func:`restore` refuses an installation that already holds datasets, audit entries or accounts other
than the local user (it is meant for an empty, freshly installed one).
"""

from __future__ import annotations

import datetime as dt
import glob
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock
from sqlalchemy import Connection, Engine, MetaData, create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SAWarning

from indicators.errors import msg
from indicators.wording.message import Listed
from store import config
from store.errors import StoreError

FORMAT = "sozialmonitor-backup/1"
MANIFEST = "manifest.json"
# tables a fresh installation fills itself (accounts are checked by name: only the local user may exist)
SEEDED = ("users", "plan_fields")
# PostGIS's own table: part of the extension (installed by the administrator), not of the tool's data
FOREIGN_TABLES = ("spatial_ref_sys",)
SKIP_TOP = {".lock", "ogc", "cache", config.DB_FILE, f"{config.DB_FILE}-wal", f"{config.DB_FILE}-shm"}


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds (from its manifest)."""

    path: Path
    backend: str
    datasets: int  # dataset versions (current, previous and trashed)
    counts: dict[str, int]
    size: int


def pg_tool(name: str) -> str:
    """Path of a PostgreSQL client program (``PG_BINDIR``, ``PATH``, else Debian's newest ``/usr/lib/postgresql``)."""
    if os.environ.get("PG_BINDIR"):
        return str(Path(os.environ["PG_BINDIR"]) / name)
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(Path(p).parts[4]))
    if not versions:
        raise StoreError(msg("err_backup_tool", name=name))
    return versions[-1]


def pg_env(url: str) -> dict[str, str]:
    """libpq environment (``PGHOST`` …, ``PGPASSWORD``) of a SQLAlchemy PostgreSQL URL: no secret in argv."""
    u = make_url(url)
    q = {k: (v[0] if isinstance(v, tuple) else v) for k, v in u.query.items()}
    env = {
        "PGHOST": q.get("host") or u.host or "",
        "PGPORT": str(q.get("port") or u.port or ""),
        "PGUSER": q.get("user") or u.username or "",
        "PGDATABASE": q.get("dbname") or u.database or "",
        "PGPASSWORD": u.password or "",
    }
    return {**os.environ, **{k: v for k, v in env.items() if v}}


def _reflect(bind: Engine | Connection) -> MetaData:
    """The tables of the database; PostGIS's ``geometry`` (unknown to plain SQLAlchemy) read as it comes."""
    meta = MetaData()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Did not recognize type 'geometry'", SAWarning)
        meta.reflect(bind)
    return meta


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per table of the tool (Alembic's own table excluded), sorted by table name."""
    with engine.connect() as conn:
        return _counts(conn)


def _counts(conn: Connection) -> dict[str, int]:
    meta = _reflect(conn)
    return {
        name: int(conn.scalar(select(func.count()).select_from(tbl)) or 0)
        for name, tbl in sorted(meta.tables.items())
        if name != "alembic_version" and name not in FOREIGN_TABLES
    }


def table_contents(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the tool, ordered by primary key (to compare two installations)."""
    meta = _reflect(engine)
    out = {}
    with engine.connect() as conn:
        for name, tbl in sorted(meta.tables.items()):
            if name == "alembic_version" or name in FOREIGN_TABLES:
                continue
            order = list(tbl.primary_key.columns) or list(tbl.columns)
            out[name] = [tuple(r) for r in conn.execute(select(tbl).order_by(*order))]
    return out


def _snapshot_db(engine: Engine, target: Path) -> tuple[str, dict[str, int]]:
    """Write a consistent snapshot of the database to ``target``; the backend and the snapshot's row counts."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        src = sqlite3.connect(url.database or "", timeout=30)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)  # the online backup API: a consistent copy while others read and write
        finally:
            dst.close()
            src.close()
        copy = create_engine(f"sqlite:///{target}")
        try:
            return "sqlite", table_counts(copy)
        finally:
            copy.dispose()
    full = url.render_as_string(hide_password=False)
    # the tool's tables only (with their sequences): not the PostGIS extension, which the service user
    # may neither drop nor create; triggers' functions come with the restored installation's migrations.
    # Counted and dumped in one exported snapshot, so the manifest's counts are the dump's.
    with engine.connect() as conn, conn.execution_options(isolation_level="REPEATABLE READ").begin():
        snapshot = conn.scalar(text("SELECT pg_export_snapshot()"))
        counts = _counts(conn)
        tables = [f"--table=public.{name}" for name in [*counts, "alembic_version"]]
        proc = subprocess.run(
            [
                pg_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-acl",
                *tables,
                f"--snapshot={snapshot}",
                "--file",
                str(target),
            ],
            env=pg_env(full),
            capture_output=True,
            text=True,
        )
    if proc.returncode != 0:
        raise StoreError(msg("err_backup_tool_failed", tool="pg_dump", detail=proc.stderr.strip()[-500:]))
    return "postgresql", counts


def backup(engine: Engine, data_root: Path, out: Path) -> BackupInfo:
    """Write a backup of the database behind ``engine`` and the further files in ``data_root`` to ``out``.

    Parameters
    ----------
    engine
        The installation's (upgraded) engine.
    data_root
        Its data directory.
    out
        The backup file to write (``.tar.gz``); written to a temporary name, then renamed.
    """
    from alembic.runtime.migration import MigrationContext

    data_root, out = Path(data_root), Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sm-backup-") as tmp:
        data_root.mkdir(parents=True, exist_ok=True)
        with FileLock(data_root / ".lock"):  # the clean-up waits (it deletes old caches and temp files)
            backend = engine.url.get_backend_name()
            db_file = Path(tmp) / ("database.sqlite" if backend == "sqlite" else "database.pgdump")
            backend, counts = _snapshot_db(engine, db_file)
            with engine.connect() as conn:
                revisions = sorted(MigrationContext.configure(conn).get_current_heads())
            manifest = {
                "format": FORMAT,
                "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "backend": backend,
                "revisions": revisions,
                "datasets": counts.get("datasets", 0),
                "counts": counts,
            }
            part = out.with_name(f".{out.name}.part")
            with tarfile.open(part, "w:gz") as tar:
                raw = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime = len(raw), int(dt.datetime.now().timestamp())
                tar.addfile(info, io.BytesIO(raw))
                tar.add(db_file, arcname=db_file.name)
                for extra in sorted(data_root.iterdir()):  # further files of the data dir (not caches)
                    if extra.name not in SKIP_TOP and not extra.name.startswith("."):
                        tar.add(extra, arcname=f"data/{extra.name}")
            os.replace(part, out)
    return BackupInfo(out, backend, counts.get("datasets", 0), counts, out.stat().st_size)


def _datasets_in(manifest: dict[str, Any]) -> int:
    """Dataset versions of a backup (one of an older release lists its dataset folders instead)."""
    return int(manifest.get("datasets", len(manifest.get("folders", []))))


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of a backup file; :class:`StoreError` if it is none."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            member = tar.extractfile(MANIFEST)
            manifest = json.loads(member.read()) if member else {}
    except (OSError, tarfile.TarError, KeyError, json.JSONDecodeError) as exc:
        raise StoreError(msg("err_backup_not_ours", path=path, kind=exc.__class__.__name__)) from None
    if manifest.get("format") != FORMAT:
        raise StoreError(msg("err_backup_format", path=path, format=repr(manifest.get("format"))))
    return manifest


def _check_empty(engine: Engine, data_root: Path) -> None:
    counts = table_counts(engine)
    users: list[str] = []
    if counts.get("users"):
        with engine.connect() as conn:
            users = list(conn.execute(text("SELECT name FROM users")).scalars())
    busy = {k: v for k, v in counts.items() if v and k not in SEEDED}
    if busy or any(u != config.LOCAL_USER for u in users):
        raise StoreError(
            msg(
                "err_backup_not_empty",
                busy=Listed(
                    (
                        *(f"{k}: {v}" for k, v in busy.items()),
                        *([msg("err_backup_users", names=users)] if users else []),
                    )
                ),
            )
        )
    if (data_root / "datasets").exists() and any((data_root / "datasets").iterdir()):
        raise StoreError(msg("err_backup_folder_busy", folder=data_root / "datasets"))


def _safe_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    out = []
    for m in tar.getmembers():
        if not m.name.startswith("data/") or m.issym() or m.islnk() or ".." in Path(m.name).parts:
            continue
        out.append(m)
    return out


def restore(engine: Engine, data_root: Path, path: Path) -> BackupInfo:
    """Restore the backup ``path`` into the empty installation of ``engine`` and ``data_root``.

    The engine is disposed (SQLite: its file is replaced); the caller creates a new one, which
    upgrades the restored database to the current schema.
    """
    manifest = read_manifest(path)
    data_root = Path(data_root)
    backend = engine.url.get_backend_name()
    if backend != manifest["backend"]:
        raise StoreError(msg("err_backup_backend", source=manifest["backend"], target=backend))
    _check_empty(engine, data_root)
    with tempfile.TemporaryDirectory(prefix="sm-restore-") as tmp, tarfile.open(path, "r:gz") as tar:
        db_name = "database.sqlite" if backend == "sqlite" else "database.pgdump"
        tar.extract(db_name, tmp, filter="data")
        engine.dispose()
        if backend == "sqlite":
            target = Path(engine.url.database or "")
            for suffix in ("-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(Path(tmp) / db_name, target)
        else:
            full = engine.url.render_as_string(hide_password=False)
            proc = subprocess.run(
                [
                    pg_tool("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-acl",
                    "--single-transaction",
                    "--exit-on-error",
                    "-d",
                    pg_env(full)["PGDATABASE"],
                    str(Path(tmp) / db_name),
                ],
                env=pg_env(full),
                capture_output=True,
                text=True,
            )
            if proc.returncode != 0:
                raise StoreError(msg("err_backup_tool_failed", tool="pg_restore", detail=proc.stderr.strip()[-500:]))
        data_root.mkdir(parents=True, exist_ok=True)
        unpack = Path(tmp) / "unpack"
        tar.extractall(unpack, members=_safe_members(tar), filter="data")
        if (unpack / "data").exists():
            for item in (unpack / "data").iterdir():
                dest = data_root / item.name
                if item.is_dir():
                    shutil.copytree(item, dest, dirs_exist_ok=True)
                else:
                    shutil.copy2(item, dest)
    return BackupInfo(Path(path), backend, _datasets_in(manifest), manifest["counts"], Path(path).stat().st_size)
