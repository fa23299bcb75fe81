"""The printable area comparison (SYNTHETIC data from tests/synth_exports.py, and the shipped Lübeck data)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from synth_exports import SUPPRESSED_CODE, synthetic_dataset

from geo.report.compare import build_compare_pdf
from indicators.errors import InputError
from indicators.wording.voice import Voice


def pdf_text(data: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def test_pdf_has_table_ranks_city_and_gesperrt_never_the_withheld_value():
    ds = synthetic_dataset(names=["Alpha", "Beta", "Gamma $\\frac{x}{y}$", "Delta", "Epsilon", "Zeta"])
    data = build_compare_pdf(ds, ["01", SUPPRESSED_CODE, "04"], 2022, created=date(2026, 12, 2))
    assert data.startswith(b"%PDF")
    pages = pdf_text(data)
    assert len(pages) == 2  # one table page, one page of time series (2 years)
    first = pages[0]
    assert "Gebietsvergleich 2022" in first and "Alpha" in first and "Delta" in first
    assert "Gamma $\\frac{x}{y}$" in first  # names are text, not mathtext
    assert "Teststadt gesamt" in first
    assert "gesperrt" in first
    assert "50,0" not in "".join(pages)  # the withheld case rate of area 03
    assert "1.500 (1.)" in first and "Einwohner (synthetisch) (Personen)" in first
    assert "Zeitreihen" in pages[1] and "2021" in pages[1] and "2.021" not in pages[1]


def test_english_pdf_and_errors_in_german():
    ds = synthetic_dataset()
    text = "".join(pdf_text(build_compare_pdf(ds, ["01", "02"], 2022, voice=Voice.of("en"))))
    assert "Area comparison 2022" in text and "Test town overall" in text
    with pytest.raises(InputError, match="kein Jahr 1999"):
        build_compare_pdf(ds, ["01", "02"], 1999)
    with pytest.raises(InputError, match="2 bis 4 Gebiete"):
        build_compare_pdf(ds, ["01"], 2022)


def test_shipped_luebeck_four_areas(luebeck):
    pages = pdf_text(build_compare_pdf(luebeck, ["01", "03", "05", "10"], 2022))
    assert len(pages) >= 3
    assert "St. Lorenz Süd" in pages[0] and "Travemünde" in pages[0]


def test_sources_and_licences_are_never_cut_and_counts_have_no_decimals(luebeck):
    pages = pdf_text(build_compare_pdf(luebeck, ["01", "03", "05", "10"], 2022, created=date(2026, 12, 2)))
    text = "".join(pages).replace("\n", " ")
    # every footer used to end "…(© Statistische Ämter des Bundes und der Länder),…": licence and schools lost
    assert "dl-de/by-2-0" in text and "Schulverzeichnis Schleswig-Holstein" in text and "CC0 1.0" in text
    assert "Länder),…" not in text
    assert "Quellen und Lizenzen: Seite 5" in pages[0] and pages[-1].count("•") >= 4
    head = "Grundschulen (Schulen)"  # the label once said "(Anzahl)" as well: "Grundschulen (Anzahl) (Schulen)"
    schools = next(line for line in pages[0].splitlines() if line.startswith(head))
    assert "," not in schools.removeprefix(head), schools  # "2 (5.)", never "2,0 (5.)"


def test_chart_titles_wrap_instead_of_being_cut(luebeck):
    pages = pdf_text(build_compare_pdf(luebeck, ["01", "03"], 2022))
    series = "\n".join(p for p in pages if "Zeitreihen" in p)
    assert "Natürlicher Saldo je 1.000" in series and "Einwohner (je 1.000 EW)" in series.replace("\n", " ")
    titles = [line for line in series.splitlines() if "…" in line and not line.startswith("Gebietsvergleich")]
    assert not titles, titles
