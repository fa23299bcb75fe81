"""Evaluate the register: goal progress and measure effects on the geographies' data.

One :class:`~indicators.dataset.Dataset` per geography is loaded once (:func:`datasets`);
the city total (the geography's ``reference_code``) is the value of goals without areas
and is never a comparison area.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from indicators.dataset import Dataset
from indicators.planning.effect import MeasureEffect, Panel, measure_effect, panel
from indicators.planning.progress import GoalProgress, goal_progress
from indicators.planning.record_types import GoalRecord, MeasureRecord
from indicators.planning.series import wide
from indicators.wording.voice import GERMAN, Voice
from store.planning.query import start_year
from store.planning.records import Known

Loader = Callable[[str], Dataset]


def load(geography: str) -> Dataset:
    """The shipped dataset of ``geography`` (cached by :mod:`geo.loading`)."""
    from geo.geographies import get_geography
    from geo.loading import load_dataset

    return load_dataset(get_geography(geography))


@dataclass
class Datasets:
    """Datasets by geography, loaded when first needed."""

    loader: Loader = load
    cache: dict[str, Dataset] = field(default_factory=dict)
    tables: dict[tuple[str, str], object] = field(default_factory=dict)
    codes: dict[str, list[str]] = field(default_factory=dict)
    panels: dict[tuple[str, str], Panel] = field(default_factory=dict)

    def get(self, geography: str) -> Dataset:
        if geography not in self.cache:
            self.cache[geography] = self.loader(geography)
        return self.cache[geography]

    def table(self, geography: str, indicator: str):
        """Area × year table of one indicator (built once: evaluating all measures reuses it)."""
        key = (geography, indicator)
        if key not in self.tables:
            self.tables[key] = wide(self.get(geography).values, indicator)
        return self.tables[key]

    def panel(self, geography: str, indicator: str) -> Panel:
        """The indicator's :class:`~indicators.planning.effect.Panel` over the areas (built once)."""
        key = (geography, indicator)
        if key not in self.panels:
            self.panels[key] = panel(self.table(geography, indicator), indicator, self.area_codes(geography))
        return self.panels[key]

    def area_codes(self, geography: str) -> list[str]:
        if geography not in self.codes:
            ds = self.get(geography)
            ref = ds.geography.reference_code
            self.codes[geography] = sorted(str(c) for c in ds.areas["code"] if str(c) != ref)
        return self.codes[geography]


def known(geographies: list[str] | None = None, loader: Loader = load) -> Known:
    """Area codes and indicators of the geographies (default: every registered one) for validation."""
    if geographies is None:
        from geo.geographies import list_geographies

        geographies = list(list_geographies())
    data = Datasets(loader)
    areas, inds = {}, {}
    for g in geographies:
        ds = data.get(g)
        ref = ds.geography.reference_code
        areas[g] = frozenset(data.area_codes(g)) | ({ref} if ref else frozenset())
        inds[g] = frozenset(ds.catalogue)
    return Known(areas, inds)


def evaluate_goal(goal: GoalRecord, data: Datasets) -> GoalProgress:
    ds = data.get(goal["geography"])
    return goal_progress(
        data.table(goal["geography"], goal["indicator"]),
        goal["indicator"],
        goal["areas"],
        baseline_year=goal["baseline_year"],
        target=goal["target_value"],
        target_year=goal["target_year"],
        goal_id=goal["id"],
        reference=ds.geography.reference_code or "00",
    )


def evaluate_measure(
    measure: MeasureRecord, data: Datasets, *, comparison: str = "all", post_year: int | None = None
) -> list[MeasureEffect]:
    """One effect per target indicator of a measure with a start date and areas (else none)."""
    year = start_year(measure)
    if year is None or not measure["areas"]:
        return []
    areas = data.area_codes(measure["geography"])
    return [
        measure_effect(
            data.panel(measure["geography"], ind),
            ind,
            measure["areas"],
            areas,
            start_year=year,
            post_year=post_year,
            comparison=comparison,
            measure_id=measure["id"],
        )
        for ind in measure["indicators"]
    ]


def evaluate(
    goals: list[GoalRecord],
    measures: list[MeasureRecord],
    *,
    comparison: str = "all",
    post_year: int | None = None,
    data: Datasets | None = None,
    voice: Voice = GERMAN,
) -> dict[str, Any]:
    """The JSON of ``plan evaluate``: ``{"goals": [...], "measures": [...]}`` (notes in ``voice``'s language)."""
    data = data or Datasets()
    return {
        "goals": [evaluate_goal(g, data).to_json_dict() for g in goals],
        "measures": [
            e.to_json_dict(voice=voice)
            for m in measures
            for e in evaluate_measure(m, data, comparison=comparison, post_year=post_year)
        ],
    }
