"""Global Empirical-Bayes smoothing of rates (Marshall 1991).

Small areas have noisy rates. The global EB estimate shrinks each raw rate
``r_i = y_i / n_i`` towards the overall rate ``m = sum(y) / sum(n)``:

* ``s2 = sum(n_i * (r_i - m)**2) / sum(n)``
* ``A = s2 - m / (sum(n) / k)`` (the between-area variance; set to 0 if negative)
* ``C_i = A / (A + m / n_i)``
* ``smoothed_i = m + C_i * (r_i - m)``

This is the method-of-moments estimator of Marshall (1991). It equals
``esda.smoothing.Empirical_Bayes`` except that esda does not set a negative
``A`` to 0, which Marshall does (no between-area variance: every area gets ``m``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.catalogue import Indicator
from indicators.errors import InputError, msg


def eb_rates(events: pd.Series, population: pd.Series, factor: float = 1.0) -> pd.DataFrame:
    """Raw and globally EB-smoothed rates side by side.

    Parameters
    ----------
    events
        Event counts per area (numerator).
    population
        Population at risk per area (denominator, > 0).
    factor
        Multiplier of the output rates, e.g. 100 for percent.

    Returns
    -------
    pandas.DataFrame
        ``raw``, ``smoothed`` and ``weight`` (``C_i``, the share of the raw rate
        kept; 1 = no shrinkage), same index as the input. Areas with a missing
        count or a population <= 0 take no part and get NaN.
    """
    y = pd.to_numeric(events, errors="coerce").astype("float64")
    n = pd.to_numeric(population, errors="coerce").astype("float64")
    ok = y.notna() & n.notna() & (n > 0)
    raw = (y / n).where(ok)
    yy, nn, rr = y[ok].to_numpy(), n[ok].to_numpy(), raw[ok].to_numpy()
    out = pd.DataFrame({"raw": raw * factor, "smoothed": np.nan, "weight": np.nan}, index=events.index)
    if len(nn) == 0 or nn.sum() == 0:
        return out
    m = yy.sum() / nn.sum()
    s2 = (nn * (rr - m) ** 2).sum() / nn.sum()
    a = max(s2 - m / (nn.sum() / len(nn)), 0.0)
    denom = a + m / nn
    c = np.divide(a, denom, out=np.zeros_like(denom), where=denom > 0)
    out.loc[ok, "smoothed"] = (m + c * (rr - m)) * factor
    out.loc[ok, "weight"] = c
    return out


def smoothable(ind: Indicator) -> bool:
    """Whether ``ind`` can be EB-smoothed: a rate of one plain count over one population.

    Not a balance (a subtracted numerator term) and not a density (over ``area_km2``).
    """
    return (
        ind.kind == "rate"
        and len(ind.numerator) == 1
        and len(ind.denominator) == 1
        and not ind.numerator[0].startswith("-")
        and ind.denominator[0] != "area_km2"
    )


def smoothed_layer(layer: pd.DataFrame, ind: Indicator) -> pd.DataFrame:
    """A copy of ``layer`` (``value``, ``numerator``, ``denominator``) with EB-smoothed ``value``
    and the values as they were in ``raw``.

    Raises
    ------
    InputError
        If ``ind`` is not :func:`smoothable`.
    """
    if not smoothable(ind):
        raise InputError(msg("err_not_smoothable", indicator=ind.id))
    eb = eb_rates(layer["numerator"], layer["denominator"], ind.factor)
    out = layer.copy()
    out["raw"], out["value"] = layer["value"], eb["smoothed"]
    return out
