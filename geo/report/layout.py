"""Building blocks of report pages (A4 portrait): page frame, tables, small maps."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Affine2D

from geo.printmap import layout as pl
from geo.printmap import page as pg
from geo.printmap.cells import CellTexts
from geo.printmap.legend import PT_MM, draw_scale_bar
from geo.printmap.render import draw_areas
from indicators.compute.classify import Classification
from indicators.wording.voice import GERMAN, Voice

SIZE = "a4-portrait"
MARGIN = 15.0
STRIPE = "#f3f3f3"
RULE = "#9e9e9e"
ACCENT = "#7f2704"
FOOTER_LINES = 3
Panel = pg.Panel
panel = pg.panel  # a text box: a Panel on a framed page, else its own axes


def new_page() -> tuple[Figure, pl.PageLayout]:
    """An empty A4 portrait page and its geometry (mm boxes of the print map)."""
    return pl.new_figure(SIZE), pl.page_layout(SIZE)


def page_frame(
    fig: Figure,
    layout: pl.PageLayout,
    title: str,
    kicker: str = "",
    subtitle: str = "",
    footer: str = "",
    page: str = "",
) -> float:
    """Header (kicker, title, subtitle) and footer (source, page number).

    Returns the y (mm) where the page content may start below the header.
    """
    w, h = layout.width, layout.height
    ax = pg.Page(fig, layout)  # no axes: the page's artists go onto the figure
    pg.set_page_axes(fig, ax)  # the page's boxes (text, tables, maps, charts) draw on it (panel)
    y = h - MARGIN
    if kicker:
        ax.text(MARGIN, y, kicker.upper(), ha="left", va="top", fontsize=8, color=ACCENT, fontweight="bold")
        y -= 5.0
    size = 15.0
    while size > 10 and pl.text_width_px(fig, title, size, "bold") > (w - 2 * MARGIN) / 25.4 * fig.dpi:
        size -= 0.5
    ax.text(MARGIN, y, title, ha="left", va="top", fontsize=size, fontweight="bold", color=pl.TEXT_COLOR)
    y -= 7.5
    if subtitle:
        lines = pl.wrap_to_width(fig, subtitle, w - 2 * MARGIN, 9)
        ax.text(MARGIN, y, "\n".join(lines), ha="left", va="top", fontsize=9, color=pl.MUTED, linespacing=1.3)
        y -= 4.6 * len(lines)
    ax.plot([MARGIN, w - MARGIN], [y - 1.5, y - 1.5], color=RULE, linewidth=0.5)
    lines = pl.wrap_to_width(fig, footer, w - 2 * MARGIN - 25, 6.5) if footer else []
    if len(lines) > FOOTER_LINES:  # the footer never grows into the content (see footer_top)
        lines = lines[: FOOTER_LINES - 1] + [fit_text(fig, lines[FOOTER_LINES - 1] + " …", w - 2 * MARGIN - 25, 6.5)]
    fy = MARGIN + 3.2 * max(len(lines), 1)
    ax.plot([MARGIN, w - MARGIN], [fy + 1.5, fy + 1.5], color=RULE, linewidth=0.5)
    if lines:
        ax.text(MARGIN, fy, "\n".join(lines), ha="left", va="top", fontsize=6.5, color=pl.MUTED, linespacing=1.4)
    if page:
        ax.text(w - MARGIN, fy, page, ha="right", va="top", fontsize=7, color=pl.MUTED)
    return y - 5.0


def footer_fits(fig: Figure, footer: str) -> bool:
    """True if ``footer`` fits the page frame's footer without being cut (at most three lines)."""
    return len(pl.wrap_to_width(fig, footer, fig.get_figwidth() * 25.4 - 2 * MARGIN - 25, 6.5)) <= FOOTER_LINES


def sources_page(fig: Figure, layout: pl.PageLayout, top: float, items: Sequence[str]) -> None:
    """The full sources and licences, one wrapped paragraph each, below ``top`` (mm)."""
    ax = panel(fig, (MARGIN, footer_top(), layout.width - 2 * MARGIN, top - footer_top()), layout)
    y = top - footer_top()
    for item in items:
        lines = pl.wrap_to_width(fig, "• " + item, layout.width - 2 * MARGIN, 9)
        ax.text(0, y, "\n".join(lines), ha="left", va="top", fontsize=9, color=pl.TEXT_COLOR, linespacing=1.35)
        y -= 4.6 * len(lines) + 2.5


