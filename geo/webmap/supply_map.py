"""Web map of the Versorgung page: areas by supply gap, grid cells by reach, facilities and new sites.

The areas are the standard choropleth of :func:`geo.webmap.folium_map.build_map` (legend,
tooltips, hatching of withheld areas); facilities and chosen sites are marker layers on top,
with the layer's source and date in the attribution.
"""

from __future__ import annotations

import html

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import Transformer

from geo.crs import METRIC_CRS
from geo.webmap.folium_map import build_map
from geo.webmap.layer import MapLabels, MapLayer, TileSource
from indicators.compute.classify import classify
from indicators.wording.voice import GERMAN, Voice

PANE = "supply_points"
_TO_WGS = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True)


def _latlon(xy: np.ndarray) -> list[tuple[float, float]]:
    if not len(xy):
        return []
    lon, lat = _TO_WGS.transform(xy[:, 0], xy[:, 1])
    return list(zip(np.asarray(lat).round(6), np.asarray(lon).round(6)))


def _on_top(marker: folium.CircleMarker) -> folium.CircleMarker:
    """Put ``marker`` into the pane above the areas (folium's path options drop ``pane``)."""
    marker.options["pane"] = PANE
    return marker


def supply_map(
    *,
    areas: gpd.GeoDataFrame,
    area_values: pd.DataFrame,
    label: str,
    facilities: pd.DataFrame,
    attribution: str,
    sites: pd.DataFrame | None = None,
    voice: Voice = GERMAN,
    tiles: TileSource | None = None,
) -> folium.Map:
    """Areas coloured by ``area_values["value"]``, facilities as dots, chosen sites as large rings.

    Parameters
    ----------
    areas
        Area polygons (``code``, ``name``, geometry; EPSG:25832).
    area_values
        ``code``, ``value`` (e.g. the gap share in %), ``withheld`` (bool).
    label
        Name of the mapped value (legend and tooltip; unit "%" is added).
    facilities, sites
        ``x``, ``y`` (EPSG:25832) and ``name`` / ``id``.
    attribution
        Sources of areas, demand and facilities with their dates.
    voice
        Language of legend, tooltips and layer names.
    tiles
        A local tile server (:func:`ui.common.tiles`), if any.
    """
    v = area_values.set_index("code")
    layer = areas[["code", "name", "geometry"]].copy()
    layer["value"] = layer["code"].map(v["value"]).astype(float)
    layer["suppressed"] = layer["code"].map(v["withheld"]).fillna(False).astype(bool)
    map_labels = MapLabels(indicator_label=label, unit="%", voice=voice, decimals=1)
    classes = classify(layer["value"].where(~layer["suppressed"]), voice=voice)
    m = build_map(MapLayer(layer, classes, map_labels), attribution=attribution, tiles=tiles)
    # the areas are swapped in as the last layer (ui.map_view.show_map): points need a pane above them
    folium.map.CustomPane(PANE, z_index=650).add_to(m)
    dots = folium.FeatureGroup(name=voice.t("sup_facilities"))
    for (lat, lon), name in zip(_latlon(facilities[["x", "y"]].to_numpy(dtype=float)), facilities["name"]):
        _on_top(
            folium.CircleMarker(
                (lat, lon),
                radius=4,
                color="#ffffff",
                weight=1,
                fill=True,
                fill_color="#0b4f9c",
                fill_opacity=0.95,
                tooltip=html.escape(str(name)),
            )
        ).add_to(dots)
    dots.add_to(m)
    if sites is not None and len(sites):
        new = folium.FeatureGroup(name=voice.t("sup_new_sites"))
        for k, ((lat, lon), sid) in enumerate(zip(_latlon(sites[["x", "y"]].to_numpy(dtype=float)), sites["id"])):
            _on_top(
                folium.CircleMarker(
                    (lat, lon),
                    radius=11,
                    color="#c2185b",
                    weight=4,
                    fill=True,
                    fill_color="#ffffff",
                    fill_opacity=0.6,
                    tooltip=html.escape(voice.t("sup_site_tip", n=k + 1, id=sid)),
                )
            ).add_to(new)
        new.add_to(m)
    return m
