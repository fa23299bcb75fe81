"""The ranking beside the map (indicators/compute/ranking.py)."""
from __future__ import annotations

import pandas as pd

from indicators.compute.ranking import ranking_table


def _layer(**extra):
    return pd.DataFrame({"code": ["01", "02"], "name": ["a", "b"], "value": [12.5, 20.0], "rank": [2, 1],
                         "suppressed": [False, False], **extra})


def test_raw_values_appear_after_the_smoothed_ones_only_when_smoothing_is_on():
    assert "raw" not in ranking_table(_layer(), 15.0, 1, "de")
    table = ranking_table(_layer(raw=[10.0, 25.26]), 15.0, 1, "de")
    assert list(table.columns) == ["rank", "code", "name", "value", "raw", "vs_city", "flagged", "value_num"]
    assert table.set_index("code")["raw"].to_dict() == {"01": "10,0", "02": "25,3"}  # each on its own row
