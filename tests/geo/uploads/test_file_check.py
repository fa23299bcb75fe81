"""``validate_file``: an expected error becomes a report; a bug is not disguised as "nicht verwendbar"."""

from __future__ import annotations

import pytest

from geo.uploads import file_check
from indicators.errors import InputError


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
