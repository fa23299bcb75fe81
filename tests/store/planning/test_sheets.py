"""Reading the planning workbook (``store/planning/sheets.py``): openpyxl's errors are findings naming the
file and sheet; a bug of the reading code is not dressed up as "nicht lesbar". Workbooks SYNTHETIC, made here."""

from __future__ import annotations

import io
import logging
import xml.etree.ElementTree as ET

import pytest
from openpyxl import Workbook

from store.planning import sheets

NAME = "plan.xlsx"


def _workbook() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Massnahmen"
    ws.append(["titel", "stadtteil"])
    ws.append(["Spielplatz", "01"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _problem(out: sheets.Sheets) -> str:
    return "\n".join(report.to_text() for _, report in out.values())


def test_the_synthetic_workbook_is_read():
    frame, report = sheets.xlsx_sheets(_workbook(), NAME)["Massnahmen"]
    assert report.ok and list(frame["titel"]) == ["Spielplatz"]


def test_openpyxl_failing_on_the_workbook_is_a_logged_finding(monkeypatch, caplog):
    def missing_part(*_a: object, **_k: object) -> None:
        raise KeyError("There is no item named 'xl/workbook.xml' in the archive")

    monkeypatch.setattr("openpyxl.load_workbook", missing_part)
    with caplog.at_level(logging.INFO, logger="store.planning.sheets"):
        out = sheets.xlsx_sheets(_workbook(), NAME)
    assert "Excel-Datei nicht lesbar: KeyError" in _problem(out)
    assert any(r.exc_info and isinstance(r.exc_info[1], KeyError) for r in caplog.records)


def test_a_bug_around_opening_the_workbook_propagates(monkeypatch):
    def bug(*_a: object, **_k: object) -> None:
        raise AttributeError("'NoneType' object has no attribute 'read'")

    monkeypatch.setattr("openpyxl.load_workbook", bug)
    with pytest.raises(AttributeError, match="no attribute 'read'"):
        sheets.xlsx_sheets(_workbook(), NAME)


def test_a_hostile_sheet_is_a_finding_naming_the_sheet(monkeypatch):
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    def hostile(*_a: object, **_k: object):
        raise ET.ParseError("not well-formed (invalid token): line 1, column 2")
        yield  # a generator, as openpyxl's

    monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows", hostile)
    assert "Tabellenblatt 'Massnahmen' nicht lesbar" in _problem(sheets.xlsx_sheets(_workbook(), NAME))


def test_a_bug_in_the_sheet_loop_propagates(monkeypatch):
    def bug(_v: object) -> str:
        raise KeyError("bug in cell()")

    monkeypatch.setattr(sheets, "cell", bug)
    with pytest.raises(KeyError, match="bug in cell"):
        sheets.xlsx_sheets(_workbook(), NAME)


def test_undecodable_csv_bytes_are_a_finding():
    out = sheets.csv_sheet(b"\xff\xfetitel;\x00", "Massnahmen.csv")  # UTF-16 of odd length
    assert "Datei nicht lesbar" in _problem(out)


def test_a_bug_while_decoding_a_csv_propagates(monkeypatch):
    def bug(_data: bytes) -> tuple[str, str]:
        raise TypeError("bug in decode")

    monkeypatch.setattr(sheets, "decode", bug)
    with pytest.raises(TypeError, match="bug in decode"):
        sheets.csv_sheet(b"titel\nSpielplatz\n", "Massnahmen.csv")
