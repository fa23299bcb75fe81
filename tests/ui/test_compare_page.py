"""Gebietsvergleich (issue 16, item 4): areas side by side, restored from a link, charts with plain years."""

from streamlit.testing.v1 import AppTest
from testkit import ROOT

PAGE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from ui.pages import compare
compare.render()
"""


def qp(at: AppTest, key: str):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def test_without_areas_the_page_asks_for_two_to_four():
    at = AppTest.from_string(PAGE, default_timeout=120).run()
    assert not at.exception
    assert any("zwei bis vier Gebiete" in i.value for i in at.info)


def test_area_chooser_speaks_german_before_anything_is_chosen():
    at = AppTest.from_string(PAGE, default_timeout=120).run()
    assert at.multiselect(key="cmp_areas").proto.placeholder == "Bitte auswählen"  # not Streamlit's "Choose options"


def test_choosing_areas_shows_table_with_ranks_and_city_and_writes_the_url():
    at = AppTest.from_string(PAGE, default_timeout=120).run()
    at.multiselect(key="cmp_areas").set_value(["05", "10"]).run()
    assert not at.exception
    assert qp(at, "areas") == "05,10"
    df = at.dataframe[0].value
    assert list(df.columns) == [
        "Indikator",
        "St. Lorenz Süd",
        "St. Lorenz Süd – Rang",
        "Travemünde",
        "Travemünde – Rang",
        "Lübeck gesamt",
    ]
    row = df[df["Indikator"] == "Anteil 65-Jährige und Ältere"].iloc[0]
    assert row["Travemünde – Rang"] == "1. von 10"  # Travemünde has the highest share of 65+
    assert row["Travemünde"].endswith("%") and "," in row["Travemünde"]
    assert len(df) > 20  # all indicators of the geography


def test_a_link_restores_areas_and_year_and_drops_unknown_codes():
    at = AppTest.from_string(PAGE, default_timeout=120)
    at.query_params.update({"geo": "stadtteile", "areas": "01,03,zz,<b>,05", "year": "2015"})
    at.run()
    assert not at.exception
    assert at.multiselect(key="cmp_areas").value == ["01", "03", "05"]
    assert at.selectbox(key="cmp_year").value == 2015
    assert qp(at, "areas") == "01,03,05"
    assert "Gebietsvergleich 2015" in at.subheader[0].value


def test_charts_use_plain_years_and_german_numbers():
    at = AppTest.from_string(PAGE, default_timeout=120)
    at.query_params.update({"areas": "01,02"})
    at.run()
    assert not at.exception
    charts = at.get("vega_lite_chart")
    assert len(charts) > 10
    spec = charts[1].proto.spec  # charts[0] is the colour key
    assert '"format": "d"' in spec or '"format":"d"' in spec
    import json

    locale = json.loads(spec)["config"]["locale"]  # German decimal comma and months from the chart's locale
    assert locale["number"]["decimal"] == "," and "Juli" in locale["time"]["months"]


def test_chart_tooltips_show_german_numbers():
    import json
    import re

    import pyarrow as pa

    at = AppTest.from_string(PAGE, default_timeout=120)
    at.query_params.update({"areas": "01,02"})
    at.run()
    chart = next(c.proto for c in at.get("vega_lite_chart") if "(%)" in c.proto.spec)  # a share: decimals
    tips = json.loads(chart.spec)["encoding"]["tooltip"]
    shown = next(tip for tip in tips if tip["title"] == "Wert")
    assert shown["type"] == "nominal"  # text formatted on the server, not a number Vega formats in English
    table = pa.ipc.open_stream(chart.datasets[0].data.data).read_all().to_pandas()
    texts = list(table[shown["field"]])
    assert texts and any("," in x for x in texts)
    assert not any(re.search(r"\d\.\d{1,2}(\D|$)", x) for x in texts)  # no English decimal point


def test_a_fifth_area_is_refused_in_the_users_language_not_by_streamlit():
    at = AppTest.from_string(PAGE, default_timeout=120)
    at.query_params.update({"areas": "01,02"})
    at.run()
    ms = at.multiselect(key="cmp_areas")
    assert ms.max_selections in (None, 0)  # Streamlit's own message would be English only
    ms.set_value(["01", "02", "03", "04", "05"]).run()
    assert not at.exception
    assert any("Höchstens vier Gebiete" in w.value for w in at.sidebar.warning)
    assert "Gebietsvergleich" in at.subheader[0].value
