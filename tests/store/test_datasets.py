"""The dataset registry: no look-alikes of shipped data, versions kept, trash for 30 days."""

from __future__ import annotations

import datetime as dt

import pytest

from store import audit, datasets, users
from store.datasets import DatasetVersion
from store.errors import StoreError

ADMIN = users.system_user()
SHIPPED = ["stadtteile", "Lübeck – 10 Stadtteile", "berlin_planungsraeume", "Berlin – 447 Planungsräume (Beispiel MSS)"]


@pytest.mark.parametrize(
    "name,label",
    [
        ("luebeck_10_stadtteile", "x"),
        ("x", "Lübeck – 10 Stadtteile"),
        ("LUEBECK-10-STADTTEILE", "x"),
        ("x", "stadt teile"),
        ("x", "Berlin - 447 Planungsraeume (Beispiel MSS)"),
    ],
)
def test_names_and_labels_imitating_shipped_geographies_are_refused(name, label):
    with pytest.raises(StoreError, match="mitgelieferten Geografie"):
        datasets.check_not_shipped(name, label, SHIPPED)


def test_a_distinct_name_is_fine():
    datasets.check_not_shipped("stadtteile_sgb2", "Stadtteile mit SGB II (Jobcenter)", SHIPPED)


@pytest.fixture
def planner(engine):
    return users.add_user(engine, ADMIN, "paula", "planner", "richtig-123")


def test_replace_keeps_the_previous_version(engine, planner):
    datasets.register(engine, planner, DatasetVersion(name="sgb2", label_de="SGB II", key="datasets/sgb2--a"))
    with pytest.raises(StoreError, match="gibt es schon"):
        datasets.register(engine, planner, DatasetVersion(name="sgb2", label_de="SGB II", key="datasets/sgb2--b"))
    rec = datasets.register(
        engine, planner, DatasetVersion(name="sgb2", label_de="SGB II Q2", key="datasets/sgb2--b", overwrite=True)
    )
    assert (rec.version, rec.key, rec.owner) == (2, "sgb2--b", "paula")
    assert datasets.folders(engine) == {"datasets/sgb2--a", "datasets/sgb2--b"}
    assert [e.action for e in audit.entries(engine, ADMIN, user="paula")] == ["upload", "replace"]


def test_trash_restorable_for_thirty_days_then_purged(engine, planner):
    admin = users.add_user(engine, ADMIN, "adam", "admin", "richtig-123")
    datasets.register(engine, planner, DatasetVersion(name="alt", label_de="Alt", key="datasets/alt--1"))
    assert datasets.remove(engine, planner, "alt") and not datasets.remove(engine, planner, "alt")
    assert datasets.visible(engine, admin) == [] and [d.name for d in datasets.trash(engine, admin)] == ["alt"]
    with pytest.raises(StoreError, match="Papierkorb"):
        datasets.register(engine, planner, DatasetVersion(name="alt", label_de="Alt", key="datasets/alt--2"))
    datasets.restore(engine, admin, "alt", now=dt.datetime.now(dt.UTC) + dt.timedelta(days=29))
    assert [d.name for d in datasets.visible(engine, planner)] == ["alt"]
    datasets.remove(engine, admin, "alt")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=31)
    with pytest.raises(StoreError, match="30 Tage"):
        datasets.restore(engine, admin, "alt", now=later)
    assert datasets.purge(engine, now=later) == ["datasets/alt--1"]
    assert datasets.trash(engine, admin) == [] and datasets.folders(engine) == set()
    assert [e.action for e in audit.entries(engine, ADMIN, action=None) if e.object == "alt"] == [
        "upload",
        "remove",
        "restore",
        "remove",
        "purge",
    ]
