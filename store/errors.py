"""Errors of the store, each with a German message saying what and where.

Subclasses of ``ValueError`` so the front doors (``cli.py``, the app) show them as
messages; they will move under the project's common error base class.
"""
from __future__ import annotations


class StoreError(ValueError):
    """A dataset, user or database operation cannot be done; the message says why."""


class PermissionDenied(StoreError):
    """The acting user's role does not allow the action."""


class AuthError(StoreError):
    """Login refused: wrong name or password, locked account, unknown mode."""


class DatabaseError(StoreError):
    """The database cannot be reached or upgraded."""
