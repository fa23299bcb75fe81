"""Show a web map from ``geo.webmap.build_map`` in Streamlit (one place for every page)."""

from __future__ import annotations

import folium
from streamlit_folium import st_folium

from geo.webmap.elements import detach_areas


def show_map(m: folium.Map, key: str, height: int, returned_objects: list[str] | None = None) -> dict | None:
    """Render ``m`` with ``st_folium``; the areas go as a feature group.

    The base map (Leaflet, tiles, draw toolbar, extra markers) makes the component's
    identity; the areas, legend and overlays are a feature group that the component
    swaps in place. A new indicator, year or selected area therefore repaints the areas
    in the same iframe (no new frame, no Leaflet reload, the zoom the planner chose stays);
    a new geography or a changed base map builds a new frame.

    Parameters
    ----------
    m : folium.Map
        From ``build_map`` (with or without extra elements).
    key : str
        Widget key; include the geography so that another geography gets its own frame.
    height : int
        Pixels.
    returned_objects : list of str, optional
        What the map reports back (``[]``: nothing, so panning never reruns the script).

    Returns
    -------
    dict or None
        ``st_folium``'s result.
    """
    group = detach_areas(m)
    return st_folium(
        m,
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=[] if returned_objects is None else returned_objects,
        feature_group_to_add=group,
    )
