"""Tables of the store (SQLAlchemy 2, typed declarative mapping).

Other packages declare their tables on the same :class:`Base` (so they may refer to
``users.id``) and create them by their own Alembic migration.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, get_args, overload

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from indicators.types import Role, Visibility

ROLES: tuple[str, ...] = get_args(Role)
VISIBILITIES: tuple[str, ...] = get_args(Visibility)


def utcnow() -> dt.datetime:
    """Now, timezone-aware UTC (stored as such on every backend)."""
    return dt.datetime.now(dt.UTC)


@overload
def aware(t: dt.datetime) -> dt.datetime: ...
@overload
def aware(t: None) -> None: ...
@overload
def aware(t: dt.datetime | None) -> dt.datetime | None: ...
def aware(t: dt.datetime | None) -> dt.datetime | None:
    """``t`` with UTC as its zone when it has none (SQLite gives naive datetimes back)."""
    return t.replace(tzinfo=dt.UTC) if t is not None and t.tzinfo is None else t


class Base(DeclarativeBase):
    """Declarative base of every table of the tool."""

    type_annotation_map = {dt.datetime: DateTime(timezone=True)}


class UserRow(Base):
    """An account: local (argon2 hash), OIDC (no hash) or the local user of mode ``none``."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('viewer', 'planner', 'admin')", name="ck_users_role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(String(255), default=None)
    source: Mapped[str] = mapped_column(String(16), default="local")
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(default=None)
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login: Mapped[dt.datetime | None] = mapped_column(default=None)


class DatasetRow(Base):
    """One saved version of a dataset; the current one has ``replaced_at`` NULL.

    Its contents are rows of :class:`DatasetAreaRow`, :class:`DatasetValueRow` and
    :class:`DatasetDocumentRow` (removed with it). ``folder`` is the version's key
    (``<name>--<stamp>``; ``datasets/<name>--<stamp>`` for versions saved as files before
    migration 0004): it names the rebuildable cache of the version in the data directory.
    """

    __tablename__ = "datasets"
    __table_args__ = (
        UniqueConstraint("name", "version", name="uq_datasets_name_version"),
        CheckConstraint("visibility IN ('intern', 'öffentlich')", name="ck_datasets_visibility"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(48), index=True)
    version: Mapped[int] = mapped_column(Integer)
    label_de: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200), default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    visibility: Mapped[str] = mapped_column(String(16), default="intern")
    folder: Mapped[str] = mapped_column(String(255))
    layer: Mapped[str] = mapped_column(String(64), default="areas")
    reference_code: Mapped[str | None] = mapped_column(String(32), default="00")
    attribution: Mapped[str] = mapped_column(String(1000), default="")
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)
    replaced_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    removed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    removed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)


class AuditRow(Base):
    """One entry of the append-only audit log (UPDATE and DELETE refused by triggers; hash-chained)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    time: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    user_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32), index=True)
    object: Mapped[str] = mapped_column(String(200), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # the chain (store.audit.entry_hash): the previous entry's hash, and the hash of that plus this entry
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    entry_hash: Mapped[str] = mapped_column(String(64), default="")


class AuthSessionRow(Base):
    """A login that a reload or an opened link may resume: only the SHA-256 of its random token is stored.

    Ended (``revoked_at`` set) by logout, idle timeout, the absolute lifetime, and a change of its
    user's role or password; removed with its user.
    """

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    previous_hash: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    rotated_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    client_hash: Mapped[str] = mapped_column(String(64), default="")
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class DatasetAreaRow(Base):
    """One area of a dataset version: code, name, geometry (EPSG:25832, WKB; on PostgreSQL with PostGIS
    the column is ``geometry(MultiPolygon, 25832)``, see :mod:`store.contents`), further columns in ``props``."""

    __tablename__ = "dataset_areas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(Text, default="")
    geom: Mapped[bytes] = mapped_column(LargeBinary)
    props: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)


class DatasetValueRow(Base):
    """One cell of a dataset version's tidy table (``area_code, year, variable, value``)."""

    __tablename__ = "dataset_values"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"), index=True)
    area_code: Mapped[str] = mapped_column(String(255))
    year: Mapped[int] = mapped_column(Integer)
    variable: Mapped[str] = mapped_column(String(255))
    value: Mapped[float | None] = mapped_column(Float, default=None)


class DatasetDocumentRow(Base):
    """The catalogue (YAML text, :func:`indicators.catalogue.load_catalogue` format) and the metadata
    (who/what/when, validation summary) of a dataset version; its presence marks the contents complete."""

    __tablename__ = "dataset_documents"

    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"), primary_key=True)
    catalogue: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
