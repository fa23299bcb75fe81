"""The one-time move of datasets saved as folders (releases before migration 0004) into the database.

An older release wrote each saved version to ``<data dir>/datasets/<name>--<stamp>/`` (``boundaries.gpkg``
layer ``areas``, ``table.csv``, ``catalogue.yaml``, ``meta.yaml``) and registered the folder. At the first
start of this release (:func:`geo.saved.open_engine`, so automatically on upgrade) and on
``cli.py data migrate-files``, every registered version without contents in the database is read from
its folder and written in (:func:`store.contents.attach`: under the schema-migration lock, audited as
``migrate``, logged). Idempotent: a version that has its contents is skipped, so a second run moves
nothing. The folders are left where they are; once the move is checked they may be deleted by hand
(the data directory then holds only rebuildable caches).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import yaml
from sqlalchemy import Engine

from geo.dataset_cache import LAYER, contents_from_frames
from geo.read_errors import VECTOR_ERRORS
from store.contents import Contents, Pending, attach, pending

_LOG = logging.getLogger(__name__)
_ACTIONS = logging.getLogger("sozialmonitor.actions")  # the record format of geo.publish.log_change
OLD_FILES = ("boundaries.gpkg", "table.csv", "catalogue.yaml")


@dataclass(frozen=True)
class Moved:
    """One version moved into the database."""

    name: str
    version: int
    folder: str
    areas: int
    values: int


@dataclass(frozen=True)
class FileMigration:
    """What one run moved, what it could not find or read, and how many versions were already in."""

    moved: list[Moved] = field(default_factory=list)
    missing: list[Pending] = field(default_factory=list)
    failed: list[Pending] = field(default_factory=list)


def read_folder(folder: Path) -> Contents:
    """The contents of one dataset folder of the old layout (the tool's own files, not a user's upload)."""
    areas = gpd.read_file(folder / OLD_FILES[0], layer=LAYER)
    table = pd.read_csv(
        folder / OLD_FILES[1], dtype={"area_code": str, "variable": str}, keep_default_na=False, na_values=[""]
    )
    catalogue = (folder / OLD_FILES[2]).read_text(encoding="utf-8")
    meta_file = folder / "meta.yaml"
    meta = yaml.safe_load(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
    areas["code"] = areas["code"].astype(str)
    areas["name"] = areas["name"].astype(str)
    return contents_from_frames(areas=areas, table=table, catalogue=catalogue, meta=meta or {})


# what reading an old folder raises when a file in it is damaged (GDAL, pandas, YAML, a missing column)
READ_ERRORS = (*VECTOR_ERRORS, yaml.YAMLError, KeyError, UnicodeError)


def migrate_files(engine: Engine, root: Path) -> FileMigration:
    """Move every registered version that has its contents only in a folder under ``root`` into the database."""
    out = FileMigration()
    for item in pending(engine):
        folder = Path(root) / item.folder
        inside = folder.resolve().is_relative_to((Path(root) / "datasets").resolve())  # never read elsewhere
        if not inside or not folder.is_dir() or not all((folder / f).is_file() for f in OLD_FILES):
            _LOG.warning(
                "Datensatz %s (Version %s): Ordner %s fehlt oder ist unvollständig; nicht übernommen",
                item.name,
                item.version,
                folder,
            )
            out.missing.append(item)
            continue
        started = time.monotonic()
        try:
            contents = read_folder(folder)
        except READ_ERRORS:  # one damaged folder stops neither the start nor the others
            _LOG.exception("Datensatz %s (Version %s): Ordner %s nicht lesbar", item.name, item.version, folder)
            out.failed.append(item)
            continue
        if attach(engine, item, contents):
            out.moved.append(Moved(item.name, item.version, item.folder, len(contents.areas), len(contents.values)))
            name = f"{item.name}@{item.version}"
            _ACTIONS.info(
                "migrate_files %s ok",
                name,
                extra={
                    "user": "system",
                    "action": "migrate_files",
                    "object": name,
                    "status": "ok",
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
    return out
