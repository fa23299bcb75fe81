"""Page geometry and drawing helpers of the print map (no data logic here).

All boxes are in millimetres from the lower left corner of the page. The map,
the legend column, the scale bar and the north arrow each get their own axes,
so nothing but area labels is ever drawn on top of the map's polygons.
Report pages (:class:`Page`, :class:`Panel`) draw the same elements straight onto
the figure in mm boxes instead: a report has hundreds of them, and each axes costs.
"""
from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font, LoadFlags
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon
from matplotlib.text import Text
from matplotlib.transforms import Affine2D, Bbox, Transform
from matplotlib.typing import RcKeyType

from geo.printmap.cells import CellTexts
from geo.printmap.spec import DPI, PAGE_SIZES_PX
from indicators.errors import InputError

MM_PER_INCH = 25.4
FONT = "DejaVu Sans"  # bundled with matplotlib: always there, offline
# rcParams for every print output, applied with matplotlib.rc_context only.
RC: dict[RcKeyType, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "svg.fonttype": "none",   # SVG: text stays text
    "pdf.fonttype": 42,       # PDF: embed TrueType fonts
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
    body: Box          # space for the map
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
        raise InputError(f"unbekanntes Format {size!r}; erlaubt: {', '.join(PAGE_SIZES_PX)}")
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


_CELL_KEYS = {"ha", "va", "horizontalalignment", "verticalalignment", "fontsize", "fontweight", "color", "zorder"}
_ALIGN = {"ha": "horizontalalignment", "va": "verticalalignment"}


class Page:
    """The whole page as a drawing surface in mm, without an Axes: artists go straight onto the figure.

    Everything is added with ``Figure.add_artist``, so it is drawn in the order added (within a
    zorder), as on an axes; texts take the defaults of ``Axes.text`` (no clipping). Plain
    one-line texts (alignment, size, weight, colour, zorder only) are collected into
    :class:`~geo.printmap.cells.CellTexts` runs, one PDF text each, in the same order: a run
    ends when anything else of its zorder is added.
    """

    def __init__(self, fig: Figure, layout: PageLayout) -> None:
        self.figure = fig
        self.transData = Affine2D().scale(1.0 / layout.width, 1.0 / layout.height) + fig.transFigure
        self._runs: dict[float, CellTexts] = {}

    def text(self, x: float, y: float, s: str, **kw) -> Text | None:
        """A text at (x, y) mm (``Axes.text`` keywords); ``None`` when it went into a run of cells."""
        if ("transform" not in kw and "\n" not in str(s) and _CELL_KEYS.issuperset(kw)
                and isinstance(kw.get("fontsize", 0.0), (int, float))):
            self.cell(x, y, str(s), **kw)
            return None
        kw.setdefault("transform", self.transData)
        kw.setdefault("clip_on", False)
        text = Text(x, y, s, **kw)
        self.add_artist(text)
        return text

    def cell(self, x: float, y: float, s: str, **kw) -> None:
        """A one-line text at (x, y) mm, drawn by the open run of its zorder."""
        kw = {_ALIGN.get(k, k): v for k, v in kw.items()}
        z = float(kw.get("zorder", 3.0))
        run = self._runs.get(z)
        if run is None:
            run = self._runs[z] = CellTexts(self.transData, TEXT_COLOR, z)
            self.figure.add_artist(run)
        run.add(x, y, s, kw.get("horizontalalignment", "left"), kw.get("verticalalignment", "baseline"),
                float(kw.get("fontsize", mpl.rcParams["font.size"])), str(kw.get("fontweight", "normal")),
                kw.get("color", mpl.rcParams["text.color"]))

    def plot(self, xs, ys, **kw) -> list[Line2D]:
        """One line (``Axes.plot`` keywords; a colour must be given: there is no colour cycle)."""
        line = Line2D(xs, ys, **kw)
        self.add_artist(line)
        return [line]

    def add_artist(self, art: Artist) -> Artist:
        self._runs.pop(float(art.get_zorder()), None)  # later texts of that zorder come after it
        if not art.is_transform_set():
            art.set_transform(self.transData)
        return self.figure.add_artist(art)

    @property
    def texts(self) -> list[str]:
        """The texts on the page, in drawing order (of Text artists and runs of cells)."""
        out: list[str] = []
        for art in self.figure.artists:
            out += [art.get_text()] if isinstance(art, Text) else art.texts() if isinstance(art, CellTexts) else []
        return out


class Panel:
    """A box of the page (mm, origin at its lower left) drawn on the page's full-size axes.

    Text, lines, patches and collections land exactly where an Axes of that box would put
    them, without the cost of one more matplotlib Axes (its ticks, spines and transforms) per
    box: a report has hundreds of them. ``data`` maps other data units (metres of a map, years
    of a chart) to millimetres of the box; ``get_xlim``/``get_ylim`` give the box size in mm.
    Nothing is clipped to the box: what is drawn must stay inside it. ``text_zorder`` above
    3 (a Text's) draws the panel's texts after the page's, where a separate axes would have
    put them: the PDF's text order (reading order, text extraction) stays that of the axes.
    """

    def __init__(self, page: Axes | Page, box: Box, data: Transform | None = None,
                 text_zorder: float = 3.0) -> None:
        self.page = page
        self.text_zorder = text_zorder
        self.figure = page.figure
        self.box = box
        self.data = data
        self.transData = Affine2D().translate(box[0], box[1]) + page.transData
        if data is not None:
            self.transData = data + self.transData

    def get_xlim(self) -> tuple[float, float]:
        return 0.0, self.box[2]

    def get_ylim(self) -> tuple[float, float]:
        return 0.0, self.box[3]

    def text(self, x: float, y: float, s: str, **kw):
        kw.setdefault("zorder", self.text_zorder)
        if isinstance(self.page, Page) and self.data is None:  # page mm: may join a run of cells
            return self.page.text(x + self.box[0], y + self.box[1], s, **kw)
        return self.page.text(x, y, s, transform=self.transData, **kw)

    def plot(self, xs, ys, **kw) -> list[Line2D]:
        """One line (``Axes.plot`` keywords; a colour must be given: there is no colour cycle)."""
        line = Line2D(xs, ys, **kw)
        self.add_artist(line)
        return [line]

    def add_artist(self, art: Artist) -> Artist:
        """Add ``art`` in the panel's coordinates unless it has a transform (no data limits: they are fixed)."""
        if not art.is_transform_set():
            art.set_transform(self.transData)
        return self.page.add_artist(art)

    def add_patch(self, patch: Patch) -> Artist:
        patch.set_transform(self.transData)
        return self.page.add_artist(patch)

    def add_collection(self, coll: Artist, autolim: bool = False) -> Artist:
        return self.add_artist(coll)


_PAGE_AXES: weakref.WeakKeyDictionary[Figure, Axes | Page] = weakref.WeakKeyDictionary()


def set_page_axes(fig: Figure, ax: Axes | Page) -> None:
    """Make ``ax`` (mm, the whole page: axes or :class:`Page`) what :func:`panel` draws on for ``fig``."""
    _PAGE_AXES[fig] = ax


def panel(fig: Figure, box: Box, layout: PageLayout, data: Transform | None = None,
          text_zorder: float = 3.0) -> Panel | Axes:
    """A box at ``box`` (mm): a :class:`Panel` on a page with page axes, else its own axes (``add_axes_mm``).

    With ``data`` (data units to mm of the box) the fallback axes gets the matching limits.
    """
    page = _PAGE_AXES.get(fig)
    if page is not None:
        return Panel(page, box, data, text_zorder)
    ax = add_axes_mm(fig, box, layout)
    if data is not None:
        (x0, y0), (x1, y1) = data.inverted().transform([(0, 0), (box[2], box[3])])
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
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


def metres_per_mm(ax: Axes, layout: PageLayout, box: Box) -> float:
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
    ax.add_patch(Polygon([(cx, top), (cx - half, base), (cx, base + 0.22 * h)], closed=True,
                         facecolor=TEXT_COLOR, edgecolor=TEXT_COLOR, linewidth=0.6))
    ax.add_patch(Polygon([(cx, top), (cx + half, base), (cx, base + 0.22 * h)], closed=True,
                         facecolor="white", edgecolor=TEXT_COLOR, linewidth=0.6))
    ax.text(cx, h, label, ha="center", va="top", fontsize=fontsize, fontweight="bold",
            color=TEXT_COLOR)


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


def wrap_to_width(fig: Figure, text: str, width_mm: float, fontsize: float,
                  weight: str = "normal") -> list[str]:
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
