"""MSS classes: the cuts of status and dynamics classes and the 12 groups (hand-computed cases)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators.needs.mss_classes import (
    DYNAMIC_CLASSES,
    DYNAMIC_CUTS,
    STATUS_CLASSES,
    STATUS_CUTS,
    combined_group,
    dynamic_class,
    status_class,
)


@pytest.mark.parametrize(
    "value,expected",
    [
        (-1.5, "hoch"),
        (-1.0000001, "hoch"),
        (-1.0, "mittel"),
        (0.0, "mittel"),
        (1.0, "mittel"),
        (1.0000001, "niedrig"),
        (1.5, "niedrig"),
        (1.5000001, "sehr niedrig"),
        (np.nan, "nicht bewertet"),
    ],
)
def test_status_class_boundaries(value, expected):
    assert status_class(value) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        (-1.01, "positiv"),
        (-1.0, "stabil"),
        (1.0, "stabil"),
        (1.01, "negativ"),
    ],
)
def test_dynamic_class_boundaries(value, expected):
    assert dynamic_class(value) == expected


def test_twelve_groups():
    groups = {
        combined_group(s, d)
        for s in ("hoch", "mittel", "niedrig", "sehr niedrig")
        for d in ("positiv", "stabil", "negativ")
    }
    assert len(groups) == 12
    assert combined_group("sehr niedrig", "negativ") == "4 -"
    assert combined_group("hoch", "stabil") == "1 +/-"
    assert combined_group("nicht bewertet", "stabil") == "nicht bewertet"


@given(st.floats(-10, 10), st.floats(-10, 10))
def test_a_higher_index_never_gives_a_better_class(a, b):
    lo, hi = sorted((a, b))
    assert STATUS_CLASSES.index(status_class(lo)) <= STATUS_CLASSES.index(status_class(hi))
    assert DYNAMIC_CLASSES.index(dynamic_class(lo)) <= DYNAMIC_CLASSES.index(dynamic_class(hi))


def test_the_cuts_fit_the_classes():
    assert len(STATUS_CUTS) == len(STATUS_CLASSES) - 1 and list(STATUS_CUTS) == sorted(STATUS_CUTS)
    assert len(DYNAMIC_CUTS) == len(DYNAMIC_CLASSES) - 1 and list(DYNAMIC_CUTS) == sorted(DYNAMIC_CUTS)
    assert dynamic_class(np.nan) == status_class(np.nan) == "nicht bewertet"
