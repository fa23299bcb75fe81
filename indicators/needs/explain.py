"""Why an area is flagged: the indicators driving it, in numbers and in German."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd


def fmt_de(value: float, decimals: int = 1) -> str:
    """Format a number with a German decimal comma, e.g. ``1,8`` or ``-0,25``."""
    text = f"{value:.{decimals}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace(".", ",")


def _sentence(kind: str, value: float, label: str) -> str:
    if kind == "z":
        word = "überdurchschnittlich" if value > 0 else "unterdurchschnittlich"
        return f"{word}: {label} (z = {fmt_de(value)})"
    return f"hoher Rang: {label} (Perzentil {fmt_de(value, 2)})"


def explain(
    result: pd.DataFrame,
    labels: Mapping[str, str] | None = None,
    only_flagged: bool = True,
    top_n: int = 3,
    min_z: float = 0.5,
    min_percentile: float = 0.75,
) -> pd.DataFrame:
    """Indicators that drive each area's flag.

    Parameters
    ----------
    result
        Output of :func:`indicators.needs.wide.assess` (needs ``z__*`` or ``pct__*``
        and ``contrib__*`` columns).
    labels
        German label per indicator id; the id is used where a label is missing.
    only_flagged
        Explain flagged areas only (default) or every assessed area.
    top_n
        At most this many drivers per area, by contribution.
    min_z, min_percentile
        An indicator counts as a driver only if its signed z-value (or
        percentile) reaches this; if none does, the largest contributor is given.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``indicator``, ``label``, ``kind`` ("z" or "Perzentil"),
        ``value``, ``contribution``, ``sentence``; plus one ``summary`` row per
        area is not added - join the sentences with "; " for a one-line text
        (see :func:`summary`).
    """
    labels = dict(labels or {})
    z_cols = [c for c in result.columns if c.startswith("z__")]
    p_cols = [c for c in result.columns if c.startswith("pct__")]
    kind, cols, cut = ("z", z_cols, min_z) if z_cols else ("Perzentil", p_cols, min_percentile)
    rows = []
    sel = result["flag"] if only_flagged else result["assessed"]
    for _, r in result[sel.fillna(False).astype(bool)].iterrows():
        cands = []
        for c in cols:
            ind = c.split("__", 1)[1]
            contrib_col = f"contrib__{ind}"
            if contrib_col not in result.columns:
                continue  # e.g. MSS dynamics indicators do not drive the status flag
            v, contrib = r[c], r[contrib_col]
            if pd.isna(v):
                continue
            cands.append((ind, float(v), float(contrib)))
        cands.sort(key=lambda t: t[2], reverse=True)
        drivers = [t for t in cands if t[1] >= cut][:top_n] or cands[:1]
        for ind, v, contrib in drivers:
            label = labels.get(ind, ind)
            rows.append(
                {
                    "id": r["id"],
                    "indicator": ind,
                    "label": label,
                    "kind": kind,
                    "value": v,
                    "contribution": contrib,
                    "sentence": _sentence(kind, v, label),
                }
            )
    return pd.DataFrame(rows, columns=["id", "indicator", "label", "kind", "value", "contribution", "sentence"])


def summary(explanations: pd.DataFrame) -> pd.Series:
    """One German line per area: the driver sentences joined with "; "."""
    if explanations.empty:
        return pd.Series(dtype="object")
    return explanations.groupby("id", sort=False)["sentence"].agg("; ".join)
