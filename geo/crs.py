"""Coordinate reference systems used throughout the tool.

Everything is computed in ETRS89 / UTM 32N (EPSG:25832), the official CRS of
Schleswig-Holstein, so areas and distances are in metres. The web map gets
WGS84 (EPSG:4326) at the very end.
"""

from __future__ import annotations

import geopandas as gpd

from indicators.errors import InputError, msg

METRIC_CRS = "EPSG:25832"
WEB_CRS = "EPSG:4326"


class CRSError(InputError):
    """A layer has no CRS, or one that cannot be used."""


def to_metric(gdf: gpd.GeoDataFrame, source: str = "Datei") -> gpd.GeoDataFrame:
    """Return ``gdf`` in :data:`METRIC_CRS`.

    Parameters
    ----------
    gdf
        Any GeoDataFrame with a CRS set.
    source
        File name used in the error message.

    Raises
    ------
    CRSError
        If ``gdf`` has no CRS: guessing one would silently misplace every area.
    """
    if gdf.crs is None:
        raise CRSError(msg("err_no_crs", source=source))
    if gdf.crs.to_epsg() == 25832:
        return gdf
    return gdf.to_crs(METRIC_CRS)
