"""Page geometry and drawing helpers of the print map (no data logic here).

All boxes are in millimetres from the lower left corner of the page. The map,
the legend column, the scale bar and the north arrow each get their own axes,
so nothing but area labels is ever drawn on top of the map's polygons.
Report pages (:mod:`geo.printmap.page`) draw the same elements straight onto
the figure in mm boxes instead: a report has hundreds of them, and each axes costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font, LoadFlags
from matplotlib.patches import Polygon
from matplotlib.transforms import Bbox
from matplotlib.typing import RcKeyType

from geo.printmap.spec import DPI, PAGE_SIZES_PX
from indicators.errors import InputError, msg

MM_PER_INCH = 25.4
FONT = "DejaVu Sans"  # bundled with matplotlib: always there, offline
# rcParams for every print output, applied with matplotlib.rc_context only.
RC: dict[RcKeyType, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "svg.fonttype": "none",  # SVG: text stays text
    "pdf.fonttype": 42,  # PDF: embed TrueType fonts
    "ps.fonttype": 42,
    "hatch.linewidth": 0.6,
    "axes.unicode_minus": True,
    # names and labels come from user files: "$\\frac{$" is text, never mathtext or LaTeX
    "text.parse_math": False,
    "text.usetex": False,
}
TEXT_COLOR = "#1a1a1a"
MUTED = "#555555"

Box = tuple[float, float, float, float]  # x, y, width, height in mm


@dataclass(frozen=True)
class PageLayout:
    """Where each element of the print map goes (mm)."""

    size: str
    width: float
    height: float
    margin: float
    header: Box
    body: Box  # space for the map
    legend: Box
    north: Box
    scale: Box
    footer: Box
    font_scale: float  # 1 for A4, larger for A3

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def page_size_mm(size: str) -> tuple[float, float]:
    """Width and height in mm of a named page size."""
    if size not in PAGE_SIZES_PX:
        raise InputError(msg("err_unknown_size", value=size, allowed=list(PAGE_SIZES_PX)))
    w, h = PAGE_SIZES_PX[size]
    return w / DPI * MM_PER_INCH, h / DPI * MM_PER_INCH


def page_layout(size: str, footer_lines: int = 4) -> PageLayout:
    """Boxes of the print map elements for a page size.

    Landscape pages put the legend, north arrow and scale bar in a column right
    of the map; portrait pages put them in a band below the map.
    """
    w, h = page_size_mm(size)
    fs = min(w, h) / 210.0
    m = 12.0 * fs
    header_h = 21.0 * fs
    footer_h = (3.2 * footer_lines + 3.0) * fs
    header = (m, h - m - header_h, w - 2 * m, header_h)
    footer = (m, m, w - 2 * m, footer_h)
    top = h - m - header_h - 3 * fs
    bottom = m + footer_h + 4 * fs
    if w > h:
        col_w = 72.0 * fs
        gap = 8.0 * fs
        body = (m, bottom, w - 2 * m - col_w - gap, top - bottom)
        cx = w - m - col_w
        scale = (cx, bottom, col_w, 11.0 * fs)
        north = (cx, bottom + 15.0 * fs, 14.0 * fs, 18.0 * fs)
        legend_y = north[1] + north[3] + 4 * fs
        legend = (cx, legend_y, col_w, top - legend_y)
    else:
        band_h = 62.0 * fs
        body = (m, bottom + band_h + 6 * fs, w - 2 * m, top - bottom - band_h - 6 * fs)
        half = (w - 2 * m) / 2
        legend = (m, bottom, 88 * fs, band_h)
        rx = m + half + 16 * fs
        north = (w - m - 14 * fs, bottom + band_h - 18 * fs, 14 * fs, 18 * fs)
        scale = (rx, bottom, w - m - rx, 11 * fs)
    return PageLayout(size, w, h, m, header, body, legend, north, scale, footer, fs)


class _Canvas(FigureCanvasAgg):
    """Agg canvas that never redraws on its own.

    geopandas' ``plot`` calls ``canvas.draw_idle()``, which on a plain Agg
    canvas renders the whole page each time; we render once, when saving.
    """

    def draw_idle(self, *args, **kwargs) -> None:
        pass


def new_figure(size: str) -> Figure:
    """A figure of the page size with an Agg canvas (for text measurement)."""
    w, h = PAGE_SIZES_PX[size]
    fig = Figure(figsize=(w / DPI, h / DPI), dpi=DPI)
    _Canvas(fig)
    return fig


def add_axes_mm(fig: Figure, box: Box, layout: PageLayout, **kw) -> Axes:
    """Axes at ``box`` (mm) whose data units are millimetres, without decoration."""
    x, y, bw, bh = box
    ax = fig.add_axes((x / layout.width, y / layout.height, bw / layout.width, bh / layout.height), **kw)
    ax.set_xlim(0, bw)
    ax.set_ylim(0, bh)
    ax.set_axis_off()
    return ax


def fit_map_box(body: Box, bounds: Sequence[float], pad: float = 0.02) -> tuple[Box, tuple[float, float, float, float]]:
    """The largest box with the data's aspect ratio, centred at the top of ``body``.

    Returns the box (mm) and the padded data limits ``(xmin, xmax, ymin, ymax)``
    that fill it at an equal scale in x and y.
    """
    x0, y0, x1, y1 = (float(b) for b in bounds)
    dx, dy = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    x0, x1 = x0 - pad * dx, x1 + pad * dx
    y0, y1 = y0 - pad * dy, y1 + pad * dy
    bx, by, bw, bh = body
    scale = min(bw / (x1 - x0), bh / (y1 - y0))  # mm per metre
    mw, mh = (x1 - x0) * scale, (y1 - y0) * scale
    box = (bx + (bw - mw) / 2, by + bh - mh, mw, mh)
    return box, (x0, x1, y0, y1)


def metres_per_mm(ax: Axes, layout: PageLayout, box: Box) -> float:  # noqa: ARG001 (unused, kept for the callers, issue #25)
    """Ground metres per millimetre of paper in the map axes."""
    x0, x1 = ax.get_xlim()
    return (x1 - x0) / box[2]


def nice_scale_denominator(m_per_mm: float) -> int:
    """Map scale 1:n rounded to two significant digits (``1:125.000``)."""
    n = m_per_mm * 1000.0
    mag = 10 ** int(np.floor(np.log10(n))) / 10
    return int(round(n / mag) * mag)


def draw_north_arrow(ax: Axes, label: str = "N", fontsize: float = 10.0) -> None:
    """A simple two-tone north arrow filling the axes (grid north of EPSG:25832)."""
    w, h = ax.get_xlim()[1], ax.get_ylim()[1]
    cx, top, base = w / 2, h * 0.74, h * 0.05
    half = w * 0.28
    ax.add_patch(
        Polygon(
            [(cx, top), (cx - half, base), (cx, base + 0.22 * h)],
            closed=True,
            facecolor=TEXT_COLOR,
            edgecolor=TEXT_COLOR,
            linewidth=0.6,
        )
    )
    ax.add_patch(
        Polygon(
            [(cx, top), (cx + half, base), (cx, base + 0.22 * h)],
            closed=True,
            facecolor="white",
            edgecolor=TEXT_COLOR,
            linewidth=0.6,
        )
    )
    ax.text(cx, h, label, ha="center", va="top", fontsize=fontsize, fontweight="bold", color=TEXT_COLOR)


@lru_cache(maxsize=4)
def _font(weight: str) -> FT2Font:
    path = font_manager.findfont(font_manager.FontProperties(family=FONT, weight=weight))
    font = FT2Font(path)
    font.set_size(100, 72)  # 100 pt at 72 dpi: one pixel per point
    return font


@lru_cache(maxsize=8192)
def _advance_pt(char: str, weight: str) -> float:
    """Unhinted advance width of one character at 100 pt, in points (as in PDF/SVG)."""
    return _font(weight).load_char(ord(char), flags=LoadFlags.NO_HINTING).linearHoriAdvance / 65536


def text_width_px(fig: Figure, text: str, fontsize: float, weight: str = "normal") -> float:
    """Width of a one-line text in figure pixels (sum of glyph advances, no kerning).

    Much faster than laying out a matplotlib Text, which matters for tables
    and word wrapping on every report page.
    """
    w = "bold" if weight == "bold" else "normal"
    pts = sum(_advance_pt(c, w) for c in text) * fontsize / 100.0
    return pts / 72.0 * fig.dpi


def wrap_to_width(fig: Figure, text: str, width_mm: float, fontsize: float, weight: str = "normal") -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width_mm``.

    Measured with Agg (hinted); PDF text runs about 2 % wider, hence the margin.
    """
    limit = 0.97 * width_mm / MM_PER_INCH * fig.dpi
    lines: list[str] = []
    for para in str(text).split("\n"):
        line = ""
        for word in para.split(" "):
            trial = f"{line} {word}" if line else word
            if line and text_width_px(fig, trial, fontsize, weight) > limit:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def bboxes_overlap(a: Bbox, others: Sequence[Bbox], pad: float = 0.0) -> bool:
    """True if ``a`` (grown by ``pad``) overlaps any of ``others``."""
    g = Bbox.from_extents(a.x0 - pad, a.y0 - pad, a.x1 + pad, a.y1 + pad)
    return any(g.overlaps(o) for o in others)
