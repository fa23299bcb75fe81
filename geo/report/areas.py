"""The areas in the social report: one profile page per area, or the appendix table of all areas."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from geo.printmap import layout as pl
from geo.report import layout as rl
from geo.report.pages import Layers, ReportYear, W
from indicators.compute.classify import Classification
from indicators.dataset import Dataset
from indicators.wording.voice import GERMAN, Voice

APPENDIX_COLUMNS = 7  # need indicators side by side in the appendix table


def appendix_columns(ds: Dataset, table: pd.DataFrame, layers: Layers) -> list[str]:
    """Indicators of the appendix table: need indicators with data, at most APPENDIX_COLUMNS."""
    ids = [i for i in table.columns if i in layers] or [i for i in ds.catalogue if i in layers]
    return ids[:APPENDIX_COLUMNS]


def appendix_page(
    fig: Figure,
    layout: pl.PageLayout,
    ds: Dataset,
    table: pd.DataFrame,
    top: float,
    layers: Layers,
    span: tuple[int, int],
    *,
    voice: Voice = GERMAN,
) -> None:
    """All areas (rows ``span``) × the need indicators: value, ● where elevated need, number of flags."""
    ids = appendix_columns(ds, table, layers)
    values = {i: layers[i][0].set_index("code") for i in ids}
    decs = {i: ds.catalogue[i].decimals_for(layers[i][0]["value"]) for i in ids}
    areas = ds.areas.sort_values("code").iloc[span[0] : span[1]]
    rows = []
    for code, name in zip(areas["code"].astype(str), areas["name"]):
        cells = []
        for i in ids:
            r = values[i].loc[code]
            flag = i in table.columns and code in table.index and bool(table.at[code, i])
            cell = voice.t("suppressed") if r["suppressed"] else voice.number(r["value"], decs[i])
            cells.append(cell + (" ●" if flag else ""))
        n = int(table.loc[code].sum()) if code in table.index else 0
        rows.append([name, code, *cells, voice.number(n, 0)])
    width = W - 2 * rl.MARGIN
    col = 16.0
    name_w = width - 16 - col * len(ids) - 14
    legend = "; ".join(
        f"({k}) {ds.catalogue[i].label(voice=voice)} ({ds.catalogue[i].unit_for(voice=voice)})"
        for k, i in enumerate(ids, start=1)
    )
    legend += voice.t("rep_appendix_legend")
    lines = pl.wrap_to_width(fig, legend, width, 6.5)[:4]
    foot = 3.0 * len(lines) + 2
    rl.draw_table(
        fig,
        layout,
        (rl.MARGIN, rl.footer_top() + foot, width, top - rl.footer_top() - foot),
        rl.TableColumns(
            [voice.t("name"), voice.t("col_code"), *[f"({k})" for k in range(1, len(ids) + 1)], "Σ"],
            [name_w, 16, *([col] * len(ids)), 14],
            ["l", "l", *(["r"] * len(ids)), "r"],
        ),
        rows,
        fontsize=7.0,
        max_row=4.6,
    )
    ax = rl.panel(fig, (rl.MARGIN, rl.footer_top(), width, foot), layout)
    ax.text(0, foot, "\n".join(lines), ha="left", va="top", fontsize=6.5, color=pl.MUTED, linespacing=1.3)


def area_page(fig: Figure, layout: pl.PageLayout, report: ReportYear, code: str, top: float) -> None:
    """Every indicator of one area next to the city value, with rank and flags."""
    ds, year, voice, layers, table = report.ds, report.year, report.voice, report.layers, report.table
    # locator map: the area dark, the others light
    layer = ds.areas.copy()
    layer["suppressed"] = False
    sel = pd.Series((layer["code"] == code).astype(int).to_numpy(), index=layer.index)
    loc = Classification(
        "manual", "Greys", (0.0, 1.0, 2.0), sel, ("#e3e3e3", rl.ACCENT), (int((sel == 0).sum()), 1), ("", ""), 0
    )
    rl.small_map(fig, layout, (W - rl.MARGIN - 60, top - 58, 60, 58), layer, loc, scale=False)

    rows: list[list[str]] = []
    bold: list[int] = []
    n_flag = 0
    for topic in dict.fromkeys(ind.topic for ind in ds.catalogue.values()):
        ids = [i for i, ind in ds.catalogue.items() if ind.topic == topic and i in layers]
        if not ids:
            continue
        bold.append(len(rows))
        rows.append([ds.catalogue[ids[0]].topic_label(voice=voice) or "–", "", "", "", ""])
        for ind_id in ids:
            ind = ds.catalogue[ind_id]
            lay, city = layers[ind_id]
            pos = int(np.flatnonzero(lay["code"].astype(str).to_numpy() == code)[0])  # the area's row
            dec = ind.decimals_for(lay["value"])
            flag = bool(table.at[code, ind_id]) if ind_id in table.columns and code in table.index else False
            n_flag += flag
            val = voice.t("suppressed") if lay["suppressed"].iat[pos] else voice.number(lay["value"].iat[pos], dec)
            rows.append(
                [
                    f"{ind.label(voice=voice)} ({ind.unit_for(voice=voice)})",
                    val,
                    voice.number(city, dec),
                    voice.rank(lay["rank"].iat[pos], lay.attrs.get("ranked", len(lay))),
                    voice.t("yes") if flag else "",
                ]
            )
    ax = rl.panel(fig, (rl.MARGIN, top - 58, 100, 58), layout)
    pop = ds.values[
        (ds.values["indicator"] == "population_total") & (ds.values["year"] == year) & (ds.values["area_code"] == code)
    ]["value"]
    facts = []
    if len(pop) and pd.notna(pop.iloc[0]):
        facts.append((voice.t("rep_residents")) + voice.number(pop.iloc[0], 0))
    n_need = len(table.columns)
    facts.append(voice.t("rep_area_flag_count", n=n_flag, total=n_need))
    facts.append(voice.t("rep_rank_1"))
    ax.text(0, 58, "\n".join(facts), ha="left", va="top", fontsize=9, color=pl.TEXT_COLOR, linespacing=1.6)
    head = [
        voice.t("indicator"),
        voice.t("name"),
        ds.geography.reference_label(voice=voice),
        voice.t("rank"),
        voice.t("flag_elevated"),
    ]
    width = W - 2 * rl.MARGIN
    rl.draw_table(
        fig,
        layout,
        (rl.MARGIN, rl.footer_top() + 2, width, top - 66 - rl.footer_top() - 2),
        rl.TableColumns(head, [width - 106, 24, 32, 20, 30], ["l", "r", "r", "r", "r"]),  # "erhöhter Bedarf" whole
        rows,
        bold_rows=bold,
    )
