"""The pages of the social report: flag overview, one indicator, one area profile."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from geo.join import indicator_layer
from geo.printmap import layout as pl
from geo.printmap.legend import LEGEND_ZORDER, LegendText, draw_legend
from geo.printmap.text import reference_text
from geo.report import MANY_AREAS  # defined in the light package (the app reads it)
from geo.report import layout as rl
from indicators.compute.classify import Classification, layer_classification
from indicators.dataset import Dataset
from indicators.formatting import fmt_change, fmt_number, fmt_rank, fmt_value
from indicators.wording import t

W = 210.0  # A4 portrait width in mm (approximately; boxes stay inside the margins)
TOP_ROWS = 25  # an indicator page of a geography with many areas lists the highest ranks only
APPENDIX_COLUMNS = 7  # need indicators side by side in the appendix table


def city_series(ds: Dataset, indicator: str, last_year: int) -> pd.Series:
    """City (reference area) values of an indicator by year, up to ``last_year``."""
    v = ds.values
    sel = v[(v["indicator"] == indicator) & (v["area_code"] == ds.geography.reference_code)
            & (v["year"] <= last_year)]
    return sel.set_index("year")["value"].sort_index().astype(float)


def _trend(fig: Figure, layout: pl.PageLayout, box: pl.Box, series: pd.Series, dec: int,
           unit: str, lang: str) -> None:  # noqa: ARG001 (unused, kept for the callers, issue #25)
    rl.year_chart(fig, layout, box, [(series.dropna(), {"color": rl.ACCENT, "linewidth": 1.4, "marker": "o",
                                                        "markersize": 2.5})], dec, lang)


Layers = dict[str, tuple]  # indicator id -> indicator_layer(ds, id, year)


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
    lang : {"de", "en"}
        Language of the pages.
    layers : dict
        ``indicator_layer`` of every indicator with data in ``year`` (:func:`year_layers`).
    table : pandas.DataFrame
        Flags: area codes (str) × need indicators, bool.
    """

    ds: Dataset
    year: int
    lang: str
    layers: Layers
    table: pd.DataFrame

    def flagged(self, indicator: str) -> frozenset[str]:
        """Codes of the areas flagged on ``indicator`` (none if it is no need indicator)."""
        if indicator not in self.table:
            return frozenset()
        return frozenset(self.table.index[self.table[indicator]])


