"""Need assessment of a loaded geography: the glue between a Dataset and
:func:`indicators.needs.wide.assess` (which works on any wide table).

The default set-up per geography: the method its metadata names (``need_method`` in
``shapes/geographies.yaml``; Berlin's MSS example: ``mss``, on the S (status) and D
(dynamics) indicators of the edition), else ``z`` on every catalogue indicator that has a
need direction (up/down); each method's record decides its indicators
(:attr:`indicators.needs.method.NeedMethod.default_indicators`). Indicators with a fixed
``reference_year`` in the catalogue (the Zensus 2011 indicators of Lübeck) take part with
that year's values.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from indicators.compute.classify import Classification, classify
from indicators.dataset import Dataset
from indicators.needs.explain import explain
from indicators.needs.registry import geography_method, need_method
from indicators.needs.robustness import robustness
from indicators.needs.wide import assess
from indicators.schemes import NEED_SCHEMES
from indicators.wording.voice import GERMAN, Voice

POPULATION_VARIABLES = ("population_total", "inhabitants")


@dataclass
class NeedSetup:
    """What to assess and how."""

    method: str
    indicators: list[str]
    dynamic_indicators: list[str] = field(default_factory=list)
    directions: dict[str, int] = field(default_factory=dict)
    weights: dict[str, float] | None = None
    params: dict[str, Any] = field(default_factory=dict)


def need_frame(ds: Dataset, year: int, indicators: list[str]) -> pd.DataFrame:
    """One row per area: ``id``, ``population`` and the indicator values of ``year``."""
    ref = ds.geography.reference_code
    # indicators of a fixed reference year (catalogue ``reference_year``, e.g. Zensus 2011) keep that year
    fixed = {
        i: int(ds.catalogue[i].extra["reference_year"])
        for i in indicators
        if i in ds.catalogue and ds.catalogue[i].extra.get("reference_year")
    }
    at_year = ds.values["indicator"].map(fixed).fillna(year) == ds.values["year"]
    v = ds.values[at_year & (ds.values["area_code"] != ref)]
    wide = v.pivot_table(index="area_code", columns="indicator", values="value", aggfunc="first")
    wide = wide.reindex(ds.areas["code"])
    out = pd.DataFrame({"id": ds.areas["code"].to_numpy()})
    raw = ds.table.unprotected()  # residents as weights of the need scores
    pop = raw[(raw["year"] == year) & raw["variable"].isin(POPULATION_VARIABLES)]
    pop = pop.groupby("area_code")["value"].first()
    out["population"] = pop.reindex(out["id"]).to_numpy()
    for ind in indicators:
        out[ind] = wide[ind].to_numpy() if ind in wide else np.nan
    return out


def default_setup(ds: Dataset, year: int) -> NeedSetup:
    """The documented default for a geography (see module docstring)."""
    available = set(ds.values[ds.values["year"] == year]["indicator"])
    # social indicators of a fixed reference year (Zensus 2011) are used for every year, dated in their label
    available |= {
        i
        for i, ind in ds.catalogue.items()
        if ind.extra.get("reference_year")
        and i in set(ds.values[ds.values["year"] == int(ind.extra["reference_year"])]["indicator"])
    }
    method = geography_method(ds.geography)
    chosen = need_method(method).default_indicators(catalogue=ds.catalogue, available=available)
    return NeedSetup(method, list(chosen.indicators), list(chosen.dynamic), dict(chosen.directions))


def needs_setup(
    ds: Dataset,
    year: int,
    *,
    method: str | None = None,
    indicators: Sequence[str] | None = None,
    threshold: float | None = None,
) -> NeedSetup:
    """The default set-up of ``ds`` (:func:`default_setup`) with a user's choices.

    Another ``method`` keeps the dynamic indicators only if it uses them; other ``indicators``
    keep their default directions (an indicator without one counts upwards, +1); a ``threshold``
    replaces the method's preset flag threshold. What the Bedarfslagen and Strategie pages,
    the sandbox and ``cli.py needs`` assess.
    """
    setup = default_setup(ds, year)
    if method is not None and method != setup.method:
        dynamic = setup.dynamic_indicators if need_method(method).uses_dynamic else []
        setup = dataclasses.replace(setup, method=method, dynamic_indicators=dynamic)
    if indicators is not None:
        chosen = list(indicators)
        directions = {i: setup.directions.get(i, 1) for i in [*chosen, *setup.dynamic_indicators]}
        setup = dataclasses.replace(setup, indicators=chosen, directions=directions)
    if threshold is not None:
        setup = dataclasses.replace(setup, params={**setup.params, "flag_threshold": float(threshold)})
    return setup


def run_needs(
    ds: Dataset, year: int, setup: NeedSetup, with_robustness: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame | None]:
    """Assess, explain and (optionally) test the robustness of the flags.

    Returns
    -------
    (result, explanations, robustness)
        ``result`` as from :func:`indicators.needs.wide.assess` plus ``name``;
        ``explanations`` one row per driving indicator of a flagged area;
        ``robustness`` share of scenarios keeping each area's flag.
    """
    cols = setup.indicators + setup.dynamic_indicators
    df = need_frame(ds, year, cols)
    params = dict(setup.params)
    if need_method(setup.method).uses_dynamic and setup.dynamic_indicators:
        params["dynamic_indicators"] = setup.dynamic_indicators
    result = assess(
        df,
        setup.method,
        setup.indicators,
        population_col="population",
        directions=setup.directions,
        weights=setup.weights,
        **params,
    )
    result.insert(1, "name", ds.areas["name"].to_numpy())
    labels = {i: ds.catalogue[i].label_de for i in cols if i in ds.catalogue}
    expl = explain(result, labels)
    rob = None
    if with_robustness:
        rob = robustness(
            df,
            setup.indicators,
            base_method=setup.method,
            population_col="population",
            directions=setup.directions,
            weights=setup.weights,
        )
    return result, expl, rob


def need_classes(result: pd.DataFrame, method: str, *, voice: Voice = GERMAN) -> Classification:
    """Map classes of an assessment: the method's named classes (MSS), else score bands.

    ``result`` is the output of :func:`run_needs`; its ``score`` is what the
    map shows. A method with named classes (:attr:`NeedMethod.classes`, e.g. the MSS
    status classes, so a score exactly on a cut point lands where the method puts it)
    is labelled by name; areas not assessed are no data. Other methods are banded at
    their :attr:`NeedMethod.score_breaks`.
    """
    score = result["score"].astype(float)
    m = need_method(method)
    if m.classes is not None:
        idx, names_de, names_en = m.classes(result)
        base = classify(
            idx.where(idx >= 0).astype(float),
            "manual",
            breaks=list(range(len(names_de))),
            palette="YlOrRd",
            lang=voice.lang,
        )
        names = voice.pick((names_de, names_en))
        counts = tuple(int((idx == i).sum()) for i in range(len(names)))
        return dataclasses.replace(
            base, classes=pd.Series(idx.to_numpy(), index=result.index), labels=names, counts=counts, scheme="need_mss"
        )
    lo, hi = float(np.nanmin(score)), float(np.nanmax(score))
    cuts = [b for b in m.score_breaks if lo < b < hi]
    cls = classify(score, "manual", breaks=[*cuts, hi], palette="YlOrRd", decimals=2, lang=voice.lang)
    # the method fixes these classes: the legend names them, not "Eigene Klassengrenzen"
    return dataclasses.replace(cls, scheme=f"need_{method}" if f"need_{method}" in NEED_SCHEMES else cls.scheme)
