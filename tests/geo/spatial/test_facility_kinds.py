"""The shipped facility layers (:mod:`geo.spatial.facility_kinds`): Lübeck's Kitas and schools."""

from __future__ import annotations

import pytest

from geo.crs import METRIC_CRS
from geo.spatial.facility_kinds import KINDS, UnknownFacilityKind, get_kind, load_kind, source_line
from indicators.errors import InputError


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_loads_in_metres_inside_the_city(kind: str, luebeck) -> None:
    points = load_kind(kind)
    assert len(points) > 0
    assert points.crs == luebeck.areas.crs and str(points.crs).upper().endswith(METRIC_CRS.split(":")[1])
    city = luebeck.areas.union_all().buffer(2000)  # a few sit right at the boundary
    assert points.geometry.within(city).mean() > 0.95


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_names_a_demand_the_catalogue_knows(kind: str, luebeck) -> None:
    k = get_kind(kind)
    assert k.demand in luebeck.catalogue
    assert k.distance > 0


def test_a_loaded_layer_is_a_copy_the_caller_may_change() -> None:
    first = load_kind("kitas")
    first["name"] = "geändert"
    assert (load_kind("kitas")["name"] != "geändert").all()


def test_the_source_line_has_attribution_and_date() -> None:
    k = get_kind("kitas")
    line = source_line("kitas")
    assert line.startswith(k.attribution) and line.endswith(k.reference_date)


def test_an_unknown_kind_names_the_known_ones() -> None:
    with pytest.raises(UnknownFacilityKind) as caught:
        get_kind("spielplaetze")
    assert isinstance(caught.value, InputError)
    assert all(kind in str(caught.value) for kind in KINDS)
