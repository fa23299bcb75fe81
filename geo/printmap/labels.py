"""Area labels for print maps: white halo, placed to avoid each other."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.transforms import Bbox

from geo.printmap.layout import TEXT_COLOR, bboxes_overlap

HALO = [patheffects.withStroke(linewidth=2.2, foreground="white")]


def anchor_points(layer: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """Pole of inaccessibility of each area's largest part (inside even for odd shapes)."""

    def anchor(geom: shapely.Geometry) -> tuple[float, float]:
        parts = getattr(geom, "geoms", [geom])
        biggest = max(parts, key=lambda g: g.area)
        x, y = shapely.maximum_inscribed_circle(biggest, tolerance=10.0).coords[0]
        return float(x), float(y)

    return gpd.GeoSeries(
        gpd.points_from_xy(*np.array([anchor(g) for g in layer.geometry]).T), index=layer.index, crs=layer.crs
    )


def _two_lines(name: str) -> str:
    """Break a long name at the space closest to its middle."""
    if len(name) <= 12 or " " not in name:
        return name
    mid = len(name) / 2
    cut = min((i for i, c in enumerate(name) if c == " "), key=lambda i: abs(i - mid))
    return name[:cut] + "\n" + name[cut + 1 :]


def place_labels(ax: Axes, layer: gpd.GeoDataFrame, fontsize: float = 7.0, column: str = "name") -> list[str]:
    """Write area names onto the map; returns the names that found no free place.

    Larger areas are labelled first. A label that would overlap one already
    placed (or leave the map axes) is tried shifted up, down, left and right,
    then as the area code; if nothing fits it is left out.
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg canvas; the stub types the base class
    frame = ax.get_window_extent(renderer)
    points = anchor_points(layer)
    placed: list[Bbox] = []
    hidden: list[str] = []
    order = layer.geometry.area.sort_values(ascending=False).index
    for idx in order:
        x, y = points[idx].x, points[idx].y
        name = str(layer.at[idx, column])
        done = False
        for text in dict.fromkeys([_two_lines(name), name, str(layer.at[idx, "code"])]):
            art = ax.text(
                x,
                y,
                text,
                ha="center",
                va="center",
                fontsize=fontsize,
                color=TEXT_COLOR,
                path_effects=HALO,
                linespacing=1.05,
                zorder=5,
            )
            bb = art.get_window_extent(renderer)
            for dx, dy in [(0, 0), (0, 1), (0, -1), (1, 0), (-1, 0)]:
                art.set_position((x, y))
                art.set_transform(ax.transData)
                if dx or dy:
                    off = ax.transData.inverted().transform(
                        ax.transData.transform((x, y)) + (dx * bb.width * 0.6, dy * bb.height * 1.05)
                    )
                    art.set_position(tuple(off))
                bb = art.get_window_extent(renderer)
                inside = (
                    frame.containsx(bb.x0)
                    and frame.containsx(bb.x1)
                    and frame.containsy(bb.y0)
                    and frame.containsy(bb.y1)
                )
                if inside and not bboxes_overlap(bb, placed, pad=2.0):
                    placed.append(bb)
                    done = True
                    break
            if done:
                break
            art.remove()
        if not done:
            hidden.append(name)
    return hidden
