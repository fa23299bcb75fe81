"""Trash, restore and undo of the planning register (issue 24, Deliver 2), on SQLite and PostgreSQL.

Every record here is synthetic (titles start with "Synthetisch").
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import store.planning  # noqa: F401  (registers the migration directory)
from indicators.wording.voice import Voice
from store.errors import PermissionDenied
from store.permissions import User
from store.planning import repository as repo
from store.planning import trash
from store.planning.errors import PlanError, StaleEdit

PLANNER, OTHER, ADMIN = User("anna", "planner"), User("bert", "planner"), User("adam", "admin")
MEASURE = {
    "title": "Synthetisch: Quartiersbüro",
    "field": "Wohnen",
    "geography": "stadtteile",
    "areas": "01",
    "start": "2019-03-01",
    "status": "laufend",
    "partners": ["Synthetisch e. V."],
}
GOAL = {
    "field": "Wohnen",
    "text": "Synthetisch: Quote senken",
    "indicator": "share_65plus",
    "geography": "stadtteile",
    "areas": "",
    "baseline_year": 2015,
    "target_value": 8.0,
    "target_year": 2025,
}
PARTNER = {"organisation": "Synthetisch: Träger", "kind": "Verein", "contact": "", "fields": [], "areas": []}


def _plain(rec: dict) -> dict:
    return {k: v for k, v in rec.items() if k not in {"version", "created", "updated", "created_by"}}


@pytest.mark.parametrize(("entity", "data"), [("measure", MEASURE), ("goal", GOAL), ("partner", PARTNER)])
def test_deleted_record_goes_to_the_trash_and_comes_back(plan_engine, entity, data):
    rec = repo.create(plan_engine, PLANNER, entity, data)
    repo.delete(plan_engine, ADMIN, entity, rec["id"], version=1)
    assert repo.list_records(plan_engine, PLANNER, entity) == []
    binned = trash.trash(plan_engine, ADMIN)
    assert [(b["entity"], b["id"], b["deleted_by"]) for b in binned] == [(entity, rec["id"], "adam")]
    assert binned[0]["name"].startswith("Synthetisch")
    back = trash.restore(plan_engine, ADMIN, entity, rec["id"])
    assert _plain(back) == _plain(rec) and back["version"] == 3
    assert trash.trash(plan_engine, ADMIN) == []
    assert [r["id"] for r in repo.list_records(plan_engine, PLANNER, entity)] == [rec["id"]]
    with pytest.raises(PlanError, match="nicht im Papierkorb"):
        trash.restore(plan_engine, ADMIN, entity, rec["id"])


def test_only_admins_see_the_trash_and_restore(plan_engine):
    rec = repo.create(plan_engine, PLANNER, "measure", MEASURE)
    repo.delete(plan_engine, ADMIN, "measure", rec["id"])
    with pytest.raises(PermissionDenied):
        trash.trash(plan_engine, PLANNER)
    with pytest.raises(PermissionDenied):
        trash.restore(plan_engine, PLANNER, "measure", rec["id"])


def test_undo_of_a_create_an_update_and_a_delete(plan_engine):
    rec = repo.create(plan_engine, PLANNER, "measure", MEASURE)
    repo.save(plan_engine, PLANNER, "measure", rec["id"], {**MEASURE, "title": "Synthetisch: neu"}, version=1)
    assert trash.last_change(plan_engine, PLANNER)["action"] == "update"
    assert trash.undo(plan_engine, PLANNER)["action"] == "update"
    now = repo.get(plan_engine, PLANNER, "measure", rec["id"])
    assert now["title"] == "Synthetisch: Quartiersbüro" and now["version"] == 3
    goal = repo.create(plan_engine, PLANNER, "goal", GOAL)
    assert trash.undo(plan_engine, PLANNER) == {"entity": "goal", "id": goal["id"], "action": "create"}
    assert repo.list_records(plan_engine, PLANNER, "goal") == []
    repo.delete(plan_engine, ADMIN, "measure", rec["id"])
    assert trash.undo(plan_engine, ADMIN)["action"] == "delete"
    assert repo.get(plan_engine, PLANNER, "measure", rec["id"])["title"] == "Synthetisch: Quartiersbüro"


def test_undo_refuses_when_someone_changed_the_record_since(plan_engine):
    rec = repo.create(plan_engine, PLANNER, "measure", MEASURE)
    repo.save(plan_engine, OTHER, "measure", rec["id"], {**MEASURE, "title": "Synthetisch: von Bert"}, version=1)
    with pytest.raises(StaleEdit, match="bert"):
        trash.undo(plan_engine, PLANNER)
    assert repo.get(plan_engine, PLANNER, "measure", rec["id"])["title"] == "Synthetisch: von Bert"
    with pytest.raises(PlanError, match="keine eigene Änderung"):
        trash.undo(plan_engine, User("neu", "planner"))


TITLES = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß ", min_size=1, max_size=20).map(
    lambda s: f"Synthetisch: {s.strip() or 'x'}"
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(titles=st.lists(TITLES, min_size=1, max_size=4))
def test_undo_restores_exactly_the_state_before_the_last_save(plan_engine, titles):
    """Property: whatever chain of saves, undo gives the record of the save before the last one."""
    rec = repo.create(plan_engine, PLANNER, "measure", MEASURE)
    states = [rec]
    for title in titles:
        states.append(
            repo.save(
                plan_engine, PLANNER, "measure", rec["id"], {**MEASURE, "title": title}, version=states[-1]["version"]
            )
        )
    trash.undo(plan_engine, PLANNER)
    assert _plain(repo.get(plan_engine, PLANNER, "measure", rec["id"])) == _plain(states[-2])


@pytest.mark.parametrize(("entity", "data", "link"), [("goal", GOAL, "goals"), ("partner", PARTNER, "partners")])
def test_a_goal_or_partner_a_measure_names_is_not_deleted_until_the_measure_lets_go(plan_engine, entity, data, link):
    """Deleting it would drop the measure's link without a trace in the measure's history, and a
    restore would not bring the link back: refused, naming the measure (issue 24, Deliver 2)."""
    rec = repo.create(plan_engine, PLANNER, entity, data)
    named = rec["id"] if entity == "goal" else [rec["organisation"]]
    measure = repo.create(plan_engine, PLANNER, "measure", {**MEASURE, link: named})
    with pytest.raises(PlanError) as refused:
        repo.delete(plan_engine, ADMIN, entity, rec["id"], version=1)
    assert f"Maßnahme {measure['id']}" in str(refused.value)
    assert f"measure {measure['id']}" in refused.value.localized(voice=Voice.of("en"))
    assert [r["id"] for r in repo.list_records(plan_engine, PLANNER, entity)] == [rec["id"]]
    assert repo.get(plan_engine, PLANNER, "measure", measure["id"])[link]  # the link is still there
    repo.save(plan_engine, PLANNER, "measure", measure["id"], {**MEASURE, link: []}, version=1)
    repo.delete(plan_engine, ADMIN, entity, rec["id"], version=1)
    assert [(b["entity"], b["id"]) for b in trash.trash(plan_engine, ADMIN)] == [(entity, rec["id"])]


@pytest.mark.parametrize(("entity", "data"), [("goal", GOAL), ("partner", PARTNER)])
def test_delete_and_restore_of_goals_and_partners_are_audited(plan_engine, entity, data):
    from store import audit

    rec = repo.create(plan_engine, PLANNER, entity, data)
    repo.delete(plan_engine, ADMIN, entity, rec["id"], version=1)
    trash.restore(plan_engine, ADMIN, entity, rec["id"])
    log = [(e.user, e.action, e.object) for e in audit.entries(plan_engine, ADMIN)]
    assert ("adam", "plan_delete", f"{entity}:{rec['id']}") in log
    assert ("adam", "plan_restore", f"{entity}:{rec['id']}") in log
    from indicators.audit_view import action_name

    # the Verwaltung page names the action, never the code
    assert [action_name(a, voice=Voice.of(lang)) for a in ("plan_delete", "plan_restore") for lang in ("de", "en")] == [
        "Planung gelöscht",
        "Plan item deleted",
        "Planung wiederhergestellt",
        "Plan item restored",
    ]
