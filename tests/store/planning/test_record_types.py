"""The planning records the store gives back match their TypedDicts (indicators.planning.record_types).

Keys: exactly the TypedDict's keys (required and ``NotRequired``) for every record the repository
returns (create, bulk create, get, list, save, restore, as_of), on SQLite and PostgreSQL
(``plan_engine``). Values: of the annotated type (a small run-time check of the hints). A cleaned
record, before it is stored, has every required key and no key outside the type.
Every record here is a synthetic example (titles start with "Synthetisch").
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, get_args, get_origin, get_type_hints

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import store.planning  # noqa: F401  (registers the migration directory)
from indicators.planning.record_types import RECORD_TYPES, GoalRecord, MeasureRecord, PartnerRecord, PlanRecord
from store.db import session
from store.permissions import User
from store.planning import repository as repo
from store.planning import trash
from store.planning.models import DEFAULT_FIELDS
from store.planning.records import clean

PLANNER, ADMIN = User("anna", "planner"), User("adam", "admin")
DATA: dict[str, dict[str, Any]] = {
    "measure": {
        "title": "Synthetisch: Quartiersbüro",
        "field": "Wohnen",
        "geography": "stadtteile",
        "areas": "01, 02",
        "start": "2019-03-01",
        "end": 2022,
        "status": "laufend",
        "partners": ["Synthetisch e. V."],
        "budget_planned": "12.500,50",
        "milestones": [{"title": "Eröffnung", "due": "2019-06-01", "done": True}],
        "location": {"type": "Point", "coordinates": [10.68, 53.87]},
    },
    "goal": {
        "field": "Armut und Grundsicherung",
        "text": "Synthetisch: SGB-II-Quote senken",
        "indicator": "sgb2_rate",
        "geography": "stadtteile",
        "areas": "01",
        "baseline_year": 2015,
        "target_value": 8,
        "target_year": 2025,
    },
    "partner": {"organisation": "Synthetisch: Träger", "kind": "Verein", "contact": "", "fields": ["Wohnen"]},
}
EDIT = {"measure": {"title": "Synthetisch: neu"}, "goal": {"target_value": 7.5}, "partner": {"kind": "gGmbH"}}


def _conforms(value: object, hint: Any) -> bool:
    """Whether ``value`` is of type ``hint`` (the kinds of hint the record types use)."""
    origin, args = get_origin(hint), get_args(hint)
    if hint is Any:
        return True
    if hint is type(None):
        return value is None
    if origin is Literal:
        return value in args
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, a) for a in args)
    if origin is list:
        return isinstance(value, list) and all(_conforms(v, args[0]) for v in value)
    if typing.is_typeddict(hint):
        return isinstance(value, dict) and _problems(value, hint) == []
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


def _problems(rec: Mapping[str, object], kind: Any) -> list[str]:
    """What differs between ``rec`` and the TypedDict ``kind``: keys missing or extra, values of another type."""
    hints = get_type_hints(kind)
    out = [f"missing {k}" for k in kind.__required_keys__ if k not in rec]
    out += [f"extra {k}" for k in rec if k not in hints]
    out += [f"{k}={rec[k]!r} is no {hints[k]}" for k in rec if k in hints and not _conforms(rec[k], hints[k])]
    return out


def _stored(rec: PlanRecord, entity: str) -> None:
    """A record as the store gives it back: exactly the type's keys, every value of its type."""
    kind = RECORD_TYPES[entity]  # type: ignore[index]  # the tests' entities are the three
    assert set(rec) == set(get_type_hints(kind)), entity
    assert _problems(rec, kind) == [], entity


@pytest.mark.parametrize("entity", ["measure", "goal", "partner"])
def test_every_record_the_repository_returns_has_exactly_the_typeddict_keys(plan_engine, entity):
    made = repo.create(plan_engine, PLANNER, entity, DATA[entity])
    _stored(made, entity)
    _stored(repo.get(plan_engine, PLANNER, entity, made["id"]), entity)
    (listed,) = [r for r in repo.list_records(plan_engine, PLANNER, entity) if r["id"] == made["id"]]
    _stored(listed, entity)
    saved = repo.save(plan_engine, PLANNER, entity, made["id"], {**made, **EDIT[entity]}, version=1)
    _stored(saved, entity)
    then = repo.as_of(plan_engine, PLANNER, entity, made["id"], dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1))
    assert then is not None
    assert set(then) == set(get_type_hints(RECORD_TYPES[entity])) - {"created", "updated"}  # history snapshot
    if entity == "measure":  # a partner named in a measure joins the directory: it is stored too
        (partner,) = repo.list_records(plan_engine, PLANNER, "partner")
        _stored(partner, "partner")
    else:
        repo.delete(plan_engine, ADMIN, entity, made["id"])
        _stored(trash.restore(plan_engine, ADMIN, entity, made["id"]), entity)


@pytest.mark.parametrize("entity", ["measure", "goal"])
def test_records_created_in_bulk_have_exactly_the_typeddict_keys(plan_engine, entity):
    recs: list[PlanRecord] = []
    with session(plan_engine) as s:
        repo.create_in(s, PLANNER, entity, DATA[entity], defer=recs)
        stored = repo.create_many_in(s, PLANNER, entity, recs)
    _stored(stored[0], entity)
    assert stored[0] == repo.get(plan_engine, PLANNER, entity, stored[0]["id"])


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() != ""
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=_TEXT,
    areas=st.lists(st.sampled_from(["01", "02", "03"]), max_size=3),
    start=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
    status=st.sampled_from(["geplant", "laufend", "abgeschlossen", "abgebrochen", ""]),
    budget=st.one_of(st.none(), st.integers(0, 10**7), st.floats(0, 1e7)),
    kennung=st.one_of(st.none(), _TEXT),
    point=st.booleans(),
)
def test_a_cleaned_measure_is_a_measure_record(title, areas, start, status, budget, kennung, point):
    data: dict[str, Any] = {
        "title": title,
        "field": DEFAULT_FIELDS[0],
        "geography": "stadtteile",
        "areas": areas,
        "start": start,
        "status": status,
        "budget_planned": budget,
        "location": {"type": "Point", "coordinates": [10.7, 53.9]} if point or not areas else None,
    }
    if kennung is not None:
        data["kennung"] = kennung
    rec = clean("measure", data, list(DEFAULT_FIELDS))
    assert _problems(rec, MeasureRecord) == []
    assert ("kennung" in rec) == (kennung is not None)


def test_cleaned_goal_and_partner_are_their_records_and_the_check_sees_a_wrong_value():
    goal = clean("goal", DATA["goal"], list(DEFAULT_FIELDS))
    partner = clean("partner", DATA["partner"], list(DEFAULT_FIELDS))
    assert _problems(goal, GoalRecord) == [] and _problems(partner, PartnerRecord) == []
    assert _problems({**partner, "areas": "01", "extra": 1}, PartnerRecord) == [
        "extra extra",
        "areas='01' is no list[str]",
    ]
    assert _problems({k: v for k, v in goal.items() if k != "text"}, GoalRecord) == ["missing text"]
