"""The CDC/ATSDR SVI editions 2018 and 2020: theme membership, CDC input and output files.

``cli.py svi`` reproduces the published county values from the CDC input tables with the
ranks of :mod:`indicators.needs.svi_rank`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from indicators.errors import InputError, error_message, msg
from indicators.needs.svi_rank import MISSING, SviVariable, compute_svi


def _vars(
    spec: Sequence[tuple[int, str]], reverse: Sequence[str] = (), column: Mapping[str, str] | None = None
) -> tuple[SviVariable, ...]:
    column = column or {}
    return tuple(SviVariable(name, column.get(name, f"EP_{name}"), theme, name in reverse) for theme, name in spec)


#: Theme membership per edition (cdc-svi-inputs/SOURCE.md, CDC data dictionaries).
EDITIONS: dict[str, tuple[SviVariable, ...]] = {
    "2018": _vars(
        [
            (1, "POV"),
            (1, "UNEMP"),
            (1, "PCI"),
            (1, "NOHSDP"),
            (2, "AGE65"),
            (2, "AGE17"),
            (2, "DISABL"),
            (2, "SNGPNT"),
            (3, "MINRTY"),
            (3, "LIMENG"),
            (4, "MUNIT"),
            (4, "MOBILE"),
            (4, "CROWD"),
            (4, "NOVEH"),
            (4, "GROUPQ"),
        ],
        reverse=("PCI",),
    ),
    # The 2020 county file released 2022-10-27 (the one our inputs come from)
    # ranked E_HBURD (a count) instead of EP_HBURD; CDC corrected this on
    # 2022-12-22. "2020" reproduces the released file; "2020-corrected" the fix.
    "2020": _vars(
        [
            (1, "POV150"),
            (1, "UNEMP"),
            (1, "HBURD"),
            (1, "NOHSDP"),
            (1, "UNINSUR"),
            (2, "AGE65"),
            (2, "AGE17"),
            (2, "DISABL"),
            (2, "SNGPNT"),
            (2, "LIMENG"),
            (3, "MINRTY"),
            (4, "MUNIT"),
            (4, "MOBILE"),
            (4, "CROWD"),
            (4, "NOVEH"),
            (4, "GROUPQ"),
        ],
        column={"HBURD": "E_HBURD"},
    ),
    "2020-corrected": _vars(
        [
            (1, "POV150"),
            (1, "UNEMP"),
            (1, "HBURD"),
            (1, "NOHSDP"),
            (1, "UNINSUR"),
            (2, "AGE65"),
            (2, "AGE17"),
            (2, "DISABL"),
            (2, "SNGPNT"),
            (2, "LIMENG"),
            (3, "MINRTY"),
            (4, "MUNIT"),
            (4, "MOBILE"),
            (4, "CROWD"),
            (4, "NOVEH"),
            (4, "GROUPQ"),
        ],
    ),
}


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
    cols = [
        c for c in result.columns if c == "FIPS" or c.startswith("EPL_") or c.startswith("RPL_") or c.startswith("F_")
    ]
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
