"""Smoke test: the export benchmark runs (tiny); no timing is asserted."""
import subprocess
import sys

from testkit import ROOT


def test_export_bench_tiny():
    res = subprocess.run([sys.executable, "bench/export_bench.py", "--tiny"], cwd=ROOT,
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "A4-PNG, ganzer Prozess" in res.stdout and "Stapel, 2 Karten" in res.stdout
