"""One writer for every view's table: source column, rounding, formulas defused, files that open."""

from __future__ import annotations

import io

import numpy as np
import openpyxl
import pandas as pd
import pytest

from geo.exports.sheet import ExportTable, read_back, round_values, rounded, table_csv, table_xlsx
from indicators.wording.voice import Voice

SOURCE = "Synthetische Testdaten (erfunden), CC0 1.0; Geometrie: synthetisch"


def _table() -> ExportTable:
    # SYNTHETIC: invented numbers; a share and a count in one column (per-row decimals)
    frame = pd.DataFrame(
        {
            "code": ["01", "02", "03"],
            "name": ["Nord", '=HYPERLINK("http://x")', "Süd"],
            "value": [15.771717739, 1234.0, np.nan],
            "score": [0.123456, -1.98765, 2.0],
            "rank": [1.0, 2.0, np.nan],
            "note": ["", "", "gesperrt"],
        }
    )
    return ExportTable(
        frame, SOURCE, {"value": [1, 0, 1], "score": 2, "rank": 0}, {"value": "Wert (%)"}, [("Jahr", "2022")]
    )


def test_round_values_one_or_per_row():
    assert round_values(pd.Series([1.26, 2.5]), 1).tolist() == [1.3, 2.5]
    assert round_values(pd.Series([1.26, 2.54, np.nan]), [0, 1, 2]).tolist()[:2] == [1.0, 2.5]
    with pytest.raises(ValueError):
        round_values(pd.Series([1.0]), [1, 2])


def test_rounded_keeps_whole_numbers_whole():
    out = rounded(_table())
    assert out["score"].tolist() == [0.12, -1.99, 2.0]
    assert str(out["rank"].dtype) == "Int64"


@pytest.mark.parametrize("dialect, kind", [("utf8", "csv"), ("excel-de", "excel-csv")])
def test_csv_has_source_last_and_rounded_values(dialect, kind):
    data = table_csv(_table(), dialect)
    back = read_back(data, kind)
    assert list(back.columns) == ["Schlüssel", "Gebiet", "Wert (%)", "Indexwert", "Rang", "Hinweis", "Quelle"]
    assert (back["Quelle"] == SOURCE).all()  # on every row: survives sorting and filtering
    assert back["Wert (%)"].tolist()[:2] == [15.8, 1234.0] and np.isnan(back["Wert (%)"].iloc[2])
    assert back["Indexwert"].tolist() == [0.12, -1.99, 2.0]
    text = data.decode("utf-8-sig")
    assert "15.771" not in text and "15,771" not in text
    sep = ";" if dialect == "excel-de" else ","
    # each row keeps its own decimals; an empty cell for the suppressed value
    assert f"{sep}15{',' if dialect == 'excel-de' else '.'}8{sep}" in text and f"{sep}1234{sep}" in text
    assert "'=HYPERLINK" in text
    assert data.startswith(b"\xef\xbb\xbf") == (dialect == "excel-de")


def test_xlsx_has_data_and_source_sheet():
    wb = openpyxl.load_workbook(io.BytesIO(table_xlsx(_table(), voice=Voice.of("en"))))
    assert wb.sheetnames == ["Data", "Source"]
    rows = list(wb["Data"].values)
    assert rows[0][-1] == "Source" and rows[1][-1] == SOURCE
    assert rows[1][2] == 15.8 and rows[3][2] is None
    assert wb["Data"].cell(2, 3).number_format == "#,##0.0" and wb["Data"].cell(3, 3).number_format == "#,##0"
    assert rows[2][1] == '\'=HYPERLINK("http://x")'
    meta = dict(wb["Source"].values)
    assert meta["Source"] == SOURCE and meta["Jahr"] == "2022"
    assert read_back(table_xlsx(_table()), "xlsx")["Quelle"].tolist() == [SOURCE] * 3


def test_unknown_dialect_is_a_german_error():
    with pytest.raises(ValueError, match="unbekanntes CSV-Format"):
        table_csv(_table(), "latin1")
