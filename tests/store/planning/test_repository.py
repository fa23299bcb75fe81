"""Planning register on SQLite and PostgreSQL: migrations, round trip, roles, history, stale edits.

Every record here is a synthetic example (titles start with "Synthetisch").
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect, select

import store.planning  # noqa: F401  (registers the migration directory)
from store import audit, db
from store.errors import PermissionDenied
from store.models import AuditRow
from store.permissions import User
from store.planning import repository as repo
from store.planning.errors import PlanError, StaleEdit
from store.planning.models import DEFAULT_FIELDS
from store.planning.query import filter_measures
from store.planning.records import Known

PLANNER, OTHER = User("anna", "planner"), User("bert", "planner")
VIEWER, ADMIN = User("vera", "viewer"), User("adam", "admin")
KNOWN = Known(
    {"stadtteile": frozenset({"00", "01", "02", "03"})}, {"stadtteile": frozenset({"share_65plus", "sgb2_rate"})}
)

MEASURE = {
    "title": "Synthetisch: Quartiersbüro",
    "description": "Synthetisches Beispiel",
    "field": "Wohnen",
    "geography": "stadtteile",
    "areas": "01, 02",
    "start": "2019-03-01",
    "end": 2022,
    "status": "laufend",
    "partners": ["Synthetisch e. V."],
    "budget_planned": "12.500,50",
    "budget_spent": 1000,
    "indicators": "share_65plus",
    "responsible": "Amt 50",
    "milestones": [{"title": "Eröffnung", "due": "2019-06-01", "done": True}],
    "location": {"type": "Point", "coordinates": [10.68, 53.87]},
}
GOAL = {
    "field": "Armut und Grundsicherung",
    "text": "Synthetisch: SGB-II-Quote senken",
    "indicator": "sgb2_rate",
    "geography": "stadtteile",
    "areas": "",
    "baseline_year": 2015,
    "target_value": 8.0,
    "target_year": 2025,
}


def test_migration_from_empty_creates_planning_tables_with_default_fields(plan_db_url):
    eng = db.make_engine(plan_db_url)
    assert db.current_revisions(eng) == set()
    db.upgrade(eng)
    db.upgrade(eng)
    assert "p0003_kennung" in db.current_revisions(
        eng
    )  # after p0002_list_indexes, p0001_planning (on 0001_initial); the store has its own head
    names = set(inspect(eng).get_table_names())
    assert {
        "users",
        "audit_log",
        "plan_fields",
        "plan_goals",
        "plan_measures",
        "plan_partners",
        "plan_measure_areas",
        "plan_measure_partners",
        "plan_measure_goals",
        "plan_measure_indicators",
        "plan_milestones",
        "plan_history",
        "plan_goal_areas",
    } <= names
    assert repo.fields(eng) == list(DEFAULT_FIELDS)
    assert repo.list_records(eng, VIEWER, "measure") == []  # the shipped register starts empty
    eng.dispose()


def test_round_trip_of_every_entity(plan_engine):
    partner = repo.create(
        plan_engine,
        PLANNER,
        "partner",
        {
            "organisation": "Synthetisch Träger gGmbH",
            "kind": "Träger",
            "contact": "info@example.org",
            "fields": ["Wohnen", "Arbeit"],
            "areas": "01,03",
        },
    )
    goal = repo.create(plan_engine, PLANNER, "goal", GOAL, KNOWN)
    m = repo.create(
        plan_engine,
        PLANNER,
        "measure",
        {**MEASURE, "goals": [goal["id"]], "partners": ["Synthetisch Träger gGmbH", "Synthetisch e. V."]},
        KNOWN,
    )
    got = repo.get(plan_engine, VIEWER, "measure", m["id"])
    assert got == m
    assert got["areas"] == ["01", "02"] and got["start"] == "2019-03-01" and got["end"] == "2022-12-31"
    assert got["budget_planned"] == 12500.5 and got["goals"] == [goal["id"]]
    assert got["partners"] == ["Synthetisch Träger gGmbH", "Synthetisch e. V."]
    assert got["milestones"] == [{"title": "Eröffnung", "due": "2019-06-01", "done": True}]
    assert got["location"] == {"type": "Point", "coordinates": [10.68, 53.87]}
    assert repo.get(plan_engine, VIEWER, "goal", goal["id"])["areas"] == []
    p = repo.get(plan_engine, VIEWER, "partner", partner["id"])
    assert (p["fields"], p["areas"]) == (["Arbeit", "Wohnen"], ["01", "03"])
    assert {r["organisation"] for r in repo.list_records(plan_engine, VIEWER, "partner")} == {
        "Synthetisch Träger gGmbH",
        "Synthetisch e. V.",
    }  # a partner named in a measure joins the directory


def test_roles_viewers_read_planners_edit_admins_delete(plan_engine):
    with pytest.raises(PermissionDenied, match="Planung bearbeiten"):
        repo.create(plan_engine, VIEWER, "measure", MEASURE)
    m = repo.create(plan_engine, PLANNER, "measure", MEASURE)
    with pytest.raises(PermissionDenied):
        repo.save(plan_engine, VIEWER, "measure", m["id"], MEASURE, version=1)
    with pytest.raises(PermissionDenied, match="löschen"):
        repo.delete(plan_engine, PLANNER, "measure", m["id"])
    with pytest.raises(PermissionDenied):
        repo.list_records(plan_engine, User("anonym", None), "measure")
    repo.delete(plan_engine, ADMIN, "measure", m["id"])
    assert repo.list_records(plan_engine, VIEWER, "measure") == []
    log = [(e.user, e.action, e.object) for e in audit.entries(plan_engine, ADMIN)]
    assert [e for e in log if e[1] != "refused"] == [
        ("anna", "plan_create", "measure:1"),
        ("adam", "plan_delete", "measure:1"),
    ]
    assert [e[0] for e in log if e[1] == "refused"] == ["vera", "vera", "anna", "anonym"]  # refusals audited


def test_history_and_as_of_a_date(plan_engine):
    m = repo.create(plan_engine, PLANNER, "measure", MEASURE)
    m2 = repo.save(
        plan_engine, OTHER, "measure", m["id"], {**m, "status": "abgeschlossen", "title": "Synthetisch: B"}, version=1
    )
    assert m2["version"] == 2
    hist = repo.history(plan_engine, VIEWER, "measure", m["id"])
    assert [(h["user"], h["action"], h["version"]) for h in hist] == [("anna", "create", 1), ("bert", "update", 2)]
    assert hist[1]["changes"] == {
        "status": ["laufend", "abgeschlossen"],
        "title": ["Synthetisch: Quartiersbüro", "Synthetisch: B"],
    }
    # back-date the first entry, so "as it was yesterday" is version 1
    from store.db import session
    from store.planning.models import HistoryRow

    with session(plan_engine) as s:
        first = s.scalars(select(HistoryRow).order_by(HistoryRow.id)).first()
        first.time = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    assert repo.as_of(plan_engine, VIEWER, "measure", m["id"], yesterday)["title"] == "Synthetisch: Quartiersbüro"
    assert repo.as_of(plan_engine, VIEWER, "measure", m["id"], dt.date.today())["title"] == "Synthetisch: B"
    assert repo.as_of(plan_engine, VIEWER, "measure", m["id"], dt.date.today() - dt.timedelta(days=10)) is None


def test_stale_save_is_refused_with_the_other_change(plan_engine):
    m = repo.create(plan_engine, PLANNER, "measure", MEASURE)
    repo.save(plan_engine, OTHER, "measure", m["id"], {**m, "status": "abgebrochen"}, version=1)
    with pytest.raises(StaleEdit) as err:
        repo.save(plan_engine, PLANNER, "measure", m["id"], {**m, "title": "Synthetisch: mein Titel"}, version=1)
    msg = str(err.value)
    assert "bert" in msg and "Version 1 → 2" in msg and "Status: 'laufend' → 'abgebrochen'" in msg
    assert "nicht gespeichert" in msg
    now = repo.get(plan_engine, VIEWER, "measure", m["id"])
    assert (now["title"], now["status"], now["version"]) == ("Synthetisch: Quartiersbüro", "abgebrochen", 2)
    with pytest.raises(StaleEdit, match="Version 1 → 2"):
        repo.delete(plan_engine, ADMIN, "measure", m["id"], version=1)


def test_validation_messages_name_the_field(plan_engine):
    cases = [
        ({"title": ""}, "Titel fehlt"),
        ({"status": "erledigt"}, "Status 'erledigt' gibt es nicht"),
        ({"field": "Sport"}, "Handlungsfeld 'Sport' gibt es nicht"),
        ({"areas": "01,77"}, "77 gibt es"),
        ({"start": "2020-05-01", "end": "2019"}, "Ende 2019-12-31 liegt vor dem Beginn"),
        ({"budget_planned": "viel"}, "Budget geplant 'viel' ist keine Zahl"),
        ({"indicators": "erfunden"}, "Zielindikatoren: erfunden"),
        ({"goals": [99]}, "Ziele: 99 gibt es nicht"),
    ]
    for change, message in cases:
        with pytest.raises(PlanError, match=message):
            repo.create(plan_engine, PLANNER, "measure", {**MEASURE, **change}, KNOWN)
    with pytest.raises(PlanError, match="Zieljahr 2010 muss nach dem Basisjahr"):
        repo.create(plan_engine, PLANNER, "goal", {**GOAL, "target_year": 2010}, KNOWN)
    assert repo.list_records(plan_engine, VIEWER, "measure") == []
    assert not plan_engine.connect().execute(select(AuditRow)).all()


def test_filter_measures(plan_engine):
    a = repo.create(plan_engine, PLANNER, "measure", MEASURE)
    b = repo.create(
        plan_engine,
        PLANNER,
        "measure",
        {
            **MEASURE,
            "title": "Synthetisch: B",
            "areas": "03",
            "field": "Arbeit",
            "status": "geplant",
            "partners": [],
            "start": "2024-01-01",
            "end": None,
        },
    )
    rows = repo.list_records(plan_engine, VIEWER, "measure")
    ids = lambda **kw: [r["id"] for r in filter_measures(rows, **kw)]  # noqa: E731
    assert ids(field="Arbeit") == [b["id"]]
    assert ids(area="01") == [a["id"]]
    assert ids(status="laufend") == [a["id"]]
    assert ids(partner="Synthetisch e. V.") == [a["id"]]
    assert ids(start=dt.date(2023, 1, 1)) == [b["id"]]
    assert ids(start=dt.date(2020, 1, 1), end=dt.date(2024, 6, 1)) == [a["id"], b["id"]]


def test_admin_adds_a_field_of_action(plan_engine):
    with pytest.raises(PermissionDenied):
        repo.add_field(plan_engine, PLANNER, "Sport")
    repo.add_field(plan_engine, ADMIN, "Sport")
    assert repo.fields(plan_engine)[-1] == "Sport"
    repo.create(plan_engine, PLANNER, "measure", {**MEASURE, "field": "Sport"})
