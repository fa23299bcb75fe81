"""Social Vulnerability Index after CDC/ATSDR (editions 2018 and 2020).

Method (CDC SVI 2018/2020 documentation and data dictionaries):

* Percentile rank of each variable over all areas with a value:
  ``(rank - 1) / (N - 1)``, ties take the lowest rank (Excel PERCENTRANK.INC),
  rounded half-up to 4 decimals. Reversed variables take ``1 - rank``.
* Theme sum ``SPL_THEMEk`` = sum of the rounded variable percentiles,
  ``RPL_THEMEk`` = percentile rank of that sum. ``SPL_THEMES`` = sum of the
  theme sums, ``RPL_THEMES`` = its percentile rank.
* Flags ``F_x = 1`` if ``EPL_x >= 0.90``; ``F_THEMEk`` and ``F_TOTAL`` count them.
* A missing value (-999 or empty) drops the area from that variable's ranking
  only; every sum, rank and flag count depending on it is missing.

All percentiles are held as integers in units of 1/10000 so that sums are exact:
float sums such as 0.1 + 0.2 would otherwise break ties and shift ranks.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import norm

from indicators.errors import InputError, error_message, msg
from indicators.needs.method import NeedMethod, finish
from indicators.needs.small_numbers import population_mask

MISSING = -999
SCALE = 10_000  # 4 decimals


@dataclass(frozen=True)
class SviVariable:
    """One ranked SVI variable.

    Attributes
    ----------
    name
        Suffix of the output columns (``EPL_<name>``, ``F_<name>``).
    column
        Input column that is ranked.
    theme
        Theme number 1-4.
    reverse
        True if a higher value means less vulnerability (2018 per-capita income).
    """

    name: str
    column: str
    theme: int
    reverse: bool = False


def _vars(spec: Sequence[tuple[int, str]], reverse: Sequence[str] = (),
          column: Mapping[str, str] | None = None) -> tuple[SviVariable, ...]:
    column = column or {}
    return tuple(
        SviVariable(name, column.get(name, f"EP_{name}"), theme, name in reverse)
        for theme, name in spec
    )


#: Theme membership per edition (cdc-svi-inputs/SOURCE.md, CDC data dictionaries).
EDITIONS: dict[str, tuple[SviVariable, ...]] = {
    "2018": _vars(
        [(1, "POV"), (1, "UNEMP"), (1, "PCI"), (1, "NOHSDP"),
         (2, "AGE65"), (2, "AGE17"), (2, "DISABL"), (2, "SNGPNT"),
         (3, "MINRTY"), (3, "LIMENG"),
         (4, "MUNIT"), (4, "MOBILE"), (4, "CROWD"), (4, "NOVEH"), (4, "GROUPQ")],
        reverse=("PCI",),
    ),
    # The 2020 county file released 2022-10-27 (the one our inputs come from)
    # ranked E_HBURD (a count) instead of EP_HBURD; CDC corrected this on
    # 2022-12-22. "2020" reproduces the released file; "2020-corrected" the fix.
    "2020": _vars(
        [(1, "POV150"), (1, "UNEMP"), (1, "HBURD"), (1, "NOHSDP"), (1, "UNINSUR"),
         (2, "AGE65"), (2, "AGE17"), (2, "DISABL"), (2, "SNGPNT"), (2, "LIMENG"),
         (3, "MINRTY"),
         (4, "MUNIT"), (4, "MOBILE"), (4, "CROWD"), (4, "NOVEH"), (4, "GROUPQ")],
        column={"HBURD": "E_HBURD"},
    ),
    "2020-corrected": _vars(
        [(1, "POV150"), (1, "UNEMP"), (1, "HBURD"), (1, "NOHSDP"), (1, "UNINSUR"),
         (2, "AGE65"), (2, "AGE17"), (2, "DISABL"), (2, "SNGPNT"), (2, "LIMENG"),
         (3, "MINRTY"),
         (4, "MUNIT"), (4, "MOBILE"), (4, "CROWD"), (4, "NOVEH"), (4, "GROUPQ")],
    ),
}


def _to_numeric(values: pd.Series) -> pd.Series:
    """Numbers with -999 and empty cells as NaN."""
    out = pd.to_numeric(values, errors="coerce").astype("float64")
    return out.mask(out == MISSING)


def percentile_rank_units(values: pd.Series) -> pd.Series:
    """PERCENTRANK.INC of every non-missing value, in units of 1/10000.

    Parameters
    ----------
    values
        Numbers; NaN marks a missing value, which is left out of the ranking
        and stays missing. Integer input (exact sums) is compared exactly.

    Returns
    -------
    pandas.Series
        Nullable ``Int64``: ``round_half_up((rank - 1) / (N - 1), 4) * 10000``
        with ``rank`` the lowest rank among ties.
    """
    out = pd.Series(pd.NA, index=values.index, dtype="Int64")
    present = values.dropna()
    n = len(present)
    if n == 0:
        return out
    if n == 1:
        out[present.index] = 0
        return out
    arr = present.to_numpy()
    below = np.searchsorted(np.sort(arr), arr, side="left").astype(np.int64)
    # half-up rounding of below*SCALE/(n-1) in exact integer arithmetic
    den = n - 1
    units = (2 * below * SCALE + den) // (2 * den)
    out[present.index] = units
    return out


def percentile_rank(values: pd.Series) -> pd.Series:
    """PERCENTRANK.INC rounded half-up to 4 decimals, as floats (NaN if missing)."""
    return percentile_rank_units(values).astype("Float64").div(SCALE).astype("float64")


def _sum_units(frame: pd.DataFrame, weights: Sequence[float] | None = None) -> pd.Series:
    """Row sums that are missing as soon as one term is missing."""
    if weights is None or all(w == 1 for w in weights):
        total = frame.sum(axis=1, skipna=False, min_count=1)
    else:
        # weighted sums cannot stay in integer units; round to 1/10000 again
        w = np.asarray(weights, dtype="float64")
        total = (frame.astype("Float64") * w).sum(axis=1, skipna=False, min_count=1)
        total = total.round(0)
    return total.astype("Int64")


def compute_svi(
    df: pd.DataFrame,
    variables: Sequence[SviVariable],
    id_col: str,
    population_col: str | None = None,
    flag_cut: float = 0.90,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Compute EPL/SPL/RPL and flags for any variable set.

    Parameters
    ----------
    df
        One row per area.
    variables
        Ranked variables with theme membership and direction.
    id_col
        Area id column, copied to the output.
    population_col
        If given, areas with a population of 0 or missing take no part (as in
        the CDC method) and get missing outputs.
    flag_cut
        Percentile at or above which ``F_x`` is 1.
    weights
        Optional weight per variable name for the theme sums (default 1 each;
        non-default weights are not part of the CDC method).

    Returns
    -------
    pandas.DataFrame
        ``id_col``, ``EPL_*``, ``SPL_THEMEk``, ``RPL_THEMEk``, ``SPL_THEMES``,
        ``RPL_THEMES``, ``F_*``, ``F_THEMEk``, ``F_TOTAL``; percentiles and sums
        as floats with NaN for missing, flags as nullable ``Int64``.
    """
    missing_cols = [v.column for v in variables if v.column not in df.columns]
    if missing_cols:
        problem = f"missing SVI input columns: {', '.join(missing_cols)}"
        raise KeyError(problem)
    takes_part = pd.Series(True, index=df.index)
    if population_col is not None:
        pop = _to_numeric(df[population_col])
        takes_part = pop.fillna(0) > 0
    cut = int(round(flag_cut * SCALE))

    epl: dict[str, pd.Series] = {}
    for v in variables:
        x = _to_numeric(df[v.column]).where(takes_part)
        units = percentile_rank_units(x)
        if v.reverse:
            units = SCALE - units
        epl[v.name] = units
    epl_frame = pd.DataFrame(epl, index=df.index)

    themes = sorted({v.theme for v in variables})
    spl: dict[int, pd.Series] = {}
    for t in themes:
        names = [v.name for v in variables if v.theme == t]
        w = [weights.get(n, 1.0) for n in names] if weights else None
        spl[t] = _sum_units(epl_frame[names], w)
    spl_frame = pd.DataFrame(spl, index=df.index)
    spl_all = spl_frame.sum(axis=1, skipna=False, min_count=1).astype("Int64")

    def as_float(s: pd.Series) -> pd.Series:
        return s.astype("Float64").div(SCALE).astype("float64")

    flags = epl_frame.apply(lambda s: (s >= cut).astype("Int64"))
    out: dict[str, pd.Series] = {id_col: df[id_col]}
    for v in variables:
        out[f"EPL_{v.name}"] = as_float(epl_frame[v.name])
    for t in themes:
        out[f"SPL_THEME{t}"] = as_float(spl[t])
        out[f"RPL_THEME{t}"] = as_float(percentile_rank_units(spl[t].dropna()).reindex(df.index))
    out["SPL_THEMES"] = as_float(spl_all)
    out["RPL_THEMES"] = as_float(percentile_rank_units(spl_all.dropna()).reindex(df.index))
    for t in themes:  # CDC order: the theme's variable flags, then F_THEMEk
        names = [v.name for v in variables if v.theme == t]
        for n in names:
            out[f"F_{n}"] = flags[n]
        out[f"F_THEME{t}"] = flags[names].sum(axis=1, skipna=False, min_count=1).astype("Int64")
    theme_flags = pd.DataFrame({t: out[f"F_THEME{t}"] for t in themes})
    out["F_TOTAL"] = theme_flags.sum(axis=1, skipna=False, min_count=1).astype("Int64")
    return pd.DataFrame(out, index=df.index)


