"""The command line front door."""

import os
import subprocess
import sys

from testkit import ROOT


def run(*args):
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True)


def test_help_lists_subcommands():
    res = run("--help")
    assert res.returncode == 0
    assert "indicators" in res.stdout


def test_indicators_lists_ids_with_german_labels():
    res = run("indicators")
    assert res.returncode == 0
    lines = dict(line.split("\t") for line in res.stdout.strip().splitlines())
    assert lines["share_65plus"] == "Anteil 65-Jährige und Ältere"
    assert lines["old_age_dependency"] == "Altenquotient"


def test_validate_shipped_table_and_boundaries_exit_0():
    res = run("validate", "--table", "data/luebeck_stadtteile.csv")
    assert res.returncode == 0 and "Ergebnis: verwendbar" in res.stdout and "Traceback" not in res.stderr
    res = run("validate", "--boundaries", "shapes/luebeck.gpkg", "--key", "code", "--name", "name")
    assert res.returncode == 0 and "Ergebnis: verwendbar" in res.stdout


def test_validate_speaks_english_with_sozialmonitor_lang_en():
    env = {**os.environ, "SOZIALMONITOR_LANG": "en"}
    res = subprocess.run(
        [sys.executable, "cli.py", "validate", "--table", "data/luebeck_stadtteile.csv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert res.returncode == 0 and res.stdout.rstrip().endswith("Result: usable"), res.stdout
    assert "Rows: 1430 read, 1430 used, 0 dropped; 1430 values" in res.stdout
    german = ("Ergebnis", "verwendbar", "Spalten", "Zeilen", "gelesen", "verwendet", "verworfen", "Befunde")
    assert not [w for w in german if w in res.stdout], res.stdout


def test_validate_bad_files_exit_1_with_reason(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Stadtteil;Jahr;Wert\nNirgendwo;2022;5\n")
    res = run("validate", "--table", str(bad))
    assert res.returncode == 1 and "unbekannter Gebietsschlüssel 'Nirgendwo'" in res.stdout
    res = run("validate", "--boundaries", str(tmp_path / "fehlt.gpkg"))
    assert res.returncode == 1 and "nicht gefunden" in res.stdout and not res.stderr.strip()
    res = run("validate", "--table", str(bad), "--geography", "gibtsnicht")
    assert res.returncode == 1 and "Unbekannte Geografie" in res.stdout and "Traceback" not in res.stdout + res.stderr


def test_validate_boundaries_wrong_key_lists_columns():
    res = run("validate", "--boundaries", "shapes/luebeck.gpkg", "--key", "Schluessel")
    assert res.returncode == 1 and "vorhanden: code, name" in res.stdout
