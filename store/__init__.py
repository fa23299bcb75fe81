"""The tool's own state in a database: users, roles, the registry of saved datasets, the audit log.

Layer: below ``geo`` and ``ui`` (they may import ``store``), above ``indicators``.
``store`` never imports geometry or Streamlit. Schema changes are Alembic migrations in
``store/migrations/versions``; another package adds its own tables by its own migration
directory (see :func:`store.db.register_migrations`).
"""
