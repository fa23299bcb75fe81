"""Status and dynamics index after Berlin's Monitoring Soziale Stadtentwicklung (MSS).

Method ("gestuftes Indexverfahren", MSS 2013-2021):

1. Each status indicator is z-standardised over the assessed areas
   (unweighted mean, population standard deviation, ``ddof=0``).
2. The z-values are summed (optionally weighted) and the sum is standardised
   again: the status index.
3. Status classes, by the status index ``s`` (a high index means high
   disadvantage, i.e. a *low* social status):

   ============== ===================
   hoch           ``s < -1``
   mittel         ``-1 <= s <= +1``
   niedrig        ``+1 < s <= +1.5``
   sehr niedrig   ``s > +1.5``
   ============== ===================

4. The dynamics index is built the same way from the change indicators
   (D, percentage points over two years, positive = worsening) with classes
   ``positiv`` (``d < -1``), ``stabil`` (``-1 <= d <= +1``) and ``negativ`` (``d > +1``).
5. The status class (1-4) and the dynamics class (+, +/-, -) overlay to the
   12 groups of the "Gesamtindex Soziale Ungleichheit", e.g. ``"4 -"``.

Areas under the minimum population (default 300), areas on the exclusion list
and the all-zero placeholder rows of the published share tables are not
assessed: they take no part in the means and standard deviations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from indicators.errors import InputError, error_message, msg
from indicators.needs.method import DefaultIndicators, NeedMethod, finish
from indicators.needs.mss_classes import STATUS_CLASSES, STATUS_CLASSES_EN, combined_group, dynamic_class, status_class

#: MSS's published outlier ("Ausreißer"), old and new LOR key.
MSS_OUTLIERS = ("10010203", "10100205")

_STATUS_RE = re.compile(r"^s\d+_")
_DYNAMIC_RE = re.compile(r"^d\d+_")


def zscore(values: pd.Series, reference: pd.Series | None = None, center: float | None = None) -> pd.Series:
    """Standardise ``values`` by the mean and population SD of ``reference``.

    Parameters
    ----------
    values
        Values to standardise (NaN stays NaN).
    reference
        Values defining mean and SD (default: ``values``); NaN are ignored.
    center
        If given, used instead of the reference mean (the "city" frame).

    Returns
    -------
    pandas.Series
        ``(values - center) / sd`` with ``sd`` the population SD (ddof=0).
    """
    ref = (values if reference is None else reference).dropna().astype("float64")
    mean = float(ref.mean()) if center is None else float(center)
    sd = float(ref.std(ddof=0))
    if not np.isfinite(sd) or sd == 0:
        return pd.Series(0.0, index=values.index).where(values.notna())
    return (values.astype("float64") - mean) / sd


def split_columns(columns: Iterable[str]) -> tuple[list[str], list[str]]:
    """Status (``s1_...``) and dynamics (``d1_...``) columns of an MSS share table."""
    cols = list(columns)
    return ([c for c in cols if _STATUS_RE.match(c)], [c for c in cols if _DYNAMIC_RE.match(c)])


def placeholder_rows(df: pd.DataFrame, indicator_cols: Sequence[str]) -> pd.Series:
    """True where every indicator is exactly 0 (MSS placeholder for excluded areas)."""
    vals = df[list(indicator_cols)].apply(pd.to_numeric, errors="coerce")
    return (vals == 0).all(axis=1)


def assessed_mask(
    df: pd.DataFrame,
    indicator_cols: Sequence[str],
    id_col: str = "id",
    population_col: str | None = "inhabitants",
    min_population: float = 300,
    exclude: Iterable[str] = (),
    drop_placeholders: bool = True,
) -> pd.DataFrame:
    """Which areas take part, and why not.

    Returns
    -------
    pandas.DataFrame
        Columns ``assessed`` (bool) and ``reason`` (German text, empty if assessed).
    """
    reason = pd.Series("", index=df.index, dtype="object")
    vals = df[list(indicator_cols)].apply(pd.to_numeric, errors="coerce")
    reason[vals.isna().any(axis=1)] = "Werte fehlen"
    if drop_placeholders:
        reason[placeholder_rows(df, indicator_cols)] = "Platzhalter (alle Indikatoren 0)"
    if population_col is not None and population_col in df.columns:
        pop = pd.to_numeric(df[population_col], errors="coerce")
        small = pop.isna() | (pop < min_population)
        reason[small & (reason == "")] = f"unter {min_population:g} Einwohnern"
    excl = {str(e).strip() for e in exclude if str(e).strip()}
    reason[df[id_col].astype(str).isin(excl)] = "ausgeschlossen"
    return pd.DataFrame({"assessed": reason == "", "reason": reason}, index=df.index)


def _index(
    df: pd.DataFrame,
    cols: Sequence[str],
    mask: pd.Series,
    directions: Mapping[str, int],
    weights: Mapping[str, float],
    centers: Mapping[str, float] | None,
) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    z = {}
    for c in cols:
        x = pd.to_numeric(df[c], errors="coerce").where(mask)
        zc = zscore(x, center=None if centers is None else centers.get(c))
        z[c] = directions.get(c, 1) * zc * weights.get(c, 1.0)
    zf = pd.DataFrame(z, index=df.index)
    total = zf.sum(axis=1, min_count=len(cols)).where(mask)
    return zf, total, zscore(total)


@dataclass(frozen=True, kw_only=True)
class MssParams:
    """The parameters of the MSS index besides its columns (MSS's own values by default).

    Parameters
    ----------
    min_population : float
        Areas with fewer residents are not assessed.
    exclude : iterable of str
        Area ids that are not assessed (default: MSS's published outlier).
    reference : {"areas", "city"}
        ``"areas"`` (MSS: mean over the assessed areas) or ``"city"`` (z centred on
        ``city_values``; SD still over the areas).
    city_values : mapping, optional
        City value per indicator, required for ``reference="city"``.
    drop_placeholders : bool
        Treat all-zero indicator rows as placeholders, not data.
    """

    min_population: float = 300
    exclude: Iterable[str] = MSS_OUTLIERS
    reference: str = "areas"
    city_values: Mapping[str, float] | None = None
    drop_placeholders: bool = True


def mss(
    df: pd.DataFrame,
    status_cols: Sequence[str] | None = None,
    dynamic_cols: Sequence[str] | None = None,
    *,
    id_col: str = "id",
    population_col: str | None = "inhabitants",
    directions: Mapping[str, int] | None = None,
    weights: Mapping[str, float] | None = None,
    params: MssParams | None = None,
) -> pd.DataFrame:
    """Compute the MSS status and dynamics index.

    Parameters
    ----------
    df
        One row per area, wide indicator columns.
    status_cols, dynamic_cols
        Indicator columns; default: ``s<n>_*`` and ``d<n>_*`` columns. An empty
        ``dynamic_cols`` gives no dynamics index (classes "nicht bewertet").
    id_col, population_col
        Area id and residents column (``population_col=None``: no minimum).
    directions
        +1 (higher = more need, default) or -1 per indicator.
    weights
        Weight per indicator in the sum (default 1; MSS uses equal weights).
    params
        Minimum population, excluded areas, reference, city values, placeholder rule
        (default: :class:`MssParams`).

    Returns
    -------
    pandas.DataFrame
        ``id``, ``assessed``, ``reason``, ``z__<col>`` per indicator (signed by
        direction, before weighting), ``status_sum``, ``status_index``,
        ``status_class``, ``dynamic_sum``, ``dynamic_index``, ``dynamic_class``
        and ``group`` (12 groups, e.g. ``"4 -"``), in input order.
    """
    p = params or MssParams()
    reference, city_values = p.reference, p.city_values
    s_default, d_default = split_columns(df.columns)
    status_cols = list(s_default if status_cols is None else status_cols)
    dynamic_cols = list(d_default if dynamic_cols is None else dynamic_cols)
    if not status_cols:
        problem = "no status indicators given"
        raise ValueError(problem)
    if reference not in ("areas", "city"):
        problem = "reference must be 'areas' or 'city'"
        raise ValueError(problem)
    if reference == "city" and not city_values:
        problem = "reference='city' needs city_values"
        raise ValueError(problem)
    directions = dict(directions or {})
    weights = dict(weights or {})
    centers = dict(city_values) if reference == "city" and city_values else None

    m = assessed_mask(
        df, status_cols + dynamic_cols, id_col, population_col, p.min_population, p.exclude, p.drop_placeholders
    )
    mask = m["assessed"]
    z_s, s_sum, s_idx = _index(df, status_cols, mask, directions, weights, centers)
    out = pd.DataFrame({"id": df[id_col].astype(str), "assessed": mask, "reason": m["reason"]})
    for c in status_cols:
        out[f"z__{c}"] = z_s[c] / weights.get(c, 1.0)
    out["status_sum"] = s_sum
    out["status_index"] = s_idx
    out["status_class"] = s_idx.map(status_class)
    if dynamic_cols:
        z_d, d_sum, d_idx = _index(df, dynamic_cols, mask, directions, weights, centers)
        for c in dynamic_cols:
            out[f"z__{c}"] = z_d[c] / weights.get(c, 1.0)
        out["dynamic_sum"] = d_sum
        out["dynamic_index"] = d_idx
    else:
        out["dynamic_sum"] = np.nan
        out["dynamic_index"] = np.nan
    out["dynamic_class"] = out["dynamic_index"].map(dynamic_class)
    out["group"] = [combined_group(s, d) for s, d in zip(out["status_class"], out["dynamic_class"])]
    return out


def read_mss_shares(path: str | Path) -> pd.DataFrame:
    """Read an MSS ``*-2-1.csv`` share table (``id`` kept as an 8-char string)."""
    df = pd.read_csv(path, dtype={"id": str})
    if "id" not in df.columns:
        raise InputError(msg("err_no_column", path=path, column="id"))
    s, _ = split_columns(df.columns)
    if not s:
        raise InputError(msg("err_mss_no_status", path=path))
    df["id"] = df["id"].str.strip().str.zfill(8)
    return df


def class_counts(result: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Number of areas per status and dynamics class (for reports and checks)."""
    return {
        "status": result["status_class"].value_counts().to_dict(),
        "dynamic": result["dynamic_class"].value_counts().to_dict(),
    }


def mss_from_file(path: str | Path, min_population: float = 300, exclude: Sequence[str] = ()) -> pd.DataFrame:
    """Read an MSS share table and compute the index, as ``cli.py mss`` does.

    The published outlier (:data:`MSS_OUTLIERS`) is always excluded. Raises
    ``InputError`` (a message naming the file) for unusable input.
    """
    try:
        df = read_mss_shares(path)
    except (OSError, ValueError) as exc:
        raise InputError(msg("err_path_unreadable", path=path, detail=error_message(exc))) from None
    if "inhabitants" not in df.columns:
        raise InputError(msg("err_column_missing", path=path, column="inhabitants"))
    if min_population < 0:
        raise InputError(msg("err_min_population"))
    return mss(df, params=MssParams(min_population=min_population, exclude=[*MSS_OUTLIERS, *exclude]))


# --- the method record (registered in indicators.needs.registry) -------------------------------


def _run(
    df: pd.DataFrame,
    indicators: Sequence[str],
    *,
    id_col: str,
    population_col: str | None,
    directions: Mapping[str, int] | None,
    weights: Mapping[str, float] | None,
    params: Mapping[str, Any],
) -> pd.DataFrame:
    """The ``mss`` preset: status index as score, flag above ``flag_threshold`` (niedrig/sehr niedrig)."""
    p = params
    mss_params = MssParams(
        min_population=p["min_population"],
        exclude=p["exclude"],
        reference=p["reference"],
        city_values=p.get("city_values"),
        drop_placeholders=p.get("drop_placeholders", True),
    )
    r = mss(
        df,
        status_cols=indicators,
        dynamic_cols=p.get("dynamic_indicators", []),
        id_col=id_col,
        population_col=population_col,
        directions=directions,
        weights=weights,
        params=mss_params,
    )
    sd = float(r.loc[r["assessed"], "status_sum"].std(ddof=0)) or 1.0
    w = weights or {}
    for c in indicators:
        r[f"contrib__{c}"] = r[f"z__{c}"] * w.get(c, 1.0) / sd
    r["score"] = r["status_index"]
    r["flag"] = r["status_index"] > p["flag_threshold"]
    r["label"] = r["status_class"]
    return finish(r)


def _edition_indicators(*, catalogue: Mapping[str, Any], available: set[str]) -> DefaultIndicators:  # noqa: ARG001 (unused, kept for the callers, issue #25)
    """The edition's S (status) and D (dynamics) indicators, ids ``s1``… and ``d1``…, all +1."""
    status = sorted(i for i in available if i.startswith("s") and i[1:2].isdigit())
    dynamic = sorted(i for i in available if i.startswith("d") and i[1:2].isdigit())
    return DefaultIndicators(status, dynamic, {i: 1 for i in status + dynamic})


def _status_classes(result: pd.DataFrame) -> tuple[pd.Series, tuple[str, ...], tuple[str, ...]]:
    """Index of each area's published status class (-1: not assessed)."""
    order = {name: i for i, name in enumerate(STATUS_CLASSES)}
    return result["label"].map(order).fillna(-1).astype(int), STATUS_CLASSES, STATUS_CLASSES_EN


METHOD = NeedMethod(
    name="mss",
    runner=_run,
    preset={
        "min_population": 300,
        "exclude": MSS_OUTLIERS,
        "reference": "areas",
        "flag_threshold": 1.0,  # status index > +1: niedrig / sehr niedrig
        "weights": None,  # equal
    },
    default_indicators=_edition_indicators,
    classes=_status_classes,
    uses_dynamic=True,
    excludes_itself=True,
)