def indicator_page(fig: Figure, layout: pl.PageLayout, report: ReportYear, indicator: str, top: float) -> None:
    """Map with legend, area table, city trend since the first year, definition."""
    ds, year, lang, layers = report.ds, report.year, report.lang, report.layers
    flagged = report.flagged(indicator)
    ind = ds.catalogue[indicator]
    layer, city = layers[indicator]
    dec = ind.decimals_for(layer["value"])
    cls = layer_classification(layer, city, lang=lang, decimals=dec)
    unit = ind.unit_for(lang)
    left, right = rl.MARGIN, W - rl.MARGIN
    map_box = (left, top - 112, 112, 112)
    rl.small_map(fig, layout, map_box, layer, cls, flagged, lang=lang)
    city_text = None
    if city is not None:
        city_text = t("pm_city", lang, label=ds.geography.reference_label(lang),
                                      value=fmt_value(city, unit, dec, lang))
    n_flag = int(layer["code"].isin(flagged).sum())
    legend_ax = rl.panel(fig, (133, top - 100, right - 133, 100), layout, text_zorder=LEGEND_ZORDER)
    draw_legend(legend_ax, fig, cls, LegendText(title=ind.label(lang), unit=unit, lang=lang, city_text=city_text),
                suppressed=int(layer["suppressed"].sum()), min_count=ds.min_count, flagged=n_flag, font_scale=0.95)

    rows = []
    ordered = layer.sort_values(["rank", "code"], na_position="last")
    shown_only = len(ordered) > MANY_AREAS
    if shown_only:  # 447 rows do not fit one page: the highest ranks here, all areas in the appendix
        ordered = ordered.head(TOP_ROWS)
    for r in ordered.itertuples():
        note = t("suppressed", lang) if r.suppressed else ("" if pd.notna(r.value) else t("no_data", lang))
        has = city is not None and pd.notna(r.value)
        if ind.kind == "count":  # a count is compared as its share of the city total
            comp = fmt_value(r.value / city * 100, "%", 1, lang) if has and city else ""
        else:
            comp = fmt_change(r.value - city, dec, lang) if has else ""
        mark = " ●" if r.code in flagged else ""
        rows.append([f"{r.name}{mark}", note if note else fmt_number(r.value, dec, lang),
                     comp if not note else "",
                     fmt_rank(r.rank, layer.attrs.get("ranked", len(layer)), lang) if not note else ""])
    if city is not None:
        rows.append([ds.geography.reference_label(lang), fmt_number(city, dec, lang), "", ""])
    head = [t("name", lang), unit or t("value", lang),
            t("rep_share", lang) if ind.kind == "count" else t("rep_vs_city", lang),
            t("rank", lang)]
    tbl_top = top - 128
    rl.draw_table(fig, layout, (left, rl.footer_top() + 4, 112, tbl_top - rl.footer_top() - 4),
                  rl.TableColumns(head, [52, 22, 20, 18], ["l", "r", "r", "r"]), rows,
                  bold_rows=[len(rows) - 1] if city is not None else [])

    series = city_series(ds, indicator, year)
    tax = rl.panel(fig, (133, tbl_top - 8, right - 133, 8), layout)
    label = t("rep_trend", lang)
    tax.text(0, 8, label + ds.geography.reference_label(lang), ha="left", va="top", fontsize=8.5,
             fontweight="bold", color=pl.TEXT_COLOR)
    if len(series.dropna()) >= 2:
        _trend(fig, layout, (142, tbl_top - 50, right - 142, 38), series, dec, unit, lang)
        s = series.dropna()
        first, last = s.index[0], s.index[-1]
        trend = (f"{first}: {fmt_value(s.iloc[0], unit, dec, lang)} → {last}: "
                 f"{fmt_value(s.iloc[-1], unit, dec, lang)} ({fmt_change(s.iloc[-1] - s.iloc[0], dec, lang)})")
    else:
        trend = t("rep_series_too_short", lang)
    lines = pl.wrap_to_width(fig, trend, right - 133, 7.5)
    notes = [t("rep_definition", lang) + ind.definition(lang),
             f"{t('pm_reference', lang)}: {reference_text(ind, year, lang)}"]
    if flagged:
        notes.append(t("rep_flagged_see_overview", lang))
    if shown_only:
        notes.append(t("rep_top_rows_note", lang, top=TOP_ROWS, n=len(layer)))
    h2 = tbl_top - 58 - rl.footer_top()
    body = [ln for p in notes for ln in pl.wrap_to_width(fig, p, right - 133, 7.5)]
    room = max(int((h2 - 3.6 * len(lines) - 3) / 3.6), 1)  # lines that fit above the footer
    if len(body) > room:
        body = body[: room - 1] + [body[room - 1].rstrip() + " …"]
    tax2 = rl.panel(fig, (133, rl.footer_top(), right - 133, h2), layout)
    tax2.text(0, h2, "\n".join(lines), ha="left", va="top", fontsize=7.5, color=pl.TEXT_COLOR,
              linespacing=1.35)
    tax2.text(0, h2 - 3.6 * len(lines) - 3, "\n".join(body), ha="left", va="top", fontsize=7.5,
              color=pl.MUTED, linespacing=1.35)


def count_classification(counts: pd.Series, lang: str = "de") -> Classification:
    """Classes 0, 1, 2, … for the number of flags per area (Purples, 0 = light grey)."""
    n = counts.fillna(0).astype(int)
    top = max(int(n.max()), 1)
    ramp = colormaps["Purples"]
    colors = ["#f0f0f0"] + [to_hex(ramp(0.4 + 0.5 * i / max(top - 1, 1))) for i in range(top)]
    labels = [t("rep_none", lang)] + [t("rep_n_indicators" if i > 1 else "rep_one_indicator", lang, n=i)
                                      for i in range(1, top + 1)]
    return Classification(
        scheme="manual", palette="Purples", edges=tuple(float(e) for e in range(top + 2)),
        classes=n.rename("class"), colors=tuple(colors[: top + 1]),
        counts=tuple(int((n == i).sum()) for i in range(top + 1)), labels=tuple(labels),
        no_data_count=0)


