"""GeoJSON download of the joined geography: the GeoPackage's layer for web tools (RFC 7946).

The rows are those of :func:`geo.exports.geopackage.export_layer` (one feature per area and
indicator, after disclosure control, text cells through :func:`geo.exports.safety.safe_frame`);
RFC 7946 asks for WGS 84 longitude/latitude, so the polygons are transformed to EPSG:4326.
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd

from geo.exports.geopackage import export_layer
from geo.exports.safety import safe_frame
from indicators.dataset import Dataset
from indicators.wording.voice import GERMAN, Voice

WGS84 = "EPSG:4326"


def geojson_bytes(ds: Dataset, indicators: str | Sequence[str], year: int, *, voice: Voice = GERMAN) -> bytes:
    """A FeatureCollection of the areas with their export rows, in WGS 84, UTF-8."""
    layer = export_layer(ds, indicators, year, voice=voice)
    layer = gpd.GeoDataFrame(safe_frame(layer.drop(columns="geometry")), geometry=layer.geometry, crs=layer.crs)
    text: str = layer.to_crs(WGS84).to_json(na="null", drop_id=True, ensure_ascii=False)
    return text.encode("utf-8")
