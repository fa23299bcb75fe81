"""The Literal types of :mod:`indicators.types` and the run-time checks derived from them agree."""

from __future__ import annotations

from typing import get_args

from indicators import catalogue
from indicators.types import Direction, Kind, Role, Status, View, Visibility
from store import models
from store.planning import models as planning_models


def test_run_time_vocabularies_are_the_literal_types():
    assert set(get_args(Kind)) == catalogue.KINDS
    assert set(get_args(Direction)) == catalogue.DIRECTIONS
    assert get_args(Role) == models.ROLES
    assert get_args(Visibility) == models.VISIBILITIES
    assert get_args(Status) == planning_models.STATUSES
    assert set(get_args(View)) == {"level", "change"}
