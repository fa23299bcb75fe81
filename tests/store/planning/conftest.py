"""Planning store fixtures: every ``plan_engine`` test runs on SQLite and on a real PostgreSQL.

Same approach as the access branch's ``tests/store/conftest.py`` (Debian's PostgreSQL started
once per session in a temporary folder, as the ``postgres`` user when run as root; a fresh
database per test). Missing binaries skip locally and fail under ``CI=true``. When both
conftests are merged, these fixtures can use that ``pg_server``.
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
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@pytest.fixture(scope="session")
def plan_pg_server() -> Iterator[str]:
    """URL prefix of a running PostgreSQL (database name appended by :func:`_new_database`)."""
    import port_for

    bindir = _bindir()
    require(bindir is not None and (bindir / "initdb").exists(),
            "PostgreSQL server binaries not found (Debian package postgresql)")
    base = Path(tempfile.mkdtemp(prefix="sm-plan-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    port = port_for.select_random()
    subprocess.run(_as_server_user([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                                    "-E", "UTF8", "--locale=C"]), check=True, capture_output=True)
    opts = f"-p {port} -k {sock} -c listen_addresses='' -c fsync=off"
    subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-w", "-l",
                                    str(base / "log"), "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@/?host={sock}&port={port}&dbname="
    finally:
        subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _new_database(prefix: str) -> str:
    import psycopg

    name = f"smplan_{os.getpid()}_{next(_counter)}"
    params = dict(p.split("=", 1) for p in prefix.split("?", 1)[1].split("&") if p and not p.endswith("="))
    with psycopg.connect(host=params["host"], port=int(params["port"]), user="postgres", dbname="postgres",
                         autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return prefix + name


@pytest.fixture(params=["sqlite", "postgresql"])
def plan_db_url(request, tmp_path) -> str:
    """URL of an empty database: a SQLite file, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'sozialmonitor.db'}"
    return _new_database(request.getfixturevalue("plan_pg_server"))


@pytest.fixture
def plan_engine(plan_db_url: str):
    """An upgraded engine (store and planning migrations) on an empty database."""
    eng = db.make_engine(plan_db_url)
    db.upgrade(eng)
    yield eng
    eng.dispose()
