"""The registry of saved datasets: versions, owner, visibility, trash; their contents in :mod:`store.contents`.

Every function takes the acting :class:`~store.permissions.User`; reads return only what
that user may see, writes are refused with :class:`~store.errors.PermissionDenied`.
The current version of a name has ``replaced_at`` NULL; replacing keeps the previous
version (row and contents); removing moves the dataset to the trash for ``TRASH_DAYS``.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from indicators.errors import msg
from store import audit, config
from store.contents import Contents
from store.contents import write as write_contents
from store.db import session
from store.errors import StoreError
from store.models import VISIBILITIES, AuditRow, DatasetRow, UserRow, aware, utcnow
from store.permissions import User, allowed, require


@dataclass(frozen=True)
class DatasetRecord:
    """One saved dataset (its current or a trashed version)."""

    name: str
    version: int
    label_de: str
    label_en: str
    owner: str | None
    owner_id: int | None
    visibility: str
    folder: str
    layer: str
    reference_code: str | None
    attribution: str
    created: dt.datetime
    removed_at: dt.datetime | None = None
    id: int = 0

    @property
    def public(self) -> bool:
        return self.visibility == "öffentlich"

    @property
    def key(self) -> str:
        """The version's key ``<name>--<stamp>``: names its cache in the data directory."""
        return PurePosixPath(self.folder).name

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label_de,
            "version": self.version,
            "owner": self.owner,
            "visibility": self.visibility,
            "created": self.created.isoformat(timespec="seconds"),
            "removed_at": self.removed_at.isoformat(timespec="seconds") if self.removed_at else None,
        }


def fold(text: str) -> str:
    """Letters and digits only, lower-case, umlauts transliterated: ``Lübeck – 10 Stadtteile`` ->
    ``luebeck10stadtteile``, the same as for ``luebeck_10_stadtteile``."""
    s = str(text).lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", s)


def check_not_shipped(name: str, label: str, shipped: Iterable[str]) -> None:
    """Refuse a name or label that, normalised by :func:`fold`, equals a shipped geography's id or label."""
    taken = {fold(s) for s in shipped if fold(s)}
    for key, text in (("err_ds_name_like_shipped", name), ("err_ds_label_like_shipped", label)):
        if text and fold(text) in taken:
            raise StoreError(msg(key, text=text))


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _owner_name(s: Session, owner_id: int | None) -> str | None:
    """The name of the owner ``owner_id``; ``None`` without an owner or when the account is gone."""
    owner = s.get(UserRow, owner_id) if owner_id else None
    return owner.name if owner is not None else None


def _record(row: DatasetRow, owner: str | None) -> DatasetRecord:
    return DatasetRecord(
        row.name,
        row.version,
        row.label_de,
        row.label_en,
        owner,
        row.owner_id,
        row.visibility,
        row.folder,
        row.layer,
        row.reference_code,
        row.attribution,
        aware(row.created),
        aware(row.removed_at),
        row.id,
    )


def _may_read(user: User, row: DatasetRow) -> bool:
    return allowed(user, "read_public") if row.visibility == "öffentlich" else allowed(user, "read_internal")


def _current(s: Session, name: str) -> DatasetRow | None:
    return s.scalar(select(DatasetRow).where(DatasetRow.name == name, DatasetRow.replaced_at.is_(None)))


def _query(s: Session, *where: Any) -> list[tuple[DatasetRow, str | None]]:
    q = (
        select(DatasetRow, UserRow.name)
        .outerjoin(UserRow, DatasetRow.owner_id == UserRow.id)
        .where(DatasetRow.replaced_at.is_(None), *where)
        .order_by(DatasetRow.created, DatasetRow.id)
    )
    return [(r, o) for r, o in s.execute(q).all()]


def visible(engine: Engine, actor: User) -> list[DatasetRecord]:
    """Current datasets (not in the trash) ``actor`` may read, oldest first."""
    with session(engine) as s:
        return [_record(r, o) for r, o in _query(s, DatasetRow.removed_at.is_(None)) if _may_read(actor, r)]


def get(engine: Engine, actor: User, name: str) -> DatasetRecord:
    """The current dataset ``name``; :class:`StoreError` if absent, in the trash or not readable by ``actor``."""
    with session(engine) as s:
        rows = _query(s, DatasetRow.name == name, DatasetRow.removed_at.is_(None))
        if not rows or not _may_read(actor, rows[0][0]):
            raise StoreError(msg("err_ds_not_found_or_private", name=name))
        return _record(*rows[0])


