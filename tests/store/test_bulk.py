"""Bulk rows (COPY on PostgreSQL, executemany on SQLite) read back exactly as single inserts do."""

from __future__ import annotations

from sqlalchemy import insert, select

from store import audit
from store.bulk import insert_rows
from store.db import session
from store.models import utcnow
from store.permissions import User
from store.planning.models import HistoryRow, PartnerRow


def test_bulk_rows_equal_single_inserts(engine):
    now = utcnow()
    rows = [
        {
            "entity": "measure",
            "entity_id": i,
            "version": 1,
            "time": now,
            "user_name": "anna",
            "action": "create",
            "changes": {"title": [None, f"Synthetisch 'x' \t\\ {i}"]},
            "snapshot": None if i % 2 else {"areas": ["01", "02"], "budget": 1.5, "text": "ä\nö"},
        }
        for i in range(5)
    ]
    with session(engine) as s:
        insert_rows(s, HistoryRow.__table__, rows)
        s.execute(insert(HistoryRow.__table__), [{**r, "entity": "goal"} for r in rows])
    with session(engine) as s:
        got = {
            e: [
                (h.entity_id, h.changes, h.snapshot, h.time.replace(tzinfo=None))
                for h in s.scalars(select(HistoryRow).where(HistoryRow.entity == e).order_by(HistoryRow.id))
            ]
            for e in ("measure", "goal")
        }
    assert got["measure"] == got["goal"] and len(got["measure"]) == 5
    assert got["measure"][1][2] is None and got["measure"][0][2]["text"] == "ä\nö"


def test_bulk_ids_are_new_ascending_and_in_row_order(engine):
    base = {
        "version": 1,
        "created": utcnow(),
        "updated": utcnow(),
        "created_by": "anna",
        "kind": "",
        "contact": "",
        "fields": [],
        "areas": [],
    }
    with session(engine) as s:
        first = insert_rows(
            s, PartnerRow.__table__, [{**base, "organisation": f"Synthetisch {i}"} for i in range(3)], ids=True
        )
        more = insert_rows(
            s, PartnerRow.__table__, [{**base, "organisation": f"Synthetisch {i}"} for i in range(3, 6)], ids=True
        )
    assert first == sorted(first) and more == sorted(more) and first[-1] < more[0]
    with session(engine) as s:
        names = dict(s.execute(select(PartnerRow.id, PartnerRow.organisation)).all())
    assert [names[i] for i in first + more] == [f"Synthetisch {i}" for i in range(6)]
    with session(engine) as s:  # an ordinary insert after the bulk one gets the next id
        s.add(PartnerRow(**{**base, "organisation": "Synthetisch danach"}))
        s.flush()
        assert s.scalar(select(PartnerRow.id).where(PartnerRow.organisation == "Synthetisch danach")) > more[-1]


def test_audit_record_many_in_bulk(engine):
    with session(engine) as s:
        audit.record_many(
            s, User("anna", "planner"), [("plan_create", f"measure:{i}", {"version": 1}) for i in range(4)]
        )
    got = audit.entries(engine, User("adam", "admin"))
    assert [(e.action, e.object, e.details) for e in got] == [
        ("plan_create", f"measure:{i}", {"version": 1}) for i in range(4)
    ]
