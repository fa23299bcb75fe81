"""The Versorgung page (ui/pages/supply.py) in AppTest: the Kita layer with source and date, the gap
per Stadtteil, and the siting answer on a button press, in both languages."""

import pytest
from streamlit.testing.v1 import AppTest
from testkit import ROOT

from indicators.wording import t

SCRIPT = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from ui.pages import supply
supply.render()
"""


def run(lang: str) -> AppTest:
    at = AppTest.from_string(SCRIPT, default_timeout=120)
    at.session_state["lang"] = lang
    return at.run()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_kita_reach_with_source_date_method_and_table(lang):
    at = run(lang)
    assert not at.exception, at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "Kita-Datenbank" in captions and "27.11.2023" in captions
    assert "EPSG:25832" in " ".join(i.value for i in at.info)
    assert at.metric[0].label == t("sup_gap", lang)
    gap = at.metric[0].value  # the language's percent style: "12,3 %" (no-break space) / "12.3%"
    assert gap.endswith("\u00a0%") if lang == "de" else (gap.endswith("%") and not gap.endswith(" %")), gap
    table = at.dataframe[0].value
    assert len(table) == 10
    # sorted by demand without a Kita within 500 m, most first
    col = t("sup_col_uncovered", lang)
    nums = [
        float(str(v).replace(".", "").replace(",", ".")) if lang == "de" else float(str(v).replace(",", ""))
        for v in table[col]
    ]
    assert nums == sorted(nums, reverse=True)


def test_two_new_kitas_on_a_button_press():
    at = run("de")
    assert not at.exception
    assert not any(m.label == t("sup_chosen", "de") for m in at.metric)
    at.button(key="sup_site_go").click().run()
    assert not at.exception, at.exception
    chosen = [m for m in at.metric if m.label == t("sup_chosen", "de")]
    assert chosen and chosen[0].value == "2"
    assert t("caveat_model", "de") in [w.value for w in at.warning]
    before = next(m for m in at.metric if m.label == t("sup_covered_before", "de")).value
    after = next(m for m in at.metric if m.label == t("sup_covered_after", "de")).value
    assert float(after.rstrip(" %").replace(",", ".")) > float(before.rstrip(" %").replace(",", "."))


def test_the_map_by_250_m_cells():
    at = run("de")
    at.radio(key="sup_level").set_value("grid").run()
    assert not at.exception, at.exception
    assert at.radio(key="sup_level").value == "grid"


class FakeUpload:
    """What st.file_uploader returns, as far as the page uses it (synthetic content made here)."""

    def __init__(self, data: bytes, name: str):
        self.data, self.name = data, name

    def getvalue(self) -> bytes:
        return self.data


def test_uploaded_facilities_and_demand_points_reach_the_gate_and_the_result(luebeck):
    from ui.pages.supply import UPLOAD, _reach

    fac = FakeUpload(b"name;x;y;Plaetze\nK1;610100;5970000;40\n", "kitas.csv")
    dem = FakeUpload(b"id;x;y;Kinder\na;610000;5970000;10\nb;610400;5970000;5\n", "bedarf.csv")
    opts = {
        "kind": UPLOAD,
        "fac_up": fac,
        "capacity": "Plaetze",
        "variable": UPLOAD,
        "dem_up": dem,
        "weight": "Kinder",
        "year": 2022,
        "distance": 250.0,
        "decay": "none",
        "net_up": None,
    }
    result, network = _reach(luebeck, opts)
    assert network is None
    assert result.access.tolist() == [4.0, 0.0] and result.covered.tolist() == [True, False]
    assert result.supply.label == "kitas.csv" and "bedarf.csv" in result.demand.label


def test_own_demand_points_ask_for_the_file_first():
    at = run("de")
    at.selectbox(key="sup_demand").set_value("upload").run()
    assert not at.exception, at.exception
    assert t("sup_upload_hint", "de") in [c.value for c in at.caption]
