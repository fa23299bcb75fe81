"""Need maps name their own classes: a legend says "Statusklassen des MSS" or "Klassen der z-Summe",
never "Eigene Klassengrenzen" (the planner set none)."""
from __future__ import annotations

import pytest

from geo.webmap.html import legend_html
from indicators.needs.assessment import NeedSetup, need_classes, run_needs

INDICATORS = ["share_under18", "share_65plus", "old_age_ratio"]


@pytest.mark.parametrize("method", ["mss", "svi", "z"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_need_legends_never_say_manual_breaks(luebeck, method, lang):
    result, _expl, _rob = run_needs(luebeck, 2022, NeedSetup(method, INDICATORS), with_robustness=False)
    cls = need_classes(result, method, lang)
    html = legend_html(cls, indicator_label="Bedarf", lang=lang)
    assert "Eigene Klassengrenzen" not in html and "Manual breaks" not in html
    assert cls.scheme == f"need_{method}" and ("MSS" in html or "SVI" in html or "z-" in html)
