"""Tables of the planning register (declared on the store's :class:`~store.models.Base`).

Names start with ``plan_``. Lists of a measure (areas, partners, goals, target indicators,
milestones) are link tables; a partner's fields of action and areas are JSON lists.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, get_args

from sqlalchemy import JSON, CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from indicators.types import Status
from store.models import Base, utcnow

DEFAULT_FIELDS = (
    "Armut und Grundsicherung",
    "Kinder Jugend Familie",
    "Alter und Pflege",
    "Wohnen",
    "Arbeit",
    "Integration",
    "Teilhabe und Behinderung",
    "Gesundheit",
)
STATUSES: tuple[str, ...] = get_args(Status)


class FieldRow(Base):
    """A Handlungsfeld (field of action) of the configurable list."""

    __tablename__ = "plan_fields"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class _Versioned:
    version: Mapped[int] = mapped_column(Integer, default=1)
    created: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class PartnerRow(_Versioned, Base):
    """A partner: Träger, Verein, Amt."""

    __tablename__ = "plan_partners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(80), default="")
    contact: Mapped[str] = mapped_column(String(300), default="")
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    areas: Mapped[list[str]] = mapped_column(JSON, default=list)


class GoalRow(_Versioned, Base):
    """A Ziel: indicator, areas (none = the city), baseline year, target value and year."""

    __tablename__ = "plan_goals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("plan_fields.id"))
    kennung: Mapped[str] = mapped_column(String(64), default="", index=True)  # the planner's own numbering
    text: Mapped[str] = mapped_column(Text)
    indicator: Mapped[str] = mapped_column(String(64))
    geography: Mapped[str] = mapped_column(String(48))
    baseline_year: Mapped[int] = mapped_column(Integer)
    target_value: Mapped[float] = mapped_column(Float)
    target_year: Mapped[int] = mapped_column(Integer)


class GoalAreaRow(Base):
    """An area of a goal."""

    __tablename__ = "plan_goal_areas"

    goal_id: Mapped[int] = mapped_column(ForeignKey("plan_goals.id", ondelete="CASCADE"), primary_key=True)
    area_code: Mapped[str] = mapped_column(String(32), primary_key=True)


class MeasureRow(_Versioned, Base):
    """A Maßnahme."""

    __tablename__ = "plan_measures"
    __table_args__ = (
        CheckConstraint(
            "status IN ('geplant', 'laufend', 'abgeschlossen', 'abgebrochen')", name="ck_plan_measures_status"
        ),
        # the filtered list (migration p0002_list_indexes)
        Index("ix_plan_measures_geo_field_status", "geography", "field_id", "status"),
        Index("ix_plan_measures_geo_status", "geography", "status"),
        Index("ix_plan_measures_period", "start_date", "end_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    kennung: Mapped[str] = mapped_column(String(64), default="", index=True)  # the planner's own numbering
    description: Mapped[str] = mapped_column(Text, default="")
    field_id: Mapped[int] = mapped_column(ForeignKey("plan_fields.id"))
    geography: Mapped[str] = mapped_column(String(48))
    location: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # GeoJSON geometry (WGS 84)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    end_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    budget_planned: Mapped[float | None] = mapped_column(Float, default=None)
    budget_spent: Mapped[float | None] = mapped_column(Float, default=None)
    status: Mapped[str] = mapped_column(String(16), default="geplant")


class MeasureAreaRow(Base):
    __tablename__ = "plan_measure_areas"
    __table_args__ = (Index("ix_plan_measure_areas_code", "area_code", "measure_id"),)

    measure_id: Mapped[int] = mapped_column(ForeignKey("plan_measures.id", ondelete="CASCADE"), primary_key=True)
    area_code: Mapped[str] = mapped_column(String(32), primary_key=True)


class MeasurePartnerRow(Base):
    __tablename__ = "plan_measure_partners"
    __table_args__ = (Index("ix_plan_measure_partners_partner", "partner_id", "measure_id"),)

    measure_id: Mapped[int] = mapped_column(ForeignKey("plan_measures.id", ondelete="CASCADE"), primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("plan_partners.id", ondelete="CASCADE"), primary_key=True)


class MeasureGoalRow(Base):
    __tablename__ = "plan_measure_goals"

    measure_id: Mapped[int] = mapped_column(ForeignKey("plan_measures.id", ondelete="CASCADE"), primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("plan_goals.id", ondelete="CASCADE"), primary_key=True)


class MeasureIndicatorRow(Base):
    __tablename__ = "plan_measure_indicators"

    measure_id: Mapped[int] = mapped_column(ForeignKey("plan_measures.id", ondelete="CASCADE"), primary_key=True)
    indicator: Mapped[str] = mapped_column(String(64), primary_key=True)


class MilestoneRow(Base):
    __tablename__ = "plan_milestones"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("plan_measures.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    due: Mapped[dt.date | None] = mapped_column(Date, default=None)
    done: Mapped[bool] = mapped_column(default=False)


class HistoryRow(Base):
    """One change of a record: who, when, which version, old → new per field, the full record after."""

    __tablename__ = "plan_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(16), index=True)
    entity_id: Mapped[int] = mapped_column(Integer, index=True)
    version: Mapped[int] = mapped_column(Integer)
    time: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    changes: Mapped[dict[str, list[Any]]] = mapped_column(JSON, default=dict)  # field -> [old, new]
    snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # None after delete
