"""Offline folium choropleth for the Sozialmonitor (Leaflet from ``/app/static``).

Why ``st_folium`` shows nothing offline (streamlit-folium 0.27.4, read from its
source in the venv): ``st_folium`` walks the map tree and collects ``default_js`` and
``default_css`` of every ``JSCSSMixin`` element (``folium.Map`` alone brings Leaflet
from cdn.jsdelivr.net, jQuery from code.jquery.com, the Bootstrap bundle and
Leaflet.awesome-markers from cdnjs, plus Bootstrap, glyphicons, Font Awesome and
awesome-markers CSS); for any branca ``ColorMap`` it hard-codes two d3 CDN links.
It strips ``<script src>``/``<link rel=stylesheet>`` from the header and passes the
URLs to its iframe as ``js_links``/``css_links``. The iframe's ``loadScripts``
appends them one by one, awaiting a Promise whose ``script.onerror`` is ``reject``;
offline the first CDN script fails, the Promise rejects, and the ``.then`` that
injects the map ``<div>`` and runs the folium script is never reached: an empty frame.

The fix used here: every element's ``default_js``/``default_css`` is replaced on the
instance by root-relative ``/app/static/...`` URLs (Streamlit static serving;
the component iframe is same-origin, so they resolve to the Streamlit server), no
branca colormap is used (the legend is our own HTML control) and tiles are off
unless a tile URL is given. Render with::

    st_folium(m, key="map", height=620, use_container_width=True,
              returned_objects=["last_object_clicked"], feature_group_to_add=detach_areas(m))

(``ui.common.show_map`` does this): the areas travel as a feature group, so a new indicator
or year repaints the areas in the same iframe instead of building a new one.

``returned_objects`` without bounds/zoom/center means panning and zooming do not
rerun the script; a click does (use :func:`geo.webmap.geometry.area_at` to find the area).
"""

from __future__ import annotations

import math
import re
from html import escape
from typing import Any

import folium
import folium.plugins
import geopandas as gpd
import numpy as np
import pandas as pd

from geo.webmap import html as maphtml
from geo.webmap.elements import AreasGroup, Choropleth, DrawLocal, draw_texts
from geo.webmap.geometry import (
    DEFAULT_DECIMALS,
    DEFAULT_TOLERANCE_M,
    encode_geometries,
    encode_geometry,
    label_points,
    outline,
    web_geometry,
)
from geo.webmap.layer import MapLabels, MapLayer, TileSource
from indicators.compute.classify import NO_DATA_COLOR, Classification

STATIC = "/app/static"
LEAFLET_JS = [("leaflet", f"{STATIC}/leaflet/leaflet.js"), ("sm_choropleth", f"{STATIC}/map/choropleth.js")]
LEAFLET_CSS = [("leaflet_css", f"{STATIC}/leaflet/leaflet.css"), ("sm_choropleth_css", f"{STATIC}/map/choropleth.css")]
DRAW_JS = [("leaflet_draw_js", f"{STATIC}/leaflet-draw/leaflet.draw.js")]
DRAW_CSS = [("leaflet_draw_css", f"{STATIC}/leaflet-draw/leaflet.draw.css")]
HATCH_ID = "sm-hatch"
COMPACT_MIN_AREAS = 500  # above this, per-area tooltips and styles are built in the browser

AREA_STYLE = {"color": "#ffffff", "weight": 0.8, "opacity": 1.0, "fillOpacity": 0.9}
HOVER_STYLE = {"color": "#222222", "weight": 2.5}
OUTLINE_STYLE = {"color": "#4d4d4d", "weight": 1.6, "opacity": 1.0, "fill": False}
FLAG_STYLE = {"color": "#111111", "weight": 3.2, "opacity": 1.0, "fill": False, "lineJoin": "round"}
SELECTED_STYLE = {"color": "#0b4f9c", "weight": 3.0, "opacity": 1.0, "fill": False, "dashArray": "6 4"}


def make_offline(element: folium.MacroElement) -> None:
    """Point an element's JS/CSS at the vendored copies (or drop them).

    Known elements: ``folium.Map`` (Leaflet + our choropleth script/style) and
    ``folium.plugins.Draw`` (leaflet-draw). Any other element that would load from
    a CDN raises ``ValueError``, so nothing online can slip in unnoticed.
    """
    if isinstance(element, folium.Map):
        element.default_js, element.default_css = list(LEAFLET_JS), list(LEAFLET_CSS)
    elif isinstance(element, folium.plugins.Draw):
        element.default_js, element.default_css = list(DRAW_JS), list(DRAW_CSS)
    else:
        links = getattr(element, "default_js", []) + getattr(element, "default_css", [])
        online = [url for _, url in links if not url.startswith(f"{STATIC}/")]
        if online:
            problem = f"{type(element).__name__} loads from the internet: {online}"
            raise ValueError(problem)


def _feature_collection(geoms: gpd.GeoSeries, props: list[dict[str, Any]]) -> dict[str, Any]:
    feats = [{"type": "Feature", "properties": p, "geometry": encode_geometry(g)} for g, p in zip(geoms.values, props)]
    return {"type": "FeatureCollection", "features": feats}


