"""Building blocks of report pages (A4 portrait): page frame, tables, small maps."""
from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence

import geopandas as gpd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import Affine2D

from geo.printmap import layout as pl
from geo.printmap.legend import draw_scale_bar
from geo.printmap.render import draw_areas, setup_map_axes
from indicators.compute.classify import Classification

SIZE = "a4-portrait"
MARGIN = 15.0
STRIPE = "#f3f3f3"
RULE = "#9e9e9e"
ACCENT = "#7f2704"
FOOTER_LINES = 3
_PAGE_AXES: weakref.WeakKeyDictionary[Figure, Axes] = weakref.WeakKeyDictionary()


class Panel:
    """A box of the page (mm, origin at its lower left) drawn on the page's full-size axes.

    Text, lines and patches land exactly where an Axes of that box would put them, without
    the cost of one more matplotlib Axes (its ticks, spines and transforms) per text box:
    a report has hundreds of them.
    """

    def __init__(self, page: Axes, box: pl.Box) -> None:
        self.page = page
        self.transData = Affine2D().translate(box[0], box[1]) + page.transData

    def text(self, x: float, y: float, s: str, **kw):
        return self.page.text(x, y, s, transform=self.transData, **kw)

    def plot(self, xs, ys, **kw):
        return self.page.plot(xs, ys, transform=self.transData, **kw)

    def add_patch(self, patch: Patch) -> Patch:
        patch.set_transform(self.transData)
        return self.page.add_patch(patch)


def panel(fig: Figure, box: pl.Box, layout: pl.PageLayout) -> Panel | Axes:
    """A text box at ``box`` (mm): a :class:`Panel` on a framed page, else its own axes (as ``add_axes_mm``)."""
    page = _PAGE_AXES.get(fig)
    return Panel(page, box) if page is not None else pl.add_axes_mm(fig, box, layout)


def new_page() -> tuple[Figure, pl.PageLayout]:
    """An empty A4 portrait page and its geometry (mm boxes of the print map)."""
    return pl.new_figure(SIZE), pl.page_layout(SIZE)


def page_frame(fig: Figure, layout: pl.PageLayout, title: str, kicker: str = "",
               subtitle: str = "", footer: str = "", page: str = "") -> float:
    """Header (kicker, title, subtitle) and footer (source, page number).

    Returns the y (mm) where the page content may start below the header.
    """
    w, h = layout.width, layout.height
    ax = pl.add_axes_mm(fig, (0, 0, w, h), layout)
    _PAGE_AXES[fig] = ax  # the page's text boxes draw on it (panel)
    y = h - MARGIN
    if kicker:
        ax.text(MARGIN, y, kicker.upper(), ha="left", va="top", fontsize=8, color=ACCENT,
                fontweight="bold")
        y -= 5.0
    size = 15.0
    while size > 10 and pl.text_width_px(fig, title, size, "bold") > (w - 2 * MARGIN) / 25.4 * fig.dpi:
        size -= 0.5
    ax.text(MARGIN, y, title, ha="left", va="top", fontsize=size, fontweight="bold",
            color=pl.TEXT_COLOR)
    y -= 7.5
    if subtitle:
        lines = pl.wrap_to_width(fig, subtitle, w - 2 * MARGIN, 9)
        ax.text(MARGIN, y, "\n".join(lines), ha="left", va="top", fontsize=9, color=pl.MUTED,
                linespacing=1.3)
        y -= 4.6 * len(lines)
    ax.plot([MARGIN, w - MARGIN], [y - 1.5, y - 1.5], color=RULE, linewidth=0.5)
    lines = pl.wrap_to_width(fig, footer, w - 2 * MARGIN - 25, 6.5) if footer else []
    if len(lines) > FOOTER_LINES:  # the footer never grows into the content (see footer_top)
        lines = lines[: FOOTER_LINES - 1] + [fit_text(fig, lines[FOOTER_LINES - 1] + " …", w - 2 * MARGIN - 25, 6.5)]
    fy = MARGIN + 3.2 * max(len(lines), 1)
    ax.plot([MARGIN, w - MARGIN], [fy + 1.5, fy + 1.5], color=RULE, linewidth=0.5)
    if lines:
        ax.text(MARGIN, fy, "\n".join(lines), ha="left", va="top", fontsize=6.5, color=pl.MUTED,
                linespacing=1.4)
    if page:
        ax.text(w - MARGIN, fy, page, ha="right", va="top", fontsize=7, color=pl.MUTED)
    return y - 5.0


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


