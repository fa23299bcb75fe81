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
    table = at.dataframe[0].value
    assert len(table) == 10
    # sorted by demand without a Kita within 500 m, most first
    col = t("sup_col_uncovered", lang)
    nums = [float(str(v).replace(".", "").replace(",", ".")) if lang == "de" else float(str(v).replace(",", ""))
            for v in table[col]]
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
