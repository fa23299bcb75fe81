"""Errors of the planning register, with German messages."""
from __future__ import annotations

from store.errors import StoreError


class PlanError(StoreError):
    """A record of the planning register is invalid or missing; the message says what and where."""


class StaleEdit(PlanError):
    """A save was based on an old version; the message shows the other change."""
