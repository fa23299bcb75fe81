"""Print maps for committee papers: PNG (300 dpi), SVG (text as text), PDF (vector).

The map goes through :func:`geo.join.indicator_layer` (suppressed values are
already NaN) and through :func:`indicators.compute.classify.layer_classification`, the same
:func:`indicators.compute.classify.classify` call the web map makes, so both show the
same classes and colours. Only area labels are drawn over the polygons; legend,
scale bar, north arrow and texts sit in their own axes beside the map.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import geopandas as gpd
import matplotlib
import pandas as pd
import shapely
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from geo.join import indicator_layer
from geo.printmap import layout as pl
from geo.printmap.frame import draw_footer, draw_header, footer_lines
from geo.printmap.labels import place_labels
from geo.printmap.legend import LegendText, draw_legend, draw_scale_bar
from geo.printmap.page import Panel
from geo.printmap.paths import MANY_AREAS, add_lines, add_polygons, outline_of
from geo.printmap.spec import DPI, FORMATS, PAGE_SIZES_PX, ClassChoice, output_format
from geo.printmap.text import method_text, reference_text
from indicators.compute.classify import (
    DEFAULT_PALETTE,
    DIVERGING_PALETTES,
    MAX_K,
    NO_DATA_COLOR,
    SCHEMES,
    SEQUENTIAL_PALETTES,
    Classification,
    layer_classification,
)
from indicators.dataset import Dataset
from indicators.errors import InputError, msg
from indicators.wording.voice import GERMAN, Voice

SUPPRESSED_FACE = "#f4f4f4"
HATCH_COLOR = "#8c8c8c"
EDGE_COLOR = "#ffffff"
OUTLINE_COLOR = "#4d4d4d"
FLAG_COLOR = "#111111"


@dataclass(frozen=True)
class PrintOptions:
    """What the user chose for a print map.

    ``flagged`` holds area codes to outline bold (e.g. from the need
    assessment); ``flag_label`` names them in the legend and ``flag_note``
    explains the rule in the footer. ``created`` fixes the creation date
    (default today).
    """

    size: str = "a4-landscape"
    scheme: str = "quantiles"
    k: int = 5
    palette: str = DEFAULT_PALETTE
    breaks: tuple[float, ...] | None = None
    labels: bool = False
    voice: Voice = GERMAN
    title: str | None = None
    subtitle: str | None = None  # typed by the user (atlas print expander, ``cli.py map --subtitle``)
    flagged: frozenset[str] = field(default_factory=frozenset)
    flag_label: str | None = None
    flag_note: str | None = None
    created: date | None = None


@dataclass
class PrintMap:
    """A built print map: the figure and what was drawn on it."""

    figure: Figure
    map_ax: Axes
    layer: gpd.GeoDataFrame
    classification: Classification
    city_value: float | None
    layout: pl.PageLayout
    title: str = ""
    hidden_labels: list[str] = field(default_factory=list)

    def polygon_extent(self) -> Bbox:
        """Extent of the area polygons in figure pixels."""
        x0, y0, x1, y1 = self.layer.total_bounds
        return Bbox.from_extents(*self.map_ax.transData.transform([(x0, y0), (x1, y1)]).ravel())


def check_selection(ds: Dataset, indicator: str, year: int) -> None:
    """Raise ValueError naming the problem if indicator or year are unknown."""
    if indicator not in ds.catalogue:
        raise InputError(msg("err_unknown_indicator", id=indicator, known=list(ds.catalogue)))
    years = ds.years_for(indicator)
    if int(year) not in years:
        span = f"{years[0]}–{years[-1]}" if years else msg("err_none")
        raise InputError(msg("err_no_year_for", id=indicator, year=year, span=span))


def check_options(options: PrintOptions) -> None:
    """Raise ValueError (German message) for an unknown size, scheme, palette or k."""
    if options.size not in PAGE_SIZES_PX:
        raise InputError(msg("err_unknown_size", value=options.size, allowed=list(PAGE_SIZES_PX)))
    if options.scheme not in SCHEMES:
        raise InputError(msg("err_unknown_scheme", value=options.scheme, allowed=list(SCHEMES)))
    if not 1 <= options.k <= MAX_K:
        raise InputError(msg("err_bad_k", max=MAX_K, k=options.k))
    base = options.palette.removesuffix("_r")
    if base not in SEQUENTIAL_PALETTES + DIVERGING_PALETTES:
        raise InputError(
            msg("err_unknown_palette", value=options.palette, allowed=list(SEQUENTIAL_PALETTES + DIVERGING_PALETTES))
        )


def print_options(
    size: str = "a4-landscape",
    *,
    classes: ClassChoice | None = None,
    labels: bool = False,
    voice: Voice = GERMAN,
    flagged: Iterable[str] = (),
    flag_note: str | None = None,
) -> PrintOptions:
    """The one builder of :class:`PrintOptions` for app, CLI and exports: normalised and checked.

    Parameters
    ----------
    size : str
        Paper size (``"a4-landscape"``, …).
    classes : ClassChoice, optional
        Scheme, number of classes, palette and manual breaks (default: five quantiles).
    labels : bool
        Write area names onto the map.
    voice : Voice
        Language of the page.
    flagged : iterable of str
        Area codes to outline bold.
    flag_note : str, optional
        The flag rule for the footer.

    Raises
    ------
    InputError
        For an unknown size, scheme or palette, a bad ``k``, or ``manual`` without breaks.
    """
    classes = classes or ClassChoice()
    bounds = tuple(float(b) for b in classes.breaks) if classes.breaks else None
    if classes.scheme == "manual" and not bounds:
        raise InputError(msg("err_manual_needs_breaks"))
    options = PrintOptions(
        size=size,
        scheme=classes.scheme,
        k=int(classes.k),
        palette=classes.palette,
        breaks=bounds,
        labels=bool(labels),
        voice=voice,
        flagged=frozenset(str(c) for c in flagged),
        flag_note=flag_note,
    )
    check_options(options)
    return options


def draw_areas(
    ax: Axes | Panel, layer: gpd.GeoDataFrame, cls: Classification, flagged: Iterable[str] = (), line_scale: float = 1.0
) -> None:
    """Polygons coloured by class, suppressed hatched, flagged outlined bold."""
    sup = layer["suppressed"].astype(bool).to_numpy()
    colors = cls.area_colors(NO_DATA_COLOR).reindex(layer.index).fillna(NO_DATA_COLOR)
    geoms = layer.geometry.values
    # grid cells: hairline edges, or the white edges would pale the map
    edge = 0.6 * line_scale * (0.25 if len(layer) > MANY_AREAS else 1.0)
    if (~sup).any():
        add_polygons(ax, geoms[~sup], facecolors=list(colors[~sup]), edgecolors=EDGE_COLOR, linewidths=edge)
    if sup.any():
        add_polygons(
            ax,
            geoms[sup],
            facecolors=SUPPRESSED_FACE,
            edgecolors=EDGE_COLOR,
            hatch="////",
            hatchcolor=HATCH_COLOR,
            linewidths=edge,
        )
    add_lines(ax, [outline_of(geoms).boundary], colors=OUTLINE_COLOR, linewidths=0.9 * line_scale)
    flag = layer["code"].astype(str).isin({str(c) for c in flagged}).to_numpy()
    if flag.any():
        add_lines(ax, shapely.boundary(geoms[flag]), colors=FLAG_COLOR, linewidths=2.4 * line_scale, joinstyle="round")


def setup_map_axes(fig: Figure, layout: pl.PageLayout, body: pl.Box, bounds) -> tuple[Axes, pl.Box]:
    """Map axes filling ``body`` at the data's aspect ratio (equal scale in x and y)."""
    box, (x0, x1, y0, y1) = pl.fit_map_box(body, bounds)
    ax = pl.add_axes_mm(fig, box, layout)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box")
    return ax, box