def svi_cdc(df: pd.DataFrame, edition: str = "2018") -> pd.DataFrame:
    """CDC SVI outputs for a CDC county/tract input table.

    Parameters
    ----------
    df
        A table with ``FIPS``, ``E_TOTPOP`` and the ``EP_*`` (and for the
        released 2020 file ``E_HBURD``) columns of the edition.
    edition
        ``"2018"``, ``"2020"`` (as released 2022-10-27, HBURD ranked on
        ``E_HBURD``) or ``"2020-corrected"`` (``EP_HBURD``).

    Returns
    -------
    pandas.DataFrame
        See :func:`compute_svi`.
    """
    if edition not in EDITIONS:
        problem = f"unknown SVI edition {edition!r}; known: {', '.join(EDITIONS)}"
        raise ValueError(problem)
    pop = "E_TOTPOP" if "E_TOTPOP" in df.columns else None
    return compute_svi(df, EDITIONS[edition], id_col="FIPS", population_col=pop)


def read_cdc_inputs(path: str) -> pd.DataFrame:
    """Read a CDC SVI CSV with its code columns as strings."""
    codes = {c: str for c in ("ST", "FIPS", "STCNTY")}
    return pd.read_csv(path, dtype=codes, keep_default_na=True)


def to_cdc_csv_frame(result: pd.DataFrame) -> pd.DataFrame:
    """Output columns in CDC layout with missing values written as -999.

    Keeps ``FIPS``, every ``EPL_*``, ``RPL_THEME1..4``, ``RPL_THEMES``, the
    ``F_*`` flags and ``F_TOTAL``; percentiles are formatted with 4 decimals.
    """
    cols = [c for c in result.columns
            if c == "FIPS" or c.startswith("EPL_") or c.startswith("RPL_") or c.startswith("F_")]
    out = result[cols].copy()
    for c in cols:
        if c.startswith(("EPL_", "RPL_")):
            out[c] = [f"{v:.4f}" if pd.notna(v) else str(MISSING) for v in out[c]]
        elif c.startswith("F_"):
            out[c] = out[c].astype("Int64").fillna(MISSING).astype("int64")
    return out


