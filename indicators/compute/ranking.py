"""The ranking table beside the map (also the accessible alternative to it)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.wording.voice import GERMAN, Voice


def ranking_table(
    layer: pd.DataFrame, city_value: float | None, decimals: int = 1, *, voice: Voice = GERMAN
) -> pd.DataFrame:
    """Areas sorted by rank with values formatted in the voice's language (German by default).

    Parameters
    ----------
    layer
        Output of :func:`geo.join.indicator_layer` with an optional ``flagged``
        column.
    city_value
        The city's value; ``vs_city`` is each area's difference from it.
    decimals
        Decimals of the shown values.
    voice
        The reader's language (number format, "gesperrt"/"withheld").

    Returns
    -------
    pandas.DataFrame
        ``rank, code, name, value, vs_city, flagged, value_num``: formatted text
        for display plus the raw value for sorting and export. With a ``raw`` column in
        ``layer`` (smoothed values) also ``raw`` (formatted) after ``value``.
    """
    df = pd.DataFrame(
        {
            "rank": layer["rank"].astype("Int64"),
            "code": layer["code"].astype(str),
            "name": layer["name"].astype(str),
            "value_num": layer["value"].astype(float),
        }
    )
    suppressed = layer.get("suppressed", pd.Series(False, index=layer.index)).astype(bool)
    flagged = layer.get("flagged", pd.Series(False, index=layer.index)).astype(bool)
    df["value"] = [
        voice.t("suppressed") if s else (voice.number(v, decimals) if np.isfinite(v) else "–")
        for v, s in zip(df["value_num"], suppressed)
    ]
    df["vs_city"] = [
        voice.change(v - city_value, decimals) if city_value is not None and np.isfinite(v) else "–"
        for v in df["value_num"]
    ]
    df["flagged"] = flagged.to_numpy()
    raw = ["raw"] if "raw" in layer else []
    if raw:  # EB smoothing on (indicators.compute.smoothing.smoothed_layer): the raw values beside
        df["raw"] = [voice.value(v, "", decimals) for v in layer["raw"]]
    return df.sort_values(["rank", "name"], na_position="last").reset_index(drop=True)[
        ["rank", "code", "name", "value", *raw, "vs_city", "flagged", "value_num"]
    ]
