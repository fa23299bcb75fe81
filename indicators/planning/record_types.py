"""The records of the planning register as ``TypedDict`` types: what a measure, goal and partner hold.

At run time they stay plain JSON-ready dicts (the history stores them, the JSON and Excel exports
write them); the types tell mypy which keys a record has and what their values are. Dates are ISO
strings (``JJJJ-MM-TT``; timestamps with time zone), lists are sorted. The keys a stored record
adds to a cleaned one (``id``, ``version``, the timestamps, ``created_by`` and for goals and measures
the planner's ``kennung``) are ``NotRequired``: :func:`store.planning.records.clean` gives a record
without them, the repository always with them (checked by ``tests/store/planning/test_record_types.py``).
They live here, in the lowest layer, so that ``indicators`` (need against measures) names them as
well as the store, ``geo.planning`` and the pages.
"""

# no ``from __future__ import annotations`` here: with string annotations ``NotRequired`` is not
# seen at run time and ``__required_keys__`` would list every key (the tests read it)
from typing import Any, Literal, NotRequired, TypedDict

from indicators.types import Status

Entity = Literal["measure", "goal", "partner"]  # the three kinds of record


class Milestone(TypedDict):
    """A milestone of a measure: title, due date (ISO, or None) and whether it is done."""

    title: str
    due: str | None
    done: bool


class Location(TypedDict):
    """A measure's place as a GeoJSON geometry (WGS84): a point or a drawn area."""

    type: Literal["Point", "Polygon", "MultiPolygon"]
    coordinates: list[Any]


class StoredKeys(TypedDict):
    """The keys the store adds to a cleaned record (absent before the record is saved)."""

    id: NotRequired[int]
    version: NotRequired[int]
    created: NotRequired[str | None]
    updated: NotRequired[str | None]
    created_by: NotRequired[str]


class MeasureRecord(StoredKeys):
    """A planned or running measure (Maßnahme)."""

    kennung: NotRequired[str]
    title: str
    description: str
    field: str
    geography: str
    areas: list[str]
    location: Location | None
    responsible: str
    start: str | None
    end: str | None
    budget_planned: float | None
    budget_spent: float | None
    status: Status
    partners: list[str]
    goals: list[int]
    indicators: list[str]
    milestones: list[Milestone]


class GoalRecord(StoredKeys):
    """A goal (Ziel): an indicator's target value in a target year for areas of a geography."""

    kennung: NotRequired[str]
    field: str
    text: str
    indicator: str
    geography: str
    areas: list[str]
    baseline_year: int
    target_value: float
    target_year: int


class PartnerRecord(StoredKeys):
    """A partner organisation (Kooperationspartner) of the directory."""

    organisation: str
    kind: str
    contact: str
    fields: list[str]
    areas: list[str]


class MeasureSummary(TypedDict):
    """A measure as the paged list shows it (:func:`store.planning.query.find_measures`)."""

    id: int
    kennung: str
    title: str
    field: str
    status: Status
    areas: list[str]
    start: str | None
    end: str | None
    partners: list[str]
    version: int


PlanRecord = MeasureRecord | GoalRecord | PartnerRecord  # a record of any of the three kinds

RECORD_TYPES: dict[Entity, type[MeasureRecord] | type[GoalRecord] | type[PartnerRecord]] = {
    "measure": MeasureRecord,
    "goal": GoalRecord,
    "partner": PartnerRecord,
}

__all__ = [
    "RECORD_TYPES",
    "StoredKeys",
    "Entity",
    "GoalRecord",
    "Location",
    "MeasureRecord",
    "MeasureSummary",
    "Milestone",
    "PartnerRecord",
    "PlanRecord",
]
