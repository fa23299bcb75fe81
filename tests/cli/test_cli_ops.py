"""cli.py health, backup, restore, ogc and the JSON log lines (synthetic table values, SQLite)."""

from __future__ import annotations

import http.server
import io
import json
import logging
import sys
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cli
from commands.ops import JsonFormatter, redact


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path / "var"))
    for var in ("SOZIALMONITOR_DB_URL", "SOZIALMONITOR_AUTH", "SOZIALMONITOR_OGC_DIR", "SOZIALMONITOR_LOG_FORMAT"):
        monkeypatch.delenv(var, raising=False)
    from store import db

    db.dispose_all()
    yield tmp_path
    db.dispose_all()


def run(monkeypatch, capsys, *argv) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def table(tmp_path):
    from geo.geographies import get_geography, load_areas

    codes = load_areas(get_geography("stadtteile"))["code"]
    path = tmp_path / "sgb2.csv"
    path.write_text(
        "Stadtteil;Jahr;Merkmal;Wert\n" + "".join(f"{c};2024;sgb2_kinder;{100 + i}\n" for i, c in enumerate(codes)),
        encoding="utf-8",
    )
    return path


def test_health_not_ready_before_the_first_start_then_ready(env, monkeypatch, capsys):
    (env / "var").mkdir()
    code, out, _ = run(monkeypatch, capsys, "health")
    assert code == 1 and "schema nicht aktuell" in out  # an empty database: the app has not migrated it yet
    from store import db

    db.engine_for()  # what `cli.py serve` does before Streamlit starts
    code, out, _ = run(monkeypatch, capsys, "health")
    assert code == 0 and "Datenbank" in out and "Datenverzeichnis" in out


def test_health_fails_on_an_unreachable_database_and_url(env, monkeypatch, capsys):
    import port_for

    (env / "var").mkdir()
    port = port_for.select_random()
    monkeypatch.setenv("SOZIALMONITOR_DB_URL", f"postgresql+psycopg://sm:geheim-123@127.0.0.1:{port}/sm")
    code, out, err = run(monkeypatch, capsys, "health")
    assert code == 1 and "nicht erreichbar" in out and "geheim-123" not in out + err
    monkeypatch.delenv("SOZIALMONITOR_DB_URL")
    from store import db

    db.engine_for()
    code, out, _ = run(monkeypatch, capsys, "health", "--url", f"http://127.0.0.1:{port}/_stcore/health")
    assert code == 1 and f"127.0.0.1:{port}" in out


def test_health_url_that_answers(env, monkeypatch, capsys):
    class Ok(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Ok)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    from store import db

    db.engine_for()
    try:
        code, out, _ = run(monkeypatch, capsys, "health", "--url", f"http://127.0.0.1:{server.server_port}/")
    finally:
        server.shutdown()
    assert code == 0 and f"127.0.0.1:{server.server_port}" in out


def test_backup_restore_round_trip_through_the_cli(env, monkeypatch, capsys, table):
    code, _, err = run(
        monkeypatch,
        capsys,
        "data",
        "add",
        "sgb2",
        "--table",
        str(table),
        "--geography",
        "sgb2",
        "--label",
        "SGB II (synthetisch)",
        "--base",
        "stadtteile",
        "--source",
        "Synthetisch",
    )
    assert code == 0, err
    code, out, _ = run(monkeypatch, capsys, "backup", "--out", str(env / "b.tar.gz"))
    assert code == 0 and "1 Datensatz-Versionen" in out
    code, _, _ = run(monkeypatch, capsys, "data", "list", "--json")
    before = capsys.readouterr()
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(env / "neu"))  # a fresh installation
    code, out, err = run(monkeypatch, capsys, "restore", str(env / "b.tar.gz"))
    assert code == 0, err
    from store import audit

    chain = "Protokollkette geprüft" if hasattr(audit, "verify") else "ohne Hash-Kette"  # chain: trust-sessions
    assert "1 Datensatz-Versionen" in out and chain in out
    code, out, _ = run(monkeypatch, capsys, "data", "list")
    assert code == 0 and "sgb2\tSGB II (synthetisch)" in out
    code, out, err = run(monkeypatch, capsys, "restore", str(env / "b.tar.gz"))
    assert code == 1 and "nicht leer" in err
    del before


def test_ogc_config_command_writes_public_collections(env, monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "ogc", "config", "--out", str(env / "ogc"), "--url", "https://x/ogc")
    assert code == 0 and "stadtteile" in out
    text = (env / "ogc" / "pygeoapi-config.yml").read_text(encoding="utf-8")
    assert "url: https://x/ogc" in text and "Lübeck – 10 Stadtteile" in text


SECRET = st.text(alphabet="abcdefghXYZ0123456789!%&*+#", min_size=8, max_size=24).map(lambda s: "Qz" + s)


@settings(max_examples=60, deadline=None)
@given(secret=SECRET, where=st.sampled_from(["url", "password=", "Passwort: ", "token=", "PGPASSWORD="]))
def test_json_log_lines_never_carry_a_secret(secret, where):
    """A secret in a URL or a password/token pair, in the message or a field, never reaches the log line."""
    text = f"postgresql://sm:{secret}@db/sm" if where == "url" else f"{where}{secret}"
    record = logging.LogRecord("sozialmonitor.test", logging.INFO, __file__, 1, "verbinde %s", (text,), None)
    record.user, record.action, record.duration_ms, record.object = "anna", "login", 12.5, text
    line = JsonFormatter().format(record)
    assert "\n" not in line and secret not in line
    doc = json.loads(line)
    assert doc["user"] == "anna" and doc["action"] == "login" and doc["duration_ms"] == 12.5
    assert redact("nichts Geheimes hier") == "nichts Geheimes hier"


def test_a_dataset_change_is_logged_with_user_action_and_duration(env, monkeypatch, capsys, table, caplog):
    caplog.set_level(logging.INFO, logger="sozialmonitor.actions")
    code, _, err = run(
        monkeypatch,
        capsys,
        "data",
        "add",
        "sgb2",
        "--table",
        str(table),
        "--geography",
        "sgb2",
        "--label",
        "SGB II (synthetisch)",
        "--base",
        "stadtteile",
        "--source",
        "Synthetisch",
    )
    assert code == 0, err
    rec = [r for r in caplog.records if r.name == "sozialmonitor.actions"][-1]
    assert (rec.user, rec.action, rec.object, rec.status) == ("lokal", "upload", "sgb2", "ok")
    assert rec.duration_ms >= 0
    line = json.loads(JsonFormatter().format(rec))
    assert {"user", "action", "object", "duration_ms", "status", "time"} <= set(line)
