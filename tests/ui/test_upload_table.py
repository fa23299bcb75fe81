"""Upload page, indicator table: a German Excel CSV with a name column (SYNTHETIC values) — only the
real problems reported, errors first, an amber summary, the name column recognised, the kind guessed
from the header, the preview in German numbers."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest


@pytest.fixture(scope="module")
def excel_csv() -> bytes:
    from geo.geographies import get_geography, load_areas

    areas = load_areas(get_geography("stadtteile")).sort_values("code").head(10)
    lines = ["Stadtteil;Name;Jahr;SGB-II-Empfänger;SGB-II-Quote"]
    for i, (code, name) in enumerate(zip(areas["code"], areas["name"])):
        count = "drei" if i == 2 else str(100 + i)
        quota = "k.A." if i == 6 else f"{5 + i},5"
        lines.append(f"{code};{name};2023;{count};{quota}")
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def _page() -> None:
    from ui import common
    from ui.pages import upload

    common.language_switch()
    upload.render()


def _uploaded(tmp_path, monkeypatch, data: bytes, lang: str = "de") -> AppTest:
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    at = AppTest.from_function(_page, default_timeout=120)
    if lang == "en":
        at.query_params["lang"] = "en"
    at.run()
    at.radio(key="up_mode").set_value("table").run()
    at.file_uploader(key="up_table").set_value([("sgb2.csv", data, "text/csv")]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_name_column_is_no_value_error_and_the_summary_is_amber(tmp_path, monkeypatch, excel_csv):
    at = _uploaded(tmp_path, monkeypatch, excel_csv)
    assert not at.success or not any("Zeilen gelesen" in s.value for s in at.success)
    assert any("2 einzelne Werte verworfen" in w.value for w in at.warning)  # amber, not green
    report = at.dataframe[0].value
    assert "keine Zahl: 'drei'" in report.iloc[0].to_string() and report.iloc[0, -1] == "Fehler"
    text = report.to_string()
    assert "k.A." in text and "Name" not in set(report.iloc[:, 2])  # no finding for the name column
    assert at.selectbox(key="up_map_name").value == "Name"
    assert any("Quote/Anteil in %" in c.value for c in at.caption)  # SGB-II-Quote guessed as a share
    preview = at.dataframe[1].value.to_string()
    assert "5,5" in preview and "5.5" not in preview


def test_marking_a_column_ignore_rechecks_without_it(tmp_path, monkeypatch, excel_csv):
    at = _uploaded(tmp_path, monkeypatch, excel_csv)
    at.multiselect(key="up_map_ignore").set_value(["SGB-II-Quote"]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "k.A." not in at.dataframe[0].value.to_string()


def test_the_report_in_english_has_no_german(tmp_path, monkeypatch, excel_csv):
    at = _uploaded(tmp_path, monkeypatch, excel_csv, "en")
    report = at.dataframe[0].value.to_string()
    assert "not a number: 'drei'" in report and "value dropped" in report
    for word in ("keine Zahl", "Zeile verworfen", "Wert verworfen", "Fehler", "Hinweis", "kein Wert"):
        assert word not in report, word
    assert any("single values dropped" in w.value for w in at.warning)


def test_a_table_for_a_saved_dataset_extends_it_after_a_preview(tmp_path, monkeypatch):
    # SYNTHETIC: a saved dataset of three made-up areas, then a table with a new year for it
    import geopandas as gpd
    from shapely.geometry import box

    from geo.loading import load_dataset
    from geo.uploads.datastore import DataStore
    from geo.uploads.pipeline import UploadContent, accept_upload, check_table
    from indicators.ingest.new_indicators import default_fields, indicator_from_form, source_from_form

    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    areas = gpd.GeoDataFrame(
        {"code": ["A", "B", "C"], "name": ["Nordviertel", "Mitte", "Südfeld"]},
        geometry=[box(610000 + i * 1000, 5970000, 611000 + i * 1000, 5971000) for i in range(3)],
        crs=25832,
    )
    first = check_table(b"Gebiet,Jahr,kinder\nA,2022,120\nB,2022,80\nC,2022,60\n", "kinder_2022.csv", areas=areas)
    src = source_from_form("Synthetische Testdaten")
    ind = indicator_from_form(default_fields("kinder") | {"source": src.id}, ["kinder"])
    geo = accept_upload(
        DataStore(tmp_path),
        "Testviertel",
        "Testviertel",
        UploadContent(areas=areas, tidy=first.tidy, indicators=[ind], sources=[src], reports=[first.report]),
    )
    at = AppTest.from_function(_page, default_timeout=120).run()
    at.radio(key="up_mode").set_value("table").run()
    at.selectbox(key="up_t_geo").set_value(geo.id).run()
    at.file_uploader(key="up_table").set_value(
        [("kinder_2023.csv", b"Gebiet,Jahr,kinder\nA,2023,125\nB,2023,82\nC,2023,61\n", "text/csv")]
    ).run()
    at.text_input(key="up_src").set_value("Synthetische Testdaten").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.radio(key="up_t_mode").value == "extend"  # a saved dataset of the user's: extended by default
    assert not [t for t in at.text_input if t.key == "up_t_label"]  # no label asked for
    preview = [m.value for m in at.markdown if "Was sich ändert" in m.value]
    assert preview and "2023" in preview[0]
    at.button(key="up_t_ok").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Datensatz ergänzt: Testviertel" in s.value for s in at.success)
    assert load_dataset(DataStore(tmp_path).geographies()[geo.id]).years == [2022, 2023]
