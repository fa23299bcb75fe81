"""Reading CSV/XLSX in the dialects planners actually have."""

import io

from openpyxl import Workbook

from indicators.ingest.read import decode, read_table, sniff_delimiter


def test_german_excel_csv_cp1252_semicolon_decimal_comma():
    text = "Stadtteil;Jahr;Merkmal;Wert\r\nSt. Jürgen;2022;Anteil;12,5\r\n02;2022;Zahl;1.234\r\n"
    raw, report = read_table(text.encode("cp1252"), "export.csv")
    assert raw.encoding == "cp1252"
    assert raw.delimiter == ";"
    assert raw.decimal == ","
    assert raw.frame.loc[0, "Stadtteil"] == "St. Jürgen"
    assert list(raw.frame["_row"]) == [2, 3]
    assert report.rows_in == 2


def test_utf8_bom_and_comma_separated():
    raw, _ = read_table("\ufeffcode,year,variable,value\n01,2020,x,1.5\n".encode("utf-8"), "a.csv")
    assert raw.encoding == "utf-8-sig"
    assert list(raw.frame.columns[:4]) == ["code", "year", "variable", "value"]
    assert raw.decimal == "."


def test_decode_falls_back_to_cp1252():
    assert decode("Größe".encode("cp1252")) == ("Größe", "cp1252")


def test_sniff_tab():
    assert sniff_delimiter("a\tb\tc\n1\t2\t3\n") == "\t"


def test_xlsx_rows_keep_sheet_row_numbers_and_flag_dates():
    import datetime as dt

    wb = Workbook()
    ws = wb.active
    ws.append(["Stadtteil", "Jahr", "Merkmal", "Wert"])
    ws.append([None, None, None, None])  # blank row is skipped, numbering kept
    ws.append(["01", 2022, "x", 12.5])
    ws.append(["02", 2022, "x", dt.datetime(2022, 3, 1)])
    buf = io.BytesIO()
    wb.save(buf)
    raw, report = read_table(buf.getvalue(), "t.xlsx")
    assert list(raw.frame["_row"]) == [3, 4]
    assert raw.frame.loc[0, "Wert"] == "12.5"
    assert raw.frame.loc[1, "Wert"].startswith("__DATE__")


def test_oversized_and_binary_files_are_rejected_with_reason():
    _, rep = read_table(b"x" * 100, "big.csv", max_bytes=10)
    assert not rep.ok and "größer" in rep.summary()
    _, rep = read_table(b"\x00\x01\x02binary", "blob.csv")
    assert not rep.ok and "Binärdatei" in rep.summary()
    _, rep = read_table(b"", "empty.csv")
    assert not rep.ok and "leer" in rep.summary()


def test_missing_file_reports_name(tmp_path):
    _, rep = read_table(tmp_path / "nope.csv")
    assert not rep.ok and "nope.csv" in rep.summary()


def test_default_size_limit_follows_the_environment(monkeypatch):
    from indicators.ingest.read import read_table

    data = b"code;jahr;wert\n" + b"01;2022;5\n" * 300  # synthetic, ~3 KB
    _, report = read_table(data, "t.csv")
    assert not report.file_error and report.rows_in == 300
    monkeypatch.setenv("SOZIALMONITOR_MAX_UPLOAD_MB", "0.001")  # 1 KB
    _, report = read_table(data, "t.csv")
    assert report.file_error and "größer" in report.to_text()