def flags_page(fig: Figure, layout: pl.PageLayout, ds: Dataset, table: pd.DataFrame,
               lang: str, top: float, rule: str, codes: list[str]) -> None:
    """Map of the number of flagged indicators per area and the first rows of the list of flags."""
    counts = table.sum(axis=1).reindex(ds.areas["code"]).fillna(0).astype(int)
    layer = ds.areas.copy()
    layer["value"] = counts.to_numpy().astype(float)
    layer["suppressed"] = False
    cls = count_classification(pd.Series(counts.to_numpy(), index=layer.index), lang)
    flagged = frozenset(counts[counts > 0].index.astype(str))
    rl.small_map(fig, layout, (rl.MARGIN, top - 120, 118, 120), layer, cls, flagged, lang=lang)
    legend_ax = rl.panel(fig, (140, top - 80, W - rl.MARGIN - 140, 80), layout, text_zorder=LEGEND_ZORDER)
    draw_legend(legend_ax, fig, cls, LegendText(title=t("rep_flag_legend_title", lang), lang=lang,
                                                flag_label=t("rep_at_least_1_flagged", lang)),
                flagged=len(flagged), font_scale=0.95)
    _flag_table(fig, layout, ds, table, lang, (rl.MARGIN, rl.footer_top() + 14, W - 2 * rl.MARGIN,
                                               top - 132 - rl.footer_top() - 14), codes)
    ax = rl.panel(fig, (rl.MARGIN, rl.footer_top(), W - 2 * rl.MARGIN, 12), layout)
    text = "\n".join(pl.wrap_to_width(fig, rule, W - 2 * rl.MARGIN, 7)[:3])
    ax.text(0, 12, text, ha="left", va="top", fontsize=7, color=pl.MUTED, linespacing=1.35)


def flag_rows(fig: Figure, layout: pl.PageLayout, ds: Dataset, table: pd.DataFrame, lang: str,
              top: float, codes: list[str]) -> None:
    """A continuation page of the list of flags (long lists break across pages)."""
    _flag_table(fig, layout, ds, table, lang, (rl.MARGIN, rl.footer_top() + 2, W - 2 * rl.MARGIN,
                                               top - rl.footer_top() - 2), codes)


def _flag_table(fig: Figure, layout: pl.PageLayout, ds: Dataset, table: pd.DataFrame, lang: str,
                box: pl.Box, codes: list[str]) -> None:
    labels = {i: ds.catalogue[i].label(lang) for i in table.columns}
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"]))
    rows = []
    for code in codes:
        hits = [labels[i] for i in table.columns if table.at[code, i]]
        rows.append([names[code], fmt_number(len(hits), 0, lang), "; ".join(hits) or "–"])
    rl.draw_table(fig, layout, box, rl.TableColumns([t("name", lang), t("rep_count", lang), t("rep_flagged_on", lang)],
                                                    [42, 16, W - 2 * rl.MARGIN - 58], ["l", "r", "l"]),
                  rows, max_row=4.6)


def appendix_columns(ds: Dataset, table: pd.DataFrame, layers: Layers) -> list[str]:
    """Indicators of the appendix table: need indicators with data, at most APPENDIX_COLUMNS."""
    ids = [i for i in table.columns if i in layers] or [i for i in ds.catalogue if i in layers]
    return ids[:APPENDIX_COLUMNS]


def appendix_page(fig: Figure, layout: pl.PageLayout, ds: Dataset, table: pd.DataFrame, lang: str,
                  top: float, layers: Layers, span: tuple[int, int]) -> None:
    """All areas (rows ``span``) × the need indicators: value, ● where elevated need, number of flags."""
    ids = appendix_columns(ds, table, layers)
    values = {i: layers[i][0].set_index("code") for i in ids}
    decs = {i: ds.catalogue[i].decimals_for(layers[i][0]["value"]) for i in ids}
    areas = ds.areas.sort_values("code").iloc[span[0]:span[1]]
    rows = []
    for code, name in zip(areas["code"].astype(str), areas["name"]):
        cells = []
        for i in ids:
            r = values[i].loc[code]
            flag = i in table.columns and code in table.index and bool(table.at[code, i])
            cell = t("suppressed", lang) if r["suppressed"] else fmt_number(r["value"], decs[i], lang)
            cells.append(cell + (" ●" if flag else ""))
        n = int(table.loc[code].sum()) if code in table.index else 0
        rows.append([name, code, *cells, fmt_number(n, 0, lang)])
    width = W - 2 * rl.MARGIN
    col = 16.0
    name_w = width - 16 - col * len(ids) - 14
    legend = "; ".join(f"({k}) {ds.catalogue[i].label(lang)} ({ds.catalogue[i].unit_for(lang)})"
                       for k, i in enumerate(ids, start=1))
    legend += t("rep_appendix_legend", lang)
    lines = pl.wrap_to_width(fig, legend, width, 6.5)[:4]
    foot = 3.0 * len(lines) + 2
    rl.draw_table(fig, layout, (rl.MARGIN, rl.footer_top() + foot, width, top - rl.footer_top() - foot),
                  rl.TableColumns([t("name", lang), t("col_code", lang),
                                   *[f"({k})" for k in range(1, len(ids) + 1)], "Σ"],
                                  [name_w, 16, *([col] * len(ids)), 14], ["l", "l", *(["r"] * len(ids)), "r"]),
                  rows, fontsize=7.0, max_row=4.6)
    ax = rl.panel(fig, (rl.MARGIN, rl.footer_top(), width, foot), layout)
    ax.text(0, foot, "\n".join(lines), ha="left", va="top", fontsize=6.5, color=pl.MUTED, linespacing=1.3)


