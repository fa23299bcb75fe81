"""Store accepted uploads on disk so they survive a restart.

Layout of the data directory (env ``SOZIALMONITOR_DATA_DIR``, default
``var/`` in the repository root)::

    sozialmonitor.db                 the registry (store/: owner, visibility, versions, trash), unless
                                     SOZIALMONITOR_DB_URL names a shared server
    datasets/<name>--<version>/      one folder per saved version
        boundaries.gpkg              layer "areas": code, name, geometry (EPSG:25832)
        table.csv                    tidy: area_code, year, variable, value
        catalogue.yaml               sources + indicators (indicators/catalogue.py format)
        meta.yaml                    who/what/when, validation summary

Saving is crash-safe: a new version is written completely into a fresh
folder, then registered in one database transaction. Until that commit every
dataset saved before is untouched. Replacing keeps the previous version;
removing moves a dataset to the trash (restorable by an admin for 30 days);
:meth:`DataStore.cleanup` deletes what the registry no longer points to.

Every operation acts as the store's :class:`~store.permissions.User` (given,
else the local user in auth mode ``none``, else anonymous) and is checked by
:mod:`store.permissions`. A ``registry.yaml`` of the previous schema is
imported on first use (:mod:`store.legacy`).
"""
from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import logging
import os
import re
import secrets
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd
import yaml
from filelock import FileLock

from geo.geographies import REGISTRY, Geography, parse_registry
from indicators.catalogue import Indicator, Source
from indicators.errors import msg
from store import config
from store.errors import StoreError
from store.permissions import ANONYMOUS, User

if TYPE_CHECKING:
    from store.datasets import DatasetRecord

ROOT = Path(__file__).resolve().parents[2]
ENV_VAR = config.DATA_DIR_VAR
LAYER = "areas"
MAX_LABEL = 200  # characters of a dataset label (the registry is read on every page)
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")
__all__ = ["DataStore", "StoreError", "StoredDataset", "atomic_write", "atomic_write_text", "data_dir", "safe_name"]


def data_dir() -> Path:
    """The configured data directory (not created here): :func:`store.config.data_dir`."""
    return config.data_dir()


def default_user(engine) -> User:
    """Who acts when nobody is named: the local planner in auth mode ``none``, else an anonymous visitor."""
    from store import users

    return users.local_user(engine) if config.auth_mode() == "none" else ANONYMOUS


def _registry():
    """store.datasets, imported on first use (SQLAlchemy is not needed to import this module)."""
    from store import datasets

    return datasets


def shipped_names() -> list[str]:
    """Ids and labels of the shipped geographies, which saved datasets may not imitate."""
    return [t for g in parse_registry(REGISTRY).values() for t in (g.id, g.label_de, g.label_en) if t]


def startup_cleanup(root: Path | str | None = None) -> list[Path]:
    """At start-up: create the data directory (0700) and remove what a crash left there.

    Never raises (a read-only or missing data directory must not stop the app);
    a failure is logged with its traceback.
    """
    try:
        from geo.uploads.workdir import cleanup_stale

        return DataStore(root).cleanup() + cleanup_stale(root)
    except Exception:
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


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Create ``path`` via ``write(tmp)`` on a temp file in the same folder, then rename.

    If ``write`` fails, the temp file is removed and ``path`` is unchanged.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp" + path.suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()  # some writers (GDAL) refuse to overwrite an existing file
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    """Write text (UTF-8) atomically."""
    def write(p: Path) -> None:
        p.write_text(text, encoding="utf-8")

    atomic_write(path, write)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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
    return "# Written by the Sozialmonitor upload (geo/uploads/store.py).\n" + yaml.safe_dump(
        doc, allow_unicode=True, sort_keys=False)


@dataclass(frozen=True)
class StoredDataset:
    """One saved dataset as listed by :meth:`DataStore.list`."""

    name: str
    label: str
    folder: Path
    meta: dict
    record: DatasetRecord | None = None

    @property
    def owner(self) -> str | None:
        return self.record.owner if self.record else None

    @property
    def public(self) -> bool:
        return bool(self.record and self.record.public)


