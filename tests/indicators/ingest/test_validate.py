"""Validation: every input row is either used or listed with file, row, column, reason."""

import pytest

from indicators.catalogue import load_catalogue
from indicators.ingest.read import read_table
from indicators.ingest.validate import AreaMatcher, parse_number, validate_table

CODES = {
    f"{i:02d}": n
    for i, n in enumerate(
        [
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
        ],
        start=1,
    )
}


@pytest.fixture
def matcher():
    return AreaMatcher(CODES, CODES)


# A German Excel export as planners send it (synthetic values).
MESSY = (
    "Stadtteil;Jahr;Merkmal;Wert\r\n"
    "01;2022;pop_under18;1.462\r\n"  # 2 ok, thousands dot
    "2;2022;pop_under18;7283\r\n"  # 3 ok, code without zero
    "99;2022;pop_under18;12\r\n"  # 4 unknown code
    "02;2022;pop_under18;7283\r\n"  # 5 duplicate of 3
    "03;2022;population_total;11115\r\n"  # 6 ok
    "04;2022;pop_under18;viele\r\n"  # 7 text in number column
    "05;2022;pop_under18;-4\r\n"  # 8 negative count
    "06;2022;pop_under18;.\r\n"  # 9 secret/missing symbol
    "Kücknitz;2022;pop_under18;3118\r\n"  # 10 ok by name
    "08;20x2;pop_under18;941\r\n"  # 11 bad year
    "03;2022;pop_under18;12000\r\n"  # 12 numerator > denominator (row 6)
    "10;2022;mean_age;51,3\r\n"  # 13 ok decimal comma
)


def test_messy_german_csv_accounts_for_every_row(matcher):
    raw, report = read_table(MESSY.encode("cp1252"), "messy.csv")
    tidy = validate_table(raw, report, matcher, load_catalogue())
    used = set(tidy["_row"])
    dropped = report.dropped_rows
    assert used | dropped == set(range(2, 14))
    assert not used & dropped
    assert used == {2, 3, 6, 10, 13}
    problems = {f.row: f.problem for f in report.findings}
    assert "unbekannter Gebietsschlüssel '99'" in problems[4]
    assert "Duplikat von Zeile 3" in problems[5]
    assert "keine Zahl" in problems[7]
    assert "negative Anzahl" in problems[8]
    assert "kein Wert" in problems[9]
    assert "ungültiges Jahr" in problems[11]
    assert "größer als Nenner" in problems[12]
    assert all(f.file == "messy.csv" for f in report.findings)
    assert {f.column for f in report.findings if f.row == 4} == {"Stadtteil"}
    values = tidy.set_index("_row")["value"]
    assert values[2] == 1462 and values[13] == pytest.approx(51.3)
    assert tidy.set_index("_row").loc[3, "area_code"] == "02"
    assert report.rows_in == 12 and report.rows_used == 5


def test_conflicting_duplicates_drop_all(matcher):
    raw, report = read_table(b"code,year,variable,value\n01,2020,x,1\n01,2020,x,2\n", "d.csv")
    tidy = validate_table(raw, report, matcher)
    assert tidy.empty
    assert report.dropped_rows == {2, 3}
    assert all("widersprüchliche" in f.problem for f in report.findings)


def test_wide_format_with_partial_rows(matcher):
    text = "Gebiet;Jahr;pop_under18;population_total\n01;2021;1400;14000\n02;2021;x;45000\n03;2021;;\n"
    raw, report = read_table(text.encode(), "wide.csv")
    tidy = validate_table(raw, report, matcher, load_catalogue())
    assert sorted(tidy["_row"].unique()) == [2, 3]
    assert len(tidy) == 3
    assert 4 in report.dropped_rows  # all values empty: row listed
    assert any(f.row == 3 and f.action == "Wert verworfen" for f in report.findings)


def test_missing_area_column_rejects_file(matcher):
    raw, report = read_table(b"foo,bar\n1,2\n", "x.csv")
    validate_table(raw, report, matcher)
    assert not report.ok
    assert "Gebietsschlüssel" in report.summary()


def test_explicit_mapping_and_default_year(matcher):
    raw, report = read_table(b"Raum;Anzahl Kinder\n01;12\n", "m.csv")
    tidy = validate_table(raw, report, matcher, mapping={"area": "Raum"}, default_year=2023)
    assert tidy[["area_code", "year", "variable", "value"]].values.tolist() == [["01", 2023, "Anzahl Kinder", 12.0]]


@pytest.mark.parametrize(
    "text,decimal,expected",
    [
        ("1.234,5", ",", 1234.5),
        ("1234,5", ",", 1234.5),
        ("1,234.5", ".", 1234.5),
        ("12 %", ".", 12.0),
        ("abc", ".", None),
        ("inf", ".", None),
        ("-3", ",", -3.0),
    ],
)
def test_parse_number(text, decimal, expected):
    assert parse_number(text, decimal) == expected


def test_shipped_table_passes_validation_cleanly(luebeck):
    assert luebeck.report.ok
    assert luebeck.report.findings == []
    assert luebeck.report.rows_used == luebeck.report.rows_in == 1430
