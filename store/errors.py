"""Errors of the store, each with a German message saying what and where.

Subclasses of the project's error base (:class:`indicators.errors.InputError`), so the
front doors (``cli.py``, the app) show them as messages.
"""

from __future__ import annotations

from indicators.errors import InputError


class StoreError(InputError):
    """A dataset, user or database operation cannot be done; the message says why."""


class PermissionDenied(StoreError):
    """The acting user's role does not allow the action."""


class AuthError(StoreError):
    """Login refused: wrong name or password, locked account, unknown mode."""


class DatabaseError(StoreError):
    """The database cannot be reached or upgraded."""
