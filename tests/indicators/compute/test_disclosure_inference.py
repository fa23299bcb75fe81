"""Issue 23, Deliver 3: totals and parts inferred from the data and declared as TOTAL=PART+PART (SYNTHETIC)."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.catalogue import Indicator
from indicators.compute.disclosure import (
    apply_disclosure,
    declare_parts,
    infer_relations,
    parse_parts,
    relations_for,
)
from indicators.compute.rates import compute_indicators
from indicators.errors import InputError


def tidy(rows: dict[str, dict[str, float]], year: int = 2024) -> pd.DataFrame:
    return pd.DataFrame(
        [(a, year, v, x) for a, vals in rows.items() for v, x in vals.items()],
        columns=["area_code", "year", "variable", "value"],
    )


def _count(vid: str, **extra) -> Indicator:
    return Indicator(vid, vid, vid, "count", "Personen", source="s", extra=extra)


def test_two_partitions_of_one_total_are_found_and_chance_is_not():
    rows = {
        a: {"jung": j, "alt": o, "m": m, "w": j + o - m, "gesamt": j + o, "andere": 7.0}
        for a, (j, o, m) in {"01": (4, 9, 6), "02": (20, 1, 10), "03": (2, 2, 3)}.items()
    }
    found = infer_relations(tidy(rows))
    assert sorted((tot, tuple(sorted(p))) for tot, p in found) == [("gesamt", ("alt", "jung")), ("gesamt", ("m", "w"))]
    # one complete area is no evidence (5 = 2 + 3 by chance)
    assert infer_relations(tidy({"01": {"a": 2, "b": 3, "c": 5}})) == []


def test_a_missing_cell_does_not_hide_the_relation_in_the_other_areas():
    rows = {"01": {"a": 1, "b": 4, "t": 5}, "02": {"a": 3, "b": 3, "t": 6}, "03": {"a": 2, "t": 9}}
    assert [(tot, sorted(p)) for tot, p in infer_relations(tidy(rows))] == [("t", ["a", "b"])]


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(st.lists(st.integers(0, 40), min_size=4, max_size=4), min_size=2, max_size=6), k=st.integers(2, 4)
)
def test_a_planted_total_is_always_found(parts, k):
    """Whatever the counts, a variable built as the sum of k others is found (with those parts)."""
    rows = {
        f"{i:02d}": {**{f"p{j}": float(x) for j, x in enumerate(row)}, "summe": float(sum(row[:k]))}
        for i, row in enumerate(parts, start=1)
    }
    nonzero = {f"p{j}" for j in range(k) if any(r[j] for r in parts)}
    found = {(tot, frozenset(p)) for tot, p in infer_relations(tidy(rows))}
    if len(nonzero) >= 2:
        # the planted parts (zero columns carry nothing), or another partition of the same sum
        assert any(tot == "summe" and set(p) <= {f"p{j}" for j in range(4)} for tot, p in found)


def test_inferred_total_protects_a_single_small_part():
    """'gesamt' = a + b is not declared: a = 1 in area 01 is hidden; without the relation, gesamt − b = a."""
    rows = {
        "01": {"a": 1, "b": 30, "gesamt": 31},
        "02": {"a": 12, "b": 40, "gesamt": 52},
        "03": {"a": 15, "b": 33, "gesamt": 48},
        "04": {"a": 9, "b": 20, "gesamt": 29},
    }
    t = tidy(rows)
    cat = {v: _count(v) for v in ("a", "b", "gesamt")}
    for relations, protected in ((relations_for(cat), False), (relations_for(cat, t), True)):
        out = apply_disclosure(compute_indicators(t, cat), cat, reference_code=None, relations=relations)
        shown = out[(out["area_code"] == "01") & ~out["suppressed"]]["indicator"].tolist()
        revealed = {"gesamt", "b"} <= set(shown)  # then a = gesamt − b
        assert revealed is not protected


def test_a_planner_switches_an_inferred_total_off():
    t = tidy({"01": {"a": 1, "b": 4, "t": 5}, "02": {"a": 3, "b": 3, "t": 6}})
    cat = {v: _count(v) for v in ("a", "b")} | {"t": _count("t", no_parts=True)}
    assert relations_for(cat, t) == []
    assert relations_for({v: _count(v) for v in ("a", "b", "t")}, t) == [("t", ("a", "b"))]


def test_parse_and_declare_parts():
    assert parse_parts(["gesamt=m+w", "x = a + b + c", "t="]) == {"gesamt": ("m", "w"), "x": ("a", "b", "c"), "t": ()}
    for bad in ("gesamt", "=a+b", "t=a", "t=t+a"):
        with pytest.raises(InputError, match="SUMME=TEIL"):
            parse_parts([bad])
    known = {"gesamt": _count("gesamt")}
    new = [_count("m"), _count("w")]
    out = {i.id: i for i in declare_parts(new, known, parse_parts(["gesamt=m+w", "m="]), {"gesamt", "m", "w"})}
    assert out["gesamt"].extra["parts"] == ["m", "w"] and out["m"].extra == {"no_parts": True}
    with pytest.raises(InputError, match="nicht in der Tabelle"):
        declare_parts(new, known, parse_parts(["gesamt=m+kinder"]), {"gesamt", "m", "w"})


def test_inference_stays_quick_on_many_variables():
    """60 random count columns of 30 areas: bounded search (no timing asserted, only that it ends)."""
    rng = np.random.default_rng(3)
    rows = {f"{i:02d}": {f"v{j}": float(x) for j, x in enumerate(rng.integers(0, 500, 60))} for i in range(30)}
    assert isinstance(infer_relations(tidy(rows), max_nodes=5_000), list)


def test_a_total_of_ten_among_forty_columns_is_found():
    """Too many candidates for a subset search: least squares finds the exact 0/1 combination."""
    rng = np.random.default_rng(7)
    frames = []
    for year in (2021, 2022):  # 60 complete rows for 40 candidates
        rows = {}
        for a in range(30):
            vals = rng.integers(0, 50, 40)
            rows[f"{a:02d}"] = {**{f"v{j}": float(x) for j, x in enumerate(vals)}, "teil_summe": float(vals[:10].sum())}
        frames.append(tidy(rows, year=year))
    found = infer_relations(pd.concat(frames, ignore_index=True))
    assert ("teil_summe", tuple(sorted(f"v{j}" for j in range(10)))) in found