def precheck(
    engine: Engine,
    actor: User,
    name: str,
    label: str,
    *,
    overwrite: bool = False,
    visibility: str = "intern",
    shipped: Iterable[str] = (),
) -> None:
    """Refuse early (before the contents are prepared) what :func:`register` would refuse."""
    with session(engine) as s:
        _checks(s, actor, name, label, overwrite, visibility, list(shipped))


def _checks(
    s: Session, actor: User, name: str, label: str, overwrite: bool, visibility: str, shipped: list[str]
) -> DatasetRow | None:
    require(actor, "upload")
    if visibility not in VISIBILITIES:
        raise StoreError(msg("err_unknown_visibility", visibility=repr(visibility), allowed=list(VISIBILITIES)))
    if visibility == "öffentlich":
        require(actor, "publish", what=name)
    check_not_shipped(name, label, shipped)
    old = _current(s, name)
    if old is not None and old.removed_at is not None:
        raise StoreError(msg("err_ds_in_trash", name=name))
    if old is not None:
        if not overwrite:
            raise StoreError(msg("err_ds_exists", name=name))
        require(actor, "replace", old.owner_id, what=name)
    return old


@dataclass(frozen=True, kw_only=True)
class DatasetVersion:
    """A new version of a dataset as :func:`register` records it.

    ``overwrite`` replaces the current version of ``name`` (its owner or an admin); ``shipped``: ids and
    labels of the shipped geographies, which the name and label may not imitate; ``details``: added to
    the audit entry (e.g. the provenance of a copy: ``based_on``, ``based_on_owner``); ``contents``: the
    areas, values and documents, written in the same transaction (None: a registry row only, as in
    tests of rights); ``key``: the version's key (default ``<name>--<time>-<random>``).
    """

    name: str
    label_de: str
    label_en: str = ""
    layer: str = "areas"
    reference_code: str | None = "00"
    attribution: str = ""
    visibility: str = "intern"
    overwrite: bool = False
    shipped: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict)
    contents: Contents | None = None
    key: str = ""


def new_key(name: str) -> str:
    """A fresh version key ``<name>--<UTC time>-<random>``."""
    return f"{name}--{utcnow().strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"


def register(engine: Engine, actor: User, version: DatasetVersion) -> DatasetRecord:
    """Record ``version`` (with its contents, in one transaction) as the new current version of its name.

    Replacing keeps the previous version (row and contents); the owner stays the first uploader.
    Audited as upload/replace, with ``version.details`` in the same entry.
    """
    v, name = version, version.name
    try:
        with session(engine) as s:
            old = _checks(s, actor, name, v.label_de, v.overwrite, v.visibility, list(v.shipped))
            now = utcnow()
            number = (s.scalar(select(func.max(DatasetRow.version)).where(DatasetRow.name == name)) or 0) + 1
            if old is not None:
                old.replaced_at = now
                s.flush()
            row = DatasetRow(
                name=name,
                version=number,
                label_de=v.label_de,
                label_en=v.label_en or v.label_de,
                folder=v.key or new_key(name),
                visibility=v.visibility,
                layer=v.layer,
                reference_code=v.reference_code,
                attribution=v.attribution,
                owner_id=old.owner_id if old is not None else actor.id,
                created=now,
            )
            s.add(row)
            s.flush()
            if v.contents is not None:
                write_contents(s, row.id, v.contents)
            audit.record(
                s,
                actor,
                "replace" if old is not None else "upload",
                name,
                {**dict(v.details), "version": number, "label": v.label_de, "visibility": v.visibility},
            )
            owner = _owner_name(s, row.owner_id)
            return _record(row, owner)
    except IntegrityError:  # another process registered the same name at the same moment
        raise StoreError(msg("err_ds_saved_elsewhere", name=name)) from None


def set_visibility(engine: Engine, actor: User, name: str, visibility: str) -> None:
    """Publish (``öffentlich``) or withdraw (``intern``) a dataset (admins only); audited."""
    require(actor, "publish", what=name)
    if visibility not in VISIBILITIES:
        raise StoreError(msg("err_unknown_visibility", visibility=repr(visibility), allowed=list(VISIBILITIES)))
    with session(engine) as s:
        row = _current(s, name)
        if row is None or row.removed_at is not None:
            raise StoreError(msg("err_ds_not_found", name=name))
        row.visibility = visibility
        audit.record(s, actor, "publish" if visibility == "öffentlich" else "unpublish", name)


