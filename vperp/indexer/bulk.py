"""Bulk inserts straight through the DB-API (`executemany` of one prepared INSERT): SQLAlchemy's
per-row parameter processing costs more than the database's own work at tens of thousands of
rows per second. Values are adapted here as the models' types would (BigNum: decimal text on
SQLite); a row whose (chain_id, block_hash, log_index) is already present is skipped when
`ignore_conflicts`. Rows are mappings with (at least) the table's columns; other keys are
ignored."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Connection, Table

from vperp.indexer.models import BigNum

UNIQUE_LOG = ("chain_id", "block_hash", "log_index")
Params = Callable[[Mapping[str, Any]], tuple[Any, ...]]


@cache
def _plan(table: Table, dialect: str, ignore_conflicts: bool) -> tuple[str, Params]:
    """The INSERT statement and a compiled row -> parameters function (one tuple expression,
    several times faster than a generic loop over the columns)."""
    cols = tuple(c.name for c in table.columns if not (c.primary_key and c.autoincrement is True))
    parts = []
    for c in cols:
        col = table.c[c]
        if dialect == "sqlite" and isinstance(col.type, BigNum):
            parts.append(
                f"(None if r[{c!r}] is None else str(r[{c!r}]))" if col.nullable else f"str(r[{c!r}])"
            )
        else:
            parts.append(f"r[{c!r}]")
    to_params: Params = eval(f"lambda r: ({', '.join(parts)},)")  # built from the schema's column names
    names = ", ".join(f'"{c}"' for c in cols)
    mark = "?" if dialect == "sqlite" else "%s"
    values = ", ".join(mark for _ in cols)
    if dialect == "sqlite":
        verb = "INSERT OR IGNORE" if ignore_conflicts else "INSERT"
        sql = f'{verb} INTO "{table.name}" ({names}) VALUES ({values})'
    else:
        sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({values})'
        if ignore_conflicts:
            sql += " ON CONFLICT (" + ", ".join(UNIQUE_LOG) + ") DO NOTHING"
    return sql, to_params


def insert_rows(
    conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]], ignore_conflicts: bool = False
) -> None:
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        _copy_rows(conn, table, rows, ignore_conflicts)
        return
    sql, to_params = _plan(table, conn.dialect.name, ignore_conflicts)
    conn.exec_driver_sql(sql, [to_params(r) for r in rows])


def _copy_rows(
    conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]], ignore_conflicts: bool
) -> None:
    """PostgreSQL: COPY (several times faster than executemany), into the table itself, or, when
    conflicts are to be skipped, into a temporary twin and from there with INSERT ... ON CONFLICT
    DO NOTHING; in the caller's transaction."""
    _sql, to_params = _plan(table, "postgresql", ignore_conflicts)
    cols = tuple(c.name for c in table.columns if not (c.primary_key and c.autoincrement is True))
    names = ", ".join(f'"{c}"' for c in cols)
    cur = conn.connection.driver_connection.cursor()
    target = table.name
    if ignore_conflicts:
        target = f"tmp_{table.name}"
        cur.execute(
            f'CREATE TEMP TABLE IF NOT EXISTS "{target}" (LIKE "{table.name}" INCLUDING DEFAULTS) ON COMMIT DELETE ROWS'
        )
    with cur.copy(f'COPY "{target}" ({names}) FROM STDIN') as cp:
        for r in rows:
            cp.write_row(to_params(r))
    if ignore_conflicts:
        cur.execute(
            f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM "{target}" '
            f"ON CONFLICT ({', '.join(UNIQUE_LOG)}) DO NOTHING"
        )
        cur.execute(f'DELETE FROM "{target}"')
    cur.close()
