"""Compare two to four areas (and the city) over all indicators of a geography, with ranks.

Numbers only: the table of values and ranks (:func:`compare_table`), the formatted
cells in the user's language (:func:`compare_cells`) and the time series of one
indicator (:func:`compare_series`). Values withheld by disclosure control stay
withheld: their cell says "gesperrt" and they get no rank.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from indicators.dataset import Dataset
from indicators.errors import InputError, msg
from indicators.wording.voice import GERMAN, Voice

MIN_AREAS, MAX_AREAS = 2, 4


def check_codes(ds: Dataset, codes: Sequence[str]) -> list[str]:
    """The chosen area codes, unique and known; a German message for too few, too many or unknown ones."""
    known = set(ds.areas["code"].astype(str))
    chosen = list(dict.fromkeys(str(c) for c in codes))
    unknown = [c for c in chosen if c not in known]
    if unknown:
        raise InputError(msg("err_compare_unknown_areas", codes=list(unknown[:5])))
    if not MIN_AREAS <= len(chosen) <= MAX_AREAS:
        raise InputError(msg("err_compare_count", min=MIN_AREAS, max=MAX_AREAS, n=len(chosen)))
    return chosen


def compare_table(ds: Dataset, codes: Sequence[str], year: int, *, voice: Voice = GERMAN) -> pd.DataFrame:
    """One row per indicator with values in ``year``: the areas' values and ranks and the city value.

    Labels and units are in the voice's language.

    Returns
    -------
    pandas.DataFrame
        Columns ``indicator, label, topic, kind, unit, decimals, n, city`` and per area code
        ``value:<code>``, ``suppressed:<code>``, ``rank:<code>`` (1 = highest value among
        the ``n`` areas with a value; no rank for a withheld or missing value).
    """
    codes = check_codes(ds, codes)
    ref = ds.geography.reference_code
    v = ds.values[ds.values["year"] == int(year)]
    rows = []
    for ind in ds.catalogue.values():
        cur = v[v["indicator"] == ind.id]
        if cur.empty:
            continue
        areas = cur[cur["area_code"] != ref].set_index("area_code")
        values = areas["value"].astype(float).where(~areas["suppressed"].astype(bool))
        ranks = values.rank(ascending=False, method="min")
        city = cur.loc[cur["area_code"] == ref, "value"]
        row: dict[str, object] = {
            "indicator": ind.id,
            "label": ind.label(voice=voice),
            "topic": ind.topic_label(voice=voice),
            "kind": ind.kind,
            "unit": ind.unit_for(voice=voice),
            "decimals": ind.decimals_for(values),
            "n": int(values.notna().sum()),
            "city": float(city.iloc[0]) if len(city) else np.nan,
        }
        for code in codes:
            hidden = bool(areas["suppressed"].get(code, False))
            row[f"value:{code}"] = np.nan if hidden else float(values.get(code, np.nan))
            row[f"suppressed:{code}"] = hidden
            row[f"rank:{code}"] = ranks.get(code, np.nan)
        rows.append(row)
    return pd.DataFrame(rows)


def compare_cells(
    table: pd.DataFrame, codes: Sequence[str], units: bool = True, *, voice: Voice = GERMAN
) -> dict[str, list[str]]:
    """Formatted cells per column: ``value:<code>``, ``rank:<code>`` and ``city``.

    Withheld values read "gesperrt", missing ones "–"; ranks read "2. von 10" (in the voice's language). Without
    ``units`` the numbers stand alone (the unit is then in the indicator's row label).
    """
    unit_of = table["unit"] if units else pd.Series("", index=table.index)
    out: dict[str, list[str]] = {
        "city": [voice.value(c, u, int(d)) for c, u, d in zip(table["city"], unit_of, table["decimals"])]
    }
    for code in codes:
        out[f"value:{code}"] = [
            voice.t("suppressed") if s else voice.value(v, u, int(d))
            for v, s, u, d in zip(table[f"value:{code}"], table[f"suppressed:{code}"], unit_of, table["decimals"])
        ]
        out[f"rank:{code}"] = [
            voice.rank(int(r), int(n)) if pd.notna(r) else "–" for r, n in zip(table[f"rank:{code}"], table["n"])
        ]
    return out


def compare_series(ds: Dataset, indicator: str, codes: Sequence[str]) -> pd.DataFrame:
    """Values of one indicator per year (rows) for the areas and the city (columns: codes, then the reference).

    Withheld values are NaN (a gap in the line), never the number.
    """
    ref = ds.geography.reference_code
    cols = [*codes, ref] if ref else list(codes)
    v = ds.values[(ds.values["indicator"] == indicator) & ds.values["area_code"].isin(cols)]
    v = v.assign(value=v["value"].astype(float).where(~v["suppressed"].astype(bool)))
    wide = v.pivot_table(index="year", columns="area_code", values="value", aggfunc="first", dropna=False)
    wide.index = wide.index.astype(int)
    return wide.reindex(columns=cols).sort_index()
