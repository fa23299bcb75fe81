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
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, InternalError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from indicators.errors import msg
from indicators.wording.message import Message
from store import config
from store.errors import DatabaseError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# the planning register's tables (store/planning) are part of every database, so always upgraded
_EXTRA_LOCATIONS: list[Path] = [Path(__file__).resolve().parent / "planning" / "migrations"]
_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()
# key of the PostgreSQL advisory lock held while migrating (two servers starting at once take turns)
MIGRATION_LOCK = 0x536D_4D31
BUSY_TIMEOUT_S = 30  # SQLite: how long a writer waits for another one before "database is locked"


def register_migrations(versions_dir: Path | str) -> None:
    """Add another package's Alembic ``versions`` directory to :func:`upgrade`."""
    path = Path(versions_dir).resolve()
    if path not in _EXTRA_LOCATIONS:
        _EXTRA_LOCATIONS.append(path)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # transactions begin in _sqlite_begin, not inside pysqlite
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("sm_read_only") else "BEGIN IMMEDIATE")


def _where(url: object) -> str | Message:
    try:
        return make_url(str(url)).render_as_string(hide_password=True)
    except ArgumentError:
        return msg("err_db_bad_address")


def failure_message(url: object, exc: BaseException) -> Message:
    """What is wrong with a database that cannot be used (locked, read-only, unreachable), as a wording key."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "locked" in text or "lock timeout" in text:
        why = msg("err_db_locked")
    elif "readonly" in text or "read-only" in text or "read only" in text:
        why = msg("err_db_readonly")
    elif "unable to open" in text or "connect" in text or "could not" in text or "timeout" in text:
        why = msg("err_db_unreachable", var=config.DB_URL_VAR)
    else:
        why = msg("err_db_failed", kind=exc.__class__.__name__)
    return msg("err_db_unusable", where=_where(url), why=why)


def make_engine(url: str) -> Engine:
    """A new engine for ``url``; SQLite: parent folder created, WAL and foreign keys on.

    Raises
    ------
    DatabaseError
        If the URL is malformed, names an unknown database kind or a driver that is not installed.
    """
    try:
        return _make_engine(url)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise DatabaseError(
            msg("err_db_bad_url", var=config.DB_URL_VAR, where=_where(url), kind=exc.__class__.__name__)
        ) from None
    except ImportError as exc:
        raise DatabaseError(
            msg("err_db_no_driver", var=config.DB_URL_VAR, where=_where(url), driver=exc.name or exc)
        ) from None
    except OSError as exc:  # the SQLite folder cannot be created
        raise DatabaseError(msg("err_db_folder", where=_where(url), detail=exc.strerror or exc)) from None


def _make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        # a URI database (``file:…?uri=true``, e.g. read-only) names an existing file: no folder to make
        if parsed.database and parsed.database != ":memory:" and parsed.query.get("uri") != "true":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_pragmas)
        # IMMEDIATE: a transaction takes the write lock at its start, so read-then-write
        # (next version number, failed-login count) waits for other writers instead of failing
        # (a read-only session, :func:`reading`, begins a plain deferred transaction: it never waits for writers)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(connection: Any) -> Any:
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
        with engine.begin() as conn:  # SQLite: BEGIN IMMEDIATE, so a second process waits here
            if conn.dialect.name == "postgresql":  # held until this transaction ends
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            command.upgrade(_alembic_config(conn), "heads")
    except SQLAlchemyError as exc:
        raise DatabaseError(
            msg(
                "err_db_migrate",
                where=engine.url.render_as_string(hide_password=True),
                kind=exc.__class__.__name__,
                detail=exc.orig if hasattr(exc, "orig") else exc,
            )
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


_THREAD = threading.local()  # per thread: the engine used last, open transactions, work waiting for their end


def current_engine() -> Engine | None:
    """The engine this thread used last (else the process's only shared engine); None if there is none."""
    engine = getattr(_THREAD, "engine", None)
    if engine is None and len(_ENGINES) == 1:
        engine = next(iter(_ENGINES.values()))
    return engine


def after_transactions(work: Callable[[], None]) -> None:
    """Run ``work`` once this thread has no transaction of :func:`session` open (now, if none is): e.g. an
    audit entry that must be written even when the open transaction is rolled back."""
    if getattr(_THREAD, "depth", 0):
        _THREAD.pending = [*getattr(_THREAD, "pending", []), work]
    else:
        work()


@contextlib.contextmanager
def _tracked(engine: Engine) -> Iterator[None]:
    _THREAD.engine, _THREAD.depth = engine, getattr(_THREAD, "depth", 0) + 1
    try:
        yield
    finally:
        _THREAD.depth -= 1
        if not _THREAD.depth:
            pending, _THREAD.pending = getattr(_THREAD, "pending", []), []
            for work in pending:
                work()


@contextlib.contextmanager
def session(engine: Engine) -> Iterator[Session]:
    """A session in one transaction: committed at the end, rolled back on error."""
    factory = sessionmaker(engine, expire_on_commit=False)
    try:
        with _tracked(engine), factory.begin() as s:
            yield s
    except (OperationalError, InternalError) as exc:  # locked, read-only, gone: a message, not a traceback
        raise DatabaseError(failure_message(engine.url, exc)) from None


@contextlib.contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    """A session that only reads: on SQLite no write lock is taken, so it never waits for a writer
    (WAL: readers see the last committed state). Rolled back at the end; failures as :func:`session`."""
    try:
        with _tracked(engine), engine.connect() as conn, Session(bind=conn.execution_options(sm_read_only=True)) as s:
            yield s
            s.rollback()
    except (OperationalError, InternalError) as exc:
        raise DatabaseError(failure_message(engine.url, exc)) from None
