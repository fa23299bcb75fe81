"""Area profile (Stadtteilprofil): every indicator of one area against the city."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.dataset import Dataset
from indicators.wording.voice import GERMAN, Voice


def area_profile(ds: Dataset, code: str, year: int, *, voice: Voice = GERMAN) -> pd.DataFrame:
    """One row per indicator: value of the area, city value, rank and trend (labels and units in the voice's language).

    Returns
    -------
    pandas.DataFrame
        Columns ``indicator, label, topic, unit, value, city, rank, n, first_year,
        first_value, trend`` where ``trend`` is the change since the first year
        (difference of values) and ``rank`` 1 is the highest value.
    """
    ref = ds.geography.reference_code
    v = ds.values
    rows = []
    for ind in ds.catalogue.values():
        cur = v[(v["indicator"] == ind.id) & (v["year"] == year)]
        areas = cur[cur["area_code"] != ref]
        mine = areas[areas["area_code"] == code]
        if mine.empty:
            continue
        ranks = areas["value"].rank(ascending=False, method="min")
        hist = v[(v["indicator"] == ind.id) & (v["area_code"] == code)].sort_values("year")
        hist = hist[hist["value"].notna()]
        first = hist.iloc[0] if len(hist) else None
        value = float(mine["value"].iloc[0])
        city = cur[cur["area_code"] == ref]["value"]
        rows.append(
            {
                "indicator": ind.id,
                "label": ind.label(voice=voice),
                "topic": ind.topic_label(voice=voice),
                "unit": ind.unit_for(voice=voice),
                "decimals": ind.decimals_for(areas["value"]),
                "value": value,
                "suppressed": bool(mine["suppressed"].iloc[0]),
                "city": float(city.iloc[0]) if len(city) else np.nan,
                "rank": ranks.loc[mine.index[0]] if not np.isnan(value) else np.nan,
                "n": int(areas["value"].notna().sum()),
                "first_year": int(first["year"]) if first is not None else None,
                "first_value": float(first["value"]) if first is not None else np.nan,
            }
        )
    out = pd.DataFrame(rows)
    if not out.empty:
        out["trend"] = out["value"] - out["first_value"]
    return out


def profile_table(prof: pd.DataFrame, *, voice: Voice = GERMAN) -> pd.DataFrame:
    """The profile as people read it: indicator, value (or "gesperrt"), city, rank of n, trend since.

    ``prof`` is :func:`area_profile`; columns ``indicator, value, city, rank, trend`` hold texts in
    the voice's language (headers through :func:`indicators.wording.display_columns`).
    """
    if prof.empty:
        return pd.DataFrame(columns=["indicator", "value", "city", "rank", "trend"])
    n = int(prof["n"].max())
    return pd.DataFrame(
        {
            "indicator": prof["label"],
            "value": [
                (voice.t("suppressed") if s else voice.value(v, u, d))
                for v, u, d, s in zip(prof["value"], prof["unit"], prof["decimals"], prof["suppressed"])
            ],
            "city": [voice.value(v, u, d) for v, u, d in zip(prof["city"], prof["unit"], prof["decimals"])],
            "rank": [voice.rank(int(r), n) if pd.notna(r) else "–" for r in prof["rank"]],
            "trend": [
                voice.t("atlas_since", change=voice.change(d, dec), year=y) if pd.notna(d) else "–"
                for d, y, dec in zip(prof["trend"], prof["first_year"], prof["decimals"])
            ],
        }
    )
