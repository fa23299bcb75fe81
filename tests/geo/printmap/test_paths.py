"""Polygons drawn as one collection: paths match the geometries (holes, parts, empties)."""

from __future__ import annotations

import matplotlib
import numpy as np
import shapely
from matplotlib.figure import Figure
from matplotlib.path import Path

from geo.printmap.paths import add_lines, add_polygons, polygon_paths

matplotlib.use("Agg")

DONUT = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(3, 3), (3, 7), (7, 7), (7, 3)]])
TWO = shapely.MultiPolygon([shapely.box(20, 0, 21, 1), shapely.box(22, 0, 23, 1)])


def test_one_path_per_geometry_aligned_with_empty_and_non_areal():
    paths = polygon_paths([DONUT, shapely.Polygon(), TWO, shapely.Point(1, 1)])
    assert len(paths) == 4
    assert len(paths[1].vertices) == 0 and len(paths[3].vertices) == 0
    # two rings of the donut, two parts of the multipolygon: each starts with MOVETO, ends CLOSEPOLY
    for p, rings in ((paths[0], 2), (paths[2], 2)):
        assert (p.codes == Path.MOVETO).sum() == rings and (p.codes == Path.CLOSEPOLY).sum() == rings
        assert p.codes[0] == Path.MOVETO and p.codes[-1] == Path.CLOSEPOLY


def _pixel(geom, at):
    """Colour drawn at data point ``at`` when ``geom`` is filled black on white."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(2, 2), dpi=50)
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-1, 11)
    ax.set_ylim(-1, 11)
    ax.axis("off")
    add_polygons(ax, [geom], facecolors="black", edgecolors="none")
    canvas.draw()
    img = np.asarray(canvas.buffer_rgba())
    x, y = ax.transData.transform(at)
    return tuple(img[img.shape[0] - 1 - int(y), int(x), :3])


def test_hole_is_not_filled_and_shell_is():
    assert _pixel(DONUT, (1, 1)) == (0, 0, 0) and _pixel(DONUT, (5, 5)) == (255, 255, 255)
    # the hole stays open even if the input rings run the same way round
    same_way = shapely.Polygon(DONUT.exterior.coords, [list(DONUT.interiors[0].coords)[::-1]])
    assert _pixel(same_way, (1, 1)) == (0, 0, 0) and _pixel(same_way, (5, 5)) == (255, 255, 255)


def test_collections_added_to_axes():
    fig = Figure()
    ax = fig.add_subplot()
    polys = add_polygons(ax, np.array([DONUT, TWO], dtype=object), facecolors=["red", "blue"])
    lines = add_lines(ax, [DONUT.boundary], colors="black")
    assert list(ax.collections) == [polys, lines]
    assert len(polys.get_paths()) == 2 and len(polys.get_facecolors()) == 2
    assert len(lines.get_segments()) == 2  # shell and hole