def remove(engine: Engine, actor: User, name: str) -> bool:
    """Move a dataset to the trash (own: planner; any: admin); False if there is none; audited."""
    with session(engine) as s:
        row = _current(s, name)
        if row is None or row.removed_at is not None or not _may_read(actor, row):
            return False
        require(actor, "remove", row.owner_id, what=name)
        row.removed_at, row.removed_by = utcnow(), actor.id
        audit.record(s, actor, "remove", name, {"version": row.version})
    return True


def copies_of(engine: Engine, source: str) -> list[str]:
    """Current datasets whose audited upload or replace names ``source`` as its base (``based_on``)."""
    with session(engine) as s:
        rows = s.scalars(select(AuditRow).where(AuditRow.action.in_(("upload", "replace")))).all()
        names = {r.object for r in rows if (r.details or {}).get("based_on") == source}
        return sorted(n for n in names if (row := _current(s, n)) is not None and row.removed_at is None)


def withdraw(engine: Engine, actor: User, name: str, source: str) -> None:
    """The owner of ``source`` moves ``name``, a copy based on it, to the trash; audited as remove.

    Raises
    ------
    PermissionDenied
        If ``actor`` owns no current ``source`` (admins may withdraw any copy).
    StoreError
        If ``name`` is no current copy of ``source`` (by the audit log).
    """
    with session(engine) as s:
        src = _current(s, source)
        require(actor, "remove", src.owner_id if src is not None else None, what=source)
    if name not in copies_of(engine, source):
        raise StoreError(msg("err_ds_not_based_on", name=name, source=source))
    with session(engine) as s:
        row = _current(s, name)
        if row is None:  # removed by someone else between the two sessions
            raise StoreError(msg("err_ds_gone", name=name))
        row.removed_at, row.removed_by = utcnow(), actor.id
        audit.record(s, actor, "remove", name, {"version": row.version, "withdrawn_from": source})


def trash(engine: Engine, actor: User) -> list[DatasetRecord]:
    """Datasets in the trash, newest removal first (admins only)."""
    require(actor, "restore")
    with session(engine) as s:
        rows = _query(s, DatasetRow.removed_at.is_not(None))
        return sorted((_record(r, o) for r, o in rows), key=lambda d: d.removed_at or _EPOCH, reverse=True)


def restore(engine: Engine, actor: User, name: str, *, now: dt.datetime | None = None) -> DatasetRecord:
    """Take a dataset out of the trash (admins only, within ``TRASH_DAYS``); audited."""
    require(actor, "restore", what=name)
    now = now or utcnow()
    with session(engine) as s:
        row = _current(s, name)
        if row is None or row.removed_at is None:
            raise StoreError(msg("err_ds_not_in_trash", name=name))
        if aware(row.removed_at) < now - dt.timedelta(days=config.TRASH_DAYS):
            raise StoreError(msg("err_ds_trash_expired", name=name, days=config.TRASH_DAYS))
        row.removed_at, row.removed_by = None, None
        audit.record(s, actor, "restore", name, {"version": row.version})
        owner = _owner_name(s, row.owner_id)
        return _record(row, owner)


def purge(engine: Engine, *, now: dt.datetime | None = None) -> list[str]:
    """Forget datasets longer than ``TRASH_DAYS`` in the trash, and replaced versions older than that
    except the latest previous one (their contents go with them); return their keys (``folder``)."""
    cutoff = (now or utcnow()) - dt.timedelta(days=config.TRASH_DAYS)
    folders: list[str] = []
    with session(engine) as s:
        expired = s.scalars(
            select(DatasetRow).where(DatasetRow.replaced_at.is_(None), DatasetRow.removed_at < cutoff)
        ).all()
        for cur in expired:
            for row in s.scalars(select(DatasetRow).where(DatasetRow.name == cur.name)).all():
                folders.append(row.folder)
                s.delete(row)
            audit.record(s, "system", "purge", cur.name)
        replaced = s.scalars(
            select(DatasetRow)
            .where(DatasetRow.replaced_at < cutoff)
            .order_by(DatasetRow.name, DatasetRow.version.desc())
        ).all()
        latest_previous: set[str] = set()
        for row in replaced:
            if row.name not in latest_previous:
                latest_previous.add(row.name)  # newest replaced version of this name: kept
                continue
            folders.append(row.folder)
            s.delete(row)
    return folders


def folders(engine: Engine) -> set[str]:
    """The key (``folder``) of every version: current, previous or trashed."""
    with session(engine) as s:
        return set(s.scalars(select(DatasetRow.folder)).all())
