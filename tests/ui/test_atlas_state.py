"""``AtlasView.base_year``: a change view never computes with a missing first year."""

from __future__ import annotations

import pytest

from ui.state import AtlasView


def test_base_year_is_the_start_of_a_change_view():
    assert AtlasView(indicator="x", year=2023, view="change", start=2020).base_year == 2020


def test_a_change_view_without_a_first_year_is_refused_not_computed_with_none():
    with pytest.raises(ValueError, match="first year"):
        _ = AtlasView(indicator="x", year=2023, view="change").base_year
