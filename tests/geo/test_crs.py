"""Everything in metres (:mod:`geo.crs`), on the shipped Lübeck Stadtteile."""

from __future__ import annotations

import geopandas as gpd
import pytest

from geo.crs import METRIC_CRS, WEB_CRS, CRSError, to_metric
from indicators.errors import InputError


def test_the_shipped_areas_are_metric_and_kept_as_they_are(luebeck) -> None:
    areas = luebeck.areas
    assert areas.crs.to_epsg() == 25832
    assert to_metric(areas) is areas


def test_a_layer_in_wgs84_comes_back_in_metres(luebeck) -> None:
    web = luebeck.areas.to_crs(WEB_CRS)
    back = to_metric(web)
    assert back.crs == gpd.GeoSeries(crs=METRIC_CRS).crs
    ratio = back.geometry.area / luebeck.areas.geometry.area
    assert ratio.between(0.9999, 1.0001).all()  # square metres again, not square degrees
    assert back.total_bounds == pytest.approx(luebeck.areas.total_bounds, abs=0.01)


def test_a_layer_without_crs_is_refused_not_guessed(luebeck) -> None:
    bare = gpd.GeoDataFrame(luebeck.areas.drop(columns="geometry"), geometry=list(luebeck.areas.geometry))
    assert bare.crs is None
    with pytest.raises(CRSError) as caught:
        to_metric(bare, "bezirke.shp")
    assert isinstance(caught.value, InputError)  # a user's mistake, shown as a message
