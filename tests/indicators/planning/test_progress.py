"""Goal progress and on-track, hand-computed (synthetic values, labelled as such)."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.planning.progress import expected_at, goal_progress
from indicators.wording.voice import Voice


def _values(rows):
    """Synthetic tidy values: (area, year, value[, suppressed])."""
    return pd.DataFrame(
        [
            {
                "area_code": r[0],
                "year": r[1],
                "indicator": "x",
                "value": r[2],
                "suppressed": r[3] if len(r) > 3 else False,
            }
            for r in rows
        ]
    )


def test_progress_and_on_track_by_hand():
    # baseline 2015: 20, target 10 in 2025; current 2020: 16 → progress (16-20)/(10-20) = 0.4
    # line at 2020: 20 + (10-20)*5/10 = 15; 16 is above 15 while the goal is to fall → not on track
    v = _values([("01", 2015, 20.0), ("01", 2018, 18.0), ("01", 2020, 16.0)])
    g = goal_progress(v, "x", ["01"], baseline_year=2015, target=10.0, target_year=2025, goal_id=7)
    assert (g.baseline, g.current, g.current_year) == (20.0, 16.0, 2020)
    assert g.progress == pytest.approx(0.4)
    assert g.expected == pytest.approx(15.0)
    assert g.on_track is False
    assert g.to_json_dict() == {
        "id": 7,
        "indicator": "x",
        "baseline": 20.0,
        "current": 16.0,
        "target": 10.0,
        "progress": pytest.approx(0.4),
        "on_track": False,
        "forecast": g.forecast.to_json_dict(),
    }


def test_on_track_at_the_line_and_rising_goal():
    v = _values([("01", 2010, 10.0), ("01", 2014, 14.0)])  # line 10 → 20 over 2010..2020: 14 at 2014
    g = goal_progress(v, "x", ["01"], baseline_year=2010, target=20.0, target_year=2020)
    assert g.progress == pytest.approx(0.4)
    assert g.on_track is True
    v2 = _values([("01", 2010, 10.0), ("01", 2014, 13.9)])
    assert goal_progress(v2, "x", ["01"], baseline_year=2010, target=20.0, target_year=2020).on_track is False


def test_city_goal_uses_reference_and_several_areas_the_mean():
    v = _values(
        [
            ("00", 2010, 5.0),
            ("00", 2012, 6.0),
            ("01", 2010, 2.0),
            ("02", 2010, 4.0),
            ("01", 2012, 4.0),
            ("02", 2012, 6.0),
        ]
    )
    city = goal_progress(v, "x", [], baseline_year=2010, target=7.0, target_year=2014)
    assert (city.baseline, city.current, city.progress) == (5.0, 6.0, 0.5)
    two = goal_progress(v, "x", ["01", "02"], baseline_year=2010, target=7.0, target_year=2014)
    assert (two.baseline, two.current) == (3.0, 5.0)
    assert two.progress == pytest.approx(0.5)


def test_missing_baseline_gives_no_progress_and_a_note():
    v = _values([("01", 2010, 10.0, True), ("01", 2012, 12.0)])  # 2010 suppressed
    g = goal_progress(v, "x", ["01"], baseline_year=2010, target=20.0, target_year=2020)
    assert g.baseline is None and g.progress is None and g.on_track is None
    assert "Basisjahr 2010" in g.note
    assert g.note == "kein Wert für x im Basisjahr 2010 (fehlend oder gesperrt)"
    assert g.note_in(voice=Voice.of("en")) == "no value for x in the baseline year 2010 (missing or suppressed)"


def test_line_stays_at_target_after_target_year():
    assert expected_at(10, 2010, 20, 2020, 2025) == 20
    assert expected_at(10, 2010, 20, 2020, 2015) == 15
