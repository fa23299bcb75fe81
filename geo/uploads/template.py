"""Upload template: an indicator table (CSV and XLSX) in the form the upload accepts.

Long form, one row per area, year and variable (``area_code``, ``year``, ``variable``, ``value``),
with the area codes of a geography and the input variables of its catalogue; the values are left
empty for the planner to fill in. The template is checked by the upload's own validation
(``tests/geo/uploads/test_template.py``).
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import pandas as pd

from geo.geographies import Geography, load_areas
from indicators.catalogue import Indicator, load_catalogue

COLUMNS = ["area_code", "year", "variable", "value"]


def input_variables(catalogue: Mapping[str, Indicator]) -> list[str]:
    """The variable ids the catalogue computes its indicators from, sorted."""
    return sorted({v for ind in catalogue.values() for v in ind.inputs()})


def template_frame(geo: Geography, year: int, catalogue: Mapping[str, Indicator] | None = None) -> pd.DataFrame:
    """Template rows: every area of ``geo`` (city total included) × every input variable, empty values.

    Parameters
    ----------
    geo
        The geography whose area codes the table uses.
    year
        The year written into every row.
    catalogue
        Indicators whose inputs become the variables (default: the geography's catalogue).
    """
    cat = catalogue if catalogue is not None else load_catalogue(geo.catalogue)
    codes = [str(c) for c in load_areas(geo)["code"]]
    if geo.reference_code and geo.reference_code not in codes:
        codes.append(geo.reference_code)
    rows = [(code, year, var, "") for code in codes for var in input_variables(cat)]
    return pd.DataFrame(rows, columns=COLUMNS)


def template_csv(frame: pd.DataFrame) -> bytes:
    """The template as CSV for German Excel: UTF-8 with BOM, ``;`` separated."""
    text: str = frame.to_csv(index=False, sep=";")
    return text.encode("utf-8-sig")


def template_xlsx(frame: pd.DataFrame) -> bytes:
    """The template as an XLSX workbook (one sheet)."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name="Daten")
    return buf.getvalue()
