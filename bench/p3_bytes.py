"""P3: bytes of the map sent to the browser vs the naive GeoJSON of full-resolution geometry.

Ours: the strings ``st_folium`` (streamlit-folium 0.27.4) hands to its iframe for the
map of ``geo.webmap.folium_map.build_map`` (map script + HTML + header, built with
streamlit-folium's own helpers), i.e. simplified, rounded geometry plus tooltips,
legend, outline and styles, as the atlas builds it (latest year of the default
indicator). Baseline: ``areas.to_crs(4326).to_json()`` of the same areas at full
resolution (geometry and code/name only). Also timed: building that map.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import Row, Stats, timed

TARGET = 0.40
GEOGRAPHIES = ("stadtteile", "berlin-mss")


def st_folium_payload(m) -> str:
    """What ``st_folium`` sends for ``m``: its map script, HTML and header."""
    import streamlit_folium as sf

    m.get_root().render()
    m.render()
    html = sf._get_html(m)
    header = sf._get_header(m)
    return sf._get_map_string(m) + html + header


def app_map(geo_id: str):
    """The atlas map of a geography: layer, classes and ``build_map`` like ``ui/pages/atlas.py``."""
    from geo.geographies import get_geography
    from geo.join import indicator_layer
    from geo.loading import load_dataset
    from geo.webmap.folium_map import build_map
    from geo.webmap.layer import MapLabels, MapLayer
    from indicators.compute.classify import classify
    from indicators.wording.voice import GERMAN

    ds = load_dataset(get_geography(geo_id))
    ids = [i for i in ds.catalogue if ds.years_for(i)]
    ind = "share_65plus" if "share_65plus" in ids else ids[0]
    year = ds.years_for(ind)[-1]
    layer, city = indicator_layer(ds, ind, year)
    classes = classify(layer["value"], "quantiles", 5)

    def build():
        map_labels = MapLabels(
            indicator_label=ds.catalogue[ind].label(voice=GERMAN),
            unit=ds.catalogue[ind].unit_for(voice=GERMAN),
            city_value=city,
        )
        return build_map(MapLayer(layer, classes, map_labels))

    return ds, build


def run(smoke: bool = False, repeat: int | None = None) -> list[Row]:
    repeat = repeat or (1 if smoke else 5)
    rows = []
    for geo_id in GEOGRAPHIES[:1] if smoke else GEOGRAPHIES:
        ds, build = app_map(geo_id)
        t_build, m = timed(lambda build=build: st_folium_payload(build()), repeat)
        ours = len(st_folium_payload(build()).encode())
        naive = len(ds.areas[["code", "name", "geometry"]].to_crs(4326).to_json().encode())
        share = ours / naive
        rows.append(
            Row(
                id="P3",
                figure=f"map bytes to the browser, {geo_id} ({len(ds.areas)} areas)",
                unit="kB",
                value=Stats([ours / 1000]),
                baseline=Stats([naive / 1000]),
                fmt="{:.1f}",
                target=f"≤ {TARGET:.0%} of naive",
                met=share <= TARGET,
                measures="st_folium payload (script+html+header) of build_map vs naive "
                "gdf.to_crs(4326).to_json() of full-resolution geometry; ratio = ours/naive",
            )
        )
        rows.append(
            Row(
                id="P3",
                figure=f"build_map + st_folium strings, {geo_id}",
                unit="ms",
                value=Stats([t * 1000 for t in t_build.values]),
                target="–",
                measures="in-process, web geometry memoised after the first call (as in the app)",
            )
        )
    return rows
