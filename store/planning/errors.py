"""Errors of the planning register; their messages are wording keys (:mod:`indicators.wording.errors_plan`)."""

from __future__ import annotations

from indicators.errors import msg
from indicators.wording.message import Message
from store.errors import StoreError


def record_label(entity: str, rid: int) -> Message:
    """``Maßnahme 3`` / ``Measure 3``: a record named in a message."""
    return msg("err_plan_record", entity=msg(f"plan_entity_{entity}"), id=rid)


class PlanError(StoreError):
    """A record of the planning register is invalid or missing; the message says what and where."""


class StaleEdit(PlanError):
    """A save was based on an old version; the message shows the other change."""
