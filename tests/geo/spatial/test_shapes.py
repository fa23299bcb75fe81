"""Custom areas from GeoJSON (``geo/spatial/shapes.py``): any malformed mapping is an EstimateError, a bug is not."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.spatial import shapes
from geo.spatial.shapes import EstimateError, geometry_from_geojson

SQUARE = {"type": "Polygon", "coordinates": [[[10.6, 53.85], [10.61, 53.85], [10.61, 53.86], [10.6, 53.85]]]}

_scalars = st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000), st.floats(allow_nan=True), st.text(max_size=5))
_coords = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=5), max_leaves=20)
_types = st.one_of(
    st.sampled_from(
        ["Point", "Polygon", "MultiPolygon", "LineString", "GeometryCollection", "Feature", "FeatureCollection", "Foo"]
    ),
    _scalars,
)
_geometry = st.fixed_dictionaries({"type": _types}, optional={"coordinates": _coords, "geometries": _coords})
_feature = st.one_of(
    _geometry,
    _scalars,
    st.fixed_dictionaries(
        {"type": st.just("Feature")},
        optional={
            "geometry": st.one_of(_geometry, _scalars),
            "properties": st.one_of(st.none(), st.fixed_dictionaries({}, optional={"radius": st.one_of(_scalars)})),
        },
    ),
)


@settings(max_examples=150, deadline=None)
@given(
    obj=st.one_of(
        _feature,
        st.lists(_feature, max_size=3),
        st.fixed_dictionaries({"type": st.just("FeatureCollection"), "features": st.lists(_feature, max_size=3)}),
    )
)
def test_any_malformed_geojson_is_an_estimate_error_never_another_exception(obj):
    with contextlib.suppress(EstimateError):  # anything else fails the test
        geometry_from_geojson(obj)


@pytest.mark.parametrize(
    "member",
    [None, 3, "x", {"coordinates": []}, {"type": None}],
    ids=["none", "number", "text", "untyped", "type-none"],
)
def test_a_collection_with_a_malformed_member_is_named_not_a_crash(member):
    # found by the property test above: shapely's shape() reads a collection's members unchecked
    with pytest.raises(EstimateError, match="kein Geometrietyp"):
        geometry_from_geojson({"type": "GeometryCollection", "geometries": [SQUARE, member]})


def test_deeply_nested_collections_are_refused_not_recursed():
    geom: dict = SQUARE
    for _ in range(10_000):
        geom = {"type": "GeometryCollection", "geometries": [geom]}
    with pytest.raises(EstimateError):
        geometry_from_geojson(geom)


def test_a_shapely_error_becomes_the_friendly_message():
    with pytest.raises(EstimateError, match="Geometrie nicht lesbar"):
        geometry_from_geojson({"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]})


def test_a_geometry_without_type_is_named_not_a_crash():
    with pytest.raises(EstimateError, match="kein Geometrietyp"):
        geometry_from_geojson({"type": "Feature", "geometry": None})


def test_a_bug_in_the_conversion_propagates(monkeypatch):
    def bug(_geom):
        raise RuntimeError("bug in shape()")

    monkeypatch.setattr(shapes, "shape", bug)
    with pytest.raises(RuntimeError, match="bug in shape"):
        geometry_from_geojson(SQUARE)
