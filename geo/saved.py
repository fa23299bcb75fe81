"""The registry of saved geographies: the datasets the database holds, as geographies a user may read.

Below the uploads (:class:`geo.uploads.datastore.DataStore` fills the database, this module reads it) and
read by :func:`geo.geographies.list_geographies`; so neither of those two imports the other (an
import-linter contract in ``pyproject.toml`` forbids ``geo.geographies`` and this module to import
``geo.uploads``). A saved geography's files are the rebuildable cache of its version
(:mod:`geo.dataset_cache`); opening the store once per process and data directory brings older
installations up to date: the ``registry.yaml`` of the first schema (:mod:`store.legacy`) and the
dataset folders of releases before migration 0004 (:mod:`geo.dataset_files`).
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from geo.dataset_cache import FILES, ensure_cache
from geo.dataset_files import migrate_files
from store import config, datasets, db, legacy
from store.datasets import DatasetRecord
from store.permissions import ANONYMOUS, User

_READY: set[tuple[str, str]] = set()
_LOCK = threading.Lock()


@dataclass(frozen=True)
class SavedGeography:
    """The fields of a :class:`geo.geographies.Geography` for one saved dataset."""

    id: str
    label_de: str
    label_en: str
    boundaries: Path
    layer: str
    table: Path
    catalogue: Path
    reference_code: str | None
    attribution: str

    def fields(self) -> dict[str, Any]:
        """Keyword arguments of ``Geography``."""
        return asdict(self)


def open_engine(root: Path, url: str | None = None) -> Engine:
    """The upgraded engine of the store in ``root``; the first call per process and data directory also
    imports an old ``registry.yaml`` and moves old dataset folders into the database (both idempotent)."""
    engine = db.engine_for(url, root)
    legacy.import_registry(engine, root)
    key = (engine.url.render_as_string(hide_password=True), str(Path(root).resolve()))
    with _LOCK:
        if key not in _READY:
            migrate_files(engine, root)
            _READY.add(key)
    return engine


def default_user(engine: Engine) -> User:
    """Who acts when nobody is named: the local planner in auth mode ``none``, else an anonymous visitor."""
    from store import users

    return users.local_user(engine) if config.auth_mode() == "none" else ANONYMOUS


def saved_geography(engine: Engine, root: Path, rec: DatasetRecord) -> SavedGeography:
    """The geography of the version ``rec``, its cache written if absent."""
    folder = ensure_cache(engine, root, dataset_id=rec.id, key=rec.key)
    return SavedGeography(
        id=rec.name,
        label_de=rec.label_de,
        label_en=rec.label_en,
        boundaries=folder / FILES[0],
        layer=rec.layer,
        table=folder / FILES[1],
        catalogue=folder / FILES[2],
        reference_code=rec.reference_code,
        attribution=rec.attribution,
    )


def visible(
    root: Path | str | None = None, *, user: User | None = None, url: str | None = None, engine: Engine | None = None
) -> list[SavedGeography]:
    """The saved geographies ``user`` (default: :func:`default_user`) may read, oldest first."""
    root = Path(root) if root is not None else config.data_dir()
    engine = engine or open_engine(root, url)
    who = user if user is not None else default_user(engine)
    return [saved_geography(engine, root, rec) for rec in datasets.visible(engine, who)]
