"""The sentences that go with a measure effect (:mod:`indicators.planning.text`).

The numbers are those of the shipped Lübeck Stadtteile: 10 areas, one treated, so 9 placebo sets.
"""

from __future__ import annotations

import pytest

from indicators.planning.text import caveat, no_estimate, note
from indicators.wording import t
from indicators.wording.voice import Voice

TEN = {"n_areas": 10, "n_treated": 1, "exact": True, "excluded": [], "n_pre_years": 3}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_ten_areas_cannot_reach_five_percent(lang: str) -> None:
    text = caveat(n_sets=9, voice=Voice.of(lang), **TEN)
    assert "1/10" in text
    assert ("0,100" if lang == "de" else "0.100") in text
    assert t("plan_cav_not_significant", lang) in text
    assert text.startswith(t("plan_cav_did", lang))


def test_enough_placebo_sets_drop_the_not_significant_clause() -> None:
    text = caveat(n_sets=99, **TEN)
    assert "1/100" in text and "0,010" in text
    assert t("plan_cav_not_significant", "de") not in text
    assert t("plan_cav_sets_exact", "de", n=99) in text


def test_random_placebo_sets_say_so() -> None:
    text = caveat(**{**TEN, "exact": False}, n_sets=500)
    assert t("plan_cav_sets_random", "de", n=500) in text


def test_no_placebo_one_pre_year_and_left_out_areas() -> None:
    text = caveat(**{**TEN, "n_pre_years": 1, "excluded": ["03", "07"]}, n_sets=0)
    assert t("plan_cav_no_placebo", "de") in text
    assert "1/" not in text
    assert t("plan_cav_one_pre", "de") in text
    assert "03, 07" in text
    assert t("plan_cav_one_pre", "de") not in caveat(n_sets=0, **TEN)


def test_no_estimate_names_the_reason_and_the_missing_areas() -> None:
    text = no_estimate(indicator="Anteil 65+", reason="no_pre", year=2019, excluded=[])
    assert "Anteil 65+" in text and "2019" in text
    assert t("plan_noest_missing", "de", codes="–") in text
    assert t("plan_noest_missing", "de", codes="–") not in no_estimate(indicator="x", reason="no_treated")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_note_renders_the_stored_facts_in_any_language(lang: str) -> None:
    facts = {"kind": "caveat", "n_sets": 9, **TEN}
    assert note(facts, voice=Voice.of(lang)) == caveat(n_sets=9, voice=Voice.of(lang), **TEN)
    gone = {"kind": "no_estimate", "indicator": "Geburten", "reason": "no_comparison", "excluded": ["05"]}
    assert note(gone, voice=Voice.of(lang)) == no_estimate(
        indicator="Geburten", reason="no_comparison", excluded=["05"], voice=Voice.of(lang)
    )
    assert note(facts) != note(facts, voice=Voice.of("en"))
