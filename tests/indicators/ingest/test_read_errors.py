"""Only openpyxl's errors read as "Datei nicht lesbar"; a bug of the reading loop stays a bug."""

from __future__ import annotations

import io
import logging

import pytest
from openpyxl import Workbook

from indicators.ingest import read
from indicators.ingest.report import Report


def _xlsx() -> bytes:  # synthetic workbook, made here for the test
    wb = Workbook()
    wb.active.append(["area_code", "year", "value"])
    wb.active.append(["01", 2023, 5])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_a_bug_in_the_own_loop_is_raised_not_reported_as_an_unreadable_file(monkeypatch):
    def broken(_v: object) -> str:
        raise RuntimeError("bug in _cell_text")

    monkeypatch.setattr(read, "_cell_text", broken)
    with pytest.raises(RuntimeError, match="bug in _cell_text"):
        read.read_xlsx_bytes(_xlsx(), Report("test.xlsx"))


def test_a_broken_sheet_is_logged_and_rejected(monkeypatch, caplog):
    def fail(*_a: object, **_k: object) -> None:
        raise KeyError("xl/worksheets/sheet1.xml")

    monkeypatch.setattr("openpyxl.load_workbook", fail)
    report = Report("test.xlsx")
    with caplog.at_level(logging.INFO, logger="indicators.ingest.read"):
        raw = read.read_xlsx_bytes(_xlsx(), report)
    assert raw.frame.empty
    assert "KeyError" in caplog.text
    assert report.file_error


def test_a_bug_around_opening_the_workbook_propagates(monkeypatch):
    def bug(*_a: object, **_k: object) -> None:
        raise AttributeError("'NoneType' object has no attribute 'read'")

    monkeypatch.setattr("openpyxl.load_workbook", bug)
    with pytest.raises(AttributeError, match="no attribute 'read'"):
        read.read_xlsx_bytes(_xlsx(), Report("test.xlsx"))


def test_a_bug_while_the_sheet_is_parsed_propagates(monkeypatch):
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    def bug(*_a: object, **_k: object):
        raise AttributeError("bug while parsing")
        yield  # a generator, as openpyxl's

    monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows", bug)
    with pytest.raises(AttributeError, match="bug while parsing"):
        read.read_xlsx_bytes(_xlsx(), Report("test.xlsx"))


def test_an_xml_error_while_the_sheet_is_parsed_is_a_finding(monkeypatch):
    import xml.etree.ElementTree as ET

    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    def hostile(*_a: object, **_k: object):
        raise ET.ParseError("not well-formed")
        yield

    monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows", hostile)
    report = Report("test.xlsx")
    assert read.read_xlsx_bytes(_xlsx(), report).frame.empty
    assert report.file_error
