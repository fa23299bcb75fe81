"""Need maps name their own classes: a legend says "Statusklassen des MSS" or "Klassen der z-Summe",
never "Eigene Klassengrenzen" (the planner set none)."""

from __future__ import annotations

import pytest

from geo.webmap.html import legend_html
from geo.webmap.layer import MapLabels
from indicators.needs.assessment import need_classes, run_needs
from indicators.wording.voice import Voice


@pytest.mark.parametrize("method", ["mss", "svi", "z"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_need_legends_never_say_manual_breaks(luebeck, method, lang):
    from dataclasses import replace

    from indicators.needs.assessment import default_setup

    setup = replace(default_setup(luebeck, 2022), method=method)
    result, _expl, _rob = run_needs(luebeck, 2022, setup, with_robustness=False)
    cls = need_classes(result, method, voice=Voice.of(lang))
    html = legend_html(cls, labels=MapLabels(indicator_label="Bedarf", voice=Voice.of(lang)))
    assert "Eigene Klassengrenzen" not in html and "Manual breaks" not in html
    assert cls.scheme == f"need_{method}" and ("MSS" in html or "SVI" in html or "z-" in html)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_high_never_means_opposite_things_in_one_column(lang):
    from indicators.needs.words import need_word

    voice = Voice.of(lang)
    mss, svi = need_word("hoch", "mss", voice=voice), need_word("hoch", "svi", voice=voice)
    assert mss != svi and ("Status" in mss or "status" in mss) and ("Verwundbarkeit" in svi or "vulnerab" in svi)
    assert need_word("knapp", "svi", voice=voice) == need_word("knapp", voice=voice)  # other words unchanged


def test_the_needs_export_names_what_a_class_rates(luebeck):
    from dataclasses import replace

    from geo.exports.results import needs_export
    from indicators.needs.assessment import default_setup

    setup = replace(default_setup(luebeck, 2022), method="svi")
    result, expl, rob = run_needs(luebeck, 2022, setup, with_robustness=False)
    labels = set(needs_export(luebeck, result, expl, rob, "svi", 2022).frame["label"])
    assert "hoch" not in labels and "niedrig" not in labels and any("Verwundbarkeit" in v for v in labels), labels
