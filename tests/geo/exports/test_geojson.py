"""GeoJSON download (geo.exports.geojson): the GeoPackage's rows in WGS 84, nothing suppressed."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
from synth_exports import SUPPRESSED_CODE, SUPPRESSED_RATE, synthetic_dataset

from geo.exports.geojson import geojson_bytes
from geo.join import indicator_layer


def test_geojson_has_the_map_values_in_wgs84(luebeck):
    doc = json.loads(geojson_bytes(luebeck, "share_65plus", 2022))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 10
    gdf = gpd.GeoDataFrame.from_features(doc["features"], crs="EPSG:4326")
    lon, lat = gdf.geometry.union_all().centroid.coords[0]
    assert 10.5 < lon < 11.0 and 53.7 < lat < 54.1  # Lübeck, longitude first (RFC 7946)
    layer, _ = indicator_layer(luebeck, "share_65plus", 2022)
    assert (
        gdf.set_index("code")["value"].sort_index().tolist()
        == layer.set_index("code")["value"].sort_index().round(1).tolist()
    )
    assert "Lübeck" in geojson_bytes(luebeck, "share_65plus", 2022).decode("utf-8")  # UTF-8, not \\u escapes


def test_geojson_never_carries_a_suppressed_value():
    ds = synthetic_dataset()  # SYNTHETIC data (tests/synth_exports.py)
    doc = json.loads(geojson_bytes(ds, "case_rate", 2022))
    rows = {f["properties"]["code"]: f["properties"] for f in doc["features"]}
    assert rows[SUPPRESSED_CODE]["value"] is None
    assert all(p["value"] != pytest.approx(SUPPRESSED_RATE) for p in rows.values() if p["value"] is not None)
