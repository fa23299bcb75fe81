"""Issue 23, Deliver 2: a copy or a preview never carries or compares another user's hidden values.

Two planners on one data directory; all counts are SYNTHETIC (three invented areas). Anna's
dataset has a small count (2 children in B, suppressed; C hidden as its partner); Bert bases a
new dataset on it and previews extensions with guesses of the hidden count.
"""

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from geo.loading import load_dataset
from geo.uploads.datastore import DataStore
from geo.uploads.growth import preview_growth
from geo.uploads.pipeline import UploadContent, UploadError, accept_upload, withdraw_copy
from indicators.ingest.new_indicators import default_fields, indicator_from_form, source_from_form
from store import audit, users

ADMIN = users.system_user()


@pytest.fixture(autouse=True)
def _cwd(monkeypatch):
    from testkit import ROOT

    monkeypatch.chdir(ROOT)


def three_areas() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"code": ["A", "B", "C"], "name": ["Nordviertel", "Mitte", "Südfeld"]},
        geometry=[box(610000 + i * 1000, 5970000, 611000 + i * 1000, 5971000) for i in range(3)],
        crs=25832,
    )


def tidy(values: dict[str, float], variable: str = "kinder", year: int = 2022) -> pd.DataFrame:
    return pd.DataFrame(
        [(a, year, variable, float(v)) for a, v in values.items()], columns=["area_code", "year", "variable", "value"]
    )


def _people(root):
    engine = DataStore(root).engine
    return {n: users.add_user(engine, ADMIN, n, "planner", "richtig-123") for n in ("anna", "bert", "carl")}


def _anna_saves(root, anna, values) -> str:
    store = DataStore(root, user=anna)
    src = source_from_form("Synthetische Testdaten")
    ind = indicator_from_form(default_fields("kinder") | {"source": src.id}, ["kinder"])
    return accept_upload(
        store,
        "Jobcenter intern",
        "Jobcenter intern",
        UploadContent(areas=three_areas(), tidy=tidy(values), indicators=[ind], sources=[src]),
    ).id


def _bert_copies(root, bert, source_id) -> str:
    store = DataStore(root, user=bert)
    src = source_from_form("Eigene Zählung")
    ind = indicator_from_form(default_fields("spielplaetze") | {"source": src.id}, ["spielplaetze"])
    return accept_upload(
        store,
        "Meine Kopie",
        "Meine Kopie",
        UploadContent(
            tidy=tidy({"A": 4, "B": 5, "C": 6}, "spielplaetze"),
            base_geography=store.geographies()[source_id],
            indicators=[ind],
            sources=[src],
        ),
    ).id


@pytest.fixture
def copied(tmp_path):
    root = tmp_path / "var"
    people = _people(root)
    source = _anna_saves(root, people["anna"], {"A": 120, "B": 2, "C": 60})
    copy = _bert_copies(root, people["bert"], source)
    return root, people, source, copy


def test_the_copy_holds_only_published_values_and_says_where_it_came_from(copied):
    root, people, source, copy = copied
    store = DataStore(root, user=people["bert"])
    raw = load_dataset(store.geographies()[copy]).table.unprotected()
    kids = raw[raw["variable"] == "kinder"].set_index("area_code")["value"].to_dict()
    assert kids == {"A": 120.0}  # B (2, primary) and C (its partner) stay with Anna
    upload = [e for e in audit.entries(store.engine, ADMIN, action="upload") if e.object == copy]
    assert upload and upload[0].details["based_on"] == source and upload[0].details["based_on_owner"] == "anna"
    assert next(d for d in store.list() if d.name == copy).meta["based_on"] == source