def build_print_map(ds: Dataset, indicator: str, year: int, options: PrintOptions = PrintOptions()) -> PrintMap:
    """Draw the print map of one indicator and year (call inside ``rc_context(pl.RC)``).

    Raises
    ------
    ValueError
        Unknown indicator, year, size, scheme or palette (message says which).
    """
    check_selection(ds, indicator, year)
    check_options(options)
    voice, ind = options.voice, ds.catalogue[indicator]
    layer, city = indicator_layer(ds, indicator, int(year))
    dec = ind.decimals_for(layer["value"])
    cls = layer_classification(
        layer, city, options.scheme, options.k, options.palette, options.breaks, decimals=dec, voice=voice
    )
    unit = ind.unit_for(voice=voice)
    label = ind.label(voice=voice)
    geo_label = ds.geography.label(voice=voice)

    method = f"{voice.t('pm_method')}: {method_text(cls.scheme, cls.k, voice=voice)}"
    if options.flagged:
        method += f"; {options.flag_note or voice.t('pm_flag_note')}"
    city_text = None
    if city is not None:
        city_text = voice.t(
            "pm_city", label=ds.geography.reference_label(voice=voice), value=voice.value(city, unit, dec)
        )
    page = PageText(
        title=options.title or f"{label} {year}",
        # a subtitle of the user's own; else under the default title (label and year) not said again
        subtitle=options.subtitle
        or (
            f"{label}" + (f" ({unit})" if unit else "") + f" · {voice.t('pm_year', year=year)} · {geo_label}"
            if options.title
            else " · ".join([*([voice.t("pm_in_unit", unit=unit)] if unit else []), geo_label])
        ),
        footer=(
            f"{voice.t('source')}: {ds.attribution(indicator)}",
            f"{voice.t('pm_reference')}: {reference_text(ind, int(year), voice=voice)}. {method}.",
        ),
        legend_title=label,
        unit=unit,
        min_count=ds.min_count,
        city_text=city_text,
    )
    return compose_page(layer, cls, page, options, city)


