"""Measure effect (difference in differences), matched comparison and placebo p, hand-computed.

All values are synthetic (made here, labelled as such).
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.planning.effect import measure_effect, placebo_sets, trends
from indicators.wording.voice import GERMAN, Voice

ENGLISH = Voice.of("en")


def _values(pre: dict, post: dict, pre_year=2018, post_year=2020, suppressed=()):
    """Synthetic tidy values of indicator 'x' in two years."""
    rows = []
    for year, vals in ((pre_year, pre), (post_year, post)):
        for code, v in vals.items():
            rows.append(
                {
                    "area_code": code,
                    "year": year,
                    "indicator": "x",
                    "value": v,
                    "suppressed": (code, year) in suppressed,
                }
            )
    return pd.DataFrame(rows)


# 5 synthetic areas; Δ: A=+5, B=+1, C=+2, D=+3, E=+4
PRE = {"A": 10.0, "B": 20.0, "C": 11.0, "D": 30.0, "E": 12.0}
POST = {"A": 15.0, "B": 21.0, "C": 13.0, "D": 33.0, "E": 16.0}
AREAS = list(PRE)


def test_effect_all_comparison_and_exact_placebo_by_hand():
    e = measure_effect(_values(PRE, POST), "x", ["A"], AREAS, start_year=2019, measure_id=3)
    assert (e.pre_year, e.post_year) == (2018, 2020)
    assert e.treated_change == 5.0
    assert e.comparison_areas == ["B", "C", "D", "E"]
    assert e.comparison_change == pytest.approx(2.5)  # (1+2+3+4)/4
    assert e.effect == pytest.approx(2.5)
    # placebo sets {B},{C},{D},{E} against the other three: B: 1-3=-2, C: 2-8/3=-2/3, D: 3-7/3=2/3, E: 4-2=2
    # none has |effect| ≥ 2.5 → p = 1/5
    assert e.n_placebo == 4
    assert e.p_placebo == pytest.approx(1 / 5)
    assert "1/5" in e.note and "kein Beweis" in e.note
    assert set(e.to_json_dict()) == {
        "id",
        "indicator",
        "treated",
        "pre_year",
        "post_year",
        "treated_change",
        "comparison",
        "comparison_areas",
        "comparison_change",
        "effect",
        "p_placebo",
        "n_placebo",
        "note",
    }


def test_placebo_counts_ties_and_larger():
    post = dict(POST, B=20.0)  # B: Δ=0 → placebo B: 0 - (2+3+4)/3 = -3, |−3| ≥ |effect|
    e = measure_effect(_values(PRE, post), "x", ["A"], AREAS, start_year=2019)
    assert e.effect == pytest.approx(5 - 9 / 4)
    assert e.p_placebo == pytest.approx(2 / 5)


def test_matched_comparison_nearest_in_pre_value_ties_by_code():
    # treated A pre 10: distances C 1, E 2, B 10, D 20 → k = 3: C, E, B
    e = measure_effect(_values(PRE, POST), "x", ["A"], AREAS, start_year=2019, comparison="matched")
    assert e.comparison_areas == ["B", "C", "E"]
    assert e.comparison_change == pytest.approx((1 + 2 + 4) / 3)
    assert e.effect == pytest.approx(5 - 7 / 3)
    pre = {"A": 10.0, "B": 12.0, "C": 8.0, "D": 11.0, "E": 9.0}  # D and E both at distance 1; B and C at 2
    e2 = measure_effect(_values(pre, POST), "x", ["A"], AREAS, start_year=2019, comparison="matched")
    assert e2.comparison_areas == ["B", "D", "E"]  # D, E, then B before C
    # placebo of the matched effect: the same sets as for 'all' (each against every remaining area)
    # placebo effects −2, −2/3, 2/3, 2; |effect| = 8/3 → none as large → p = 1/5
    assert e.p_placebo == pytest.approx(1 / 5) and e.n_placebo == 4


def test_missing_and_suppressed_areas_are_left_out_and_listed():
    pre = dict(PRE)
    del pre["E"]
    e = measure_effect(_values(pre, POST, suppressed={("D", 2020)}), "x", ["A"], AREAS, start_year=2019)
    assert e.comparison_areas == ["B", "C"]
    assert e.excluded == ["D", "E"]
    assert "D, E" in e.note
    assert e.n_placebo == 2


def test_pre_year_is_last_year_before_start_and_post_can_be_chosen():
    rows = [
        {"area_code": c, "year": y, "indicator": "x", "value": v + (y - 2015), "suppressed": False}
        for c, v in PRE.items()
        for y in (2015, 2016, 2017, 2020, 2021)
    ]
    e = measure_effect(pd.DataFrame(rows), "x", ["A"], AREAS, start_year=2020, post_year=2021)
    assert (e.pre_year, e.post_year) == (2017, 2021)
    assert e.effect == pytest.approx(0)
    none = measure_effect(pd.DataFrame(rows), "x", ["A"], AREAS, start_year=2015)
    assert none.effect is None and "vor dem Beginn 2015" in none.note


def test_two_treated_areas_enumerate_pairs():
    e = measure_effect(_values(PRE, POST), "x", ["A", "B"], AREAS, start_year=2019)
    assert e.treated_change == pytest.approx(3.0)
    assert e.comparison_change == pytest.approx(3.0)
    assert e.effect == pytest.approx(0.0)
    assert e.n_placebo == 3  # pairs among C, D, E; each against the one left
    assert e.p_placebo == pytest.approx(1.0)  # every |placebo| ≥ 0


def test_ten_areas_one_treated_smallest_p_is_one_tenth():
    pre = {f"{i:02d}": float(i) for i in range(1, 11)}
    post = {c: v + (10 if c == "01" else 0) for c, v in pre.items()}
    e = measure_effect(_values(pre, post), "x", ["01"], list(pre), start_year=2019)
    assert e.p_placebo == pytest.approx(1 / 10)
    assert "1/10" in e.note and "kein Effekt „signifikant“" in e.note
    en = e.note_in(voice=ENGLISH)
    assert "1/10" in en and "0.1" in en and "no effect can be “significant”" in en and "no proof" in en
    assert e.to_json_dict(voice=ENGLISH)["note"] == en and e.to_json_dict()["note"] == e.note
    assert "Differenz der Differenzen" in e.note_in(voice=GERMAN) and "Differenz" not in en


def test_no_estimate_note_in_both_languages():
    e = measure_effect(_values(PRE, POST), "x", ["A"], list(PRE), start_year=2015)
    assert e.effect is None and "vor dem Beginn 2015" in e.note
    assert e.note_in(voice=ENGLISH) == "No effect estimate for x: no year with data before the start 2015."
    gone = measure_effect(_values(PRE, POST, suppressed={("A", 2020)}), "x", ["A"], list(PRE), start_year=2019)
    assert gone.effect is None and gone.note.endswith("(fehlend oder gesperrt: A).")
    assert (
        gone.note_in(voice=ENGLISH)
        == "No effect estimate for x: no area of the measure has values (missing or suppressed: A)."
    )


def test_trend_groups_are_named_in_the_readers_language():
    v = _values({"A": 1.0, "B": 2.0, "C": 4.0}, {"A": 3.0, "B": 2.0, "C": 6.0})
    german = trends(v, "x", ["A"], ["B", "C"])
    english = trends(v, "x", ["A"], ["B", "C"], voice=Voice.of("en"))
    assert german["group"].tolist() == ["Maßnahme", "Maßnahme", "Vergleich", "Vergleich"]
    assert english["group"].tolist() == ["Measure", "Measure", "Comparison", "Comparison"]
    assert english["value"].tolist() == german["value"].tolist() == [1.0, 3.0, 3.0, 4.0]


def test_exact_enumeration_up_to_5000_else_999_seeded_draws():
    sets, exact = placebo_sets(15, 4)  # C(15,4) = 1365
    assert exact and len(sets) == 1365 and list(sets) == list(itertools.combinations(range(15), 4))
    sets, exact = placebo_sets(30, 4)  # C(30,4) = 27405 > 5000
    assert not exact and len(sets) == 999
    order = np.argsort(np.random.default_rng(12345).random((999, 30)), axis=1)
    assert sets[0] == tuple(sorted(order[0, :4].tolist())) and sets[998] == tuple(sorted(order[998, :4].tolist()))
    assert placebo_sets(30, 4) == (sets, False)  # same seed, same draw


def test_random_placebo_p_recomputed():
    rng = np.random.default_rng(1)  # synthetic values
    codes = [f"{i:02d}" for i in range(40)]
    pre = {c: float(rng.normal(10, 2)) for c in codes}
    post = {c: pre[c] + float(rng.normal(0, 1)) for c in codes}
    treated = codes[:3]
    e = measure_effect(_values(pre, post), "x", treated, codes, start_year=2019)
    pool = codes[3:]
    d = np.array([post[c] - pre[c] for c in pool])
    sets, _ = placebo_sets(len(pool), 3)  # C(37,3) = 7770 > 5000 → seeded draw
    eff = [d[list(s)].mean() - np.delete(d, list(s)).mean() for s in sets]
    expected = (1 + sum(abs(x) >= abs(e.effect) for x in eff)) / (1 + len(sets))
    assert e.n_placebo == 999
    assert e.p_placebo == pytest.approx(expected)


@settings(max_examples=60, deadline=None)
@given(
    pre=st.lists(st.floats(-1e3, 1e3), min_size=3, max_size=12),
    shift=st.floats(-1e3, 1e3),
    n_treated=st.integers(1, 3),
    matched=st.booleans(),
)
def test_effect_is_zero_when_treated_areas_change_like_the_rest(pre, shift, n_treated, matched):
    codes = [f"{i:02d}" for i in range(len(pre))]
    n_treated = min(n_treated, len(codes) - 1)
    vals = _values(dict(zip(codes, pre)), {c: v + shift for c, v in zip(codes, pre)})
    e = measure_effect(vals, "x", codes[:n_treated], codes, start_year=2019, comparison="matched" if matched else "all")
    assert e.effect == pytest.approx(0.0, abs=1e-9 * max(1.0, abs(shift), *map(abs, pre)))
