"""Upload columns by role: a name or text column is never a value error, errors come first,
the summary is amber when values were dropped, kind and unit are guessed from the header."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.ingest.read import read_table
from indicators.ingest.report import ERROR
from indicators.ingest.roles import detect_columns, guess_kind, preview_frame
from indicators.ingest.validate import AreaMatcher, validate_table
from indicators.wording.voice import GERMAN, Voice

ENGLISH = Voice.of("en")
NAMES = [
    "Innenstadt",
    "St. Jürgen",
    "Moisling",
    "Buntekuh",
    "St. Lorenz Süd",
    "St. Lorenz Nord",
    "St. Gertrud",
    "Schlutup",
    "Kücknitz",
    "Travemünde",
]
CODES = {f"{i:02d}": n for i, n in enumerate(NAMES, start=1)}

# A German Excel CSV as a planner sends it (synthetic values): a name column, a 'drei' and a 'k.A.'.
EXCEL = "Stadtteil;Name;Jahr;SGB-II-Empfänger;SGB-II-Quote\r\n" + "".join(
    f"{code};{name};2023;{'drei' if code == '03' else 100 + i};{'k.A.' if code == '07' else f'{5 + i},5'}\r\n"
    for i, (code, name) in enumerate(CODES.items())
)


def _check(text: str, mapping=None):
    raw, report = read_table(text.encode("cp1252"), "sgb2.csv")
    tidy = validate_table(raw, report, AreaMatcher(CODES, CODES), {}, mapping)
    return tidy, report


def test_the_german_excel_file_reports_only_the_real_problems():
    tidy, report = _check(EXCEL)
    errors = [f for f in report.findings if f.severity == ERROR]
    assert [(f.row, f.column) for f in errors] == [(4, "SGB-II-Empfänger"), (8, "SGB-II-Quote")]
    assert "keine Zahl: 'drei'" in errors[0].problem and "k.A." in errors[1].problem
    assert not any("Innenstadt" in f.problem or f.column == "Name" for f in report.findings)
    assert set(tidy["variable"]) == {"SGB-II-Empfänger", "SGB-II-Quote"}
    assert len(tidy) == 18 and report.rows_used == 10
    assert report.level == "warning"  # amber: values were dropped (was green with "2 verworfen")
    assert "2 einzelne Werte verworfen" in report.summary(voice=GERMAN)
    assert "2 single values dropped" in report.summary(voice=ENGLISH)


def test_errors_come_first_and_findings_speak_the_readers_language():
    _tidy, report = _check(EXCEL)
    frame = report.to_frame(voice=ENGLISH)
    severities = frame.iloc[:, -1].tolist()
    assert severities == sorted(severities, key=lambda s: s != "error") and severities[0] == "error"
    problems = " ".join(frame.iloc[:, 3])
    assert "not a number: 'drei'" in problems and "keine Zahl" not in problems
    assert "Zeile verworfen" not in " ".join(frame.astype(str).stack()) and "Fehler" not in severities
    assert "not a number: 'drei'" in report.to_text(voice=ENGLISH)
    noted = _check(EXCEL.replace("Name;", "Bemerkung;", 1))[1].to_frame(voice=GERMAN)  # a column note: no row
    assert "None" not in noted.to_string() and "–" in set(noted.iloc[:, 1])


def test_an_unnamed_text_column_is_passed_over_once_not_per_row():
    text = EXCEL.replace("Name;", "Bemerkung;", 1)  # not recognised as a name column by its header
    _tidy, report = _check(text)
    notes = [f for f in report.findings if f.column == "Bemerkung"]
    assert len(notes) == 1 and notes[0].severity != ERROR and "Text" in notes[0].problem
    assert [f.row for f in report.findings if f.severity == ERROR] == [4, 8]


def test_a_column_marked_ignore_or_name_is_not_read():
    _tidy, report = _check(EXCEL, {"ignore": ["SGB-II-Quote"]})
    assert {f.row for f in report.findings if f.severity == ERROR} == {4}  # "drei", so row 4 has no value left
    roles = detect_columns(["Stadtteil", "Name", "Jahr", "Wert"], {"name": "Jahr", "year": ""})
    assert roles["name"] == "Jahr" and "year" not in roles


def test_summary_is_red_for_an_unusable_file_and_green_when_nothing_dropped():
    clean = EXCEL.replace("drei", "102").replace("k.A.", "8,5")
    assert _check(clean)[1].level == "ok"
    assert _check("Foo;Bar\r\n1;2\r\n")[1].level == "error"


@settings(max_examples=40, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["Innenstadt", "ja", "nein", "siehe unten", "Altstadt-Nord"]), min_size=10, max_size=10
    )
)
def test_any_text_column_never_gives_a_value_error(words):
    text = "Stadtteil;Jahr;Notiz;Anzahl Kinder\r\n" + "".join(
        f"{code};2023;{w};{i}\r\n" for (code, _), w, i in zip(CODES.items(), words, range(10))
    )
    tidy, report = _check(text)
    assert not [f for f in report.findings if f.severity == ERROR]
    assert set(tidy["variable"]) == {"Anzahl Kinder"} and report.level == "ok"


@pytest.mark.parametrize(
    ("header", "kind", "unit"),
    [
        ("SGB-II-Quote", "value", "%"),
        ("Anteil 65+", "value", "%"),
        ("Arbeitslose in %", "value", "%"),
        ("Geburten je 1.000 Einw.", "value", "je 1.000 Einw."),
        ("Durchschnittsalter", "value", ""),
        ("SGB-II-Empfänger", "count", "Personen"),
        ("Anzahl Kinder", "count", "Personen"),
    ],
)
def test_kind_and_unit_are_guessed_from_the_header(header, kind, unit):
    assert guess_kind(header)[:2] == (kind, unit)


def test_reading_findings_are_rendered_in_the_readers_language():
    raw, report = read_table(b"", "leer.csv")
    assert "Datei ist leer" in report.summary(voice=GERMAN) and "the file is empty" in report.summary(voice=ENGLISH)
    raw, report = read_table(b"Stadtteil;Jahr;Wert\r\n01;2023;5;7\r\n", "extra.csv")
    assert "overflow" not in report.to_text(voice=ENGLISH) and "extra fields are ignored" in report.to_text(
        voice=ENGLISH
    )
    assert "überzählige Felder" in report.to_text(voice=GERMAN)


def test_boundary_findings_are_rendered_in_the_readers_language():
    import geopandas as gpd
    from shapely.geometry import box

    from geo.boundary_clean import pick_columns
    from indicators.ingest.report import Report

    gdf = gpd.GeoDataFrame({"nr": ["1", "1"]}, geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)], crs=25832)  # synthetic
    report = Report("grenzen.gpkg")
    pick_columns(gdf, "nr", None, report)
    assert "Schlüssel '1' doppelt" in report.to_text(voice=GERMAN)
    assert "key '1' twice: only the first feature is used" in report.to_text(voice=ENGLISH)


def test_the_preview_writes_numbers_in_the_readers_language():
    tidy = pd.DataFrame({"area_code": ["01", "02", "03"], "value": [12.5, 3.0, 1234.5678]})
    assert list(preview_frame(tidy)["value"]) == ["12,5", "3", "1.234,5678"]
    assert list(preview_frame(tidy, voice=ENGLISH)["value"]) == ["12.5", "3", "1,234.5678"]
    assert len(preview_frame(tidy, 2, voice=ENGLISH)) == 2 and list(tidy["value"]) == [12.5, 3.0, 1234.5678]
