"""One voice (issue 24, Deliver 4): errors raised deep in geo/spatial and the store reach the command
line in the user's language — English with ``SOZIALMONITOR_LANG=en``, German without — and no library
module builds an expected error's message as inline text (:mod:`tests.cli.test_cli_voice3` has the
guard over every package)."""

import os
import subprocess
import sys

import pytest
from testkit import ROOT

CASES = [  # (arguments, German, English)
    (
        ["estimate", "--lon", "10.686", "--lat", "53.868", "--radius", "999999"],
        "Fehler: Radius 999999.0 m ungültig: erlaubt sind mehr als 0 bis 20000 m.",
        "Error: Radius 999999.0 m is invalid: allowed are more than 0 up to 20000 m.",
    ),
    (
        ["estimate", "--lon", "500", "--lat", "53.868", "--radius", "500"],
        "Fehler: Koordinaten außerhalb des gültigen Bereichs: Länge 500.0",
        "Error: Coordinates out of range: longitude 500.0, latitude 53.868 (expected WGS84 degrees",
    ),
    (
        ["typology", "--indicators", "gibtsnicht", "--k", "3"],
        "Fehler: Kein Jahr mit Werten aller Indikatoren: gibtsnicht.",
        "Error: No year with values of every indicator: gibtsnicht.",
    ),
    (
        ["reach", "--facilities", "kitas", "--demand", "pop_under18", "--max-distance", "-5"],
        "Fehler: Maximale Entfernung -5 m: erlaubt sind mehr als 0 bis 50000 m.",
        "Error: Maximum distance -5 m: allowed are more than 0 up to 50000 m.",
    ),
]


def run(args, lang):
    env = {**os.environ, "SOZIALMONITOR_LANG": lang}
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True, env=env)


@pytest.mark.parametrize(("args", "german", "english"), CASES, ids=[c[0][0] + str(i) for i, c in enumerate(CASES)])
def test_converted_errors_speak_the_users_language(args, german, english):
    en = run(args, "en")
    assert en.returncode == 1 and en.stderr.startswith(english), en.stderr
    assert "Traceback" not in en.stderr
    de = run(args, "")
    assert de.returncode == 1 and de.stderr.startswith(german), de.stderr