def footer_top() -> float:
    """Lowest y (mm) page content may use (above a footer of up to three lines)."""
    return MARGIN + 3.2 * FOOTER_LINES + 4.0


def fit_text(fig: Figure, text: str, width_mm: float, fontsize: float, weight: str = "normal") -> str:
    """``text`` shortened with an ellipsis until it fits ``width_mm``."""
    limit = 0.97 * width_mm / 25.4 * fig.dpi
    if pl.text_width_px(fig, text, fontsize, weight) <= limit:
        return text
    while len(text) > 1 and pl.text_width_px(fig, text + "…", fontsize, weight) > limit:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass(frozen=True)
class TableColumns:
    """The columns of a report table: headings, widths in mm, alignment ``"l"`` or ``"r"`` each.

    Parameters
    ----------
    names : sequence of str
        Column headings.
    widths : sequence of float
        Column widths in mm.
    aligns : sequence of str
        ``"l"`` (left) or ``"r"`` (right) per column.
    """

    names: Sequence[str]
    widths: Sequence[float]
    aligns: Sequence[str]


def draw_table(
    fig: Figure,
    layout: pl.PageLayout,
    box: pl.Box,
    columns: TableColumns,
    rows: Sequence[Sequence[str]],
    *,
    fontsize: float = 8.0,
    bold_rows: Iterable[int] = (),
    max_row: float = 5.6,
) -> Panel | Axes:
    """A striped table from the top of ``box``; rows shrink (and font with them) to fit.

    Parameters
    ----------
    fig, layout, box : Figure, PageLayout, Box
        The page and the table's box (mm).
    columns : TableColumns
        Headings, widths and alignments.
    rows : sequence of sequence of str
        The cells; cells too wide for their column are shortened with an ellipsis.
    fontsize, max_row : float
        Largest font size (pt) and row height (mm).
    bold_rows : iterable of int
        Rows (0 = first after the heading) set in bold.

    Returns
    -------
    Panel or Axes
        The panel the table is drawn in.
    """
    widths, aligns = columns.widths, columns.aligns
    ax = panel(fig, box, layout)
    bw, bh = box[2], box[3]
    row_h = min(max_row, bh / (len(rows) + 1.3))
    fs = min(fontsize, row_h / 0.3528 * 0.62)
    bold = set(bold_rows)
    xs = [sum(widths[:i]) for i in range(len(widths))]
    y = bh
    rules = [[(0, y - row_h), (bw, y - row_h)]]
    stripes = []
    cells = CellTexts(ax.transData, pl.TEXT_COLOR)  # one artist, one PDF text per cell, in reading order

    def cell(x: float, width: float, text: str, align: str, weight: str) -> None:
        pad = 1.2
        shown = fit_text(fig, str(text), width - 2 * pad, fs, weight)
        if align == "r":
            cells.add(x + width - pad, y - row_h / 2, shown, "right", "center", fs, weight)
        else:
            cells.add(x + pad, y - row_h / 2, shown, "left", "center", fs, weight)

    for x, wd, text, al in zip(xs, widths, columns.names, aligns):
        cell(x, wd, text, al, "bold")
    y -= row_h
    for i, row in enumerate(rows):
        if i % 2 == 1:
            stripes.append(Rectangle((0, y - row_h), bw, row_h))
        weight = "bold" if i in bold else "normal"
        for x, wd, text, al in zip(xs, widths, row, aligns):
            cell(x, wd, text, al, weight)
        y -= row_h
    rules.append([(0, y), (bw, y)])
    ax.add_collection(PatchCollection(stripes, facecolors=STRIPE, edgecolors="none", transform=ax.transData))
    ax.add_collection(LineCollection(rules, colors=RULE, linewidths=0.6, zorder=2, transform=ax.transData))
    ax.add_artist(cells)
    return ax


CHART_ZORDER = 3.3  # tick labels after the page's texts, the scale bar's and the legend's (see Panel)
YEAR_CHART_GRID = "#e6e6e6"
YEAR_CHART_TICKS = "#777777"
YEAR_CHART_SPINES = "#999999"


def _view(values: np.ndarray) -> tuple[float, float]:
    """Axis limits as matplotlib's autoscale gives them: the data range plus 5 % on each side."""
    lo, hi = MaxNLocator().nonsingular(float(np.min(values)), float(np.max(values)))  # as autoscale does
    pad = (hi - lo) * 0.05
    return lo - pad, hi + pad


