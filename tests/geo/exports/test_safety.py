"""Formula injection in exported CSV/XLSX."""

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from geo.exports.safety import safe_cell, safe_frame


@pytest.mark.parametrize("cell", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=x", "\r=x", ' =HYPERLINK("http://x")'])
def test_dangerous_text_is_prefixed(cell):
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Innenstadt", "-3,5", "-12", 3, -2.5, None, "St. Jürgen"])
def test_harmless_cells_unchanged(cell):
    assert safe_cell(cell) == cell


def test_safe_frame_neutralises_csv_and_xlsx():
    df = pd.DataFrame({"=name": ['=HYPERLINK("http://evil","x")', "ok"], "value": [-1.5, 2.0]})
    out = safe_frame(df)
    assert out.columns[0] == "'=name" and out.iloc[0, 0].startswith("'=") and out["value"].tolist() == [-1.5, 2.0]
    buf = io.BytesIO()
    out.to_excel(buf, index=False)
    ws = load_workbook(io.BytesIO(buf.getvalue())).active
    assert ws["A2"].data_type == "s" and ws["A2"].value.startswith("'=")
    assert df.iloc[0, 0].startswith("=")  # input not modified
