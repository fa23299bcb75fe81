"""Two processes writing at once lose nothing (SQLite WAL with BEGIN IMMEDIATE; PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys

from testkit import ROOT

from store import audit, datasets, users

WRITER = """
import sys
from store import datasets, db, users
from store.datasets import DatasetVersion
eng = db.make_engine(sys.argv[1])
db.upgrade(eng)
me = users.local_user(eng)
for i in range(int(sys.argv[3])):
    datasets.register(eng, me, DatasetVersion(name=f"{sys.argv[2]}_{i}", label_de=f"{sys.argv[2]} {i}"))
"""


def test_two_processes_writing_at_once_lose_nothing(engine):
    url = engine.url.render_as_string(hide_password=False)
    n = 25
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, url, who, str(n)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("eins", "zwei")
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    admin = users.system_user()
    names = {d.name for d in datasets.visible(engine, admin)}
    assert names == {f"{w}_{i}" for w in ("eins", "zwei") for i in range(n)}
    assert len(audit.entries(engine, admin, action="upload")) == 2 * n
    assert audit.verify(engine, admin).first_broken is None  # one hash chain, whoever wrote
    assert len([a for a in users.list_users(engine, admin) if a.name == "lokal"]) == 1


UPGRADER = """
import sys
from store import db, users
eng = db.make_engine(sys.argv[1])
db.upgrade(eng)
print(users.local_user(eng).id)
"""


def test_two_processes_starting_at_once_on_a_fresh_database_both_come_up(db_url):
    """Migrations run under a lock (PostgreSQL advisory lock, SQLite BEGIN IMMEDIATE); the local user is
    created once."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", UPGRADER, db_url],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], results
    assert len({out.strip() for out, _ in results}) == 1  # the same local user for all three


def test_local_user_reads_the_row_another_process_inserted_meanwhile(engine, monkeypatch):
    """The race of get-or-create, made deterministic: our read misses the row another process inserts
    before our insert; the unique name refuses ours and we read theirs."""
    theirs = users.local_user(engine)
    real, calls = users._by_name, []

    def late_read(s, name):
        calls.append(name)
        return None if len(calls) == 1 else real(s, name)

    monkeypatch.setattr(users, "_by_name", late_read)
    assert users.local_user(engine) == theirs
    assert len(calls) == 2