def _ticks(locator: MaxNLocator, lo: float, hi: float) -> list[float]:
    tol = 1e-10 * max(abs(lo), abs(hi), 1.0)
    return [float(v) for v in locator.tick_values(lo, hi) if lo - tol <= v <= hi + tol]


@dataclass(frozen=True)
class ChartStyle:
    """Tick label size, number of year ticks, and the zorder of the chart's texts (see Panel)."""

    labelsize: float = 6.5
    nbins: int = 5
    text_zorder: float = CHART_ZORDER


def year_chart(
    fig: Figure,
    layout: pl.PageLayout,
    box: pl.Box,
    lines: Sequence[tuple[pd.Series, dict[str, Any]]],
    dec: int,
    style: ChartStyle = ChartStyle(),
    *,
    voice: Voice = GERMAN,
) -> None:
    """The small time-series chart of every report page: whole years on x, German numbers on y,
    hairline spines left and bottom, light horizontal grid; one line per (series, style).

    ``box`` (mm) is the plot area (tick labels sit outside it, as with an axes there). Drawn
    on the page, with matplotlib's limits (data plus 5 %) and tick choice (``MaxNLocator``),
    so it looks like the axes chart it replaces at a fraction of its cost.
    """
    w, h = box[2], box[3]
    xs = np.concatenate([np.asarray(s.index, dtype=float) for s, _ in lines])
    ys = np.concatenate([np.asarray(s.to_numpy(), dtype=float) for s, _ in lines])
    (x0, x1), (y0, y1) = _view(xs), _view(ys)
    ax = panel(fig, box, layout, text_zorder=style.text_zorder)
    labelsize, nbins = style.labelsize, style.nbins
    data = panel(fig, box, layout, Affine2D().translate(-x0, -y0).scale(w / (x1 - x0), h / (y1 - y0)))
    xt = _ticks(MaxNLocator(integer=True, nbins=nbins), x0, x1)
    yt = _ticks(MaxNLocator(nbins=4), y0, y1)
    tick = 2.0 * PT_MM
    off = (2.0 + 3.5) * PT_MM  # tick length + label pad
    ym = [(v - y0) / (y1 - y0) * h for v in yt]
    xm = [(v - x0) / (x1 - x0) * w for v in xt]
    ax.add_collection(
        LineCollection([[(0, y), (w, y)] for y in ym], colors=YEAR_CHART_GRID, linewidths=0.5, zorder=1.5)
    )
    ax.add_collection(
        LineCollection(
            [[(x, 0), (x, -tick)] for x in xm] + [[(0, y), (-tick, y)] for y in ym],
            colors=YEAR_CHART_TICKS,
            linewidths=0.8,
            capstyle="butt",
            zorder=1.5,
        )
    )
    for s, look in lines:
        data.plot(np.asarray(s.index, dtype=float), s.to_numpy(dtype=float), zorder=2, **look)
    ax.plot([0, 0], [0, h], color=YEAR_CHART_SPINES, linewidth=0.5, zorder=2.5)
    ax.plot([0, w], [0, 0], color=YEAR_CHART_SPINES, linewidth=0.5, zorder=2.5)
    for x, v in zip(xm, xt):
        ax.text(x, -off, str(int(round(v))), ha="center", va="top", fontsize=labelsize, color="black")  # not 2.022
    for y, v in zip(ym, yt):
        ax.text(-off, y, voice.number(v, dec), ha="right", va="center_baseline", fontsize=labelsize, color="black")


def small_map(
    fig: Figure,
    layout: pl.PageLayout,
    box: pl.Box,
    layer: gpd.GeoDataFrame,
    cls: Classification,
    flagged: Iterable[str] = (),
    scale: bool = True,
    *,
    voice: Voice = GERMAN,
) -> Panel | Axes:
    """A choropleth fitted into ``box`` with an optional scale bar below it (on the page, no axes of its own)."""
    body = (box[0], box[1] + (9.0 if scale else 0), box[2], box[3] - (9.0 if scale else 0))
    mbox, (x0, x1, y0, y1) = pl.fit_map_box(body, layer.total_bounds)
    m_per_mm = (x1 - x0) / mbox[2]
    ax = panel(fig, mbox, layout, Affine2D().translate(-x0, -y0).scale(1.0 / m_per_mm))
    draw_areas(ax, layer, cls, flagged, line_scale=0.8)
    if scale:
        draw_scale_bar(fig, layout, (mbox[0], box[1], min(50.0, mbox[2]), 8.0), m_per_mm, voice=voice, font_scale=0.85)
    return ax