def svi_from_file(path: str, edition: str) -> pd.DataFrame:
    """Read a CDC input table and compute the SVI of ``edition``, as ``cli.py svi`` does.

    Raises ``InputError`` (a message naming the file) for unusable input.
    """
    try:
        df = read_cdc_inputs(path)
    except (OSError, ValueError) as exc:
        raise InputError(msg("err_path_unreadable", path=path, detail=error_message(exc))) from None
    if "FIPS" not in df.columns:
        raise InputError(msg("err_column_missing", path=path, column="FIPS"))
    try:
        return svi_cdc(df, edition)
    except KeyError as exc:
        raise InputError(msg("err_svi_edition", path=path, edition=edition, detail=exc.args[0])) from None


# --- the method record (registered in indicators.needs.registry) -------------------------------

def _run(df: pd.DataFrame, indicators: Sequence[str], *, id_col: str, population_col: str | None,
         directions: Mapping[str, int] | None, weights: Mapping[str, float] | None,
         params: Mapping[str, Any]) -> pd.DataFrame:
    """The ``svi`` preset: overall percentile as score, flag from ``flag_threshold`` (top quartile)."""
    p = params
    pm = population_mask(df, population_col, p["min_population"])
    vals = df[list(indicators)].apply(pd.to_numeric, errors="coerce")
    complete = vals.notna().all(axis=1)
    mask = pm["assessed"] & complete
    themes = p.get("themes") or {c: 1 for c in indicators}
    variables = [SviVariable(c, c, int(themes.get(c, 1)), (directions or {}).get(c, 1) == -1)
                 for c in indicators]
    data = vals.where(mask, np.nan)
    data[id_col] = df[id_col].astype(str)
    res = compute_svi(data, variables, id_col=id_col, flag_cut=p["variable_flag"], weights=weights)
    out = pd.DataFrame({"id": df[id_col].astype(str), "assessed": mask,
                        "reason": pm["reason"].where(~(pm["assessed"] & ~complete), "Werte fehlen")})
    out.loc[mask, "reason"] = ""
    total = res["SPL_THEMES"]
    for c in indicators:
        out[f"pct__{c}"] = res[f"EPL_{c}"]
    for c in indicators:
        out[f"contrib__{c}"] = res[f"EPL_{c}"] * (weights or {}).get(c, 1.0) / total
    for c in res.columns:
        if c.startswith(("SPL_", "RPL_", "F_")):
            out[c] = res[c]
    out["score"] = res["RPL_THEMES"]
    out["flag"] = res["RPL_THEMES"] >= p["flag_threshold"]
    # "hoch" is the flag; below it the fixed quartile bands (a threshold of 0.5 or less is allowed)
    bands = pd.cut(res["RPL_THEMES"], [-0.1, 0.25, 0.5, 1.1],
                   labels=["niedrig", "eher niedrig", "eher hoch"]).astype("object")
    out["label"] = bands.where(~out["flag"], "hoch")
    return finish(out)


def shift_percentile(*, base: float, shift: float) -> float:
    """A percentile threshold moved by ``shift`` on the normal quantile: 0.75 → Φ(0.674 ± 0.25)."""
    if shift == 0:
        return base
    return float(norm.cdf(norm.ppf(base) + shift))


METHOD = NeedMethod(
    name="svi",
    runner=_run,
    preset={
        "min_population": 300,
        "flag_threshold": 0.75,  # RPL >= 0.75: top quartile
        "variable_flag": 0.90,  # F_x: EPL >= 0.90
        "exclude": (),
        "themes": None,  # all indicators in one theme
        "weights": None,
    },
    shift_threshold=shift_percentile,
    score_breaks=(0.25, 0.5, 0.75),
)
