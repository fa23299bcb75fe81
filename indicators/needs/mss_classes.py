"""The classes of the MSS index (:mod:`indicators.needs.mss`): status, dynamics and their 12 groups.

The one place of the class names and cuts; the method and its table of cuts are described in
:mod:`indicators.needs.mss`.
"""

from __future__ import annotations

import pandas as pd

from indicators.needs.small_numbers import NOT_ASSESSED

STATUS_CLASSES = ("hoch", "mittel", "niedrig", "sehr niedrig")  # the one list of MSS status classes
STATUS_CLASSES_EN = ("high", "medium", "low", "very low")  # their English names, same order
DYNAMIC_CLASSES = ("positiv", "stabil", "negativ")
DYNAMIC_SYMBOLS = {"positiv": "+", "stabil": "+/-", "negativ": "-"}
#: Upper bounds (inclusive) of the status classes hoch/mittel/niedrig.
STATUS_CUTS = (-1.0, 1.0, 1.5)
DYNAMIC_CUTS = (-1.0, 1.0)


def status_class(index: float) -> str:
    """Status class of one standardised status sum (see :mod:`indicators.needs.mss`)."""
    if pd.isna(index):
        return NOT_ASSESSED
    lo, mid, hi = STATUS_CUTS
    high, medium, low, very_low = STATUS_CLASSES
    if index < lo:
        return high
    if index <= mid:
        return medium
    if index <= hi:
        return low
    return very_low


def dynamic_class(index: float) -> str:
    """Dynamics class of one standardised dynamics sum (see :mod:`indicators.needs.mss`)."""
    if pd.isna(index):
        return NOT_ASSESSED
    lo, hi = DYNAMIC_CUTS
    positive, stable, negative = DYNAMIC_CLASSES
    if index < lo:
        return positive
    if index <= hi:
        return stable
    return negative


def combined_group(status: str, dynamic: str) -> str:
    """One of the 12 groups, e.g. ``"4 -"`` for sehr niedrig / negativ."""
    if status not in STATUS_CLASSES or dynamic not in DYNAMIC_CLASSES:
        return NOT_ASSESSED
    return f"{STATUS_CLASSES.index(status) + 1} {DYNAMIC_SYMBOLS[dynamic]}"
