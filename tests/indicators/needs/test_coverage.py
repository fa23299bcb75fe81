"""Need against measures (issue 27, item 1) on a synthetic assessment and synthetic measures."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.needs.coverage import active_in, need_coverage

RESULT = pd.DataFrame({"id": ["01", "02", "03", "04"], "name": ["A", "B", "C", "D"], "flag": [True, True, False, True]})


def m(mid, areas, *, field="Bildung", status="laufend", start="2020-01-01", end=None, geography="stadtteile"):
    return {
        "id": mid,
        "title": f"M{mid}",
        "field": field,
        "areas": areas,
        "status": status,
        "start": start,
        "end": end,
        "geography": geography,
    }


def test_active_in_a_year():
    assert active_in(m(1, [], start="2020-05-01", end="2021-02-01"), 2021)
    assert not active_in(m(1, [], start="2022-01-01"), 2021)
    assert not active_in(m(1, [], end="2019-12-31"), 2021)
    assert not active_in(m(1, [], status="abgebrochen"), 2021)
    assert active_in(m(1, [], start=None), 1990)


def test_flagged_areas_with_their_measures_and_the_two_shares():
    measures = [
        m(1, ["01"]),
        m(2, ["01", "03"], field="Wohnen"),
        m(3, ["03"]),
        m(4, ["04"], status="abgebrochen"),
        m(5, ["02"], geography="berlin-mss"),
        m(6, ["02"], start="2030-01-01"),
    ]
    c = need_coverage(RESULT, measures, geography="stadtteile", year=2022)
    rows = c.areas.set_index("id")
    assert rows.at["01", "measures"] == {"Bildung": ["M1"], "Wohnen": ["M2"]}
    assert rows.at["02", "measures"] == {} and rows.at["04", "n_measures"] == 0
    assert c.n_flagged == 3 and c.n_measures == 3
    assert c.share_flagged_with_measure == pytest.approx(1 / 3)  # only 01
    assert c.share_measures_in_flagged == pytest.approx(2 / 3)  # M1, M2 touch 01; M3 only 03
    assert c.measure_areas == {"01", "03"}
    assert c.to_json_dict()["areas"][0] == {"id": "01", "name": "A", "measures": {"Bildung": ["M1"], "Wohnen": ["M2"]}}


def test_nothing_to_divide_by():
    c = need_coverage(RESULT.assign(flag=False), [], geography="stadtteile", year=2022)
    assert c.share_flagged_with_measure is None and c.share_measures_in_flagged is None
