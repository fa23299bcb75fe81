"""CLI subcommands mss and svi on the real raw files, and their error handling."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
from assess_support import ROOT, raw_file


def run(*args):
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True)


def test_mss_writes_expected_columns(tmp_path):
    src = raw_file("berlin-mss/berlin-lor-monitoring-social-urban-development-2019-00-2-1.csv")
    out = tmp_path / "mss.csv"
    res = run("mss", "--input", str(src), "--out", str(out))
    assert res.returncode == 0, res.stderr
    df = pd.read_csv(out, dtype={"id": str})
    assert list(df.columns) == ["id", "status_index", "status_class", "dynamic_index", "dynamic_class"]
    assert len(df) == 447 and df["id"].str.len().eq(8).all()
    assert (df["status_class"] != "nicht bewertet").sum() == 436
    res = run("mss", "--input", str(src), "--out", str(out), "--exclude", "01011101", "--min-population", "300")
    df = pd.read_csv(out, dtype={"id": str})
    assert df.loc[df["id"] == "01011101", "status_class"].item() == "nicht bewertet"


def test_svi_writes_cdc_layout(tmp_path):
    src = raw_file("cdc-svi-inputs/SVI2018_US_COUNTY_inputs.csv")
    out = tmp_path / "svi.csv"
    res = run("svi", "--input", str(src), "--edition", "2018", "--out", str(out))
    assert res.returncode == 0, res.stderr
    df = pd.read_csv(out, dtype={"FIPS": str})
    assert df.columns[0] == "FIPS" and "RPL_THEMES" in df and "F_TOTAL" in df
    assert sum(c.startswith("EPL_") for c in df.columns) == 15
    assert not any(c.startswith("SPL_") for c in df.columns)
    row = df.set_index("FIPS").loc["35039"]
    assert row["EPL_POV"] == -999 and row["F_TOTAL"] == -999


def test_bad_input_gives_message_not_traceback(tmp_path):
    res = run("svi", "--input", str(tmp_path / "nope.csv"), "--edition", "2020", "--out", str(tmp_path / "x.csv"))
    assert res.returncode == 1 and "Traceback" not in res.stderr and "Fehler" in res.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    res = run("mss", "--input", str(bad), "--out", str(tmp_path / "x.csv"))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    res = run("svi", "--input", str(bad), "--edition", "2018", "--out", str(tmp_path / "x.csv"))
    assert res.returncode == 1 and "Traceback" not in res.stderr
