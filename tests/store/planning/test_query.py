"""The measure list filtered in SQL gives exactly what the in-memory rule gives, on SQLite and PostgreSQL.

Every record here is synthetic (titles "Synthetisch …", made with a seeded generator).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from store.db import session
from store.errors import PermissionDenied
from store.permissions import ANONYMOUS, User
from store.planning import repository as repo
from store.planning.models import DEFAULT_FIELDS, STATUSES
from store.planning.query import LIST_KEYS, MeasureFilter, filter_measures, find_measures

PLANNER, VIEWER = User("anna", "planner"), User("vera", "viewer")
AREAS = ["01", "02", "03", "04", "05"]
PARTNERS = ["Synthetisch A e. V.", "Synthetisch B gGmbH", "Synthetisch C"]


def _measures(n: int = 60) -> list[dict]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        start = rng.choice([None, f"{rng.randint(2015, 2022)}-0{rng.randint(1, 9)}-01"])
        end = rng.choice([None, f"{int(start[:4]) + rng.randint(0, 3)}-12-31" if start else "2020-06-30"])
        out.append(
            {
                "title": f"Synthetisch {i}",
                "field": DEFAULT_FIELDS[rng.randrange(3)],
                "geography": rng.choice(["stadtteile", "stadtbezirke"]),
                "areas": rng.sample(AREAS, rng.randint(1, 3)),
                "status": rng.choice(STATUSES),
                "partners": rng.sample(PARTNERS, rng.randint(0, 2)),
                "start": start,
                "end": end,
            }
        )
    return out


@pytest.fixture
def filled(plan_engine):
    with session(plan_engine) as s:
        recs = []
        for data in _measures():
            repo.create_in(s, PLANNER, "measure", data, defer=recs)
        repo.create_many_in(s, PLANNER, "measure", recs)
    return plan_engine


FILTERS = [
    MeasureFilter(),
    MeasureFilter(field="Wohnen"),
    MeasureFilter(field="gibt es nicht"),
    MeasureFilter(area="03"),
    MeasureFilter(status="laufend", geography="stadtteile"),
    MeasureFilter(partner=PARTNERS[1]),
    MeasureFilter(start=dt.date(2019, 1, 1)),
    MeasureFilter(end=dt.date(2017, 12, 31)),
    MeasureFilter(start=dt.date(2018, 1, 1), end=dt.date(2018, 3, 1)),
    *(
        MeasureFilter(field=f, area=a, status=st, partner=p, geography="stadtteile")
        for f, a, st, p in itertools.product(DEFAULT_FIELDS[:2], AREAS[:2], STATUSES[:2], [None, PARTNERS[0]])
    ),
]


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: repr(f))
def test_sql_filter_equals_the_rule_in_memory(filled, flt):
    every = repo.list_records(filled, VIEWER, "measure")
    expected = [{k: r[k] for k in LIST_KEYS} for r in filter_measures(every, **vars(flt))]
    got, total = find_measures(filled, VIEWER, flt)
    assert got == expected and total == len(expected)


def test_pages_of_the_list(filled):
    every, total = find_measures(filled, VIEWER)
    assert total == 60 and [r["id"] for r in every] == sorted(r["id"] for r in every)
    pages = [find_measures(filled, VIEWER, limit=25, offset=o) for o in (0, 25, 50)]
    assert [len(p[0]) for p in pages] == [25, 25, 10] and all(p[1] == 60 for p in pages)
    assert [r for p in pages for r in p[0]] == every
    assert find_measures(filled, VIEWER, MeasureFilter(area="99")) == ([], 0)


def test_the_list_needs_the_read_right(filled):
    with pytest.raises(PermissionDenied):
        find_measures(filled, ANONYMOUS)
