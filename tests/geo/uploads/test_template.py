"""The upload template (geo/uploads/template.py) opens in the upload's own reader and validates:
its columns are recognised, its area codes and variables are known, filled in it is accepted.
Values filled in here are SYNTHETIC."""

import pytest

from geo.geographies import get_geography, load_areas
from geo.uploads.table import check_table
from geo.uploads.template import input_variables, template_csv, template_frame, template_xlsx
from indicators.catalogue import load_catalogue

WRITERS = {"vorlage.csv": template_csv, "vorlage.xlsx": template_xlsx}


@pytest.fixture(scope="module")
def frame():
    return template_frame(get_geography("stadtteile"), 2023)


def test_rows_cover_every_area_and_input_variable(frame):
    geo = get_geography("stadtteile")
    variables = input_variables(load_catalogue(geo.catalogue))
    assert "population_total" in variables
    codes = set(load_areas(geo)["code"].astype(str))
    assert codes <= set(frame["area_code"]) and set(frame["variable"]) == set(variables)
    assert len(frame) == frame["area_code"].nunique() * len(variables)


@pytest.mark.parametrize("name", WRITERS)
def test_empty_template_opens_with_recognised_columns_and_only_missing_values(frame, name):
    check = check_table(WRITERS[name](frame), name, "stadtteile")
    assert check.roles == {"area": "area_code", "year": "year", "variable": "variable", "value": "value"}
    problems = {f.problem for f in check.report.findings if f.severity == "Fehler"}
    # nothing unknown: only the values to fill in are missing (and so, as a whole, no usable value yet)
    assert problems == {"Wert fehlt", "keine verwendbaren Werte in der Tabelle"}


@pytest.mark.parametrize("name", WRITERS)
def test_filled_template_validates(frame, name):
    filled = frame.assign(value="10")  # synthetic values
    check = check_table(WRITERS[name](filled), name, "stadtteile")
    assert check.ok, check.report
    assert len(check.tidy) == len(frame)
    assert set(check.tidy["variable"]) == set(frame["variable"])
