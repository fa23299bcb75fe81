"""Protection against differencing custom areas: a minimum population and a rounding base.

Both come from the environment; the custom-area estimate (:mod:`geo.spatial.estimate`),
reach and siting results use them alike.
"""

from __future__ import annotations

import os

import numpy as np

# Protection against differencing two custom areas (e.g. a 500 m and a 510 m circle):
# no estimate below a minimum population (address-point method), published counts
# rounded to a base, rates recomputed from the rounded counts.
ENV_MIN_POPULATION = "SOZIALMONITOR_ESTIMATE_MIN_POPULATION"
ENV_ROUND_BASE = "SOZIALMONITOR_ESTIMATE_ROUND_BASE"
DEFAULT_MIN_POPULATION = 300
DEFAULT_ROUND_BASE = 5


def _env_number(name: str, default: int) -> int:
    try:
        return max(0, int(float(os.environ.get(name, default))))
    except ValueError:
        return default


def protection() -> tuple[int, int]:
    """(minimum population, rounding base) for custom-area estimates, from the environment."""
    return _env_number(ENV_MIN_POPULATION, DEFAULT_MIN_POPULATION), max(
        1, _env_number(ENV_ROUND_BASE, DEFAULT_ROUND_BASE)
    )


def round_to_base(values: np.ndarray, base: int) -> np.ndarray:
    """Counts rounded to a multiple of ``base`` (halves up), NaN kept."""
    return np.floor(np.asarray(values, dtype=float) / base + 0.5) * base