@dataclass(frozen=True)
class PageText:
    """What a print page says: header, footer paragraphs (source, method, date), legend title and notes."""

    title: str
    subtitle: str
    footer: tuple[str, ...]  # source and method; compose_page adds the date and CRS line
    legend_title: str
    unit: str = ""
    min_count: int = 3
    city_text: str | None = None


def compose_page(
    layer: gpd.GeoDataFrame, cls: Classification, page: PageText, options: PrintOptions, city: float | None = None
) -> PrintMap:
    """The one print page: header, map, labels, legend, north arrow, scale bar, footer.

    Used by :func:`build_print_map` (a catalogue indicator) and
    ``geo.printmap.layer_map.build_layer_map`` (e.g. the need map), so both pages look
    and read alike. ``layer`` needs code, name, suppressed and geometry (EPSG:25832).
    """
    voice = options.voice
    fig = pl.new_figure(options.size)
    fs = min(pl.page_size_mm(options.size)) / 210.0
    foot_fs = 6.6 * fs
    width_mm = pl.page_size_mm(options.size)[0] - 2 * 12.0 * fs
    created = options.created or date.today()
    parts = [*page.footer, f"{voice.t('pm_created', date=voice.date(created))}. {voice.t('pm_crs')}."]
    lines = footer_lines(fig, width_mm, foot_fs, parts)
    layout = pl.page_layout(options.size, footer_lines=len(lines))
    draw_header(fig, layout, page.title, page.subtitle)
    draw_footer(fig, layout, lines, foot_fs)

    ax, box = setup_map_axes(fig, layout, layout.body, layer.total_bounds)
    draw_areas(ax, layer, cls, options.flagged, line_scale=fs)
    hidden: list[str] = []
    if options.labels and len(layer) <= MANY_AREAS:
        hidden = place_labels(ax, layer, fontsize=7 * fs)
    elif options.labels:  # thousands of grid cells: no label would fit, trying them all costs seconds
        hidden = layer["name"].astype(str).tolist()

    m_per_mm = pl.metres_per_mm(ax, layout, box)
    n_sup = int(layer["suppressed"].astype(bool).sum())
    n_flag = int(layer["code"].astype(str).isin({str(c) for c in options.flagged}).sum())
    legend_ax = pl.add_axes_mm(fig, layout.legend, layout)
    legend = LegendText(
        title=page.legend_title, unit=page.unit, voice=voice, flag_label=options.flag_label, city_text=page.city_text
    )
    draw_legend(legend_ax, fig, cls, legend, suppressed=n_sup, min_count=page.min_count, flagged=n_flag, font_scale=fs)
    north_ax = pl.add_axes_mm(fig, layout.north, layout)
    pl.draw_north_arrow(north_ax, voice.t("pm_north"), fontsize=10 * fs)
    draw_scale_bar(fig, layout, layout.scale, m_per_mm, voice=voice, font_scale=fs)
    return PrintMap(fig, ax, layer, cls, city, layout, page.title, hidden)


def render_print_map(
    ds: Dataset, indicator: str, year: int, fmt: str = "png", options: PrintOptions = PrintOptions()
) -> bytes:
    """The print map as PNG, SVG or PDF bytes (what the app's download buttons need)."""
    if fmt not in FORMATS:
        raise InputError(msg("err_unknown_format", fmt=fmt, allowed=list(FORMATS)))
    with matplotlib.rc_context(pl.RC):
        pm = build_print_map(ds, indicator, year, options)
        return figure_bytes(pm.figure, fmt, title=pm.title)


def figure_bytes(fig: Figure, fmt: str, title: str = "") -> bytes:
    """Save a figure (call inside ``rc_context(pl.RC)``); no bbox_inches, so the page size holds."""
    meta = {
        "png": {"Software": "Sozialmonitor Lübeck"},
        "pdf": {"Creator": "Sozialmonitor Lübeck", "Title": title},
        "svg": {"Creator": "Sozialmonitor Lübeck", "Title": title},
    }[fmt]
    buf = BytesIO()
    # zlib level 1: about half the time of the default 6 (a third less than 3) for PNGs ~4 % larger than level 3
    kw: dict[str, Any] = {"pil_kwargs": {"compress_level": 1}} if fmt == "png" else {}
    fig.savefig(buf, format=fmt, dpi=DPI, metadata=meta, **kw)
    return buf.getvalue()


def save_print_map(
    ds: Dataset,
    indicator: str,
    year: int,
    path: Path | str,
    fmt: str | None = None,
    options: PrintOptions = PrintOptions(),
) -> Path:
    """Write the print map to ``path``; the format defaults to the file suffix and must match it."""
    path = Path(path)
    fmt = output_format(path, fmt)
    path.write_bytes(render_print_map(ds, indicator, year, fmt, options))
    return path


def layer_table(pm: PrintMap) -> pd.DataFrame:
    """Code, name, value, class and suppressed flag of the drawn map (for tests and checks)."""
    out = pm.layer[["code", "name", "value", "suppressed"]].copy()
    out["class"] = pm.classification.classes.reindex(out.index)
    return out
