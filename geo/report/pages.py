"""The pages of the social report: what every page shares, and the page of one indicator.

The flag overview is :mod:`geo.report.flags`; area profiles and the appendix table are
:mod:`geo.report.areas`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from geo.join import indicator_layer
from geo.printmap import layout as pl
from geo.printmap.legend import LEGEND_ZORDER, LegendText, draw_legend
from geo.printmap.text import reference_text
from geo.report import MANY_AREAS  # defined in the light package (the app reads it)
from geo.report import layout as rl
from indicators.compute.classify import layer_classification
from indicators.dataset import Dataset
from indicators.wording.voice import GERMAN, Voice

W = 210.0  # A4 portrait width in mm (approximately; boxes stay inside the margins)
TOP_ROWS = 25  # an indicator page of a geography with many areas lists the highest ranks only


def city_series(ds: Dataset, indicator: str, last_year: int) -> pd.Series:
    """City (reference area) values of an indicator by year, up to ``last_year``."""
    v = ds.values
    sel = v[(v["indicator"] == indicator) & (v["area_code"] == ds.geography.reference_code) & (v["year"] <= last_year)]
    return sel.set_index("year")["value"].sort_index().astype(float)


def _trend(
    fig: Figure,
    layout: pl.PageLayout,
    box: pl.Box,
    series: pd.Series,
    dec: int,
    unit: str,  # noqa: ARG001 (unused, kept for the callers, issue #25)
    *,
    voice: Voice = GERMAN,
) -> None:
    rl.year_chart(
        fig,
        layout,
        box,
        [(series.dropna(), {"color": rl.ACCENT, "linewidth": 1.4, "marker": "o", "markersize": 2.5})],
        dec,
        voice=voice,
    )


Layers = dict[str, tuple[Any, ...]]  # indicator id -> indicator_layer(ds, id, year)


def year_layers(ds: Dataset, year: int) -> Layers:
    """``indicator_layer`` of every indicator with data in ``year``, joined once."""
    return {i: indicator_layer(ds, i, year) for i in ds.catalogue if year in ds.years_for(i)}


@dataclass(frozen=True)
class ReportYear:
    """What every page of one report shares: the data, the year, the language, the joined layers
    and the flag table.

    Parameters
    ----------
    ds : Dataset
        The geography's data.
    year : int
        The report year.
    layers : dict
        ``indicator_layer`` of every indicator with data in ``year`` (:func:`year_layers`).
    table : pandas.DataFrame
        Flags: area codes (str) × need indicators, bool.
    voice : Voice
        Language of the pages.
    """

    ds: Dataset
    year: int
    layers: Layers
    table: pd.DataFrame
    voice: Voice = GERMAN

    def flagged(self, indicator: str) -> frozenset[str]:
        """Codes of the areas flagged on ``indicator`` (none if it is no need indicator)."""
        if indicator not in self.table:
            return frozenset()
        return frozenset(self.table.index[self.table[indicator]])


def indicator_page(fig: Figure, layout: pl.PageLayout, report: ReportYear, indicator: str, top: float) -> None:
    """Map with legend, area table, city trend since the first year, definition."""
    ds, year, voice, layers = report.ds, report.year, report.voice, report.layers
    flagged = report.flagged(indicator)
    ind = ds.catalogue[indicator]
    layer, city = layers[indicator]
    dec = ind.decimals_for(layer["value"])
    cls = layer_classification(layer, city, decimals=dec, voice=voice)
    unit = ind.unit_for(voice=voice)
    left, right = rl.MARGIN, W - rl.MARGIN
    map_box = (left, top - 112, 112, 112)
    rl.small_map(fig, layout, map_box, layer, cls, flagged, voice=voice)
    city_text = None
    if city is not None:
        city_text = voice.t(
            "pm_city", label=ds.geography.reference_label(voice=voice), value=voice.value(city, unit, dec)
        )
    n_flag = int(layer["code"].isin(flagged).sum())
    legend_ax = rl.panel(fig, (133, top - 100, right - 133, 100), layout, text_zorder=LEGEND_ZORDER)
    draw_legend(
        legend_ax,
        fig,
        cls,
        LegendText(title=ind.label(voice=voice), unit=unit, voice=voice, city_text=city_text),
        suppressed=int(layer["suppressed"].sum()),
        min_count=ds.min_count,
        flagged=n_flag,
        font_scale=0.95,
    )

    rows = []
    ordered = layer.sort_values(["rank", "code"], na_position="last")
    shown_only = len(ordered) > MANY_AREAS
    if shown_only:  # 447 rows do not fit one page: the highest ranks here, all areas in the appendix
        ordered = ordered.head(TOP_ROWS)
    for r in ordered.itertuples():
        note = voice.t("suppressed") if r.suppressed else ("" if pd.notna(r.value) else voice.t("no_data"))
        has = city is not None and pd.notna(r.value)
        if ind.kind == "count":  # a count is compared as its share of the city total
            comp = voice.value(r.value / city * 100, "%", 1) if has and city else ""
        else:
            comp = voice.change(r.value - city, dec) if has else ""
        mark = " ●" if r.code in flagged else ""
        rows.append(
            [
                f"{r.name}{mark}",
                note if note else voice.number(r.value, dec),
                comp if not note else "",
                voice.rank(r.rank, layer.attrs.get("ranked", len(layer))) if not note else "",
            ]
        )
    if city is not None:
        rows.append([ds.geography.reference_label(voice=voice), voice.number(city, dec), "", ""])
    head = [
        voice.t("name"),
        unit or voice.t("value"),
        voice.t("rep_share") if ind.kind == "count" else voice.t("rep_vs_city"),
        voice.t("rank"),
    ]
    tbl_top = top - 128
    rl.draw_table(
        fig,
        layout,
        (left, rl.footer_top() + 4, 112, tbl_top - rl.footer_top() - 4),
        rl.TableColumns(head, [52, 22, 20, 18], ["l", "r", "r", "r"]),
        rows,
        bold_rows=[len(rows) - 1] if city is not None else [],
    )

    series = city_series(ds, indicator, year)
    tax = rl.panel(fig, (133, tbl_top - 8, right - 133, 8), layout)
    label = voice.t("rep_trend")
    tax.text(
        0,
        8,
        label + ds.geography.reference_label(voice=voice),
        ha="left",
        va="top",
        fontsize=8.5,
        fontweight="bold",
        color=pl.TEXT_COLOR,
    )
    if len(series.dropna()) >= 2:
        _trend(fig, layout, (142, tbl_top - 50, right - 142, 38), series, dec, unit, voice=voice)
        s = series.dropna()
        first, last = s.index[0], s.index[-1]
        trend = (
            f"{first}: {voice.value(s.iloc[0], unit, dec)} → {last}: "
            f"{voice.value(s.iloc[-1], unit, dec)} ({voice.change(s.iloc[-1] - s.iloc[0], dec)})"
        )
    else:
        trend = voice.t("rep_series_too_short")
    lines = pl.wrap_to_width(fig, trend, right - 133, 7.5)
    notes = [
        voice.t("rep_definition") + ind.definition(voice=voice),
        f"{voice.t('pm_reference')}: {reference_text(ind, year, voice=voice)}",
    ]
    if flagged:
        notes.append(voice.t("rep_flagged_see_overview"))
    if shown_only:
        notes.append(voice.t("rep_top_rows_note", top=TOP_ROWS, n=len(layer)))
    h2 = tbl_top - 58 - rl.footer_top()
    body = [ln for p in notes for ln in pl.wrap_to_width(fig, p, right - 133, 7.5)]
    room = max(int((h2 - 3.6 * len(lines) - 3) / 3.6), 1)  # lines that fit above the footer
    if len(body) > room:
        body = body[: room - 1] + [body[room - 1].rstrip() + " …"]
    tax2 = rl.panel(fig, (133, rl.footer_top(), right - 133, h2), layout)
    tax2.text(0, h2, "\n".join(lines), ha="left", va="top", fontsize=7.5, color=pl.TEXT_COLOR, linespacing=1.35)
    tax2.text(
        0,
        h2 - 3.6 * len(lines) - 3,
        "\n".join(body),
        ha="left",
        va="top",
        fontsize=7.5,
        color=pl.MUTED,
        linespacing=1.35,
    )