def test_own_dataset_and_extension_in_place_keep_every_value(copied):
    root, people, source, _ = copied
    store = DataStore(root, user=people["anna"])
    src = source_from_form("Synthetische Testdaten")
    ind = indicator_from_form(default_fields("spielplaetze") | {"source": src.id}, ["spielplaetze"])
    mine = accept_upload(
        store,
        "Anna zwei",
        "Anna zwei",
        UploadContent(
            tidy=tidy({"A": 1}, "spielplaetze"),
            base_geography=store.geographies()[source],
            indicators=[ind],
            sources=[src],
        ),
    )
    raw = load_dataset(mine).table.unprotected()
    assert raw[raw["variable"] == "kinder"]["value"].tolist() == [120.0, 2.0, 60.0]


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(guess=st.integers(0, 8))
def test_a_preview_does_not_depend_on_whether_a_guess_equals_the_hidden_value(copied, guess):
    """The attack of the issue: guess B, preview; 'nothing changes' exactly at the hidden value.
    Now the answer is the same for every guess, for the copier and for the owner herself."""
    root, people, source, copy = copied
    for who, target in (("bert", copy), ("anna", source)):
        store = DataStore(root, user=people[who])
        geo = store.geographies()[target]
        answers = {g: preview_growth(geo, tidy({"B": g}), store=store) for g in (guess, 2)}
        assert answers[guess] == answers[2]
        assert not answers[2].empty and answers[2].changed == 0


def test_previews_are_audited_once_per_table(copied):
    root, people, _, copy = copied
    store = DataStore(root, user=people["bert"])
    geo = store.geographies()[copy]
    for _ in range(3):
        preview_growth(geo, tidy({"B": 7}), store=store)
    preview_growth(geo, tidy({"B": 8}), store=store)
    got = [e for e in audit.entries(store.engine, ADMIN, action="preview") if e.user == "bert"]
    assert len(got) == 2 and {e.object for e in got} == {copy} and got[0].details["owner"] == "bert"


def test_only_the_source_owner_withdraws_a_copy(copied):
    root, people, source, copy = copied
    with pytest.raises(UploadError, match="darf nicht"):
        withdraw_copy(DataStore(root, user=people["carl"]), copy)
    assert withdraw_copy(DataStore(root, user=people["anna"]), copy) == source
    assert copy not in DataStore(root, user=people["bert"]).geographies()
    removed = audit.entries(DataStore(root).engine, ADMIN, action="remove")
    assert removed[-1].object == copy and removed[-1].details["withdrawn_from"] == source
    with pytest.raises(UploadError, match="keine Kopie"):
        withdraw_copy(DataStore(root, user=people["anna"]), source)


def test_copy_provenance_names_only_other_users_saved_datasets(copied):
    from geo.uploads.pipeline import copy_provenance

    root, people, source, copy = copied
    assert copy_provenance(DataStore(root, user=people["anna"]), source) == {}
    assert copy_provenance(DataStore(root, user=people["anna"]), "stadtteile") == {}  # shipped: public files
    prov = copy_provenance(DataStore(root, user=people["carl"]), source)
    assert prov["based_on"] == source and prov["based_on_owner"] == "anna" and prov["view"] == "geschützt"


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    counts=st.lists(st.integers(3, 90), min_size=3, max_size=3),
    where=st.integers(0, 2),
    hidden=st.tuples(st.integers(0, 2), st.integers(0, 2)),
    guess=st.integers(0, 4),
)
def test_copy_and_preview_do_not_depend_on_a_hidden_value(tmp_path_factory, counts, where, hidden, guess):
    """Route property: two worlds that differ only in one suppressed count give Bert the same copy
    and the same preview answers."""
    seen = []
    for h in hidden:
        root = tmp_path_factory.mktemp("var")
        people = _people(root)
        values = dict(zip("ABC", counts))
        values["ABC"[where]] = h
        copy = _bert_copies(root, people["bert"], _anna_saves(root, people["anna"], values))
        store = DataStore(root, user=people["bert"])
        raw = load_dataset(store.geographies()[copy]).table.unprotected()
        growth = preview_growth(store.geographies()[copy], tidy({"ABC"[where]: guess}), store=store)
        seen.append((raw.sort_values(["variable", "area_code"]).reset_index(drop=True), growth))
    pd.testing.assert_frame_equal(seen[0][0], seen[1][0])
    assert seen[0][1] == seen[1][1]
