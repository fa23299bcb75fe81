"""Legend and scale bar of print maps and report pages (units: mm), in their own axes or on the page."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib_scalebar.dimension import SILengthDimension
from matplotlib_scalebar.scalebar import ScaleBar

from geo.printmap import layout as pl
from geo.printmap.page import Panel, panel
from indicators.compute.classify import NO_DATA_COLOR, Classification
from indicators.wording.voice import GERMAN, Voice

PT_MM = 25.4 / 72  # one typographic point in mm
# texts of a scale bar and a legend drawn on a report page come after the page's own (see Panel)
SCALE_ZORDER = 3.1
LEGEND_ZORDER = 3.2


@dataclass(frozen=True, kw_only=True)
class LegendText:
    """The words of a print legend.

    Parameters
    ----------
    title : str
        Legend title (the indicator).
    unit : str
        Unit line below the title, empty for none.
    voice : Voice
        Language of the fixed rows and numbers.
    flag_label : str, optional
        Text of the flagged row (default "erhöhter Bedarf").
    city_text : str, optional
        A closing line with the city value.
    """

    title: str
    unit: str = ""
    voice: Voice = GERMAN
    flag_label: str | None = None
    city_text: str | None = None


def draw_legend(
    ax: Axes | Panel,
    fig: Figure,
    cls: Classification,
    legend: LegendText,
    *,
    suppressed: int = 0,
    min_count: int = 3,
    flagged: int = 0,
    font_scale: float = 1.0,
) -> None:
    """Class swatches with intervals and area counts, then no data, suppressed, flagged.

    Rows shrink to fit the axes if there are many classes. No-data, suppressed
    and flagged rows appear only when such areas exist.

    Parameters
    ----------
    ax, fig : Axes or Panel, Figure
        Where to draw (units: mm) and the figure (to measure text).
    cls : Classification
        Classes, colours, labels and counts.
    legend : LegendText
        Title, unit, language, flag and city lines.
    suppressed, flagged : int
        Areas hidden for privacy and areas outlined; their rows appear when > 0.
    min_count : int
        The disclosure threshold named in the suppressed row.
    font_scale : float
        Factor on every font size and gap.
    """
    title, unit, voice, flag_label, city_text = (
        legend.title,
        legend.unit,
        legend.voice,
        legend.flag_label,
        legend.city_text,
    )
    fs = font_scale
    w, h = ax.get_xlim()[1], ax.get_ylim()[1]
    title_fs, body_fs = 9.5 * fs, 8.0 * fs
    y = h
    lines = pl.wrap_to_width(fig, title, w, title_fs, "bold")
    ax.text(
        0,
        y,
        "\n".join(lines),
        ha="left",
        va="top",
        fontsize=title_fs,
        fontweight="bold",
        color=pl.TEXT_COLOR,
        linespacing=1.2,
    )
    y -= len(lines) * title_fs * PT_MM * 1.2 + 1.0 * fs
    if unit:
        ax.text(0, y, voice.t("pm_unit", unit=unit), ha="left", va="top", fontsize=body_fs, color=pl.MUTED)
        y -= body_fs * PT_MM * 1.3 + 1.0 * fs

    no_data = cls.no_data_count - suppressed
    extra = [
        r
        for r in (
            ("nodata", voice.t("no_data"), no_data),
            ("suppressed", voice.t("suppressed_n", n=min_count), suppressed),
            ("flagged", flag_label or voice.t("flag_elevated"), flagged),
        )
        if r[2] > 0
    ]
    n_rows = cls.k + len(extra) + (1 if extra else 0) + (2 if city_text else 0) + 1
    row = min(6.0 * fs, max(y - 1.0, 1.0) / n_rows)
    sw, sh = 8.0 * fs, min(4.4 * fs, row * 0.8)

    ax.text(w, y, voice.t("pm_areas"), ha="right", va="top", fontsize=body_fs * 0.9, color=pl.MUTED)
    y -= row
    box = (sw, sh, w)
    for i in range(cls.k):
        _swatch(ax, y, sw, sh, facecolor=cls.colors[i])
        y -= row + _row_text(ax, fig, y, box, cls.labels[i], cls.counts[i], body_fs, voice=voice)
    if extra:
        y -= row * 0.4
    for key, text, count in extra:
        if key == "nodata":
            _swatch(ax, y, sw, sh, facecolor=NO_DATA_COLOR)
        elif key == "suppressed":
            _swatch(ax, y, sw, sh, facecolor="#f4f4f4", hatch="////", hatchcolor="#8c8c8c", edgecolor="#bdbdbd")
        else:
            _swatch(ax, y, sw, sh, facecolor="white", edgecolor="#111111", linewidth=2.0 * fs)
        y -= row + _row_text(ax, fig, y, box, text, count, body_fs, voice=voice)
    if city_text:
        y -= row * 0.4
        ax.text(0, y, city_text, ha="left", va="top", fontsize=body_fs, color=pl.TEXT_COLOR)


def _swatch(ax: Axes | Panel, y: float, sw: float, sh: float, **kw) -> None:
    kw.setdefault("edgecolor", "#9e9e9e")
    kw.setdefault("linewidth", 0.5)
    ax.add_patch(Rectangle((0, y - sh), sw, sh, **kw))


def _row_text(
    ax: Axes | Panel,
    fig: Figure,
    y: float,
    box: tuple[float, float, float],
    label: str,
    count: int,
    fontsize: float,
    *,
    voice: Voice = GERMAN,
) -> float:
    """A row's label beside its swatch and its count at the right edge; returns the extra height (mm).

    A label too long for the space before the count is wrapped (``erhöhter Bedarf bei mind.
    1 Indikator`` in a narrow legend), never written into the count.
    """
    sw, sh, w = box
    number = voice.number(count, 0)
    room = w - (sw + 2.5) - pl.text_width_px(fig, number, fontsize) / fig.dpi * pl.MM_PER_INCH - 2.0
    lines = pl.wrap_to_width(fig, label, room, fontsize) if room > 0 else [label]
    line_h = fontsize * PT_MM * 1.15
    extra = (len(lines) - 1) * line_h
    # the first line beside the swatch, the others below it (the next row moves down by ``extra``)
    ax.text(
        sw + 2.5,
        y - sh / 2 - extra / 2,
        "\n".join(lines),
        ha="left",
        va="center",
        fontsize=fontsize,
        color=pl.TEXT_COLOR,
        linespacing=1.15,
    )
    ax.text(w, y - sh / 2, number, ha="right", va="center", fontsize=fontsize, color=pl.TEXT_COLOR)
    return extra


_METRES = SILengthDimension()  # matplotlib-scalebar's metric length units


def scale_bar_length(metres: float) -> tuple[float, str]:
    """The longest round bar length not above ``metres``: (value, unit), e.g. ``(2.0, "km")``.

    matplotlib-scalebar decides, as its ``ScaleBar`` does: its length dimension picks the
    unit, its preferred values (1, 2, 5, 10, 15, 20, 25, 50, …) the round number strictly
    below the available length. Only the drawing is ours (on the page, without an axes).
    """
    value, unit = _METRES.calculate_preferred(metres, "m")
    index = bisect.bisect_left(ScaleBar._PREFERRED_VALUES, value)
    return float(ScaleBar._PREFERRED_VALUES[index - 1 if index > 0 else index]), str(unit)


def draw_scale_bar(
    fig: Figure, layout: pl.PageLayout, box: pl.Box, m_per_mm: float, *, voice: Voice = GERMAN, font_scale: float = 1.0
) -> Panel | Axes:
    """A metric scale bar and the scale ratio in ``box`` (mm), on the page or in its own axes.

    The bar is drawn at the map's metres per millimetre, so it measures the map exactly
    although it sits beside it: at most 70 % of the box wide, a round length, its label
    centred below it (the look of matplotlib-scalebar, without one more axes and offset boxes).
    """
    ax = panel(fig, box, layout, text_zorder=SCALE_ZORDER)
    w, h = box[2], box[3]
    value, unit = scale_bar_length(0.7 * w * m_per_mm)
    length = _METRES.convert(value, unit, "m") / m_per_mm
    label = f"{value:g} {unit}".replace(".", voice.t("decimal_sep"))
    size = 7.5 * font_scale
    text_w = pl.text_width_px(fig, label, size) / fig.dpi * pl.MM_PER_INCH
    span = max(length, text_w)
    bar_h = 0.03 * h
    n = pl.nice_scale_denominator(m_per_mm)
    ax.text(
        0,
        0,
        voice.t("pm_scale", n=voice.number(n, 0)),
        ha="left",
        va="bottom",
        fontsize=6.5 * font_scale,
        color=pl.MUTED,
    )
    ax.add_patch(Rectangle(((span - length) / 2, h - bar_h), length, bar_h, facecolor=pl.TEXT_COLOR, edgecolor="none"))
    ax.text(
        span / 2, h - bar_h - 1.5 * font_scale * PT_MM, label, ha="center", va="top", fontsize=size, color=pl.TEXT_COLOR
    )
    return ax
