"""Uploads of boundaries and indicator tables: check, map columns, accept, save.

The upload page (and ``cli.py validate``) call these functions in order:

1. :func:`check_boundaries` / :func:`check_table` read the file and return a
   check object whose ``report`` is shown *before* anything is used;
2. :func:`boundary_areas` (key and name column picked by the user) and
   :func:`recheck_table` (column mapper) redo the validation cheaply;
3. :func:`accept_upload` stores the result via
   :class:`~geo.uploads.datastore.DataStore`; the new geography then appears
   in ``DataStore.geographies()`` and loads with
   :func:`geo.loading.load_dataset`.

Nothing here imports Streamlit; uploaded files arrive as bytes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

import geopandas as gpd
import pandas as pd

from geo.geographies import REGISTRY, Geography, parse_registry
from geo.loading import load_dataset
from geo.uploads.boundary import BoundaryCheck as BoundaryCheck  # re-exported: the one entry of the upload pipeline
from geo.uploads.boundary import BoundaryResult as BoundaryResult
from geo.uploads.boundary import boundary_areas as boundary_areas
from geo.uploads.boundary import check_boundaries as check_boundaries
from geo.uploads.boundary import suggest_columns as suggest_columns
from geo.uploads.datastore import DataStore, SaveRequest, safe_name
from geo.uploads.table import TableCheck as TableCheck
from geo.uploads.table import UploadError as UploadError
from geo.uploads.table import check_table as check_table
from geo.uploads.table import recheck_table as recheck_table
from geo.uploads.table import resolve_geography as resolve_geography
from geo.uploads.table import stadtteile_from_stadtbezirke as stadtteile_from_stadtbezirke
from indicators.catalogue import Indicator, Source, load_catalogue, load_sources
from indicators.dataset import Dataset
from indicators.errors import error_message, msg, rendered
from indicators.ingest.report import USED, WARNING, Report
from indicators.wording.message import Listed
from store.errors import StoreError

# --- accept and save --------------------------------------------------------

PROVENANCE = ("based_on", "based_on_owner", "based_on_version", "view")


def rename_variables(indicators: list[Indicator], tidy: pd.DataFrame) -> tuple[list[Indicator], pd.DataFrame]:
    """Give table variables the ids chosen in the forms (``extra["variable"]`` -> ``id``)."""
    renames = {i.extra["variable"]: i.id for i in indicators if i.extra.get("variable") and i.extra["variable"] != i.id}
    if not renames:
        return indicators, tidy
    tidy = tidy.assign(variable=tidy["variable"].replace(renames))

    def term(t: str) -> str:
        sign = "-" if t.startswith("-") else ""
        return sign + renames.get(t.lstrip("-"), t.lstrip("-"))

    out = [
        dataclasses.replace(
            i,
            numerator=tuple(map(term, i.numerator)),
            denominator=tuple(map(term, i.denominator)),
            extra={**i.extra, **({"parts": [term(p) for p in i.extra["parts"]]} if i.extra.get("parts") else {})},
        )
        for i in indicators
    ]
    return out, tidy


def base_table(store: DataStore, ds: Dataset, *, in_place: bool = False) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The cells a new dataset may take over from ``ds``, and their provenance for the audit log.

    All cells (small counts included) of a shipped geography (its files are public), of the
    acting user's own dataset, or of the dataset itself when it is extended in place (the
    store checks the right to replace it). Of any other saved dataset, public or internal,
    only its protected view (:meth:`indicators.dataset.Dataset.protected_table`), with the
    provenance ``based_on``/``based_on_owner``/``based_on_version``: its owner can withdraw
    the copy (:func:`withdraw_copy`). Empty provenance for the first kind.
    """
    if in_place:  # a copy extended by its owner stays a copy (and withdrawable)
        item = next((d for d in store.list() if d.name == ds.geography.id), None)
        return ds.table.unprotected(), {k: v for k, v in (item.meta if item else {}).items() if k in PROVENANCE}
    provenance = copy_provenance(store, ds.geography.id)
    if not provenance:
        return ds.table.unprotected(), {}
    return ds.protected_table(), provenance


def copy_provenance(store: DataStore, geo_id: str) -> dict[str, Any]:
    """Empty if a new dataset may take all cells of ``geo_id`` (shipped, or the acting user's own);
    else the provenance of a copy of its protected view: ``based_on``, ``based_on_owner``,
    ``based_on_version``, ``view``."""
    item = next((d for d in store.list() if d.name == geo_id), None)
    rec = item.record if item is not None else None
    own = rec is not None and store.user.id is not None and rec.owner_id == store.user.id
    if rec is None and geo_id in parse_registry(REGISTRY) or own:
        return {}
    return {
        "based_on": geo_id,
        "based_on_owner": rec.owner if rec else None,
        "based_on_version": rec.version if rec else None,
        "view": "geschützt",
    }


def withdraw_copy(store: DataStore, name: str) -> str:
    """The owner of a dataset moves a copy based on it to the trash; returns the source's id.

    Raises
    ------
    UploadError
        If ``name`` is no copy of a dataset, or the acting user does not own its source
        (nor is an admin); German message.
    """
    from store import datasets

    gid = safe_name(name)
    item = next((d for d in store.list() if d.name == gid), None)
    source = (item.meta or {}).get("based_on") if item is not None else None
    if not source:
        raise UploadError(msg("err_ds_not_a_copy", name=gid))
    try:
        datasets.withdraw(store.engine, store.user, gid, str(source))
    except StoreError as exc:
        raise UploadError(error_message(exc)) from None
    return str(source)