def _references(mask: pd.Series) -> dict[str, Any] | None:
    """Features that reuse the geometry of areas (by position), e.g. flagged ones."""
    refs = [{"type": "Feature", "properties": {}, "geometry": {"ref": i}} for i, on in enumerate(mask.to_numpy()) if on]
    return {"type": "FeatureCollection", "features": refs} if refs else None


def _ranks(values: pd.Series, given: pd.Series | None) -> pd.Series:
    if given is not None:
        return given.where(values.notna())
    # without a rank column the highest value is rank 1 (higher = more need)
    return values.rank(method="min", ascending=False)


def build_map(
    layer: MapLayer,
    *,
    selected: str | None = None,
    show_labels: bool = False,
    draw: bool = False,
    tiles: TileSource | None = None,
    attribution: str | None = None,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
    legend_position: str = "bottomright",
) -> folium.Map:
    """Build an offline choropleth ``folium.Map``.

    Parameters
    ----------
    layer : MapLayer
        The areas (EPSG:25832, columns ``code``, ``name``, ``value``, optional ``note``,
        ``suppressed``, ``flagged``, ``rank``), their classification and the labels of
        tooltip and legend.
    selected : str, optional
        ``code`` of an area to outline as selected.
    show_labels : bool
        Write area names onto the map.
    draw : bool
        Add the leaflet-draw toolbar (vendored).
    tiles : TileSource, optional
        A local tile server and its attribution; none by default.
    attribution : str, optional
        Source note for the area data (bottom right), escaped.
    tolerance_m : float
        Simplification tolerance of the web geometry in metres.
    legend_position : str
        Leaflet corner; bottom right is empty for Lübeck's SW-NE shape.

    Returns
    -------
    folium.Map
        Loads only ``/app/static/...``; render with ``st_folium`` (see module doc).
    """
    areas, classification, labels = layer.areas, layer.classification, layer.labels
    missing = {"code", "name", "value"} - set(areas.columns)
    if missing:
        problem = f"areas lacks columns {sorted(missing)}"
        raise ValueError(problem)
    web = web_geometry(areas, tolerance_m=tolerance_m)
    minx, miny, maxx, maxy = (float(v) for v in web.total_bounds)
    bounds = [[miny, minx], [maxy, maxx]]
    values = pd.to_numeric(areas["value"], errors="coerce").astype(float)
    suppressed = _bool_col(areas, "suppressed")
    flagged = _bool_col(areas, "flagged")
    values = values.where(~suppressed)
    classes = classification.classes.reindex(areas.index).fillna(-1).astype(int)
    classes = classes.where(values.notna(), -1)
    ranks = _ranks(values, areas["rank"] if "rank" in areas.columns else None)
    n_ranked = int(values.notna().sum())
    notes = {idx: str(v) for idx, v in areas.get("note", pd.Series(dtype=object)).items() if isinstance(v, str) and v}

    cols = {"classes": classes, "values": values, "suppressed": suppressed, "flagged": flagged, "ranks": ranks}
    compact = None
    if len(areas) > COMPACT_MIN_AREAS:  # thousands of grid cells: columns, tooltips built in the browser
        compact = _compact_props(areas, cols, classification, labels)
        compact["g"] = encode_geometries(web)
        props = []
    else:
        props = _full_props(layer, cols, notes, n_ranked)

    drawn = classes[(classes >= 0) & ~suppressed]
    counts = tuple(int((drawn == i).sum()) for i in range(classification.k))
    codes = areas["code"].astype(str)
    selected_mask = codes == str(selected) if selected is not None else _bool_col(areas, "")
    spec = {
        "hatchId": HATCH_ID,
        "compact": compact,
        "scale": 10**DEFAULT_DECIMALS,
        "areas": _feature_collection(web, props) if compact is None else {"type": "FeatureCollection", "features": []},
        "hoverStyle": HOVER_STYLE,
        "outline": {"type": "Feature", "properties": {}, "geometry": encode_geometry(outline(web))},
        "outlineStyle": OUTLINE_STYLE,
        "flagged": _references(flagged),
        "flagStyle": FLAG_STYLE,
        "selected": _references(selected_mask),
        "selectedStyle": SELECTED_STYLE,
        "attribution": escape(attribution) if attribution else None,
        "legend": {
            "position": legend_position,
            "html": maphtml.legend_html(
                classification,
                labels=labels,
                counts=counts,
                n_no_data=int((values.isna() & ~suppressed).sum()),
                n_suppressed=int(suppressed.sum()),
                n_flagged=int(flagged.sum()),
                selected_label=labels.voice.t("wm_selected") if selected_mask.any() else None,
            ),
        },
        "labels": None,
        "fit": {"bounds": bounds, "padding": [14, 14]},
    }
    if show_labels:
        pts = label_points(areas)
        # largest areas first: when labels collide, the browser keeps the earlier one
        order = areas.geometry.area.sort_values(ascending=False).index
        spec["labels"] = [
            {
                "lat": round(pts[i].y, 5),
                "lng": round(pts[i].x, 5),
                "html": maphtml.label_html(areas.at[i, "name"]),
                # plain text for the label placement in choropleth.js (set as textContent)
                "text": str(areas.at[i, "name"]),
                "code": str(areas.at[i, "code"]),
            }
            for i in order
        ]

    m = folium.Map(
        location=[(miny + maxy) / 2, (minx + maxx) / 2],
        zoom_start=11,
        tiles=None,
        zoom_snap=0.25,
        zoom_delta=0.5,
        min_zoom=9,
        max_zoom=17,
        width="100%",
        height="100%",
        prefer_canvas=compact is not None,  # thousands of cells: one canvas instead of an SVG path each
    )
    make_offline(m)
    if tiles:
        folium.TileLayer(tiles=tiles.url, attr=tiles.attribution, name="tiles", max_zoom=19).add_to(m)
    # fitted in choropleth.js (not folium's fit_bounds, which animates from zoom_start)
    group = AreasGroup()
    Choropleth(spec, bounds).add_to(group)
    group.add_to(m)
    if draw:
        DrawLocal(draw_texts(voice=labels.voice)).add_to(m)  # before the toolbar: it reads the texts when made
        d = folium.plugins.Draw(  # type: ignore[no-untyped-call]  # folium is untyped
            export=False, position="topleft", draw_options={"polyline": False, "circlemarker": False, "marker": False}
        )  # areas only
        make_offline(d)
        d.add_to(m)
    return m