def draw_table(fig: Figure, layout: pl.PageLayout, box: pl.Box, columns: Sequence[str],
               rows: Sequence[Sequence[str]], widths: Sequence[float], aligns: Sequence[str],
               fontsize: float = 8.0, bold_rows: Iterable[int] = (), max_row: float = 5.6) -> Panel | Axes:
    """A striped table from the top of ``box``; rows shrink (and font with them) to fit.

    ``widths`` are column widths in mm, ``aligns`` ``"l"`` or ``"r"``. Cells
    too wide for their column are shortened with an ellipsis.
    """
    ax = panel(fig, box, layout)
    bw, bh = box[2], box[3]
    row_h = min(max_row, bh / (len(rows) + 1.3))
    fs = min(fontsize, row_h / 0.3528 * 0.62)
    bold = set(bold_rows)
    xs = [sum(widths[:i]) for i in range(len(widths))]
    y = bh
    for x, wd, text, al in zip(xs, widths, columns, aligns):
        _cell(ax, fig, x, wd, y - row_h / 2, text, al, fs, "bold")
    y -= row_h
    ax.plot([0, bw], [y, y], color=RULE, linewidth=0.6)
    for i, row in enumerate(rows):
        if i % 2 == 1:
            ax.add_patch(Rectangle((0, y - row_h), bw, row_h, facecolor=STRIPE, edgecolor="none"))
        weight = "bold" if i in bold else "normal"
        for x, wd, text, al in zip(xs, widths, row, aligns):
            _cell(ax, fig, x, wd, y - row_h / 2, text, al, fs, weight)
        y -= row_h
    ax.plot([0, bw], [y, y], color=RULE, linewidth=0.6)
    return ax


def _cell(ax: Panel | Axes, fig: Figure, x: float, width: float, y: float, text: str, align: str,
          fontsize: float, weight: str) -> None:
    pad = 1.2
    text = fit_text(fig, str(text), width - 2 * pad, fontsize, weight)
    if align == "r":
        ax.text(x + width - pad, y, text, ha="right", va="center", fontsize=fontsize,
                fontweight=weight, color=pl.TEXT_COLOR)
    else:
        ax.text(x + pad, y, text, ha="left", va="center", fontsize=fontsize, fontweight=weight,
                color=pl.TEXT_COLOR)


def style_year_chart(ax: Axes, dec: int, lang: str, labelsize: float = 6.5, nbins: int = 5) -> None:
    """The look of every small time-series chart of a report: whole years on x, German numbers on y,
    hairline spines left and bottom, light horizontal grid."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    from indicators.formatting import fmt_number

    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=nbins))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: str(int(round(v)))))  # 2022, not 2.022
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt_number(v, dec, lang)))
    ax.tick_params(labelsize=labelsize, length=2, color="#777777")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#999999")
        ax.spines[side].set_linewidth(0.5)
    ax.grid(axis="y", color="#e6e6e6", linewidth=0.5)


def small_map(fig: Figure, layout: pl.PageLayout, box: pl.Box, layer: gpd.GeoDataFrame,
              cls: Classification, flagged: Iterable[str] = (), scale: bool = True,
              lang: str = "de") -> Axes:
    """A choropleth fitted into ``box`` with an optional scale bar below it."""
    body = (box[0], box[1] + (9.0 if scale else 0), box[2], box[3] - (9.0 if scale else 0))
    ax, mbox = setup_map_axes(fig, layout, body, layer.total_bounds)
    draw_areas(ax, layer, cls, flagged, line_scale=0.8)
    if scale:
        m_per_mm = (ax.get_xlim()[1] - ax.get_xlim()[0]) / mbox[2]
        draw_scale_bar(fig, layout, (mbox[0], box[1], min(50.0, mbox[2]), 8.0), m_per_mm, lang,
                       font_scale=0.85)
    return ax
