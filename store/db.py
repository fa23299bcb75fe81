"""Engine, sessions and schema upgrades (Alembic, run programmatically).

SQLite (the embedded default) runs in WAL mode with foreign keys on and a busy
timeout, so several processes may write at once. :func:`upgrade` brings any
database to the newest schema of every registered migration directory: the
store's own (``store/migrations/versions``) and those another package adds by
:func:`register_migrations` (its first revision has ``depends_on`` the store's
``0001_initial`` and a ``branch_labels`` of its own; we upgrade to ``heads``).
"""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from store import config
from store.errors import DatabaseError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# the planning register's tables (store/planning) are part of every database, so always upgraded
_EXTRA_LOCATIONS: list[Path] = [Path(__file__).resolve().parent / "planning" / "migrations"]
_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()


def register_migrations(versions_dir: Path | str) -> None:
    """Add another package's Alembic ``versions`` directory to :func:`upgrade`."""
    path = Path(versions_dir).resolve()
    if path not in _EXTRA_LOCATIONS:
        _EXTRA_LOCATIONS.append(path)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # transactions begin in _sqlite_begin, not inside pysqlite
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


READ_ONLY = "sozialmonitor_read_only"  # execution option of :func:`read_session`'s connection


def _sqlite_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """A new engine for ``url``; SQLite: parent folder created, WAL and foreign keys on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        # IMMEDIATE: a transaction takes the write lock at its start, so read-then-write
        # (next version number, failed-login count) waits for other writers instead of failing;
        # a read-only session (:func:`read_session`) begins DEFERRED and takes no write lock
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    locations = [MIGRATIONS / "versions", *_EXTRA_LOCATIONS]
    cfg.set_main_option("version_locations", " ".join(str(p) for p in locations))
    cfg.set_main_option("path_separator", "space")
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema (all registered migration heads).

    Raises
    ------
    DatabaseError
        If the database cannot be reached or a migration fails.
    """
    from alembic import command

    try:
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "heads")
    except SQLAlchemyError as exc:
        raise DatabaseError(f"Datenbank {engine.url.render_as_string(hide_password=True)} kann nicht "
                            f"aktualisiert werden: {exc.__class__.__name__}: {exc.orig if hasattr(exc, 'orig') else exc}"
                            ) from None


def current_revisions(engine: Engine) -> set[str]:
    """The Alembic revisions the database is at (empty for a new database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def engine_for(url: str | None = None, root: Path | None = None) -> Engine:
    """The shared, upgraded engine of ``url`` (default: :func:`store.config.db_url`), one per process."""
    url = url or config.db_url(root)
    with _LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            engine = make_engine(url)
            upgrade(engine)
            _ENGINES[url] = engine
    return engine


def dispose_all() -> None:
    """Close every cached engine (tests, before a fork)."""
    with _LOCK:
        for engine in _ENGINES.values():
            engine.dispose()
        _ENGINES.clear()


@contextlib.contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A session that only reads: SQLite begins it DEFERRED (no write lock; WAL readers never wait
    for writers), and it is rolled back at the end, so long checks never lock anyone out."""
    with engine.connect() as conn:
        conn.execution_options(**{READ_ONLY: True})
        with Session(bind=conn, expire_on_commit=False) as s:
            try:
                yield s
            finally:
                s.rollback()


@contextlib.contextmanager
def session(engine: Engine) -> Iterator[Session]:
    """A session in one transaction: committed at the end, rolled back on error."""
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory.begin() as s:
        yield s
