"""Uploads of boundaries and indicator tables: check, map columns, accept, save.

The upload page (and ``cli.py validate``) call these functions in order:

1. :func:`check_boundaries` / :func:`check_table` read the file and return a
   check object whose ``report`` is shown *before* anything is used;
2. :func:`boundary_areas` (key and name column picked by the user) and
   :func:`recheck_table` (column mapper) redo the validation cheaply;
3. :func:`accept_upload` stores the result via
   :class:`~geo.uploads.store.DataStore`; the new geography then appears
   in ``DataStore.geographies()`` and loads with
   :func:`geo.loading.load_dataset`.

Nothing here imports Streamlit; uploaded files arrive as bytes.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

import geopandas as gpd
import pandas as pd

from geo.geographies import Geography
from geo.loading import load_dataset
from geo.uploads.boundary import (  # noqa: F401
    BoundaryCheck,
    BoundaryResult,
    boundary_areas,
    check_boundaries,
    max_upload_bytes,
    suggest_columns,
)
from geo.uploads.store import DataStore, StoreError
from geo.uploads.table import (  # noqa: F401
    TableCheck,
    UploadError,
    check_table,
    recheck_table,
    resolve_geography,
    stadtteile_from_stadtbezirke,
)
from indicators.catalogue import Indicator, Source, load_catalogue, load_sources
from indicators.ingest.report import USED, WARNING, Report

# --- accept and save --------------------------------------------------------


def rename_variables(indicators: list[Indicator], tidy: pd.DataFrame) -> tuple[list[Indicator], pd.DataFrame]:
    """Give table variables the ids chosen in the forms (``extra["variable"]`` -> ``id``)."""
    renames = {i.extra["variable"]: i.id for i in indicators
               if i.extra.get("variable") and i.extra["variable"] != i.id}
    if not renames:
        return indicators, tidy
    tidy = tidy.assign(variable=tidy["variable"].replace(renames))

    def term(t: str) -> str:
        sign = "-" if t.startswith("-") else ""
        return sign + renames.get(t.lstrip("-"), t.lstrip("-"))

    out = [dataclasses.replace(i, numerator=tuple(map(term, i.numerator)),
                               denominator=tuple(map(term, i.denominator)),
                               extra={**i.extra, **({"parts": [term(p) for p in i.extra["parts"]]}
                                                    if i.extra.get("parts") else {})})
           for i in indicators]
    return out, tidy


def _usable_shipped(catalogue: Mapping[str, Indicator], variables: set[str]) -> dict[str, Indicator]:
    return {k: i for k, i in catalogue.items() if i.inputs() <= variables}


def accept_upload(
    store: DataStore,
    name: str,
    label: str,
    *,
    areas: gpd.GeoDataFrame | None = None,
    tidy: pd.DataFrame | None = None,
    base_geography: str | Geography | None = None,
    indicators: Iterable[Indicator] = (),
    sources: Iterable[Source] = (),
    reports: Iterable[Report] = (),
    overwrite: bool = False,
) -> Geography:
    """Save an accepted upload as a geography and return it.

    Either ``areas`` (a new geography, e.g. from :func:`boundary_areas`) or
    ``base_geography`` (add a table to an existing one: its areas, table and
    catalogue are copied and the new rows added; new values win over old ones
    with the same key). Shipped indicators whose inputs are all present are
    kept in the catalogue, so e.g. shares are recomputed for Stadtbezirke.

    Raises
    ------
    UploadError
        If there is nothing to save or a report rejected its file.
    """
    reports = list(reports)
    bad = [r.summary() for r in reports if not r.ok]
    if bad:
        raise UploadError("nicht übernommen: " + "; ".join(bad))
    tidy = tidy if tidy is not None else pd.DataFrame(columns=["area_code", "year", "variable", "value"])
    tidy = tidy[["area_code", "year", "variable", "value"]]
    catalogue: dict[str, Indicator] = {}
    all_sources: dict[str, Source] = {}
    if areas is None:
        if base_geography is None:
            raise UploadError("weder Grenzen noch eine Geografie für die Tabelle angegeben")
        geo = resolve_geography(base_geography, store)
        ds = load_dataset(geo)
        areas, reference = ds.areas, geo.reference_code
        base = ds.table[["area_code", "year", "variable", "value"]]
        key = ["area_code", "year", "variable"]
        replaced = base.merge(tidy[key], on=key, how="inner")
        if len(replaced):
            for r in reports[-1:]:
                r.add(None, "", f"{len(replaced)} Werte ersetzen vorhandene Werte gleicher Kennung", USED, WARNING)
        base = base.set_index(key).drop(index=pd.MultiIndex.from_frame(replaced[key]), errors="ignore").reset_index()
        tidy = pd.concat([base, tidy], ignore_index=True)
        catalogue.update(ds.catalogue)
        all_sources.update(ds.sources)
        attribution = geo.attribution
    else:
        if areas.empty:
            raise UploadError("keine Flächen zum Speichern")
        reference = "00"
        shipped = load_catalogue()
        catalogue.update(_usable_shipped(shipped, set(tidy["variable"])))
        all_sources.update({k: v for k, v in load_sources().items()
                            if any(i.source == k for i in catalogue.values())})
        attribution = ""
    for s in sources:
        all_sources[s.id] = s
    indicators, tidy = rename_variables(list(indicators), tidy)
    for ind in indicators:
        catalogue[ind.id] = ind
    meta = {"files": [r.file for r in reports], "reports": [r.summary() for r in reports],
            "new_indicators": [i.id for i in indicators]}
    keep = [c for c in ("code", "name", "stadtteil_code", "stadtteil_name") if c in areas.columns]
    try:
        return store.save(name, label, areas[keep + [areas.geometry.name]], tidy, catalogue, all_sources,
                          reference_code=reference, attribution=attribution, meta=meta, overwrite=overwrite)
    except StoreError as exc:
        raise UploadError(str(exc)) from None
