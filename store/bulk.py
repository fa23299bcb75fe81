"""Many rows into one table inside the caller's transaction: COPY on PostgreSQL, executemany elsewhere.

An import of 10,000 measures writes some 60,000 rows (measures, links, history, audit). On
PostgreSQL, executemany still sends one statement per row (psycopg's pipeline) and the
multi-row ``INSERT … VALUES`` of SQLAlchemy's insertmanyvalues is parsed again for every
batch; ``COPY … FROM STDIN`` streams the rows in one command. New ids are drawn from the
table's sequence first (in ascending order), so the caller learns them as before.
On SQLite (in-process, no round trips) the plain executemany stays.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, FromClause, Table, insert, text
from sqlalchemy.orm import Session


def _copy_value(col: Any, value: Any) -> Any:
    if isinstance(col.type, JSON):  # as SQLAlchemy stores it: None is JSON null unless none_as_null
        return None if value is None and col.type.none_as_null else json.dumps(value)
    return value


def _copy(s: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    from psycopg import sql

    cols = [table.c[k] for k in rows[0]]
    names = [c.name for c in cols]
    stmt = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, names))
    )
    driver = s.connection().connection.driver_connection
    if driver is None:  # a pooled connection without its DBAPI connection: nothing to COPY into
        problem = "COPY needs an open psycopg connection"
        raise RuntimeError(problem)
    cur = driver.cursor()
    try:
        with cur.copy(stmt) as copy:
            for r in rows:
                copy.write_row([_copy_value(c, r[c.name]) for c in cols])
    finally:
        cur.close()


def insert_rows(s: Session, table: Table | FromClause, rows: list[dict[str, Any]], *, ids: bool = False) -> list[int]:
    """Insert ``rows`` (every row with the same keys) into ``table``; with ``ids``, the new ids in row order.

    The session is flushed first, so the rows follow everything the session has pending. ``table`` may
    be a model's ``__table__`` (typed as a ``FromClause`` by SQLAlchemy; a ``Table`` at run time).
    """
    if not isinstance(table, Table):
        problem = f"insert_rows needs a Table, got {type(table).__name__}"
        raise TypeError(problem)
    if not rows:
        return []
    s.flush()
    if s.get_bind().dialect.name != "postgresql":
        if ids:
            return list(s.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))
        s.execute(insert(table), rows)
        return []
    new: list[int] = []
    if ids:
        seq = text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)")
        new = sorted(s.scalars(seq, {"t": table.name, "n": len(rows)}))
        rows = [{**r, "id": i} for r, i in zip(rows, new, strict=True)]
    _copy(s, table, rows)
    return new
