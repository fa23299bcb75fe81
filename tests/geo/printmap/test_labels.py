"""Area labels of print maps (:mod:`geo.printmap.labels`) on the shipped Lübeck Stadtteile."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from geo.printmap.labels import anchor_points, place_labels


def _figure(inches: float) -> Figure:
    """A figure on an Agg canvas of its own (no pyplot state shared with other tests)."""
    fig = Figure(figsize=(inches, inches), dpi=100)
    FigureCanvasAgg(fig)
    return fig


@pytest.fixture
def axes(luebeck):
    ax = _figure(6).add_subplot()
    luebeck.areas.plot(ax=ax)
    ax.set_axis_off()
    return ax


def _boxes(ax) -> list[tuple[str, Bbox]]:
    renderer = ax.figure.canvas.get_renderer()
    return [(a.get_text(), a.get_window_extent(renderer)) for a in ax.texts]


def test_anchor_points_lie_inside_their_area(luebeck) -> None:
    points = anchor_points(luebeck.areas)
    assert points.index.equals(luebeck.areas.index)
    assert all(geom.contains(pt) for geom, pt in zip(luebeck.areas.geometry, points))


def test_every_stadtteil_is_labelled_without_overlaps_inside_the_map(luebeck, axes) -> None:
    hidden = place_labels(axes, luebeck.areas)
    boxes = _boxes(axes)
    assert hidden == []
    assert len(boxes) == len(luebeck.areas)
    frame = axes.get_window_extent(axes.figure.canvas.get_renderer())
    for i, (_, a) in enumerate(boxes):
        assert frame.x0 <= a.x0 and a.x1 <= frame.x1 and frame.y0 <= a.y0 and a.y1 <= frame.y1
        assert not any(a.overlaps(b) for _, b in boxes[i + 1 :])
    shown = {text.replace("\n", " ") for text, _ in boxes}
    assert shown == set(luebeck.areas["name"])  # whole names, long ones broken onto two lines


def test_labels_that_cannot_fit_are_reported_not_drawn_on_top(luebeck) -> None:
    """On a stamp-sized map with huge type not every name fits: the missing ones are returned."""
    ax = _figure(1.2).add_subplot()
    luebeck.areas.plot(ax=ax)
    hidden = place_labels(ax, luebeck.areas, fontsize=14)
    boxes = _boxes(ax)
    assert hidden
    assert len(boxes) + len(hidden) == len(luebeck.areas)
    for i, (_, a) in enumerate(boxes):
        assert not any(a.overlaps(b) for _, b in boxes[i + 1 :])


def test_the_largest_area_is_labelled_first(luebeck, axes) -> None:
    place_labels(axes, luebeck.areas)
    largest = luebeck.areas.loc[luebeck.areas.geometry.area.idxmax(), "name"]
    assert axes.texts[0].get_text().replace("\n", " ") == largest
