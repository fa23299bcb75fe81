"""The area comparison as a printable PDF (A4 portrait, matplotlib, the report's page frame).

First page(s): a locator map of the chosen areas and one table row per indicator with
the areas' values and ranks next to the city value; then small time series, twelve
per page. The data come from :mod:`indicators.compute.compare`, so withheld values
read "gesperrt" here as in the app and never appear as numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from io import BytesIO

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from geo.printmap import layout as pl
from geo.report import layout as rl
from indicators.compute.classify import Classification
from indicators.compute.compare import compare_cells, compare_series, compare_table
from indicators.dataset import Dataset
from indicators.errors import InputError, msg
from indicators.wording.voice import GERMAN, Voice

W = 210.0
AREA_COLORS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a")  # one per compared area (ColorBrewer Dark2)
CITY_COLOR = "#555555"
# zorder of the texts of the boxes drawn on the page (see Panel): after the page's own texts (header,
# footer, table), in the order their axes used to be drawn: key, note, then chart by chart
KEY_ZORDER, NOTE_ZORDER, CHART_ZORDER = 3.2, 3.3, 3.4
ROWS_FIRST, ROWS_PER_PAGE = 26, 40
CHARTS_PER_PAGE, CHART_COLS = 12, 3


def area_names(ds: Dataset, codes: Sequence[str]) -> dict[str, str]:
    """Display names of the compared areas (by code)."""
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"].astype(str)))
    return {c: names.get(c, c) for c in codes}


def _table_rows(table: pd.DataFrame, codes: Sequence[str], *, voice: Voice = GERMAN) -> list[list[str]]:
    cells = compare_cells(table, codes, units=False, voice=voice)
    rows = []
    for i, (label, unit) in enumerate(zip(table["label"], table["unit"])):
        row = [f"{label} ({unit})" if unit else str(label)]
        for code in codes:
            rank = cells[f"rank:{code}"][i].split(" ")[0]
            row.append(cells[f"value:{code}"][i] + (f" ({rank})" if rank != "–" else ""))
        row.append(cells["city"][i])
        rows.append(row)
    return rows


def _locator(fig: Figure, layout: pl.PageLayout, ds: Dataset, codes: Sequence[str], box: pl.Box) -> None:
    layer = ds.areas.copy()
    layer["suppressed"] = False
    order = {c: i + 1 for i, c in enumerate(codes)}
    sel = layer["code"].astype(str).map(order).fillna(0).astype(int)
    colors = ("#e3e3e3", *AREA_COLORS[: len(codes)])
    counts = tuple(int((sel == i).sum()) for i in range(len(colors)))
    cls = Classification(
        "manual",
        "compare",
        tuple(float(i) for i in range(len(colors) + 1)),
        pd.Series(sel.to_numpy(), index=layer.index),
        colors,
        counts,
        ("",) * len(colors),
        0,
    )
    rl.small_map(fig, layout, box, layer, cls, scale=False)


def _key(fig: Figure, layout: pl.PageLayout, names: dict[str, str], city: str, box: pl.Box) -> None:
    """Colour key of the areas (and the city, dashed)."""
    ax = rl.panel(fig, box, layout, text_zorder=KEY_ZORDER)
    y = box[3] - 2
    for color, name in [*zip(AREA_COLORS, names.values()), (CITY_COLOR, city)]:
        dash = "--" if color == CITY_COLOR else "-"
        ax.plot([0, 7], [y, y], color=color, linewidth=2.0, linestyle=dash)
        ax.text(
            9, y, rl.fit_text(fig, name, box[2] - 10, 8.5), ha="left", va="center", fontsize=8.5, color=pl.TEXT_COLOR
        )
        y -= 5.2


def _chart(
    fig: Figure,
    layout: pl.PageLayout,
    box: pl.Box,
    title: str,
    series: pd.DataFrame,
    dec: int,
    n: int = 0,
    *,
    voice: Voice = GERMAN,
) -> None:
    """The ``n``-th chart of a page: its title and tick labels come after the previous chart's (PDF text order)."""
    x, y, w, h = box
    zorder = CHART_ZORDER + 0.001 * n
    lines = pl.wrap_to_width(fig, title, w, 7, "bold")  # a long label wraps onto a second line, never cut
    if len(lines) > 2:
        lines = [lines[0], rl.fit_text(fig, " ".join(lines[1:]), w, 7, "bold")]
    head = rl.panel(fig, (x, y + h - 6, w, 6), layout, text_zorder=zorder)
    head.text(
        0,
        5.6,
        "\n".join(lines),
        ha="left",
        va="top",
        fontsize=7,
        fontweight="bold",
        color=pl.TEXT_COLOR,
        linespacing=1.15,
    )
    series_lines = []
    for i, col in enumerate(series.columns):
        city = bool(series.attrs.get("city")) and i == len(series.columns) - 1
        series_lines.append(
            (
                series[col].dropna(),
                {
                    "color": CITY_COLOR if city else AREA_COLORS[i],
                    "linestyle": "--" if city else "-",
                    "linewidth": 1.2,
                    "marker": "o",
                    "markersize": 1.8,
                },
            )
        )
    series_lines = [(s, style) for s, style in series_lines if len(s)]
    if series_lines:
        rl.year_chart(fig, layout, (x, y, w, h - 9), series_lines, dec, rl.ChartStyle(6, 4, zorder), voice=voice)