def _full_props(
    layer: MapLayer, cols: dict[str, pd.Series], notes: dict[str, Any], n_ranked: int
) -> list[dict[str, Any]]:
    """Per area: code, tooltip HTML and style (the Stadtteil-sized maps)."""
    areas, classification = layer.areas, layer.classification
    classes, values, suppressed, flagged, ranks = (
        cols[k] for k in ("classes", "values", "suppressed", "flagged", "ranks")
    )
    props = []
    for idx in areas.index:
        cls = int(classes[idx])
        if suppressed[idx]:
            fill = f"url(#{HATCH_ID})"
        elif cls < 0 or cls >= classification.k:
            fill = NO_DATA_COLOR
        else:
            fill = classification.colors[cls]
        val = values[idx]
        tip = maphtml.tooltip_html(
            areas.at[idx, "name"],
            None if math.isnan(val) else float(val),
            rank=None if math.isnan(ranks[idx]) else int(ranks[idx]),
            suppressed=bool(suppressed[idx]),
            flagged=bool(flagged[idx]),
            extra=notes.get(idx),
            labels=layer.labels,
            n_ranked=n_ranked,
        )
        code = str(areas.at[idx, "code"])
        # the class lets tests and scripts find an area's <path> by code
        css = f"sm-area sm-area-{re.sub(r'[^A-Za-z0-9_-]', '_', code)}"
        props.append({"code": escape(code), "tip": tip, "style": {**AREA_STYLE, "fillColor": fill, "className": css}})
    return props


def _compact_props(
    areas: gpd.GeoDataFrame, cols: dict[str, pd.Series], classification: Classification, labels: MapLabels
) -> dict[str, Any]:
    """Columns of code, class and formatted value; styles and tooltips are made in the browser.

    Every string is escaped here, as in :func:`geo.webmap.html.tooltip_html`. Class ``-1`` is no
    data, ``-2`` suppressed (drawn hatched). The geometry column ``g`` is added by the caller.
    """
    unit, decimals, voice = labels.unit, labels.decimals, labels.voice
    supp = cols["suppressed"].to_numpy(bool)
    k = np.where(supp, -2, cols["classes"].to_numpy(int))
    vals = cols["values"].to_numpy(float)
    shown = [
        None if kk < 0 or math.isnan(v) else escape(voice.value(float(v), unit, decimals)) for kk, v in zip(k, vals)
    ]
    return {
        "colors": list(classification.colors),
        "noData": NO_DATA_COLOR,
        "style": AREA_STYLE,
        "label": escape(labels.indicator_label),
        "noDataText": escape(voice.t("no_data")),
        "suppressedText": escape(voice.t("wm_suppressed")),
        "c": [escape(c) for c in areas["code"].astype(str).to_numpy()],
        "k": k.tolist(),
        "v": shown,
    }


def _bool_col(df: pd.DataFrame, col: str) -> pd.Series:
    if col not in df.columns:
        return pd.Series(False, index=df.index)
    return df[col].fillna(False).astype(bool)


def asset_links(m: folium.Map) -> list[str]:
    """Every JS/CSS URL ``st_folium`` would hand to its iframe for ``m``.

    Mirrors streamlit-folium 0.27.4's walk (``default_js``/``default_css`` of all
    elements, two d3 CDN links per branca ``ColorMap``).
    """
    import branca.colormap

    links: list[str] = []

    def walk(el) -> None:
        if isinstance(el, branca.colormap.ColorMap):
            links.extend(["https://d3js.org/d3.v4.min.js", "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js"])
        links.extend(u for _, u in getattr(el, "default_js", []))
        links.extend(u for _, u in getattr(el, "default_css", []))
        for child in getattr(el, "_children", {}).values():
            walk(child)

    walk(m)
    return list(dict.fromkeys(links))
