"""Store accepted uploads in the database so they survive a restart and every app process sees them.

A saved dataset version is one row of the registry (:mod:`store.datasets`: owner, visibility,
versions, trash) plus its contents in the same database (:mod:`store.contents`: areas with
geometry, the tidy table, catalogue and metadata), PostGIS tables on PostgreSQL, the SQLite file
otherwise. The data directory (env ``SOZIALMONITOR_DATA_DIR``, default ``var/`` in the repository
root) keeps only what can be rebuilt::

    sozialmonitor.db                 the database, unless SOZIALMONITOR_DB_URL names a shared server
    cache/datasets/<key>/            per version: boundaries.gpkg, table.csv, catalogue.yaml
                                     (written from the database on first read, :mod:`geo.dataset_cache`)
    ogc/                             the OGC API's collections (:mod:`geo.ogc`)
    datasets/                        only in installations saved by a release before the database held
                                     the contents: moved in at the first start (:mod:`geo.dataset_files`),
                                     then left for the administrator to delete

Saving is crash-safe: the registry row and the contents of a new version are written in one
database transaction; until its commit every dataset saved before is untouched. Replacing keeps the
previous version; removing moves a dataset to the trash (restorable by an admin for 30 days);
:meth:`DataStore.cleanup` forgets what is past that and deletes caches no version names.

Every operation acts as the store's :class:`~store.permissions.User` (given,
else the local user in auth mode ``none``, else anonymous) and is checked by
:mod:`store.permissions`. A ``registry.yaml`` of the first schema is imported on first use
(:mod:`store.legacy`).
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import logging
import os
import re
import shutil
import time
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import yaml
from filelock import FileLock

from geo import saved
from geo.dataset_cache import CACHE, contents_from_frames
from geo.geographies import Geography, shipped_geographies
from geo.saved import default_user
from indicators.catalogue import Indicator, Source
from indicators.errors import SozialmonitorError, msg
from store import config
from store import datasets as registry
from store.contents import Contents, metas
from store.datasets import DatasetRecord, DatasetVersion
from store.errors import StoreError
from store.permissions import User

ROOT = Path(__file__).resolve().parents[2]
ENV_VAR = config.DATA_DIR_VAR
MAX_LABEL = 200  # characters of a dataset label (the registry is read on every page)
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")
STALE_TMP_S = 3600  # a cache being written is renamed into place within seconds; older temp folders are debris
__all__ = ["DataStore", "SaveRequest", "StoredDataset", "data_dir", "safe_name", "shipped_names"]


def data_dir() -> Path:
    """The configured data directory (not created here): :func:`store.config.data_dir`."""
    return config.data_dir()


def shipped_names() -> list[str]:
    """Ids and labels of the shipped geographies, which saved datasets may not imitate."""
    return [t for g in shipped_geographies().values() for t in (g.id, g.label_de, g.label_en) if t]


def startup_cleanup(root: Path | str | None = None) -> list[Path]:
    """At start-up: create the data directory (0700) and remove what a crash left there.

    An unusable directory or database (``OSError``; a project error such as store.db's ``DatabaseError``) must
    not stop the app: it is logged with its traceback. Anything else is a bug and propagates.
    """
    from geo.uploads.workdir import cleanup_stale

    try:
        return DataStore(root).cleanup() + cleanup_stale(root)
    except (OSError, SozialmonitorError):  # the directory, or the database (store.db: DatabaseError), unusable
        logging.getLogger(__name__).exception("data store clean-up failed")
        return []


def safe_name(text: str) -> str:
    """A dataset id from user text: lower-case ASCII, digits, ``_`` and ``-`` only.

    Umlauts are transliterated (``Stadtbezirke Süd`` -> ``stadtbezirke_sued``);
    anything that could form a path (``/``, ``..``, ``\\``) disappears.

    Raises
    ------
    StoreError
        If nothing usable is left.
    """
    s = str(text).strip().lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_-")[:48].strip("_-")
    if not _NAME.fullmatch(s or ""):
        raise StoreError(msg("err_bad_name", text=repr(text)))
    return s


def catalogue_yaml(indicators: Mapping[str, Indicator] | list[Indicator], sources: Mapping[str, Source]) -> str:
    """Catalogue file text readable by :func:`indicators.catalogue.load_catalogue`."""
    inds = list(indicators.values()) if isinstance(indicators, Mapping) else list(indicators)
    entries = []
    for ind in inds:
        d = {k: v for k, v in asdict(ind).items() if k != "extra" and v not in ("", (), None)}
        d["numerator"] = list(ind.numerator)
        d["denominator"] = list(ind.denominator)
        d.update({k: v for k, v in ind.extra.items() if isinstance(v, (str, int, float, bool))})
        if ind.extra.get("parts"):  # total = sum of parts, for secondary suppression
            d["parts"] = [str(p) for p in ind.extra["parts"]]
        entries.append(d)
    srcs = {s.id: {k: v for k, v in asdict(s).items() if k != "id" and v} for s in sources.values()}
    doc = {"sources": srcs, "indicators": entries}
    body: str = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    return "# Written by the Sozialmonitor upload (geo/uploads/datastore.py).\n" + body


@dataclass(frozen=True)
class StoredDataset:
    """One saved dataset as listed by :meth:`DataStore.list`."""

    name: str
    label: str
    meta: dict[str, Any]
    record: DatasetRecord | None = None

    @property
    def owner(self) -> str | None:
        return self.record.owner if self.record else None

    @property
    def public(self) -> bool:
        return bool(self.record and self.record.public)


@dataclass(frozen=True, kw_only=True)
class SaveRequest:
    """A dataset to save with :meth:`DataStore.save`.

    Parameters
    ----------
    name
        Dataset id; passed through :func:`safe_name`; neither it nor ``label_de`` may
        imitate a shipped geography.
    areas
        ``code``, ``name``, geometry (further text columns are kept).
    table
        Tidy ``area_code, year, variable, value``.
    catalogue, sources
        Indicators and their sources for this dataset.
    meta
        Added to the version's metadata (files, check reports, provenance).
    overwrite
        Replace an existing dataset of the same name (its owner or an admin); the previous
        version is kept. Otherwise an existing name is an error.
    public
        Visibility ``öffentlich`` (admins only); else ``intern``.
    audit_details
        Added to the audit entry of the upload (e.g. the provenance of a copy).
    """

    name: str
    label_de: str
    areas: gpd.GeoDataFrame
    table: pd.DataFrame
    catalogue: Mapping[str, Indicator]
    sources: Mapping[str, Source] = field(default_factory=dict)
    label_en: str = ""
    reference_code: str | None = "00"
    attribution: str = ""
    meta: Mapping[str, Any] | None = None
    overwrite: bool = False
    public: bool = False
    audit_details: Mapping[str, Any] | None = None


class DataStore:
    """Saved user datasets in one data directory, as seen and changed by one acting user."""

    def __init__(self, root: Path | str | None = None, user: User | None = None, *, url: str | None = None):
        self.root = Path(root) if root is not None else data_dir()
        self.engine = saved.open_engine(self.root, url)
        self.user = user if user is not None else default_user(self.engine)

    @property
    def registry_path(self) -> Path:
        """The registry file of the previous schema (imported into the database on first use)."""
        return self.root / "registry.yaml"

    def ensure_root(self) -> Path:
        """Create the data directory readable by the service user only (0700)."""
        if not self.root.exists():
            self.root.mkdir(parents=True, mode=0o700)
        with contextlib.suppress(OSError):  # not ours (e.g. a shared mount): leave it
            if self.root.stat().st_uid == os.getuid() and self.root.stat().st_mode & 0o077:
                os.chmod(self.root, 0o700)
        return self.root

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Serialise the clean-up with backups between processes (saving needs no file lock: it is one transaction)."""
        self.ensure_root()
        with FileLock(self.root / ".lock"):  # portable (POSIX and Windows)
            yield

    def _geography(self, rec: DatasetRecord) -> Geography:
        return Geography(**saved.saved_geography(self.engine, self.root, rec).fields())

    def geographies(self) -> dict[str, Geography]:
        """Shipped geographies plus the saved ones this store's user may read."""
        out = shipped_geographies()
        for spec in saved.visible(self.root, user=self.user, engine=self.engine):
            out.setdefault(spec.id, Geography(**spec.fields()))
        return out

    def _stored(self, recs: builtins.list[DatasetRecord]) -> builtins.list[StoredDataset]:
        meta = metas(self.engine, [r.id for r in recs])
        return [StoredDataset(r.name, r.label_de, meta.get(r.id, {}), r) for r in recs]

    def list(self) -> list[StoredDataset]:
        """Saved datasets this store's user may read, oldest first."""
        return self._stored(registry.visible(self.engine, self.user))

    def trash(self) -> builtins.list[StoredDataset]:
        """Datasets in the trash (admins only)."""
        return self._stored(registry.trash(self.engine, self.user))

    def save(self, request: SaveRequest) -> Geography:
        """Save a dataset (registry row and contents in one transaction); return its geography.

        Raises
        ------
        StoreError
            If a label is too long, the name or label imitates a shipped geography, the name exists
            (without ``overwrite``) or is in the trash; :class:`~store.errors.PermissionDenied` if
            the store's user may not upload, replace or publish.
        """
        r = request
        started, gid = time.monotonic(), safe_name(r.name)
        for what, text in (("label_de", r.label_de), ("label_en", r.label_en), ("attribution", r.attribution)):
            if len(str(text or "")) > MAX_LABEL:
                raise StoreError(
                    msg("err_label_too_long", what=msg(f"err_what_{what}"), n=len(str(text)), max=MAX_LABEL)
                )
        version = DatasetVersion(
            name=gid,
            label_de=r.label_de,
            label_en=r.label_en or r.label_de,
            reference_code=r.reference_code,
            attribution=r.attribution,
            visibility="öffentlich" if r.public else "intern",
            overwrite=r.overwrite,
            shipped=tuple(shipped_names()),
            details=dict(r.audit_details or {}),
        )
        registry.precheck(
            self.engine,
            self.user,
            gid,
            r.label_de,
            overwrite=r.overwrite,
            visibility=version.visibility,
            shipped=version.shipped,
        )
        rec = registry.register(self.engine, self.user, replace(version, contents=self._contents(r)))
        from geo.publish import after_change

        after_change(
            root=self.root,
            user=self.user.name,
            action="replace" if r.overwrite else "upload",
            name=gid,
            started=started,
        )
        return self._geography(rec)

    @staticmethod
    def _contents(r: SaveRequest) -> Contents:
        gdf = r.areas.copy()
        gdf["code"] = gdf["code"].astype(str)
        gdf["name"] = gdf["name"].astype(str)
        tidy = r.table[["area_code", "year", "variable", "value"]].copy()
        tidy["year"] = tidy["year"].astype(int)
        info = {
            "label": r.label_de,
            "saved": dt.datetime.now().isoformat(timespec="seconds"),
            "areas": len(gdf),
            "rows": len(tidy),
            **dict(r.meta or {}),
        }
        return contents_from_frames(areas=gdf, table=tidy, catalogue=catalogue_yaml(r.catalogue, r.sources), meta=info)

    def remove(self, name: str) -> bool:
        """Move a saved dataset to the trash (contents kept); False if there was none of that name."""
        with self._changing("remove", name):
            removed = registry.remove(self.engine, self.user, safe_name(name))
        return removed

    def restore(self, name: str) -> Geography:
        """Take a dataset out of the trash (admins only, within 30 days)."""
        with self._changing("restore", name):
            geo = self._geography(registry.restore(self.engine, self.user, safe_name(name)))
        return geo

    def publish(self, name: str, public: bool = True) -> None:
        """Make a dataset ``öffentlich`` or ``intern`` again (admins only)."""
        with self._changing("publish" if public else "unpublish", name):
            registry.set_visibility(self.engine, self.user, safe_name(name), "öffentlich" if public else "intern")

    def _changing(self, action: str, name: str):
        """Log the change and refresh the OGC API after it (:func:`geo.publish.changing`)."""
        from geo.publish import changing

        return changing(root=self.root, user=self.user.name, action=action, name=name)

    def cleanup(self) -> builtins.list[Path]:  # `list` alone would be the method below
        """Forget trash and old versions past 30 days (their contents go with their rows); delete caches
        no version names any more, temp folders of caches older than an hour, and temp files.

        Called once at start-up (:func:`startup_cleanup`); safe at any time. Folders of the old layout
        (``datasets/``) are never touched here: the administrator deletes them after the move.
        """
        with self._locked():
            registry.purge(self.engine)
            base = self.root / CACHE
            listed = [p for p in base.iterdir() if p.is_dir()] if base.exists() else []
            used = {Path(f).name for f in registry.folders(self.engine)}  # after listing: a cache written
            now = time.time()  # meanwhile belongs to a version committed before the listing, so is in `used`
            stale = [p for p in listed if not p.name.startswith(".") and p.name not in used]
            stale += [p for p in listed if p.name.startswith(".") and now - p.stat().st_mtime > STALE_TMP_S]
            for p in stale:
                shutil.rmtree(p, ignore_errors=True)
            temps = [p for p in self.root.glob(".*.tmp*") if p.is_file()]
            for p in temps:
                p.unlink(missing_ok=True)
        return stale + temps
