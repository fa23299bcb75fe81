"""The LISA result as a cluster map with legend and the list of areas per cluster (synthetic grid)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
from shapely.geometry import box

from geo.spatial.cluster_map import CLUSTER_COLORS, CLUSTERS, cluster_classification, cluster_members, cluster_notes
from geo.spatial.pattern import spatial_pattern
from geo.webmap.folium_map import build_map
from geo.webmap.layer import MapLabels, MapLayer
from indicators.wording.voice import GERMAN, Voice


def grid() -> gpd.GeoDataFrame:
    rng = np.random.default_rng(0)  # synthetic values: a hot corner in a 6 x 6 grid
    v = rng.normal(0, 0.1, (6, 6))
    v[:3, :3] += 5
    cells = [
        box(610000 + 500 * i, 5970000 + 500 * j, 610500 + 500 * i, 5970500 + 500 * j)
        for j in range(6)
        for i in range(6)
    ]
    g = gpd.GeoDataFrame(
        {"code": [f"c{k}" for k in range(36)], "name": [f"Gebiet {k:02d}" for k in range(36)], "value": v.ravel()},
        geometry=cells,
        crs="EPSG:25832",
    )
    g.loc[35, "value"] = np.nan  # not assessed
    return g


def test_classes_follow_the_clusters_and_colours_are_fixed():
    g = grid()
    pat = spatial_pattern(g, "value")
    c = cluster_classification(g, pat, voice=GERMAN)
    cluster = dict(zip(pat.local["id"], pat.local["cluster"]))
    assert c.colors == tuple(CLUSTER_COLORS[k] for k in CLUSTERS)
    assert c.colors[0] == "#d7191c"  # HH red
    for idx, code in zip(g.index, g["code"]):
        expected = CLUSTERS.index(cluster[code]) if code in cluster else -1
        assert c.classes[idx] == expected
    assert c.classes[35] == -1 and c.no_data_count == 1
    assert sum(c.counts) == 35 and c.counts[0] >= 1
    assert c.labels[0].startswith("HH") and c.labels[-1].startswith("ns")
    assert cluster_classification(g, pat, voice=Voice.of("en")).labels[-1] == "ns: not significant"


def test_members_list_every_area_once_under_its_cluster():
    g = grid()
    pat = spatial_pattern(g, "value")
    members = cluster_members(g, pat)
    assert list(members) == list(CLUSTERS)
    listed = [n for names in members.values() for n in names]
    assert len(listed) == len(set(listed)) == 35
    hh = set(pat.local.loc[pat.local["cluster"] == "HH", "id"])
    assert set(members["HH"]) == {f"Gebiet {int(c[1:]):02d}" for c in hh}
    assert "Gebiet 00" in members["HH"]  # the hot corner


def test_map_has_legend_with_cluster_names_and_tooltips_with_p():
    g = grid()
    pat = spatial_pattern(g, "value")
    g["note"] = cluster_notes(g, pat, voice=GERMAN)
    assert g.at[0, "note"].startswith("HH: hoch") and "p = 0," in g.at[0, "note"]
    html = (
        build_map(MapLayer(g, cluster_classification(g, pat, voice=GERMAN), MapLabels(indicator_label="LISA-Cluster")))
        .get_root()
        .render()
    )
    for label in ("HH: hoch, Nachbarn hoch", "LL: niedrig", "ns: nicht signifikant", "#d7191c"):
        assert label in html