def area_page(fig: Figure, layout: pl.PageLayout, report: ReportYear, code: str, top: float) -> None:
    """Every indicator of one area next to the city value, with rank and flags."""
    ds, year, lang, layers, table = report.ds, report.year, report.lang, report.layers, report.table
    # locator map: the area dark, the others light
    layer = ds.areas.copy()
    layer["suppressed"] = False
    sel = pd.Series((layer["code"] == code).astype(int).to_numpy(), index=layer.index)
    loc = Classification("manual", "Greys", (0.0, 1.0, 2.0), sel, ("#e3e3e3", rl.ACCENT),
                         (int((sel == 0).sum()), 1), ("", ""), 0)
    rl.small_map(fig, layout, (W - rl.MARGIN - 60, top - 58, 60, 58), layer, loc, scale=False)

    rows: list[list[str]] = []
    bold: list[int] = []
    n_flag = 0
    for topic in dict.fromkeys(ind.topic for ind in ds.catalogue.values()):
        ids = [i for i, ind in ds.catalogue.items() if ind.topic == topic and i in layers]
        if not ids:
            continue
        bold.append(len(rows))
        rows.append([topic or "–", "", "", "", ""])
        for ind_id in ids:
            ind = ds.catalogue[ind_id]
            lay, city = layers[ind_id]
            pos = int(np.flatnonzero(lay["code"].astype(str).to_numpy() == code)[0])  # the area's row
            dec = ind.decimals_for(lay["value"])
            flag = bool(table.at[code, ind_id]) if ind_id in table.columns and code in table.index else False
            n_flag += flag
            val = (t("suppressed", lang) if lay["suppressed"].iat[pos] else fmt_number(lay["value"].iat[pos], dec, lang))
            rows.append([f"{ind.label(lang)} ({ind.unit_for(lang)})", val, fmt_number(city, dec, lang),
                         fmt_rank(lay["rank"].iat[pos], lay.attrs.get("ranked", len(lay)), lang),
                         t("yes", lang) if flag else ""])
    ax = rl.panel(fig, (rl.MARGIN, top - 58, 100, 58), layout)
    pop = ds.values[(ds.values["indicator"] == "population_total") & (ds.values["year"] == year)
                    & (ds.values["area_code"] == code)]["value"]
    facts = []
    if len(pop) and pd.notna(pop.iloc[0]):
        facts.append((t("rep_residents", lang)) + fmt_number(pop.iloc[0], 0, lang))
    n_need = len(table.columns)
    facts.append(t("rep_area_flag_count", lang, n=n_flag, total=n_need))
    facts.append(t("rep_rank_1", lang))
    ax.text(0, 58, "\n".join(facts), ha="left", va="top", fontsize=9, color=pl.TEXT_COLOR,
            linespacing=1.6)
    head = [t("indicator", lang), t("name", lang),
            ds.geography.reference_label(lang), t("rank", lang), t("flag_elevated", lang)]
    width = W - 2 * rl.MARGIN
    rl.draw_table(fig, layout, (rl.MARGIN, rl.footer_top() + 2, width, top - 66 - rl.footer_top() - 2),
                  rl.TableColumns(head, [width - 106, 24, 36, 26, 20], ["l", "r", "r", "r", "r"]), rows,
                  bold_rows=bold)