def _usable_shipped(catalogue: Mapping[str, Indicator], variables: set[str]) -> dict[str, Indicator]:
    return {k: i for k, i in catalogue.items() if i.inputs() <= variables}


@dataclasses.dataclass(frozen=True, kw_only=True, eq=False)
class UploadContent:
    """What an upload brings to :func:`accept_upload`: new areas or the geography it extends, and its table.

    Parameters
    ----------
    areas : geopandas.GeoDataFrame, optional
        The areas of a new geography (e.g. from :func:`boundary_areas`).
    tidy : pandas.DataFrame, optional
        The values in tidy form (``area_code``, ``year``, ``variable``, ``value``).
    base_geography : str or Geography, optional
        The geography a table is added to (its areas, table and catalogue are copied).
    indicators, sources : iterable
        New indicators and their sources (from the forms of the upload page).
    reports : iterable of Report
        The check reports of the files; one that rejected its file blocks the upload.
        Any iterable is kept as a tuple, so one content can be offered twice.
    """

    areas: gpd.GeoDataFrame | None = None
    tidy: pd.DataFrame | None = None
    base_geography: str | Geography | None = None
    indicators: Iterable[Indicator] = ()
    sources: Iterable[Source] = ()
    reports: Iterable[Report] = ()

    def __post_init__(self) -> None:
        for name in ("indicators", "sources", "reports"):  # a generator would be used up by the first save
            object.__setattr__(self, name, tuple(getattr(self, name)))


def accept_upload(
    store: DataStore, name: str, label: str, content: UploadContent, *, overwrite: bool = False
) -> Geography:
    """Save an accepted upload as a geography and return it.

    Either ``content.areas`` (a new geography, e.g. from :func:`boundary_areas`) or
    ``content.base_geography`` (add a table to an existing one: its areas, table and
    catalogue are copied and the new rows added; new values win over old ones
    with the same key). Shipped indicators whose inputs are all present are
    kept in the catalogue, so e.g. shares are recomputed for Stadtbezirke.

    Parameters
    ----------
    store : DataStore
        Where the geography is saved (its user must be allowed to).
    name, label : str
        The dataset's name (made safe with :func:`safe_name`) and its label.
    content : UploadContent
        The areas or the geography extended, the table, new indicators, sources and reports.
    overwrite : bool
        Save a new version of an existing dataset of that name.

    Raises
    ------
    UploadError
        If there is nothing to save or a report rejected its file.
    """
    areas, tidy, base_geography = content.areas, content.tidy, content.base_geography
    indicators, sources, reports = content.indicators, content.sources, content.reports
    reports = list(reports)
    bad = [rendered(r.summary) for r in reports if not r.ok]
    if bad:
        raise UploadError(msg("err_upload_not_taken", reports=Listed(tuple(bad))))
    tidy = tidy if tidy is not None else pd.DataFrame(columns=["area_code", "year", "variable", "value"])
    tidy = tidy[["area_code", "year", "variable", "value"]]
    catalogue: dict[str, Indicator] = {}
    all_sources: dict[str, Source] = {}
    audit_details: dict[str, Any] = {}
    if areas is None:
        if base_geography is None:
            raise UploadError(msg("err_upload_no_base"))
        geo = resolve_geography(base_geography, store)
        ds = load_dataset(geo)
        areas, reference = ds.areas, geo.reference_code
        base, provenance = base_table(store, ds, in_place=overwrite and safe_name(name) == geo.id)
        audit_details = provenance
        if provenance and not (overwrite and safe_name(name) == geo.id):
            for r in reports[-1:]:
                r.add(
                    None, "", msg("dc_copy_note", name=geo.id, owner=provenance["based_on_owner"] or "–"), USED, WARNING
                )
        key = ["area_code", "year", "variable"]
        replaced = base.merge(tidy[key], on=key, how="inner")
        if len(replaced):
            for r in reports[-1:]:
                r.add(None, "", msg("up_values_replaced", n=len(replaced)), USED, WARNING)
        base = base.set_index(key).drop(index=pd.MultiIndex.from_frame(replaced[key]), errors="ignore").reset_index()
        tidy = pd.concat([base, tidy], ignore_index=True)
        catalogue.update(ds.catalogue)
        all_sources.update(ds.sources)
        attribution = geo.attribution
    else:
        if areas.empty:
            raise UploadError(msg("err_upload_no_areas"))
        reference = "00"
        shipped = load_catalogue()
        catalogue.update(_usable_shipped(shipped, set(tidy["variable"])))
        all_sources.update({k: v for k, v in load_sources().items() if any(i.source == k for i in catalogue.values())})
        attribution = ""
    for s in sources:
        all_sources[s.id] = s
    indicators, tidy = rename_variables(list(indicators), tidy)
    for ind in indicators:
        catalogue[ind.id] = ind
    meta = {
        "files": [r.file for r in reports],
        "reports": [r.summary() for r in reports],
        "new_indicators": [i.id for i in indicators],
        **audit_details,
    }
    keep = [c for c in ("code", "name", "stadtteil_code", "stadtteil_name") if c in areas.columns]
    try:
        return store.save(
            SaveRequest(
                name=name,
                label_de=label,
                areas=areas[keep + [areas.geometry.name]],
                table=tidy,
                catalogue=catalogue,
                sources=all_sources,
                reference_code=reference,
                attribution=attribution,
                meta=meta,
                overwrite=overwrite,
                audit_details=audit_details,
            )
        )
    except StoreError as exc:
        raise UploadError(error_message(exc)) from None
