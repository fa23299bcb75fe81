"""Wide tables of the shipped Berlin MSS example (data/berlin_mss.csv) for :func:`assess`."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.mss import split_columns

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "data" / "berlin_mss.csv"


def berlin_wide(year: int = 2019, path: Path = TABLE) -> pd.DataFrame:
    """One row per Planungsraum for one MSS edition.

    Returns
    -------
    pandas.DataFrame
        ``id`` (8-char code), ``inhabitants``, ``mss_assessed`` and the S/D
        indicator columns of that edition. Placeholder areas (``mss_assessed``
        0) have no indicator values (NaN), so every method leaves them out.
    """
    t = pd.read_csv(path, dtype={"area_code": str, "value": str})
    t = t[t["year"] == year]
    if t.empty:
        raise ValueError(f"no MSS edition {year} in {path}")
    wide = t.pivot(index="area_code", columns="variable", values="value")
    wide = wide.apply(pd.to_numeric).reset_index().rename(columns={"area_code": "id"})
    wide.columns.name = None
    s, d = split_columns(wide.columns)
    return wide[["id", "inhabitants", "mss_assessed", *s, *d]]
