"""``validate_file``: an expected error becomes a report; a bug is not disguised as "nicht verwendbar"."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.uploads import file_check
from indicators.errors import InputError
from indicators.wording.voice import GERMAN, Voice


def test_a_bug_in_a_check_propagates_instead_of_reading_as_an_unusable_file(monkeypatch):
    def boom(*_a: object, **_k: object) -> tuple[bool, str]:
        raise TypeError("bug in the table check")

    monkeypatch.setattr(file_check, "validate_table_file", boom)
    with pytest.raises(TypeError, match="bug in the table check"):
        file_check.validate_file(table="x.csv")


def test_an_expected_error_still_becomes_the_report(monkeypatch):
    def refused(*_a: object, **_k: object) -> tuple[bool, str]:
        raise InputError("Datei abgelehnt")

    monkeypatch.setattr(file_check, "validate_boundaries_file", refused)
    ok, text = file_check.validate_file(boundaries="x.gpkg")
    assert not ok
    assert text.startswith("Fehler: x.gpkg: Datei abgelehnt")
    assert text.endswith("Ergebnis: nicht verwendbar")


ROOT = Path(__file__).resolve().parents[3]
TABLE, BOUNDARIES = str(ROOT / "data/luebeck_stadtteile.csv"), str(ROOT / "shapes/luebeck.gpkg")
GERMAN_WORDS = ("Ergebnis", "verwendbar", "Spalten", "Schlüssel", "Zeilen", "gelesen", "verwendet", "verworfen")


def _checks(voice: Voice) -> list[tuple[bool, str]]:
    return [
        file_check.validate_file(table=TABLE, voice=voice),
        file_check.validate_file(boundaries=BOUNDARIES, key="code", name="name", voice=voice),
        file_check.validate_file(boundaries=BOUNDARIES, key="Schluessel", voice=voice),
        file_check.validate_file(table=TABLE, geography="gibtsnicht", voice=voice),
    ]


def test_the_check_speaks_english_when_asked():
    (table_ok, table), (bnd_ok, bnd), (key_ok, key), (geo_ok, geo) = _checks(Voice.of("en"))
    assert (table_ok, bnd_ok, key_ok, geo_ok) == (True, True, False, False)
    assert "Columns: area=area_code" in table and "Rows: 1430 read, 1430 used, 0 dropped; 1430 values" in table
    assert "Columns: code, name" in bnd and "Key: code, name: name" in bnd and bnd.endswith("Result: usable")
    assert key.endswith("Result: not usable") and geo.startswith(f"Error: {TABLE}: Unknown geography")
    for text in (table, bnd, key, geo):
        found = [w for w in (*GERMAN_WORDS, "Fehler") if w in text]
        assert not found, (found, text)


def test_the_check_speaks_german_by_default():
    (_, table), (_, bnd), (_, key), (_, geo) = _checks(GERMAN)
    assert (
        "Spalten: area=area_code" in table and "Zeilen: 1430 gelesen, 1430 verwendet, 0 verworfen; 1430 Werte" in table
    )
    assert "Schlüssel: code, Name: name" in bnd and bnd.endswith("Ergebnis: verwendbar")
    assert key.endswith("Ergebnis: nicht verwendbar") and geo.startswith(f"Fehler: {TABLE}: Unbekannte Geografie")
    assert table == file_check.validate_file(table=TABLE)[1]  # German without a voice
