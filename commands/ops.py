"""Operating a server: ``cli.py ogc``, ``health``, ``backup``, ``restore``, and logs as JSON lines.

``health`` is the readiness check for systemd (``ExecStartPost=… health --url … --wait 60``) and for
monitoring: the database answers and has the newest schema, the data directory is writable, and, with
``--url``, an HTTP address answers 200 (an app process's ``/_stcore/health``, pygeoapi's
``/conformance``). nginx itself checks nothing (open-source nginx has no active health checks):
``/healthz`` is routed to one app's ``/_stcore/health``; see ``deploy/README.md``.

With ``SOZIALMONITOR_LOG_FORMAT=json`` every log record is one JSON object per line (time, level,
logger, message and the fields ``user``, ``action``, ``object``, ``duration_ms``, ``status`` when
given); passwords in URLs and ``password=…``/``token=…`` pairs are masked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import re
import time
import urllib.request
from pathlib import Path

from commands.registry import arg, command, say
from indicators.errors import msg
from store.errors import StoreError

LOG_FORMAT_VAR = "SOZIALMONITOR_LOG_FORMAT"
FIELDS = ("user", "action", "object", "duration_ms", "status")
_SECRETS = [
    (re.compile(r"(://[^/\s:@]*:)[^@\s]*@"), r"\1***@"),  # scheme://user:password@host
    (
        re.compile(
            r"(?i)\b(password|passwort|pass|pwd|secret|token|cookie|pgpassword|client_secret)"
            r"(\s*[=:]\s*)('[^']*'|\"[^\"]*\"|[^\s,;&]+)"
        ),
        r"\1\2***",
    ),
]


def redact(text: str) -> str:
    """``text`` with passwords in URLs and ``password=…``-like pairs replaced by ``***``."""
    for pattern, repl in _SECRETS:
        text = pattern.sub(repl, text)
    return text


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ``time``, ``level``, ``logger``, ``message`` and the action fields."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        for key in FIELDS:
            if getattr(record, key, None) is not None:
                value = getattr(record, key)
                out[key] = value if isinstance(value, (int, float)) else redact(str(value))
        if record.exc_info:
            out["error"] = redact(self.formatException(record.exc_info))
        return json.dumps(out, ensure_ascii=False)


def configure_logging() -> None:
    """Log JSON lines to stderr when ``SOZIALMONITOR_LOG_FORMAT=json`` (systemd's journal keeps them)."""
    if os.environ.get(LOG_FORMAT_VAR, "").strip().lower() != "json":
        return
    root = logging.getLogger()
    if any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root.handlers = [handler]
    root.setLevel(logging.WARNING)  # libraries: warnings and errors only (alembic talks a lot on INFO)
    logging.getLogger("sozialmonitor").setLevel(logging.INFO)  # our actions (sozialmonitor.actions)


# ------------------------------------------------------------------ ogc
@command(
    "ogc",
    "cli_h_ogc",
    arg("action", choices=["config"], help="cli_a_ogc_action"),
    arg("--out", metavar="DIR", help="cli_a_ogc_out"),
    arg("--url", help="cli_a_ogc_url"),
    arg("--force", action="store_true", help="cli_a_force"),
)
def _ogc(args: argparse.Namespace) -> int:
    from geo import ogc

    out = Path(args.out) if args.out else ogc.ogc_dir()
    files = ogc.write_ogc(out_dir=out, url=args.url, force=args.force)
    print(say("cli_m_ogc_written", n=len(files), path=out / ogc.CONFIG_NAME, ids=", ".join(files)))
    return 0


# ------------------------------------------------------------------ health
def readiness(url: str | None = None) -> list[str]:
    """The checks passed, in order; :class:`StoreError` naming the first that failed."""
    from alembic.script import ScriptDirectory
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from store import config, db

    done = []
    engine = db.make_engine(config.db_url())  # not engine_for: a check must not migrate
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        done.append(say("cli_m_health_db"))
        script = ScriptDirectory.from_config(db._alembic_config(None))
        current = tuple(db.current_revisions(engine))
        applied = {r.revision for r in script.iterate_revisions(current, "base")} if current else set()
        if not set(script.get_heads()) <= applied:
            raise StoreError(say("cli_e_health_schema"))
        done.append(say("cli_m_health_schema"))
    except SQLAlchemyError as exc:
        raise StoreError(say("cli_e_health_db", error=exc.__class__.__name__)) from None
    finally:
        engine.dispose()
    root = config.data_dir()
    if not (root.is_dir() and os.access(root, os.W_OK)):
        raise StoreError(say("cli_e_health_dir", path=root))
    done.append(say("cli_m_health_dir"))
    if url:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:  # an address the admin gives
                if resp.status != 200:
                    raise StoreError(msg("err_http_status", url=url, status=resp.status))
        except OSError as exc:
            raise StoreError(msg("err_url_failed", url=url, detail=exc)) from None
        done.append(url)
    return done


@command(
    "health",
    "cli_h_health",
    arg("--url", help="cli_a_health_url"),
    arg("--wait", type=float, default=0, metavar="SEK", help="cli_a_wait"),
)
def _health(args: argparse.Namespace) -> int:
    end = time.monotonic() + max(0.0, args.wait)
    while True:
        try:
            done = readiness(args.url)
        except StoreError as exc:
            if time.monotonic() >= end:
                print(say("cli_e_health", problem=str(exc)))
                return 1
            time.sleep(0.5)
            continue
        print(say("cli_m_health_ok", checks=", ".join(done)))
        return 0


# ------------------------------------------------------------------ backup / restore
def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} kB"


@command("backup", "cli_h_backup", arg("--out", required=True, metavar="DATEI", help="cli_a_backup_out"))
def _backup(args: argparse.Namespace) -> int:
    from geo.publish import log_change
    from geo.saved import open_engine
    from store import backup, config

    started = time.monotonic()  # open_engine: dataset folders of an older release are moved in first
    info = backup.backup(open_engine(config.data_dir()), config.data_dir(), Path(args.out))
    log_change(user=f"system:{_os_user()}", action="backup", name=str(info.path), started=started)
    print(say("cli_m_backup", path=info.path, size=_size(info.size), datasets=info.datasets, db=info.backend))
    return 0


@command("restore", "cli_h_restore", arg("file", metavar="DATEI", help="cli_a_restore_file"))
def _restore(args: argparse.Namespace) -> int:
    from geo.publish import log_change
    from store import audit, backup, config, db, users

    started = time.monotonic()
    info = backup.restore(db.engine_for(), config.data_dir(), Path(args.file))
    db.dispose_all()
    engine = db.engine_for()  # upgrades a backup of an older schema
    counts = backup.table_counts(engine)
    verify = getattr(audit, "verify", None)  # the hash chain of the audit log (store/audit.py)
    ok = verify is None or verify(engine, users.system_user()).first_broken is None
    chain = say("cli_m_chain_none" if verify is None else "cli_m_chain_ok" if ok else "cli_m_chain_bad")
    log_change(user=f"system:{_os_user()}", action="restore", name=str(info.path), started=started)
    print(
        say(
            "cli_m_restore",
            path=info.path,
            datasets=info.datasets,
            users=counts.get("users", 0),
            audit=counts.get("audit_log", 0),
            chain=chain,
        )
    )
    return 0 if ok else 1


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"