def build_compare_pdf(
    ds: Dataset, codes: Sequence[str], year: int, *, voice: Voice = GERMAN, created: date | None = None
) -> bytes:
    """The comparison of 2–4 areas in ``year`` as PDF bytes (table pages, then time-series pages)."""
    if int(year) not in ds.years:
        raise InputError(msg("err_no_year_in_data", year=year, first=ds.years[0], last=ds.years[-1]))
    table = compare_table(ds, codes, int(year), voice=voice)
    codes = [c.split(":", 1)[1] for c in table.columns if c.startswith("value:")]
    names = area_names(ds, codes)
    city = ds.geography.reference_label(voice=voice)
    title = voice.t("cmp_title", year=year)
    sub = " · ".join(names.values())
    sources = ds.attribution().split("; ")
    rows = _table_rows(table, codes, voice=voice)
    spans = [(0, min(ROWS_FIRST, len(rows)))]
    while spans[-1][1] < len(rows):
        spans.append((spans[-1][1], min(len(rows), spans[-1][1] + ROWS_PER_PAGE)))
    charts = [i for i, ind in enumerate(table["indicator"]) if len(ds.years_for(ind)) > 1]
    chart_pages = [charts[i : i + CHARTS_PER_PAGE] for i in range(0, len(charts), CHARTS_PER_PAGE)]
    total = len(spans) + len(chart_pages)
    footer = (
        f"{title} · {ds.geography.label(voice=voice)} · {voice.t('source')}: {'; '.join(sources)} · "
        f"{voice.date(created or date.today())}"
    )
    own_page = not rl.footer_fits(rl.new_page()[0], footer)  # sources are never cut: a page of their own
    if own_page:
        total += 1
        footer = (
            f"{title} · {ds.geography.label(voice=voice)} · {voice.t('cmp_sources_on_page', page=total)} · "
            f"{voice.date(created or date.today())}"
        )
    width = W - 2 * rl.MARGIN
    col_w = min(26.0, (width - 70) / (len(codes) + 1))
    widths = [width - col_w * (len(codes) + 1)] + [col_w] * (len(codes) + 1)
    head = [voice.t("indicator"), *names.values(), city]
    buf = BytesIO()
    meta = {"Title": title, "Creator": "Sozialmonitor Lübeck", "Subject": ds.geography.label(voice=voice)}
    with matplotlib.rc_context(pl.RC), PdfPages(buf, metadata=meta) as pdf:
        page = 0
        for n, (a, b) in enumerate(spans):
            page += 1
            fig, layout = rl.new_page()
            top = rl.page_frame(
                fig,
                layout,
                title,
                ds.geography.label(voice=voice),
                sub,
                footer,
                f"{voice.t('rep_page_footer')} {page} / {total}",
            )
            if n == 0:
                _locator(fig, layout, ds, codes, (W - rl.MARGIN - 70, top - 62, 70, 62))
                _key(fig, layout, names, city, (rl.MARGIN, top - 30, 100, 28))
                note = voice.t("cmp_footnote", n=int(table["n"].max()) if len(table) else 0, k=ds.min_count)
                ax = rl.panel(fig, (rl.MARGIN, top - 62, 100, 28), layout, text_zorder=NOTE_ZORDER)
                ax.text(
                    0,
                    26,
                    "\n".join(pl.wrap_to_width(fig, note, 100, 7.5)),
                    ha="left",
                    va="top",
                    fontsize=7.5,
                    color=pl.MUTED,
                    linespacing=1.4,
                )
                top -= 68
            rl.draw_table(
                fig,
                layout,
                (rl.MARGIN, rl.footer_top() + 2, width, top - rl.footer_top() - 2),
                rl.TableColumns(head, widths, ["l"] + ["r"] * (len(codes) + 1)),
                rows[a:b],
                fontsize=7.5,
            )
            pdf.savefig(fig)
        for chunk in chart_pages:
            page += 1
            fig, layout = rl.new_page()
            top = rl.page_frame(
                fig,
                layout,
                f"{title}: {voice.t('cmp_series')}",
                ds.geography.label(voice=voice),
                sub,
                footer,
                f"{voice.t('rep_page_footer')} {page} / {total}",
            )
            _key(fig, layout, names, city, (rl.MARGIN, top - 26, width, 26))
            top -= 30
            cw = width / CHART_COLS
            ch = (top - rl.footer_top()) / int(np.ceil(CHARTS_PER_PAGE / CHART_COLS))
            for j, i in enumerate(chunk):
                row = table.iloc[i]
                s = compare_series(ds, row["indicator"], codes)
                if row["kind"] == "count" and ds.geography.reference_code in s.columns:
                    s = s.drop(columns=ds.geography.reference_code)  # the city's count dwarfs the areas'
                s.attrs["city"] = bool(ds.geography.reference_code) and ds.geography.reference_code in s.columns
                label = f"{row['label']} ({row['unit']})" if row["unit"] else str(row["label"])
                box = (rl.MARGIN + (j % CHART_COLS) * cw + 8, top - (j // CHART_COLS + 1) * ch + 6, cw - 12, ch - 9)
                _chart(fig, layout, box, label, s, int(row["decimals"]), j, voice=voice)
            pdf.savefig(fig)
        if own_page:
            fig, layout = rl.new_page()
            top = rl.page_frame(
                fig,
                layout,
                voice.t("cmp_sources_title"),
                ds.geography.label(voice=voice),
                sub,
                footer,
                f"{voice.t('rep_page_footer')} {total} / {total}",
            )
            rl.sources_page(fig, layout, top, sources)
            pdf.savefig(fig)
    return buf.getvalue()
