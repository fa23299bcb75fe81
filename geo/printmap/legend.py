"""Legend and scale bar of the print map, each in its own axes (units: mm)."""
from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib_scalebar.scalebar import ScaleBar

from geo.printmap import layout as pl
from indicators.compute.classify import NO_DATA_COLOR, Classification
from indicators.formatting import fmt_number
from indicators.wording import t

PT_MM = 25.4 / 72  # one typographic point in mm


def draw_legend(ax: Axes, fig: Figure, cls: Classification, title: str, unit: str = "",
                lang: str = "de", suppressed: int = 0, min_count: int = 3, flagged: int = 0,
                flag_label: str | None = None, city_text: str | None = None,
                font_scale: float = 1.0) -> None:
    """Class swatches with intervals and area counts, then no data, suppressed, flagged.

    Rows shrink to fit the axes if there are many classes. No-data, suppressed
    and flagged rows appear only when such areas exist.
    """
    fs = font_scale
    w, h = ax.get_xlim()[1], ax.get_ylim()[1]
    title_fs, body_fs = 9.5 * fs, 8.0 * fs
    y = h
    lines = pl.wrap_to_width(fig, title, w, title_fs, "bold")
    ax.text(0, y, "\n".join(lines), ha="left", va="top", fontsize=title_fs, fontweight="bold",
            color=pl.TEXT_COLOR, linespacing=1.2)
    y -= len(lines) * title_fs * PT_MM * 1.2 + 1.0 * fs
    if unit:
        ax.text(0, y, t("pm_unit", lang, unit=unit), ha="left", va="top", fontsize=body_fs,
                color=pl.MUTED)
        y -= body_fs * PT_MM * 1.3 + 1.0 * fs

    no_data = cls.no_data_count - suppressed
    extra = [r for r in (
        ("nodata", t("no_data", lang), no_data),
        ("suppressed", t("suppressed_n", lang, n=min_count), suppressed),
        ("flagged", flag_label or t("flag_elevated", lang), flagged),
    ) if r[2] > 0]
    n_rows = cls.k + len(extra) + (1 if extra else 0) + (2 if city_text else 0) + 1
    row = min(6.0 * fs, max(y - 1.0, 1.0) / n_rows)
    sw, sh = 8.0 * fs, min(4.4 * fs, row * 0.8)

    ax.text(w, y, t("pm_areas", lang), ha="right", va="top", fontsize=body_fs * 0.9, color=pl.MUTED)
    y -= row
    for i in range(cls.k):
        _swatch(ax, y, sw, sh, facecolor=cls.colors[i])
        _row_text(ax, y, sw, w, cls.labels[i], cls.counts[i], body_fs, sh, lang)
        y -= row
    if extra:
        y -= row * 0.4
    for key, text, count in extra:
        if key == "nodata":
            _swatch(ax, y, sw, sh, facecolor=NO_DATA_COLOR)
        elif key == "suppressed":
            _swatch(ax, y, sw, sh, facecolor="#f4f4f4", hatch="////", hatchcolor="#8c8c8c",
                    edgecolor="#bdbdbd")
        else:
            _swatch(ax, y, sw, sh, facecolor="white", edgecolor="#111111", linewidth=2.0 * fs)
        _row_text(ax, y, sw, w, text, count, body_fs, sh, lang)
        y -= row
    if city_text:
        y -= row * 0.4
        ax.text(0, y, city_text, ha="left", va="top", fontsize=body_fs, color=pl.TEXT_COLOR)


def _swatch(ax: Axes, y: float, sw: float, sh: float, **kw) -> None:
    kw.setdefault("edgecolor", "#9e9e9e")
    kw.setdefault("linewidth", 0.5)
    ax.add_patch(Rectangle((0, y - sh), sw, sh, **kw))


def _row_text(ax: Axes, y: float, sw: float, w: float, label: str, count: int, fontsize: float,
              sh: float, lang: str) -> None:
    mid = y - sh / 2
    ax.text(sw + 2.5, mid, label, ha="left", va="center", fontsize=fontsize, color=pl.TEXT_COLOR)
    ax.text(w, mid, fmt_number(count, 0, lang), ha="right", va="center", fontsize=fontsize,
            color=pl.TEXT_COLOR)


def draw_scale_bar(fig: Figure, layout: pl.PageLayout, box: pl.Box, m_per_mm: float,
                   lang: str = "de", font_scale: float = 1.0) -> Axes:
    """A metric scale bar (matplotlib-scalebar) and the scale ratio, in their own axes.

    The axes spans ``box`` with the map's metres per millimetre, so the bar
    measures the map exactly although it is drawn beside it.
    """
    ax = pl.add_axes_mm(fig, box, layout)
    ax.set_xlim(0, box[2] * m_per_mm)
    ax.set_ylim(0, box[3] * m_per_mm)
    sep = t("decimal_sep", lang)

    def fmt(value, unit):
        return f"{value:g} {unit}".replace(".", sep)

    bar = ScaleBar(1.0, "m", location="upper left", frameon=False, length_fraction=0.7,
                   rotation="horizontal-only",
                   width_fraction=0.03, color=pl.TEXT_COLOR, scale_formatter=fmt,
                   font_properties={"size": 7.5 * font_scale}, pad=0, border_pad=0,
                   sep=1.5 * font_scale)
    ax.add_artist(bar)
    n = pl.nice_scale_denominator(m_per_mm)
    ax.text(0, 0, t("pm_scale", lang, n=fmt_number(n, 0, lang)), ha="left", va="bottom",
            fontsize=6.5 * font_scale, color=pl.MUTED, transform=ax.transAxes)
    return ax
