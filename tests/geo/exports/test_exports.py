"""Data downloads: CSV dialects, XLSX metadata, GeoPackage; same numbers, nothing suppressed."""

from __future__ import annotations

import io
from datetime import date

import numpy as np
import openpyxl
import pandas as pd
import pyogrio
import pytest
from synth_exports import SUPPRESSED_CODE, SUPPRESSED_RATE, synthetic_dataset

from geo.exports.geopackage import export_layer, geopackage_bytes
from geo.exports.safety import safe_cell as _safe_cell
from geo.exports.tables import export_frame, to_csv_bytes, to_xlsx_bytes
from geo.join import indicator_layer
from indicators.wording.voice import Voice

ALL = ["population_total", "cases", "case_rate", "mean_age"]


@pytest.fixture(scope="module")
def synth():
    return synthetic_dataset()


def test_export_numbers_equal_the_map_layer(luebeck):
    frame = export_frame(luebeck, "share_65plus", 2022, exact=True)
    layer, city = indicator_layer(luebeck, "share_65plus", 2022)
    areas = frame[frame["code"] != "00"].set_index("code")
    for col in ("value", "numerator", "denominator"):
        assert areas[col].tolist() == layer.set_index("code")[col].astype(float).tolist()
    assert areas["rank"].tolist() == layer.set_index("code")["rank"].astype(float).tolist()
    assert frame.set_index("code").at["00", "value"] == city
    # what leaves the tool is rounded to the indicator's decimals (as on the map), not 15 digits
    dec = luebeck.catalogue["share_65plus"].decimals_for(layer["value"])
    shown = export_frame(luebeck, "share_65plus", 2022).set_index("code")
    assert shown["value"].drop("00").tolist() == layer.set_index("code")["value"].astype(float).round(dec).tolist()
    assert shown.at["00", "value"] == round(city, dec)
    assert frame.set_index("code").at["00", "name"] == "Lübeck gesamt"


def test_german_excel_csv_round_trip(luebeck):
    frame = export_frame(luebeck, ["share_65plus", "population_total"], 2022)
    data = to_csv_bytes(frame, "excel-de")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Code;Gebiet;Indikator-ID;Indikator;Jahr;Wert")
    assert "\r\n" in text
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", dtype={"Code": str})
    assert back["Wert"].tolist() == frame["value"].tolist()
    assert back["Code"].tolist() == frame["code"].tolist()
    assert "15,8" in text and "15,77" not in text  # decimal comma, one decimal (Innenstadt, share 65+)
    assert back.columns[-1] == "Quelle" and back["Quelle"].str.contains("Kommunale Statistikstelle").all()


def test_plain_csv_has_no_bom_and_decimal_point(luebeck):
    frame = export_frame(luebeck, "share_65plus", 2022)
    data = to_csv_bytes(frame, "utf8", voice=Voice.of("en"))
    assert not data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), dtype={"code": str})
    assert back["value"].tolist() == frame["value"].tolist()
    with pytest.raises(ValueError, match="unbekanntes CSV-Format"):
        to_csv_bytes(frame, "latin1")


def test_xlsx_has_data_and_metadata(luebeck):
    data = to_xlsx_bytes(luebeck, "share_65plus", 2022, created=date(2024, 3, 1))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Daten", "Metadaten"]
    rows = list(wb["Daten"].values)
    header = rows[0]
    assert header[:6] == ("Code", "Gebiet", "Indikator-ID", "Indikator", "Jahr", "Wert")
    values = [r[5] for r in rows[1:]]
    # openpyxl stores 15 significant digits
    assert values == pytest.approx(export_frame(luebeck, "share_65plus", 2022)["value"].tolist(), rel=1e-14)
    meta = dict((k, v) for k, v in wb["Metadaten"].values if k)
    assert meta["Definition"].startswith("Personen ab 65 Jahren je 100 Einwohner")
    assert meta["Einheit"] == "%"
    assert meta["Lizenz"] == "CC BY 4.0"
    assert meta["Datenstand"] == "31.12.2022"
    assert meta["Erstellt am"] == "01.03.2024"
    assert "Kommunale Statistikstelle" in meta["Quelle"]
    assert "Grenzen: Hansestadt Lübeck" in meta["Namensnennung"]
    assert meta["Lizenz-URL"].startswith("https://creativecommons.org/")


def test_geopackage_is_readable_with_same_numbers(luebeck, tmp_path):
    path = tmp_path / "x.gpkg"
    path.write_bytes(geopackage_bytes(luebeck, "share_65plus", 2022))
    layers = dict(pyogrio.list_layers(path))
    assert set(layers) == {"share_65plus_2022", "metadaten"}
    gdf = pyogrio.read_dataframe(path, layer="share_65plus_2022")
    assert gdf.crs.to_epsg() == 25832 and len(gdf) == 10
    layer, _ = indicator_layer(luebeck, "share_65plus", 2022)
    assert (
        gdf.set_index("code")["value"].sort_index().tolist()
        == layer.set_index("code")["value"].sort_index().round(1).tolist()
    )
    assert gdf.geometry.area.sum() == pytest.approx(layer.geometry.area.sum())
    meta = pyogrio.read_dataframe(path, layer="metadaten")
    assert "Definition" in set(meta["feld"])


