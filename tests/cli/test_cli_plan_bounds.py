"""``cli.py plan import`` bounded (issue 23, Deliver 5): a 500,000-row file is refused by the row cap
without the database's write lock, also under ``prlimit --as=3000000000``; an XML entity bomb is a
German message, not "Interner Fehler"; the planner's own numbering is kept and listed.

Files are SYNTHETIC, made here.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import zipfile

import pandas as pd
import pytest
from testkit import ROOT

HEAD = "id;titel;handlungsfeld;geografie;gebiete;status"


@pytest.fixture
def run(tmp_path):
    env = {
        **os.environ,
        "SOZIALMONITOR_DB_URL": f"sqlite:///{tmp_path / 'plan.db'}",
        "SOZIALMONITOR_AUTH": "none",
        "SOZIALMONITOR_DATA_DIR": str(tmp_path / "var"),
    }

    def _run(*args, prefix=(), background=False):
        cmd = [*prefix, sys.executable, "cli.py", *args]
        if background:
            return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)

    return _run


def test_500000_rows_are_refused_by_the_cap_without_the_write_lock(run, tmp_path):
    big = tmp_path / "Massnahmen.csv"
    with big.open("w", encoding="utf-8") as f:
        f.write(HEAD + "\n")
        for i in range(500_000):
            f.write(f";Synthetisch {i};Wohnen;stadtteile;01;laufend\n")
    assert run("plan", "list").returncode == 0  # the database exists, the local user too
    proc = run("plan", "import", str(big), prefix=("prlimit", "--as=3000000000"), background=True)
    writes, failed = 0, []
    while proc.poll() is None:  # meanwhile other users log in (a write) and read, again and again
        other = sqlite3.connect(tmp_path / "plan.db", timeout=10)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("SELECT count(*) FROM users").fetchone()
            other.commit()
            writes += 1
        except sqlite3.OperationalError as exc:  # today: "database is locked" for minutes
            failed.append(str(exc))
        finally:
            other.close()
        time.sleep(0.05)
    stdout, stderr = proc.communicate()
    res = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
    assert failed == [] and writes > 0
    out = res.stdout + res.stderr
    assert res.returncode == 1, out
    assert "höchstens 20.000 Zeilen" in out and "Massnahmen.csv [Massnahmen]" in out
    assert "Traceback" not in out and "locked" not in out and "Interner Fehler" not in out


def test_an_entity_bomb_is_a_german_message(run, tmp_path):
    plain = tmp_path / "plain.xlsx"
    with pd.ExcelWriter(plain) as w:
        pd.DataFrame({"titel": ["x"]}).to_excel(w, sheet_name="Massnahmen", index=False)
    bomb = tmp_path / "plan.xlsx"
    doc = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet><sheetData/></worksheet>'
    )
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, doc.encode() if item.filename == "xl/worksheets/sheet1.xml" else src.read(item))
    res = run("plan", "import", str(bomb))
    out = res.stdout + res.stderr
    assert res.returncode == 1 and "Interner Fehler" not in out and "Traceback" not in out, out
    assert "Tabellenblatt 'Massnahmen'" in out and "XML-Entitäten" in out


def test_own_numbering_is_imported_and_listed(run, tmp_path):
    plan = tmp_path / "Massnahmen.csv"
    plan.write_text(HEAD + "\nM-12;Synthetisch: Büro;Wohnen;stadtteile;01;laufend\n", encoding="utf-8")
    res = run("plan", "import", str(plan))
    assert res.returncode == 0, res.stdout + res.stderr  # today: "Id 'M-12' ist keine Zahl"
    listed = run("plan", "list")
    assert "M1 (M-12)\t" in listed.stdout
