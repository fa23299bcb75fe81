"""Every database failure is a German message (DatabaseError), never a traceback: unknown scheme, missing
driver, malformed URL, a locked or read-only database; in the library and in the CLI (exit 1)."""

from __future__ import annotations

import io
import sqlite3
import sys

import pytest

import cli
from store import db, users
from store.errors import DatabaseError

BAD_URLS = {
    "nonsense://x": "keine gültige Datenbankadresse",
    "kein-url": "keine gültige Datenbankadresse",
    "postgresql+pg8000://a@localhost/x": "Datenbanktreiber 'pg8000' nicht installiert",
    "mysql://a@localhost/x": "nicht installiert",
}


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_url_that_cannot_work_is_a_german_message(url):
    with pytest.raises(DatabaseError, match=BAD_URLS[url]):
        db.make_engine(url)


@pytest.mark.parametrize("url", BAD_URLS)
def test_the_cli_says_so_and_exits_1(url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SOZIALMONITOR_DB_URL", url)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert cli.main(["users", "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fehler:") and BAD_URLS[url] in err and "Traceback" not in err


@pytest.fixture
def sqlite_file(sqlite_template, tmp_path):
    import shutil

    target = tmp_path / "sozialmonitor.db"
    shutil.copy(sqlite_template, target)
    return target


def test_a_locked_database_at_login_is_a_message(sqlite_file, monkeypatch):
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.2)
    eng = db.make_engine(f"sqlite:///{sqlite_file}")
    users.add_user(eng, users.system_user(), "anna", "viewer", "richtig-123")
    holder = sqlite3.connect(sqlite_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing (e.g. a long import)
    try:
        with pytest.raises(DatabaseError, match="gerade von einem anderen Vorgang gesperrt"):
            users.authenticate(eng, "anna", "richtig-123")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        eng.dispose()


def test_a_read_only_database_at_login_is_a_message(sqlite_file, tmp_path, monkeypatch):
    users.add_user(db.make_engine(f"sqlite:///{sqlite_file}"), users.system_user(), "anna", "viewer", "richtig-123")
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    eng = db.make_engine(f"sqlite:///file:{sqlite_file}?mode=ro&uri=true")
    with pytest.raises(DatabaseError, match="schreibgeschützt|nicht erreichbar"):
        users.authenticate(eng, "anna", "richtig-123")
    eng.dispose()
    assert list(work.iterdir()) == []  # a URI database makes no folder "file:/…" where the process runs


def test_serve_with_an_unusable_database_ends_with_a_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "local")
    monkeypatch.setenv("SOZIALMONITOR_DB_URL", "nonsense://x")
    assert cli.main(["serve", "--port", "8799"]) == 1  # before Streamlit starts
    err = capsys.readouterr().err
    assert "keine gültige Datenbankadresse" in err and "Traceback" not in err
