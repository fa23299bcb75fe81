"""The flag overview of the social report: a map of the number of flags per area and the list of flags."""

from __future__ import annotations

import pandas as pd
from matplotlib import colormaps
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from geo.printmap import layout as pl
from geo.printmap.legend import LEGEND_ZORDER, LegendText, draw_legend
from geo.report import layout as rl
from geo.report.pages import W
from indicators.compute.classify import Classification
from indicators.dataset import Dataset
from indicators.wording.voice import GERMAN, Voice


def count_classification(counts: pd.Series, *, voice: Voice = GERMAN) -> Classification:
    """Classes 0, 1, 2, … for the number of flags per area (Purples, 0 = light grey)."""
    n = counts.fillna(0).astype(int)
    top = max(int(n.max()), 1)
    ramp = colormaps["Purples"]
    colors = ["#f0f0f0"] + [to_hex(ramp(0.4 + 0.5 * i / max(top - 1, 1))) for i in range(top)]
    labels = [voice.t("rep_none")] + [
        voice.t("rep_n_indicators" if i > 1 else "rep_one_indicator", n=i) for i in range(1, top + 1)
    ]
    return Classification(
        scheme="manual",
        palette="Purples",
        edges=tuple(float(e) for e in range(top + 2)),
        classes=n.rename("class"),
        colors=tuple(colors[: top + 1]),
        counts=tuple(int((n == i).sum()) for i in range(top + 1)),
        labels=tuple(labels),
        no_data_count=0,
    )


def flags_page(
    fig: Figure,
    layout: pl.PageLayout,
    ds: Dataset,
    table: pd.DataFrame,
    top: float,
    rule: str,
    codes: list[str],
    *,
    voice: Voice = GERMAN,
) -> None:
    """Map of the number of flagged indicators per area and the first rows of the list of flags."""
    counts = table.sum(axis=1).reindex(ds.areas["code"]).fillna(0).astype(int)
    layer = ds.areas.copy()
    layer["value"] = counts.to_numpy().astype(float)
    layer["suppressed"] = False
    cls = count_classification(pd.Series(counts.to_numpy(), index=layer.index), voice=voice)
    flagged = frozenset(counts[counts > 0].index.astype(str))
    rl.small_map(fig, layout, (rl.MARGIN, top - 120, 118, 120), layer, cls, flagged, voice=voice)
    legend_ax = rl.panel(fig, (140, top - 80, W - rl.MARGIN - 140, 80), layout, text_zorder=LEGEND_ZORDER)
    draw_legend(
        legend_ax,
        fig,
        cls,
        LegendText(title=voice.t("rep_flag_legend_title"), voice=voice, flag_label=voice.t("rep_at_least_1_flagged")),
        flagged=len(flagged),
        font_scale=0.95,
    )
    _flag_table(
        fig,
        layout,
        ds,
        table,
        (rl.MARGIN, rl.footer_top() + 14, W - 2 * rl.MARGIN, top - 132 - rl.footer_top() - 14),
        codes,
        voice=voice,
    )
    ax = rl.panel(fig, (rl.MARGIN, rl.footer_top(), W - 2 * rl.MARGIN, 12), layout)
    text = "\n".join(pl.wrap_to_width(fig, rule, W - 2 * rl.MARGIN, 7)[:3])
    ax.text(0, 12, text, ha="left", va="top", fontsize=7, color=pl.MUTED, linespacing=1.35)


def flag_rows(
    fig: Figure,
    layout: pl.PageLayout,
    ds: Dataset,
    table: pd.DataFrame,
    top: float,
    codes: list[str],
    *,
    voice: Voice = GERMAN,
) -> None:
    """A continuation page of the list of flags (long lists break across pages)."""
    _flag_table(
        fig,
        layout,
        ds,
        table,
        (rl.MARGIN, rl.footer_top() + 2, W - 2 * rl.MARGIN, top - rl.footer_top() - 2),
        codes,
        voice=voice,
    )


def _flag_table(
    fig: Figure,
    layout: pl.PageLayout,
    ds: Dataset,
    table: pd.DataFrame,
    box: pl.Box,
    codes: list[str],
    *,
    voice: Voice = GERMAN,
) -> None:
    labels = {i: ds.catalogue[i].label(voice=voice) for i in table.columns}
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"]))
    rows = []
    for code in codes:
        hits = [labels[i] for i in table.columns if table.at[code, i]]
        rows.append([names[code], voice.number(len(hits), 0), "; ".join(hits) or "–"])
    rl.draw_table(
        fig,
        layout,
        box,
        rl.TableColumns(
            [voice.t("name"), voice.t("rep_count"), voice.t("rep_flagged_on")],
            [42, 16, W - 2 * rl.MARGIN - 58],
            ["l", "r", "l"],
        ),
        rows,
        max_row=4.6,
    )
