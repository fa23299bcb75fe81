"""Tables of the atlas views as :class:`geo.exports.sheet.ExportTable`: ranking, change, all years.

Each builder takes what the page shows (a layer after disclosure control, the
change rows, the dataset) and returns internal columns, decimals from
:meth:`Indicator.decimals_for` and the source line. A suppressed value is NaN
(an empty cell) with "gesperrt" in the note column, whatever the input held.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.attribution import sources_line
from geo.exports.sheet import ExportTable, yes_no
from indicators.compute.timeseries import change_between
from indicators.dataset import Dataset
from indicators.errors import InputError, error_message, msg
from indicators.wording.voice import GERMAN, Voice

__all__ = ["sources_line"]  # re-exported: its home is geo.attribution


def _note(suppressed: pd.Series, values: pd.Series, min_count: int, *, voice: Voice = GERMAN) -> list[str]:
    return [
        voice.t("suppressed_n", n=min_count) if s else (voice.t("no_data") if pd.isna(v) else "")
        for s, v in zip(suppressed, values)
    ]


def _indicator(ds: Dataset, indicator: str):
    if indicator not in ds.catalogue:
        raise InputError(msg("err_unknown_indicator_id", id=indicator))
    return ds.catalogue[indicator]


def ranking_export(
    ds: Dataset,
    layer: pd.DataFrame,
    city: float | None,
    indicator: str,
    decimals: int,
    value_header: str | None = None,
    *,
    voice: Voice = GERMAN,
) -> ExportTable:
    """The ranking as shown: rank, area, value, difference to the city, flag, note.

    ``layer`` is the map layer of the view (level or change; ``flagged`` optional);
    ``decimals`` the view's decimals.
    """
    ind = _indicator(ds, indicator)
    sup = layer.get("suppressed", pd.Series(False, index=layer.index)).fillna(False).astype(bool)
    value = layer["value"].astype(float).where(~sup)
    frame = (
        pd.DataFrame(
            {
                "rank": layer["rank"].astype(float).where(~sup)
                if "rank" in layer
                else value.rank(ascending=False, method="min"),
                "code": layer["code"].astype(str),
                "name": layer["name"].astype(str),
                "value": value,
                "vs_city": value - city if city is not None else np.nan,
                "flagged": yes_no(layer.get("flagged", pd.Series(False, index=layer.index)).fillna(False), voice=voice),
                "note": _note(sup, value, ds.min_count, voice=voice),
            }
        )
        .sort_values(["rank", "name"], na_position="last")
        .reset_index(drop=True)
    )
    unit = ind.unit_for(voice=voice)
    header = value_header or (f"{voice.t('col_value')} ({unit})" if unit else voice.t("col_value"))
    return ExportTable(
        frame,
        ds.attribution(indicator),
        {"value": decimals, "vs_city": decimals, "rank": 0},
        {"value": header},
        [
            (voice.t("indicator"), f"{ind.label(voice=voice)} ({ind.id})"),
            (voice.t("unit"), unit),
            (voice.t("ex_geography"), ds.geography.label(voice=voice)),
        ],
    )


def change_export(
    ds: Dataset, indicator: str, start: int, end: int, relative: bool = False, *, voice: Voice = GERMAN
) -> ExportTable:
    """Change view: value in the start year, in the end year and the change, per area and city."""
    ind = _indicator(ds, indicator)
    try:
        rows = change_between(ds.values, indicator, int(start), int(end), relative)
    except ValueError as exc:
        raise InputError(error_message(exc)) from None
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"].astype(str)))
    ref = ds.geography.reference_code
    if ref is not None:
        names[ref] = ds.geography.reference_label(voice=voice)
    rows = rows[rows["area_code"].astype(str).isin(names)].copy()
    sup = rows["suppressed"].fillna(False).astype(bool)
    order = [c for c in names if c in set(rows["area_code"].astype(str))]
    rows = rows.set_index(rows["area_code"].astype(str)).loc[order]
    sup = rows["suppressed"].fillna(False).astype(bool)
    frame = pd.DataFrame(
        {
            "code": rows.index,
            "name": [names[c] for c in rows.index],
            "start_value": rows["start_value"].astype(float).where(~sup),
            "end_value": rows["end_value"].astype(float).where(~sup),
            "change": rows["value"].astype(float).where(~sup),
        }
    )
    frame["note"] = _note(sup, frame["change"], ds.min_count, voice=voice)
    unit = ind.unit_for(voice=voice)
    dec = ind.decimals_for(frame["end_value"])
    change_unit = "%" if relative else (voice.t("unit_pp") if ind.unit == "%" else unit)
    headers = {
        "start_value": f"{voice.t('col_value')} {start}" + (f" ({unit})" if unit else ""),
        "end_value": f"{voice.t('col_value')} {end}" + (f" ({unit})" if unit else ""),
        "change": f"{voice.t('col_change')} {start}–{end}" + (f" ({change_unit})" if change_unit else ""),
    }
    meta = [
        (voice.t("indicator"), f"{ind.label(voice=voice)} ({ind.id})"),
        (voice.t("ex_period"), f"{start}–{end}"),
        (voice.t("change_mode"), voice.t("rel_change" if relative else "abs_change")),
        (voice.t("ex_geography"), ds.geography.label(voice=voice)),
    ]
    return ExportTable(
        frame.reset_index(drop=True),
        ds.attribution(indicator),
        {"start_value": dec, "end_value": dec, "change": 1 if relative else dec},
        headers,
        meta,
    )


def all_years_export(ds: Dataset, *, voice: Voice = GERMAN) -> ExportTable:
    """All indicators of the geography over all years: one row per indicator and area, one column per year."""
    vals = ds.values[ds.values["indicator"].isin(list(ds.catalogue))].copy()
    sup = vals["suppressed"].fillna(False).astype(bool) if "suppressed" in vals else False
    vals["value"] = vals["value"].astype(float).where(~sup)
    names = dict(zip(ds.areas["code"].astype(str), ds.areas["name"].astype(str)))
    ref = ds.geography.reference_code
    if ref is not None:
        names[ref] = ds.geography.reference_label(voice=voice)
    vals["area_code"] = vals["area_code"].astype(str)
    vals = vals[vals["area_code"].isin(names)]
    years = sorted(int(y) for y in vals["year"].unique())
    wide = vals.pivot_table(
        index=["indicator", "area_code"], columns="year", values="value", aggfunc="first", dropna=False
    )
    area_order = {c: i for i, c in enumerate(names)}
    blocks, decimals = [], []
    for ind_id, ind in ds.catalogue.items():
        if ind_id not in wide.index.get_level_values(0):
            continue
        part = wide.xs(ind_id, level="indicator").reindex(columns=years)
        part = part.loc[sorted(part.index, key=lambda c: area_order.get(c, len(area_order)))]
        block = pd.DataFrame(
            {
                "indicator_id": ind_id,
                "indicator": ind.label(voice=voice),
                "unit": ind.unit_for(voice=voice),
                "code": part.index,
                "name": [names[c] for c in part.index],
            }
        )
        for y in years:
            block[str(y)] = part[y].to_numpy(dtype=float)
        blocks.append(block)
        decimals += [ind.decimals_for(vals.loc[vals["indicator"] == ind_id, "value"])] * len(block)
    cols = ["indicator_id", "indicator", "unit", "code", "name", *(str(y) for y in years)]
    frame = pd.concat(blocks, ignore_index=True) if blocks else pd.DataFrame(columns=cols)
    meta = [
        (voice.t("ex_geography"), ds.geography.label(voice=voice)),
        (voice.t("ex_period"), f"{years[0]}–{years[-1]}" if years else ""),
        (voice.t("ex_disclosure_control"), voice.t("ex_disclosure_note", n=ds.min_count)),
    ]
    return ExportTable(frame[cols], ds.attribution(), {str(y): decimals for y in years}, {}, meta)
