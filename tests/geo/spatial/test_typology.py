"""Area typology (issue 27, item 3): Ward types equal scipy's hierarchy up to relabelling, k-means is
seeded, SKATER types are connected, types are described by their profile, gaps are named."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components

from geo.loading import load_dataset
from geo.spatial.pattern import queen_weights
from geo.spatial.typology import TypologyError, labels_for, renumber, standardised, typology
from indicators.wording.voice import GERMAN, Voice

INDS = ["share_under18", "share_65plus", "population_density", "net_migration_per_1000"]


def partition(labels, ids):
    groups: dict = {}
    for i, lab in zip(ids, labels):
        groups.setdefault(lab, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def scipy_ward(z: pd.DataFrame, k: int):
    return fcluster(linkage(z.to_numpy(), method="ward"), t=k, criterion="maxclust")


@pytest.fixture(scope="module")
def luebeck():
    return load_dataset("stadtteile")


@pytest.fixture(scope="module")
def berlin():
    return load_dataset("berlin-mss")


@pytest.mark.parametrize("k", [2, 3, 4, 5])
def test_ward_equals_scipy_up_to_relabelling_on_luebeck(luebeck, k):
    ty = typology(luebeck, indicators=INDS, k=k, method="ward")
    z, _ = standardised(luebeck, INDS, ty.year)
    typed = ty.areas[ty.areas["type"] > 0]
    assert partition(typed["type"], typed["id"]) == partition(scipy_ward(z, k), z.index)


@pytest.mark.parametrize("k", [3, 6])
def test_ward_equals_scipy_on_berlin_and_names_the_gaps(berlin, k):
    inds = [i for i in berlin.catalogue if i[:2] in {"s1", "s3", "s4"}]
    ty = typology(berlin, indicators=inds, k=k, method="ward")
    z, left = standardised(berlin, inds, ty.year)
    typed = ty.areas[ty.areas["type"] > 0]
    assert partition(typed["type"], typed["id"]) == partition(scipy_ward(z, k), z.index)
    assert ty.left_out == left and left  # areas without every value: named, type 0
    assert set(ty.areas.loc[ty.areas["type"] == 0, "id"]) == set(left)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(6, 40), k=st.integers(2, 5))
def test_ward_equals_scipy_on_synthetic_tables(seed, n, k):
    z = pd.DataFrame(np.random.default_rng(seed).normal(size=(n, 3)), index=[f"a{i}" for i in range(n)])
    assert partition(labels_for(z, k, "ward"), z.index) == partition(scipy_ward(z, k), z.index)


def test_types_are_numbered_by_size_and_runs_are_stable(luebeck):
    a = typology(luebeck, indicators=INDS, k=3, method="kmeans")
    b = typology(luebeck, indicators=INDS, k=3, method="kmeans")
    assert a.areas.equals(b.areas)
    sizes = [a.sizes[k] for k in sorted(a.sizes)]
    assert sizes == sorted(sizes, reverse=True)
    assert list(renumber(np.array([7, 7, 3, 5, 5, 5]), ["f", "e", "d", "c", "b", "a"])) == [2, 2, 3, 1, 1, 1]


def test_skater_types_are_connected(berlin):
    inds = [i for i in berlin.catalogue if i[:2] in {"s1", "s3", "s4"}]
    ty = typology(berlin, indicators=inds, k=5, method="skater")
    areas = berlin.areas.assign(code=berlin.areas["code"].astype(str)).set_index("code")
    for k in ty.sizes:
        members = ty.areas.loc[ty.areas["type"] == k, "id"]
        graph = queen_weights(areas.loc[members].geometry.reset_index(drop=True))
        assert connected_components(graph.sparse, directed=False)[0] == 1


def test_profiles_are_mean_z_and_words_follow_them(luebeck):
    ty = typology(luebeck, indicators=INDS, k=3, method="ward")
    z, _ = standardised(luebeck, INDS, ty.year)
    t_of = ty.areas.set_index("id")["type"]
    for k, row in ty.profiles.iterrows():
        assert np.allclose(row.to_numpy(), z[t_of.reindex(z.index).to_numpy() == k].mean().to_numpy())
    labels = {i: luebeck.catalogue[i].label_de for i in INDS}
    words = ty.words(labels, voice=GERMAN)
    for k, row in ty.profiles.iterrows():
        top = row.abs().idxmax()
        if abs(row[top]) >= 0.5:
            assert words[k].startswith(labels[top] + (" hoch" if row[top] > 0 else " niedrig"))
        else:
            assert words[k] == "durchschnittlich in allen gewählten Indikatoren"
    assert "high" in " ".join(ty.words(labels, voice=Voice.of("en")).values()) or "low" in " ".join(
        ty.words(labels, voice=Voice.of("en")).values()
    )


def test_suppressed_values_leave_the_area_out(luebeck):
    ty0 = typology(luebeck, indicators=INDS, k=3)
    values = luebeck.values.copy()
    hit = (values["indicator"] == "share_65plus") & (values["area_code"] == "03") & (values["year"] == ty0.year)
    values.loc[hit, ["value", "suppressed"]] = [np.nan, True]  # synthetic: one withheld value
    ty = typology(dataclasses.replace(luebeck, values=values), indicators=INDS, k=3, year=ty0.year)
    assert ty.left_out == ["03"] and ty.areas.set_index("id").at["03", "type"] == 0


def test_bad_requests_are_user_errors(luebeck):
    with pytest.raises(TypologyError, match="zwischen 2 und 9"):
        typology(luebeck, indicators=INDS, k=10)
    with pytest.raises(TypologyError, match="Unbekanntes Verfahren"):
        typology(luebeck, indicators=INDS, k=3, method="dbscan")
