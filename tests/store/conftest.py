"""Store fixtures: every ``engine`` test runs on SQLite and on a real PostgreSQL started here.

PostgreSQL is Debian's (``/usr/lib/postgresql/*/bin``, or ``$PG_BINDIR``), started once per
session in a temporary folder on a free port with a Unix socket there. PostgreSQL refuses to
run as root, so as root it runs as the ``postgres`` system user (``runuser``). Each test gets
a fresh database. Missing binaries skip locally and fail under ``CI=true``.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from testkit import require

from store import db

_counter = itertools.count()


def _bindir() -> Path | None:
    if os.environ.get("PG_BINDIR"):
        return Path(os.environ["PG_BINDIR"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL prefix ``postgresql+psycopg://postgres@/`` of a running server (database name appended by tests)."""
    import port_for

    bindir = _bindir()
    require(
        bindir is not None and (bindir / "initdb").exists(),
        "PostgreSQL server binaries not found (Debian package postgresql)",
    )
    if os.geteuid() == 0:
        require(shutil.which("runuser") is not None, "runuser not found (needed to start PostgreSQL as root)")
    base = Path(tempfile.mkdtemp(prefix="sm-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    port = port_for.select_random()
    subprocess.run(
        _as_server_user(
            [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"]
        ),
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -k {sock} -c listen_addresses='' -c fsync=off"
    subprocess.run(
        _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-w", "-l", str(base / "log"), "start"]),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@/?host={sock}&port={port}&dbname="
    finally:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]), capture_output=True
        )
        shutil.rmtree(base, ignore_errors=True)


def _pg_admin(prefix: str, sql: str) -> None:
    import psycopg

    params = dict(p.split("=", 1) for p in prefix.split("?", 1)[1].split("&") if p and not p.endswith("="))
    with psycopg.connect(
        host=params["host"], port=int(params["port"]), user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(sql)


def new_pg_database(prefix: str, template: str | None = None) -> str:
    """Create a fresh database on the session server (a copy of ``template`` if given); return its URL."""
    name = f"sm_{os.getpid()}_{next(_counter)}"
    _pg_admin(prefix, f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return prefix + name


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """URL of an empty database: a SQLite file, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'sozialmonitor.db'}"
    return new_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A SQLite file migrated once; tests get copies (migrating costs a second per test)."""
    path = tmp_path_factory.mktemp("template") / "sozialmonitor.db"
    eng = db.make_engine(f"sqlite:///{path}")
    db.upgrade(eng)
    eng.dispose()  # the last connection closing checkpoints the WAL into the file
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture(scope="session")
def pg_template(pg_server) -> str:
    """Name of a migrated PostgreSQL database used as the template of each test's database."""
    url = new_pg_database(pg_server)
    eng = db.make_engine(url)
    db.upgrade(eng)
    eng.dispose()
    return url.rsplit("=", 1)[1]


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    """An upgraded engine on a database of its own (both backends)."""
    if request.param == "sqlite":
        target = tmp_path / "sozialmonitor.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), target)
        url = f"sqlite:///{target}"
    else:
        url = new_pg_database(request.getfixturevalue("pg_server"), request.getfixturevalue("pg_template"))
    eng = db.make_engine(url)
    db.upgrade(eng)  # a no-op on the migrated copy, as at every start
    yield eng
    eng.dispose()


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch):
    """Cheap argon2 parameters in tests (the real ones cost ~50 ms per hash, on purpose)."""
    from argon2 import PasswordHasher

    from store import users

    monkeypatch.setattr(users, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setattr(users, "CLIENTS", users.ClientThrottle())
