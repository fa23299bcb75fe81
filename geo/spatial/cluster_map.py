"""The LISA result of :func:`geo.spatial.pattern.spatial_pattern` as a map and as lists of areas.

A categorical :class:`~indicators.compute.classify.Classification` (one class per
cluster type, colours as in GeoDa: HH red, LL blue, HL light red, LH light blue, not
significant grey), so the web map (:func:`geo.webmap.folium_map.build_map`) draws it with
its legend like any other choropleth.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo.spatial.pattern import NOT_SIGNIFICANT, SpatialPattern
from indicators.compute.classify import Classification
from indicators.wording.voice import GERMAN, Voice

CLUSTERS = ("HH", "LL", "HL", "LH", NOT_SIGNIFICANT)
CLUSTER_COLORS = {"HH": "#d7191c", "LL": "#2c7bb6", "HL": "#fdae61", "LH": "#abd9e9", NOT_SIGNIFICANT: "#eeeeee"}


def cluster_classification(
    areas: gpd.GeoDataFrame, pattern: SpatialPattern, id_col: str = "code", *, voice: Voice = GERMAN
) -> Classification:
    """One class per cluster type for ``areas`` (same index); areas not in the result are no data."""
    cluster = _cluster_of(areas, pattern, id_col)
    order = {c: i for i, c in enumerate(CLUSTERS)}
    classes = cluster.map(order).fillna(-1).astype(int)
    counts = tuple(int((classes == i).sum()) for i in range(len(CLUSTERS)))
    return Classification(
        scheme=voice.t("lisa_scheme"),
        palette="lisa",
        edges=tuple(float(i) for i in range(len(CLUSTERS) + 1)),
        classes=classes,
        colors=tuple(CLUSTER_COLORS[c] for c in CLUSTERS),
        counts=counts,
        labels=tuple(voice.t(f"lisa_{c}") for c in CLUSTERS),
        no_data_count=int((classes < 0).sum()),
    )


def cluster_notes(
    areas: gpd.GeoDataFrame, pattern: SpatialPattern, id_col: str = "code", *, voice: Voice = GERMAN
) -> pd.Series:
    """Tooltip line per area: its cluster in words and the local pseudo p-value."""
    local = pattern.local.set_index("id")
    out = []
    for code in areas[id_col].astype(str):
        if code not in local.index:
            out.append("")
            continue
        p = local.at[code, "p_sim"]
        cluster = voice.t(f"lisa_{local.at[code, 'cluster']}")
        out.append(voice.t("lisa_tip", cluster=cluster, p=voice.number(p, 3)) if pd.notna(p) else cluster)
    return pd.Series(out, index=areas.index, dtype=object)


def cluster_members(
    areas: gpd.GeoDataFrame, pattern: SpatialPattern, id_col: str = "code", name_col: str = "name"
) -> dict[str, list[str]]:
    """Names of the areas per cluster type (all five keys, sorted by name)."""
    cluster = _cluster_of(areas, pattern, id_col)
    names = areas[name_col].astype(str)
    return {c: sorted(names[cluster == c]) for c in CLUSTERS}


def _cluster_of(areas: gpd.GeoDataFrame, pattern: SpatialPattern, id_col: str) -> pd.Series:
    lookup = dict(zip(pattern.local["id"].astype(str), pattern.local["cluster"]))
    return areas[id_col].astype(str).map(lookup)
