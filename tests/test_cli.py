"""The command line front door."""
import subprocess
import sys

from conftest import ROOT


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