def test_no_suppressed_value_in_any_export(synth, tmp_path):
    frame = export_frame(synth, ALL, 2022)
    sup = frame[frame["suppressed"]]
    # 05 is hidden by secondary suppression: the city total minus the rest would reveal 03
    assert set(sup["indicator"]) == {"cases", "case_rate"} and set(sup["code"]) == {SUPPRESSED_CODE, "05"}
    assert sup[["value", "numerator", "denominator", "rank"]].isna().all().all()
    assert (sup["note"] == "gesperrt (Datenschutz, < 3 Fälle)").all()

    # CSV (both dialects): the suppressed cells are empty, the 50 % rate and 2 cases appear nowhere
    for dialect, kw in (("excel-de", dict(sep=";", decimal=",", encoding="utf-8-sig")), ("utf8", {})):
        back = pd.read_csv(io.BytesIO(to_csv_bytes(frame, dialect)), dtype={"Code": str}, **kw)
        rows = back[(back["Code"] == SUPPRESSED_CODE) & back["Indikator-ID"].isin(["cases", "case_rate"])]
        assert rows[["Wert", "Zähler", "Nenner", "Rang"]].isna().all().all()
        assert not (back["Wert"] == SUPPRESSED_RATE).any()
        assert not ((back["Indikator-ID"] == "cases") & (back["Wert"] == 2)).any()

    # XLSX
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(synth, ALL, 2022)))
    rows = list(wb["Daten"].values)
    for r in rows[1:]:
        if r[0] == SUPPRESSED_CODE and r[2] in {"cases", "case_rate"}:
            assert r[5] is None and r[7] is None and r[8] is None and r[9] is None
        assert r[5] != SUPPRESSED_RATE

    # GeoPackage
    path = tmp_path / "s.gpkg"
    path.write_bytes(geopackage_bytes(synth, ALL, 2022))
    gdf = pyogrio.read_dataframe(path, layer="indikatoren_2022")
    rows = gdf[(gdf["code"] == SUPPRESSED_CODE) & gdf["indicator"].isin(["cases", "case_rate"])]
    assert len(rows) == 2 and rows[["value", "numerator", "denominator"]].isna().all().all()
    assert not (gdf["value"] == SUPPRESSED_RATE).any()


def test_export_never_trusts_a_suppressed_row_with_a_number(synth):
    # even if a suppressed row still carried numbers, they are blanked on export
    ds = synthetic_dataset()
    v = ds.values
    mask = v["suppressed"]
    v.loc[mask, "value"] = SUPPRESSED_RATE
    frame = export_frame(ds, "case_rate", 2022)
    assert frame.loc[frame["suppressed"], "value"].isna().all()


def test_formula_injection_is_neutralised_everywhere(tmp_path):
    names = ['=HYPERLINK("http://x")', "+49 Nord", "-Süd", "@Mitte", "\tTab", "Normal"]
    ds = synthetic_dataset(names=names)
    frame = export_frame(ds, "case_rate", 2022)
    back = pd.read_csv(
        io.BytesIO(to_csv_bytes(frame, "excel-de")),
        sep=";",
        decimal=",",
        encoding="utf-8-sig",
        dtype=str,
        keep_default_na=False,
    )
    assert back["Gebiet"].tolist()[:6] == ["'" + n for n in names[:5]] + ["Normal"]
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(ds, "case_rate", 2022)))
    cells = [row[1] for row in wb["Daten"].iter_rows(min_row=2)]
    assert all(c.data_type == "s" for c in cells)  # no formula cells
    assert cells[0].value == '\'=HYPERLINK("http://x")'
    path = tmp_path / "f.gpkg"
    path.write_bytes(geopackage_bytes(ds, "case_rate", 2022))
    gdf = pyogrio.read_dataframe(path, layer="case_rate_2022")
    assert gdf["name"].iloc[0].startswith("'=")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+1", "+1"),
        ("-1", "-1"),
        ("-1+2", "'-1+2"),
        ("%", "%"),
        ("@a", "'@a"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Lübeck", "Lübeck"),
        (-1.5, -1.5),
        (None, None),
    ],
)
def test_safe_cell(value, expected):
    assert _safe_cell(value) == expected


def test_export_layer_has_one_feature_per_area_and_indicator(synth):
    gdf = export_layer(synth, ["cases", "case_rate"], 2022)
    assert len(gdf) == 12 and gdf.crs.to_epsg() == 25832
    assert not np.isin("00", gdf["code"])


def test_unknown_indicator_is_a_clear_error(synth):
    with pytest.raises(ValueError, match="unbekannter Indikator 'x'"):
        export_frame(synth, "x", 2022)
