"""CLI subcommands map, batch and report (on the shipped Lübeck data)."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
from PIL import Image
from pypdf import PdfReader
from testkit import ROOT


def run(*args):
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True)


def test_map_png_a4_landscape(tmp_path):
    out = tmp_path / "karte.png"
    res = run("map", "--indicator", "share_65plus", "--year", "2022", "--labels", "--flags", "--out", str(out))
    assert res.returncode == 0, res.stderr
    im = Image.open(out)
    assert im.size == (3508, 2480) and round(im.info["dpi"][0]) == 300


def test_map_pdf_a3_english(tmp_path):
    out = tmp_path / "map.pdf"
    res = run(
        "map",
        "--indicator",
        "mean_age",
        "--year",
        "2015",
        "--format",
        "pdf",
        "--size",
        "a3-landscape",
        "--lang",
        "en",
        "--scheme",
        "equal_interval",
        "--k",
        "4",
        "--out",
        str(out),
    )
    assert res.returncode == 0, res.stderr
    text = PdfReader(out).pages[0].extract_text()
    assert "Mean age" in text and "Source:" in text and "equal intervals, 4 classes" in text


def test_map_bad_input_is_a_message_not_a_traceback(tmp_path):
    for args, msg in [
        (("--indicator", "nope", "--year", "2022"), "unbekannter Indikator 'nope'"),
        (("--indicator", "births", "--year", "1990"), "kein Jahr 1990"),
        (("--indicator", "births", "--year", "2022", "--geography", "mars"), "Unbekannte Geografie 'mars'"),
        (("--indicator", "births", "--year", "2022", "--k", "0"), "--k: ungültige Auswahl 0"),
    ]:
        res = run("map", *args, "--out", str(tmp_path / "x.png"))
        assert res.returncode == 1
        assert res.stderr.startswith("Fehler: ") and msg in res.stderr
        assert "Traceback" not in res.stderr
    res = run("map", "--indicator", "births", "--year", "2022", "--out", str(tmp_path / "no" / "x.png"))
    assert res.returncode == 1 and "kann nicht geschrieben werden" in res.stderr


def test_batch_all_indicators_with_progress_and_index(tmp_path):
    res = run("batch", "--year", "2010", "--format", "svg", "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    from indicators.catalogue import load_catalogue

    n = len(load_catalogue())  # every catalogue indicator is listed, those without 2010 data as skipped
    assert "Karten" in res.stderr and f"{n}/{n}" in res.stderr  # tqdm progress bar on stderr
    index = pd.read_csv(tmp_path / "index.csv", keep_default_na=False)
    assert len(index) == n
    skipped = index.set_index("indicator").loc["population_change_pct"]
    assert skipped["status"] == "keine Daten für 2010"  # no 2009 to compare with
    assert "ausgelassen: population_change_pct" in res.stdout
    for name in index.loc[index["status"] == "ok", "file"]:
        assert "<text" in (tmp_path / name).read_text(encoding="utf-8")


def test_report_pdf(tmp_path):
    out = tmp_path / "bericht.pdf"
    res = run("report", "--year", "2022", "--out", str(out))
    assert res.returncode == 0, res.stderr
    reader = PdfReader(out)
    pages = [p.extract_text() for p in reader.pages]
    # cover, overview, 18 indicators, 10 areas, methods (>= 1 page)
    assert len(pages) >= 31
    assert "Sozialmonitoring Lübeck 2022" in pages[0]
    assert any("Anteil 65-Jährige und Ältere" in p and "Quelle: Hansestadt Lübeck" in p for p in pages)
    assert any("222.077" in p for p in pages)  # residents 2022, German format
    assert reader.metadata.title == "Sozialmonitoring Lübeck 2022"


def test_report_unknown_year():
    res = run("report", "--year", "1900", "--out", "/tmp/never.pdf")
    assert res.returncode == 1 and "kein Jahr 1900" in res.stderr
