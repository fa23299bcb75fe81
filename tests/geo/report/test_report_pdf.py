"""The social report PDF: pages, extractable German text, flags, no suppressed values."""

from __future__ import annotations

import io
import re
from datetime import date

import pandas as pd
import pytest
from pypdf import PdfReader
from synth_exports import SUPPRESSED_CODE, synthetic_dataset

from geo.report.pdf import ReportOptions, build_report, plan_report


@pytest.fixture(scope="module")
def synth():
    return synthetic_dataset()


@pytest.fixture(scope="module")
def report(synth):
    data = build_report(synth, 2022, options=ReportOptions(created=date(2024, 6, 30)))
    reader = PdfReader(io.BytesIO(data))
    return data, [p.extract_text() for p in reader.pages]


def test_page_count_follows_the_plan(synth, report):
    _, pages = report
    plan = plan_report(synth, 2022)
    kinds = [p.kind for p in plan]
    # cover, overview, 4 indicators, 6 areas, methods
    assert kinds[:2] == ["cover", "flags"]
    assert kinds.count("indicator") == 4 and kinds.count("area") == 6
    assert kinds[-1] == "methods"
    assert len(pages) == len(plan)


def test_cover_title_contents_and_date(report):
    _, pages = report
    assert "Sozialmonitoring Teststadt 2022" in pages[0]
    assert "Erstellt am 30.06.2024" in pages[0]
    assert "Bevölkerung" in pages[0] and "Soziales" in pages[0] and "Gebietsprofile" in pages[0]


def test_indicator_pages_grouped_by_topic_with_source_line(synth, report):
    _, pages = report
    plan = plan_report(synth, 2022)
    topics = [p.section for p in plan if p.kind == "indicator"]
    assert topics == ["Bevölkerung", "Bevölkerung", "Soziales", "Soziales"]
    for page, text in zip(plan, pages):
        if page.kind == "indicator":
            label = synth.catalogue[page.key].label_de
            assert label in text
            assert "Quelle: Synthetische Testdaten (erfunden), CC0 1.0" in text
            assert "Entwicklung Teststadt gesamt" in text
            assert "Definition:" in text and "Datenstand:" in text  # definition and reference date under the trend


def test_german_number_format_and_trend(synth, report):
    _, pages = report
    plan = plan_report(synth, 2022)
    text = pages[[p.key for p in plan].index("population_total")]
    assert "5.504" in text  # city residents 2022
    assert "2021: 5.429\u00a0Personen → 2022:" in text and "(+75)" in text  # city trend
    rate = pages[[p.key for p in plan].index("case_rate")]
    assert "9,6" in rate and "9.6" not in rate


def test_suppressed_value_never_in_report(synth, report):
    _, pages = report
    plan = plan_report(synth, 2022)
    for key in ("cases", "case_rate"):
        text = pages[[p.key for p in plan].index(key)]
        line = next(ln for ln in text.splitlines() if ln.startswith("Testgebiet 03"))
        assert "gesperrt" in line and not re.search(r"\d", line.replace("Testgebiet 03", ""))
    assert not any("50,0" in p for p in pages)
    profile = pages[[p.key for p in plan].index(SUPPRESSED_CODE)]
    case_line = next(ln for ln in profile.splitlines() if ln.startswith("Fälle (synthetisch)"))
    assert "gesperrt" in case_line


def test_area_profile_lists_every_indicator_with_rank(synth, report):
    _, pages = report
    plan = plan_report(synth, 2022)
    text = pages[[p.key for p in plan].index("04")]
    assert "Testgebiet 04 (04)" in text
    for ind in synth.catalogue.values():
        assert ind.label_de in text
    assert "1. von 6" in text  # area 04 has the most residents


def test_methods_page_has_definitions_licences_and_attribution(report):
    _, pages = report
    text = pages[-1]
    assert "Methoden und Quellen" in text
    assert "Erfundene Fallzahl." in text
    assert "CC0 1.0" in text and "creativecommons.org/publicdomain/zero" in text
    assert "Geometrie: synthetisch" in text


def test_flag_source_is_pluggable(synth):
    def custom(ds, year):
        t = pd.DataFrame(False, index=ds.areas["code"], columns=["case_rate"])
        t.loc["02", "case_rate"] = True
        return t

    data = build_report(
        synth, 2022, options=ReportOptions(flag_source=custom, flag_rule="Testregel: Bedarfsindex (synthetisch).")
    )
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    overview = pages[1]
    assert "Testregel: Bedarfsindex (synthetisch)." in overview
    line = next(ln for ln in overview.splitlines() if ln.startswith("Testgebiet 02"))
    assert "Fallquote (synthetisch)" in line


def test_unknown_year_is_a_clear_error(synth):
    with pytest.raises(ValueError, match="kein Jahr 1990"):
        build_report(synth, 1990)


def test_shipped_report_in_english_names_topics_in_english_and_never_cuts_a_source(luebeck):
    """The English report said "Bevölkerung", "Altersstruktur" … (the catalogue's German topics) in its
    contents, kickers and profiles, and every page with all sources in its footer ended "Schulverzeichnis …"."""
    from indicators.wording.voice import Voice

    english = Voice.of("en")
    plan = plan_report(luebeck, 2022, voice=english)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(build_report(luebeck, 2022, voice=english))).pages]
    text = " ".join(" ".join(p.split()) for p in pages)
    for german, words in [("Altersstruktur", "Age structure"), ("Wanderungen", "Migration"), ("Schulen", "Schools")]:
        assert words in text and german not in text
    methods = next(n for n, page in enumerate(plan, start=1) if page.kind == "methods")
    assert f"Sources and licences: page {methods}" in text
    assert not re.search(r"…\s*Page \d+ / \d+", text)  # no footer shortened with an ellipsis
    assert "dl-de/by-2-0" in pages[methods - 1] + pages[-1]  # the appendix lists what the footers do not


@pytest.mark.parametrize(("lang", "words", "not_words"), [("de", "Bericht", "Report"), ("en", "Report", "Bericht")])
def test_the_progress_bar_speaks_the_voice(monkeypatch, tmp_path, capsys, synth, lang, words, not_words):
    """``cli.py report``'s bar on stderr said "Bericht … Seite" in English runs too (the pages are faked here)."""
    import geo.planning.summary
    import geo.report.pdf as pdf
    from indicators.wording.voice import Voice

    def fake_build(ds, year, options, progress, *, voice):
        for n in (1, 2):
            progress(n, 2)
        return b"%PDF-1.4 synthetic"

    monkeypatch.setattr(pdf, "build_report", fake_build)
    monkeypatch.setattr(geo.planning.summary, "default_register_lines", lambda ds, voice: [])
    pdf.write_report(synth, 2022, tmp_path / "r.pdf", voice=Voice.of(lang))
    err = capsys.readouterr().err
    assert words in err and not_words not in err, err
