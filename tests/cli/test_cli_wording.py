"""The command line speaks from the wording table (issue 12, item 2): German by default,
English with ``SOZIALMONITOR_LANG=en``, and no German left in English mode."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from testkit import ROOT

from indicators.wording import TEXTS

GERMAN = re.compile(r"\b(Standard|Datei|Gebiet\w*|Jahr|Ausgabe\w*|bitte|Benutzer|oder|nicht|und|für|mit)\b|[äöüß]")
MODULES = ["cli.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "commands").glob("*.py"))]


def run(*args, lang=None):
    env = {**os.environ, "SOZIALMONITOR_LANG": lang or ""}
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True, env=env)


HELPS = """
import argparse, cli
parser = cli.build_parser()
sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
for name, p in sub.choices.items():
    print("=== " + name)
    print(p.format_help())
"""


def _subcommand_helps(lang: str) -> dict[str, str]:
    env = {**os.environ, "SOZIALMONITOR_LANG": lang}
    out = subprocess.run([sys.executable, "-c", HELPS], cwd=ROOT, capture_output=True, text=True, env=env).stdout
    return dict(part.split("\n", 1) for part in out.split("=== ")[1:])


def test_every_wording_key_the_command_line_uses_exists_in_both_languages():
    used = set()
    for mod in MODULES:
        for node in ast.walk(ast.parse((ROOT / mod).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"cli_\w+", node.value):
                used.add(node.value)
    assert len(used) > 60
    missing = sorted(k for k in used if k not in TEXTS)
    assert not missing
    assert all(TEXTS[k][0] and TEXTS[k][1] for k in used)


@pytest.mark.parametrize("module", [m for m in MODULES if m != "commands/usage.py"])
def test_no_german_sentence_is_written_in_the_code(module):
    # messages and help are wording keys; a literal German text in print/raise/help= would bypass the table
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    literals = []
    for call in calls:
        name = getattr(call.func, "id", getattr(call.func, "attr", ""))
        parts = (
            [*call.args, *(k.value for k in call.keywords if k.arg == "help")]
            if name in ("print", "UserError", "StoreError", "AuthError", "arg", "command")
            else []
        )
        for p in parts:
            for c in ast.walk(p):
                if isinstance(c, ast.Constant) and isinstance(c.value, str) and GERMAN.search(c.value):
                    literals.append(c.value)
    assert not literals, literals


def test_english_mode_has_english_help_and_messages():
    res = run("--help", lang="en")
    assert res.returncode == 0 and "maps, indicators and queries on the command line" in res.stdout
    helps = _subcommand_helps("en")
    assert len(helps) >= 17
    for name, out in helps.items():
        prose = re.sub(r"\{[^}]*\}|\[[^\]]*\]|--[\w-]+|[A-Z_]{3,}", "", out)  # choices, options, metavars
        assert not GERMAN.search(prose.split("options:", 1)[-1]), (name, GERMAN.search(prose).group(0))
    res = run("batch", "--year", "1900", "--out", "x", lang="en")
    assert res.returncode == 1 and res.stderr.startswith("Error: no year 1900 in the data (available: 2010")


def test_german_is_the_default():
    res = run("batch", "--year", "1900", "--out", "x")
    assert res.returncode == 1 and res.stderr.startswith("Fehler: kein Jahr 1900 in den Daten (vorhanden: 2010")
    assert "Ausgabeordner" in run("batch", "--help").stdout


def test_the_front_door_is_thin():
    lines = (ROOT / "cli.py").read_text(encoding="utf-8").count("\n")
    assert lines <= 120  # the commands live in commands/, one module per theme
    assert Path(ROOT / "commands" / "analysis.py").exists() and Path(ROOT / "commands" / "places.py").exists()


def test_argparse_own_words_are_german_by_default_and_english_on_request():
    de = run("map", "--help").stdout
    assert de.startswith("Aufruf: cli.py map") and "Optionen:" in de and "diese Hilfe zeigen" in de
    assert "usage:" not in de and "options:" not in de and "show this help" not in de
    assert "Argumente:" in run("locate", "--help").stdout  # a positional argument
    en = run("map", "--help", lang="en").stdout
    assert en.startswith("usage: cli.py map") and "options:" in en and "Aufruf" not in en


def test_an_expected_error_is_printed_in_the_users_language():
    en = run("locate", "Briete Strase 3", lang="en")
    assert en.returncode == 1 and en.stderr.startswith("Error: Street 'Briete Strase' not found. Did you mean: ")
    assert "nicht gefunden" not in en.stderr and "Meinten" not in en.stderr
    de = run("locate", "Briete Strase 3")
    assert de.returncode == 1 and de.stderr.startswith("Fehler: Straße 'Briete Strase' nicht gefunden. Meinten Sie: ")


def test_a_map_with_an_unknown_suffix_is_refused_with_a_message(tmp_path):
    out = tmp_path / "karte.docx"
    res = run("map", "--indicator", "share_65plus", "--year", "2020", "--out", str(out))
    assert res.returncode == 1, res.stderr  # was a traceback (exit 2)
    assert res.stderr.startswith("Fehler: karte.docx: Endung .docx ist kein Kartenformat") and not out.exists()
    en = run("map", "--indicator", "share_65plus", "--year", "2020", "--out", str(out), lang="en")
    assert en.returncode == 1 and "karte.docx: .docx is no map format" in en.stderr


def test_query_and_print_map_errors_in_english():
    res = run("query", "Anteil 65+ >> 3", lang="en")
    assert res.returncode == 1 and "indicator or number expected, found: '>'" in res.stderr
    assert "erwartet" not in res.stderr and "^" in res.stderr  # the caret under the position stays
    de = run("query", "Anteil 65+ >> 3")
    assert "Indikator oder Zahl erwartet, gefunden: '>'" in de.stderr


def test_unknown_geography_and_year_in_english():
    geo = run(
        "map", "--indicator", "share_65plus", "--year", "2022", "--geography", "nope", "--out", "x.png", lang="en"
    )
    assert geo.returncode == 1 and geo.stderr.startswith("Error: Unknown geography 'nope'. Known: stadtteile")
    year = run("map", "--indicator", "share_65plus", "--year", "1999", "--out", "x.png", lang="en")
    assert year.returncode == 1 and "'share_65plus' has no year 1999 (available: 2010–2022)" in year.stderr
