"""Data that grows: a table uploaded for a saved dataset extends that dataset.

:func:`extendable` says whether a geography can be extended (a saved dataset the
acting user may replace; shipped geographies are never changed), :func:`preview_growth`
what the table would change (new years, new indicators, replaced values) and
:func:`extend_dataset` saves it as the dataset's next version under the same name and
label; the previous version is kept (see :class:`~geo.uploads.datastore.DataStore`).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterable

import pandas as pd

from geo.geographies import Geography, shipped_geographies
from geo.loading import load_dataset
from geo.uploads.datastore import DataStore
from geo.uploads.pipeline import UploadContent, accept_upload, rename_variables
from indicators.catalogue import Indicator, Source
from indicators.ingest.growth import KEY, Growth, describe_growth
from indicators.ingest.report import Report
from store.permissions import allowed


def _saved(store: DataStore, geo_id: str):
    return next((item for item in store.list() if item.name == geo_id), None)


def extendable(store: DataStore, geo: Geography) -> bool:
    """True for a saved (not shipped) dataset that the store's user may replace."""
    if geo.id in shipped_geographies():
        return False
    item = _saved(store, geo.id)
    if item is None or item.record is None:
        return False
    return allowed(store.user, "replace", item.record.owner_id)


def preview_growth(
    geo: Geography, tidy: pd.DataFrame, indicators: Iterable[Indicator] = (), *, store: DataStore | None = None
) -> Growth:
    """What extending ``geo`` with ``tidy`` (and the new ``indicators``) would change.

    The table is compared with the dataset's protected view only: a value on a suppressed
    cell is counted as ``withheld`` and never compared, so the preview cannot say whether a
    guess equals a hidden value. With ``store``, the preview is audited (action ``preview``,
    once per acting user, dataset version and table content in this process).
    """
    indicators, tidy = rename_variables(list(indicators), tidy[["area_code", "year", "variable", "value"]])
    ds = load_dataset(geo)
    shown = ds.protected_table()
    keys = ds.table.keys().assign(year=lambda f: f["year"].astype(int))
    withheld = keys.merge(shown[KEY], on=KEY, how="left", indicator=True)
    withheld = withheld[withheld["_merge"] == "left_only"][KEY]
    growth = describe_growth(shown, tidy, [i.id for i in indicators if i.id not in ds.catalogue], withheld=withheld)
    if store is not None:
        _audit_preview(store, geo, tidy, growth)
    return growth


# previews already audited (a page reruns them on every click)
_AUDITED: OrderedDict[tuple[object, ...], None] = OrderedDict()


def _audit_preview(store: DataStore, geo: Geography, tidy: pd.DataFrame, growth: Growth) -> None:
    from store import audit
    from store.db import session

    item = _saved(store, geo.id)
    digest = hashlib.sha256(pd.util.hash_pandas_object(tidy, index=False).to_numpy().tobytes()).hexdigest()[:16]
    key = (str(store.root), store.user.name, geo.id, item.record.version if item and item.record else None, digest)
    if key in _AUDITED:
        return
    details = {
        "version": key[3],
        "table": digest,
        "rows": len(tidy),
        "withheld": growth.withheld,
        "owner": item.owner if item else None,
    }
    with session(store.engine) as s:
        audit.record(s, store.user, "preview", geo.id, details)
    _AUDITED[key] = None
    while len(_AUDITED) > 1000:
        _AUDITED.popitem(last=False)


def extend_dataset(
    store: DataStore,
    geo: Geography,
    tidy: pd.DataFrame,
    *,
    indicators: Iterable[Indicator] = (),
    sources: Iterable[Source] = (),
    reports: Iterable[Report] = (),
) -> tuple[Geography, Growth]:
    """Save ``geo`` extended by ``tidy`` as its next version (same name and label); returns it and the change.

    Values of the table win over the dataset's values with the same area, year and
    variable; a public dataset stays public when the user may publish.

    Raises
    ------
    geo.uploads.table.UploadError
        If a report rejected its file or the store refuses (German message).
    """
    indicators = list(indicators)
    growth = preview_growth(geo, tidy, indicators, store=store)
    item = _saved(store, geo.id)
    content = UploadContent(tidy=tidy, base_geography=geo, indicators=indicators, sources=sources, reports=reports)
    saved = accept_upload(store, geo.id, geo.label_de, content, overwrite=True)
    if item is not None and item.public and allowed(store.user, "publish"):
        store.publish(saved.id, True)
    return saved, growth
