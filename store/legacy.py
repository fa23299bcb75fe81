"""Migration from the previous schema: the ``registry.yaml`` of saved datasets (before the database).

On first start the entries move into the ``datasets`` table (owner: the local user, visibility
``intern``, version 1; files stay where they are) and the file is renamed to
``registry.yaml.importiert``, so the import runs once. Entries already in the database are skipped.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import yaml
from filelock import FileLock
from sqlalchemy import Engine, select

from indicators.errors import msg
from store import audit
from store.db import session
from store.errors import StoreError
from store.models import DatasetRow, utcnow
from store.users import local_user

LEGACY_FILE = "registry.yaml"
DONE_SUFFIX = ".importiert"


def import_registry(engine: Engine, root: Path) -> list[str]:
    """Import ``root/registry.yaml`` if present; return the names imported."""
    path = Path(root) / LEGACY_FILE
    if not path.exists():
        return []
    root.mkdir(parents=True, exist_ok=True)
    with FileLock(root / ".lock"):  # two processes starting at once import once (portable lock)
        if not path.exists():
            return []
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise StoreError(msg("err_legacy_unreadable", path=path, detail=exc)) from None
        if not isinstance(doc, dict):
            raise StoreError(msg("err_legacy_format", path=path))
        owner = local_user(engine)
        done = []
        with session(engine) as s:
            for name, spec in doc.items():
                if not isinstance(spec, dict) or "boundaries" not in spec:
                    continue
                if s.scalar(select(DatasetRow.id).where(DatasetRow.name == str(name))) is not None:
                    continue
                label = str(spec.get("label_de") or name)
                s.add(
                    DatasetRow(
                        name=str(name),
                        version=1,
                        label_de=label,
                        label_en=str(spec.get("label_en") or label),
                        owner_id=owner.id,
                        visibility="intern",
                        folder=str(Path(spec["boundaries"]).parent),
                        layer=str(spec.get("layer") or "areas"),
                        reference_code=spec.get("reference_code"),
                        attribution=str(spec.get("attribution") or ""),
                        created=utcnow(),
                    )
                )
                done.append(str(name))
            audit.record(s, "system", "migrate", LEGACY_FILE, {"imported": done})
        with contextlib.suppress(OSError):
            os.replace(path, path.with_name(LEGACY_FILE + DONE_SUFFIX))
        return done
