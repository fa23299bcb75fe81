"""The planning register (Strategische Sozialplanung): fields of action, goals, measures, partners.

Tables by their own Alembic migration (``store/planning/migrations``, registered with
:func:`store.db.register_migrations` on import), every change kept in ``plan_history``
(who, when, old → new) and in the audit log. Roles: viewers read, planners create and
edit, admins also delete (:mod:`store.permissions`). Saves use optimistic locking
(``version`` column): a stale save raises :class:`store.planning.errors.StaleEdit`.
"""

from __future__ import annotations

from pathlib import Path

from store.db import register_migrations

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
register_migrations(MIGRATIONS)