class DataStore:
    """Saved user datasets in one data directory, as seen and changed by one acting user."""

    def __init__(self, root: Path | str | None = None, user: User | None = None, *, url: str | None = None):
        from store import db, legacy

        self.root = Path(root) if root is not None else data_dir()
        self.engine = db.engine_for(url, self.root)
        legacy.import_registry(self.engine, self.root)
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
        """Serialise file writes and cleanup between sessions and processes."""
        self.ensure_root()
        with FileLock(self.root / ".lock"):  # portable (POSIX and Windows)
            yield

    def _geography(self, rec: DatasetRecord) -> Geography:
        folder = self.root / rec.folder
        return Geography(id=rec.name, label_de=rec.label_de, label_en=rec.label_en, boundaries=folder / "boundaries.gpkg",
                         layer=rec.layer, table=folder / "table.csv", catalogue=folder / "catalogue.yaml",
                         reference_code=rec.reference_code, attribution=rec.attribution)

    def geographies(self) -> dict[str, Geography]:
        """Shipped geographies plus the saved ones this store's user may read."""
        out = parse_registry(REGISTRY)
        for rec in _registry().visible(self.engine, self.user):
            out.setdefault(rec.name, self._geography(rec))
        return out

    def _stored(self, rec: DatasetRecord) -> StoredDataset:
        folder = self.root / rec.folder
        meta_file = folder / "meta.yaml"
        meta = yaml.safe_load(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        return StoredDataset(rec.name, rec.label_de, folder, meta or {}, rec)

    def list(self) -> list[StoredDataset]:
        """Saved datasets this store's user may read, oldest first."""
        return [self._stored(rec) for rec in _registry().visible(self.engine, self.user)]

    def trash(self) -> builtins.list[StoredDataset]:
        """Datasets in the trash (admins only)."""
        return [self._stored(rec) for rec in _registry().trash(self.engine, self.user)]

    def save(  # noqa: PLR0913 (loose parameters, to group in a value object, issue #25)
        self,
        name: str,
        label_de: str,
        areas: gpd.GeoDataFrame,
        table: pd.DataFrame,
        catalogue: Mapping[str, Indicator],
        sources: Mapping[str, Source],
        *,
        label_en: str = "",
        reference_code: str | None = "00",
        attribution: str = "",
        meta: Mapping | None = None,
        overwrite: bool = False,
        public: bool = False,
        audit_details: Mapping | None = None,
        _after_files: Callable[[], None] | None = None,
    ) -> Geography:
        """Save a dataset and register it as a geography; return that geography.

        Parameters
        ----------
        name
            Dataset id; passed through :func:`safe_name`; neither it nor ``label_de`` may
            imitate a shipped geography.
        areas
            ``code``, ``name``, geometry (any extra columns are kept).
        table
            Tidy ``area_code, year, variable, value``.
        catalogue, sources
            Indicators and their sources for this dataset.
        overwrite
            Replace an existing dataset of the same name (its owner or an admin); the previous
            version is kept. Otherwise an existing name is an error.
        public
            Visibility ``öffentlich`` (admins only); else ``intern``.
        audit_details
            Added to the audit entry of the upload (e.g. the provenance of a copy).
        """
        started, gid = time.monotonic(), safe_name(name)
        for what, text in (("label_de", label_de), ("label_en", label_en), ("attribution", attribution)):
            if len(str(text or "")) > MAX_LABEL:
                raise StoreError(msg("err_label_too_long", what=msg(f"err_what_{what}"), n=len(str(text)), max=MAX_LABEL))
        visibility = "öffentlich" if public else "intern"
        checks = {"overwrite": overwrite, "visibility": visibility, "shipped": shipped_names()}
        _registry().precheck(self.engine, self.user, gid, label_de, **checks)
        version = dt.datetime.now().strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
        rel = Path("datasets") / f"{gid}--{version}"
        folder = self.root / rel
        with self._locked():
            folder.mkdir(parents=True)
            try:
                self._write_files(folder, areas, table, catalogue, sources, meta, label_de)
                if _after_files:
                    _after_files()  # test hook: simulate a crash before the commit
                rec = _registry().register(self.engine, self.user, gid, label_de, str(rel), **checks,
                                           label_en=label_en or label_de, layer=LAYER,
                                           reference_code=reference_code, attribution=attribution,
                                           details=dict(audit_details or {}))
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
        from geo.publish import after_change

        after_change(root=self.root, user=self.user.name, action="replace" if overwrite else "upload", name=gid,
                     started=started)
        return self._geography(rec)

    def _write_files(self, folder: Path, areas: gpd.GeoDataFrame, table: pd.DataFrame,
                     catalogue: Mapping[str, Indicator], sources: Mapping[str, Source],
                     meta: Mapping | None, label: str) -> None:
        gdf = areas.copy()
        gdf["code"] = gdf["code"].astype(str)
        gdf["name"] = gdf["name"].astype(str)
        atomic_write(folder / "boundaries.gpkg", lambda p: gdf.to_file(p, layer=LAYER, driver="GPKG"))
        tidy = table[["area_code", "year", "variable", "value"]].copy()
        tidy["year"] = tidy["year"].astype(int)
        atomic_write(folder / "table.csv", lambda p: tidy.to_csv(p, index=False, float_format="%.10g"))
        atomic_write_text(folder / "catalogue.yaml", catalogue_yaml(catalogue, sources))
        info = {"label": label, "saved": dt.datetime.now().isoformat(timespec="seconds"),
                "areas": len(gdf), "rows": len(tidy), **dict(meta or {})}
        atomic_write_text(folder / "meta.yaml", yaml.safe_dump(info, allow_unicode=True, sort_keys=False))

    def remove(self, name: str) -> bool:
        """Move a saved dataset to the trash (files kept); False if there was none of that name."""
        with self._changing("remove", name):
            removed = _registry().remove(self.engine, self.user, safe_name(name))
        return removed

    def restore(self, name: str) -> Geography:
        """Take a dataset out of the trash (admins only, within 30 days)."""
        with self._changing("restore", name):
            geo = self._geography(_registry().restore(self.engine, self.user, safe_name(name)))
        return geo

    def publish(self, name: str, public: bool = True) -> None:
        """Make a dataset ``öffentlich`` or ``intern`` again (admins only)."""
        with self._changing("publish" if public else "unpublish", name):
            _registry().set_visibility(self.engine, self.user, safe_name(name), "öffentlich" if public else "intern")

    def _changing(self, action: str, name: str):
        """Log the change and refresh the OGC API after it (:func:`geo.publish.changing`)."""
        from geo.publish import changing

        return changing(root=self.root, user=self.user.name, action=action, name=name)

    def cleanup(self) -> builtins.list[Path]:  # `list` alone would be the method below
        """Forget trash and old versions past 30 days; delete what a crash left: dataset folders the
        registry does not point to, and temp files.

        Called once at start-up (:func:`startup_cleanup`); safe at any time, since
        saving holds the same lock.
        """
        with self._locked():
            _registry().purge(self.engine)
            used = {Path(f).name for f in _registry().folders(self.engine)}
            base = self.root / "datasets"
            stale = [p for p in base.iterdir() if p.is_dir() and p.name not in used] if base.exists() else []
            for p in stale:
                shutil.rmtree(p, ignore_errors=True)
            temps = [p for p in self.root.glob(".*.tmp*") if p.is_file()]
            if base.exists():
                temps += [p for p in base.glob("*/.*.tmp*") if p.is_file()]
            for p in temps:
                p.unlink(missing_ok=True)
        return stale + temps

    def _delete_folder(self, rel: Path) -> None:
        folder = (self.root / rel).resolve()
        base = (self.root / "datasets").resolve()
        if folder.parent == base:  # never delete anything outside datasets/
            shutil.rmtree(folder, ignore_errors=True)
