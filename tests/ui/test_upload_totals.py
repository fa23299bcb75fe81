"""Upload page, indicator table (issue 23): a total the table shows is warned about and can be
switched off by the planner; by default it protects its parts. SYNTHETIC counts."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from geo.uploads.datastore import DataStore


def _page() -> None:
    from ui import common
    from ui.pages import upload

    common.language_switch()
    upload.render()


@pytest.fixture(scope="module")
def table_csv() -> bytes:
    from geo.geographies import get_geography, load_areas

    codes = list(load_areas(get_geography("stadtteile"))["code"].astype(str))
    rows = [(c, 1 if i == 0 else 20 + i, 30 + i) for i, c in enumerate(codes)]
    return ("Stadtteil;Jahr;m;w;t\n" + "".join(f"{c};2022;{a};{b};{a + b}\n" for c, a, b in rows)).encode()


def _upload(tmp_path, monkeypatch, data: bytes) -> AppTest:
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    at = AppTest.from_function(_page, default_timeout=180).run()
    at.radio(key="up_mode").set_value("table").run()
    at.file_uploader(key="up_table").set_value([("mw.csv", data, "text/csv")]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _w_of_first_area(tmp_path) -> bool:
    from geo.loading import load_dataset

    ds = load_dataset(DataStore(tmp_path).geographies()["mw"])
    v = ds.values[(ds.values["indicator"] == "w") & (ds.values["area_code"] == "01") & (ds.values["year"] == 2022)]
    return not bool(v["suppressed"].iloc[0])


@pytest.mark.parametrize("keep", [True, False])
def test_inferred_total_is_shown_and_the_planner_decides(tmp_path, monkeypatch, table_csv, keep):
    at = _upload(tmp_path, monkeypatch, table_csv)
    assert "t ist in jedem vollständigen Gebiet die Summe von m + w" in at.dataframe[0].value.to_string()
    box = at.checkbox(key="up_sum_t_m_w")
    assert box.value is True and "als Summe behandeln" in box.label
    if not keep:
        box.uncheck().run()
    at.text_input(key="up_src").set_value("Synthetische Testdaten").run()
    at.text_input(key="up_t_label").set_value("mw").run()
    at.button(key="up_t_ok").click().run()
    assert not at.exception, [e.value for e in at.exception]
    # kept: w of area 01 is hidden with the small m (else t − w = m); switched off: w is shown
    assert _w_of_first_area(tmp_path) is (not keep)
