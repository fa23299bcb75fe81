"""Diagnostic, not a row: how long a refused login takes for an unknown name, a wrong password and a
locked account, and a successful one (real argon2 parameters, SQLite in a temporary folder).

Issue 23 found 2 ms for a locked account against 220 ms for an unknown name; now every refusal
verifies one password hash, so the medians should lie within the noise of each other.

    .venv/bin/python bench/login_timing.py [--runs 15]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store import db, users
from store.errors import AuthError


def _time(engine, name: str, password: str) -> float:
    t0 = time.perf_counter()
    with contextlib.suppress(AuthError):
        users.authenticate(engine, name, password)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sm-login-") as folder:
        engine = db.make_engine(f"sqlite:///{Path(folder) / 'sm.db'}")
        db.upgrade(engine)
        admin = users.system_user()
        users.add_user(engine, admin, "offen", "viewer", "richtig-123")
        users.add_user(engine, admin, "zu", "viewer", "richtig-123")
        for i in range(5):
            _time(engine, "zu", f"falsch-{i}")
        cases = {
            "unbekannter Name": ("niemand", "x"),
            "falsches Passwort": ("offen", "x"),
            "gesperrtes Konto": ("zu", "richtig-123"),
            "Erfolg": ("offen", "richtig-123"),
        }
        times: dict[str, list[float]] = {c: [] for c in cases}
        for _ in range(args.runs):  # interleaved, so load changes hit every case alike
            for case, (name, password) in cases.items():
                times[case].append(_time(engine, name, password))
        for case, values in times.items():
            print(
                f"{case:20s} median {statistics.median(values) * 1000:7.1f} ms "
                f"(min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f}, n={len(values)})"
            )
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
