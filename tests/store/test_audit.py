"""The audit log is hash-chained: verify names the first entry changed, removed or inserted behind the
triggers' back; migration 0003 chains entries written before; concurrent writers keep one chain."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import text

from indicators.wording.voice import GERMAN, Voice
from store import audit, db, users
from store.db import session
from store.permissions import User

ADMIN = users.system_user()


def _write(engine, n: int) -> None:
    for i in range(n):
        with session(engine) as s:
            audit.record(s, User(f"u{i}", "admin"), "upload", f"obj{i}", {"i": i, "label": "Ä ß € 1.5"})
    with session(engine) as s:  # several in one transaction, and in bulk
        audit.record(s, "paula", "plan_create", "a")
        audit.record_many(s, "paula", [("plan_update", "b", {"n": 1}), ("plan_update", "c", {"n": 2.25})])


def _without_triggers(engine) -> None:
    """What anyone with the database file can do."""
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))


def _ids(engine) -> list[int]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT id FROM audit_log ORDER BY id"))]


def test_an_untouched_log_verifies(engine):
    _write(engine, 4)
    assert audit.verify(engine, ADMIN) == audit.Verified(7)


@pytest.mark.parametrize("tamper", ["change", "delete", "insert"])
def test_the_first_broken_entry_is_named(engine, tamper):
    _write(engine, 5)
    ids = _ids(engine)
    _without_triggers(engine)
    with engine.begin() as conn:
        if tamper == "change":
            conn.execute(text("UPDATE audit_log SET user_name = 'jemand' WHERE id = :i"), {"i": ids[2]})
        elif tamper == "delete":
            conn.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": ids[2]})
        else:  # copies an entry's hashes onto a forged one at the end
            conn.execute(
                text(
                    "INSERT INTO audit_log (time, user_name, action, object, details, prev_hash, "
                    "entry_hash) SELECT time, 'x', 'publish', 'y', details, prev_hash, entry_hash "
                    "FROM audit_log WHERE id = :i"
                ),
                {"i": ids[-1]},
            )
    result = audit.verify(engine, ADMIN)
    expected = {"change": ids[2], "delete": ids[3], "insert": max(_ids(engine))}[tamper]
    assert result.first_broken == expected and result.why
    english, german = Voice.of("en").text(result.why), GERMAN.text(result.why)  # the admin reads it in either
    if tamper == "change":
        assert (english, german) == ("content changed", "Inhalt geändert")
    else:
        assert english.startswith("link to the previous entry does not match") and "Vorgänger" not in english
        assert german.startswith("Verweis auf den Vorgänger stimmt nicht")


def test_concurrent_writers_keep_one_chain(engine):
    import threading

    def writer(k):
        for i in range(10):
            with session(engine) as s:
                audit.record(s, f"w{k}", "upload", f"{k}-{i}")

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert audit.verify(engine, ADMIN) == audit.Verified(30)


def test_migration_chains_the_entries_written_before(db_url):
    eng = db.make_engine(db_url)
    with eng.begin() as conn:
        command.upgrade(db._alembic_config(conn), "0002_auth_sessions")
    t0 = dt.datetime(2026, 1, 5, 9, 30, 1, 123456, tzinfo=dt.UTC)
    with eng.begin() as conn:
        for i in range(3):
            conn.execute(
                text(
                    "INSERT INTO audit_log (time, user_name, action, object, details) "
                    "VALUES (:t, 'alt', 'upload', :o, :d)"
                ),
                {"t": t0 + dt.timedelta(minutes=i), "o": f"alt{i}", "d": f'{{"v": {i}}}'},
            )
    db.upgrade(eng)
    with session(eng) as s:
        audit.record(s, "neu", "publish", "alt0")
    assert audit.verify(eng, ADMIN) == audit.Verified(4)
    with pytest.raises(Exception, match="nur fortschreibbar"), eng.begin() as conn:  # triggers are back
        conn.execute(text("UPDATE audit_log SET action = 'x'"))
    eng.dispose()


def test_cli_audit_verify_names_the_first_broken_entry(tmp_path, monkeypatch, capsys):
    import io
    import sys

    import cli

    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SOZIALMONITOR_DB_URL", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    eng = db.engine_for()
    _write(eng, 3)
    assert cli.main(["audit", "--verify"]) == 0
    assert "alle 6 Einträge" in capsys.readouterr().out
    ids = _ids(eng)
    _without_triggers(eng)
    with eng.begin() as conn:
        conn.execute(text("UPDATE audit_log SET details = '{}' WHERE id = :i"), {"i": ids[1]})
    assert cli.main(["audit", "--verify"]) == 1
    err = capsys.readouterr().err
    assert f"Eintrag {ids[1]} ist der erste" in err and "Inhalt geändert" in err and "Traceback" not in err
    monkeypatch.setenv("SOZIALMONITOR_LANG", "en")
    assert cli.main(["audit", "--verify"]) == 1
    err = capsys.readouterr().err
    assert "content changed" in err and "Inhalt" not in err


def test_a_name_with_a_line_break_cannot_fake_a_line_of_cli_audit(tmp_path, monkeypatch, capsys):
    import cli

    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SOZIALMONITOR_DB_URL", raising=False)
    eng = db.engine_for()
    with pytest.raises(Exception, match="falsch"):
        users.authenticate(eng, "x\n2026-01-01 00:00:00\tadmin\tpublish\tgeheim", "pw")
    assert cli.main(["audit"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and "login_failure" in lines[0]
