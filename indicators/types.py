"""The closed vocabularies of the tool as ``Literal`` types: one place to read what a value may be.

The run-time tuples the code checks against (``indicators.catalogue.KINDS``, ``store.models.ROLES``,
``store.planning.models.STATUSES`` …) are derived from these with :func:`typing.get_args`, so a type
and its check cannot drift apart. Need methods are an open registry
(:mod:`indicators.needs.registry`): their names are plain ``str``, checked at run time. The language type ``Lang`` lives in :mod:`indicators.wording.core`.
"""

from __future__ import annotations

from typing import Literal

View = Literal["level", "change"]  # the atlas: values of one year, or changes between two
Kind = Literal["count", "value", "rate", "change"]  # how an indicator is computed (catalogue ``kind``)
Direction = Literal["up", "down", "neutral"]  # which way an indicator is worse (catalogue ``direction``)
Role = Literal["viewer", "planner", "admin"]  # an account's role (store.permissions)
Visibility = Literal["intern", "öffentlich"]  # who may read an uploaded dataset
Status = Literal["geplant", "laufend", "abgeschlossen", "abgebrochen"]  # a planned measure's state
MethodName = str  # a registered need method (indicators.needs.registry); open, so not a Literal

__all__ = ["Direction", "Kind", "MethodName", "Role", "Status", "View", "Visibility"]
