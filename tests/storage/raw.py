"""What the storage tests do behind a store's back, on either store: read a table,
run a statement in the store's own transaction, open the same database again."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from storage.postgres import PostgresStore
from storage.sqlite import SqliteStore

AnyStore = SqliteStore | PostgresStore
Run = Callable[[str], Awaitable[None]]


async def query(store: AnyStore, sql: str) -> list[tuple[Any, ...]]:
    """The rows of one statement without parameters (literals only: this is test code)."""
    if isinstance(store, SqliteStore):
        return [tuple(row) for row in await store._fetchall(sql)]
    return [tuple(row) for row in await store._fetch(sql)]


async def scalar(store: AnyStore, sql: str) -> Any:
    rows = await query(store, sql)
    return rows[0][0]


@asynccontextmanager
async def transaction(store: AnyStore) -> AsyncIterator[Run]:
    """The store's own transaction, with a way to run raw statements inside it."""
    if isinstance(store, SqliteStore):
        async with store._tx() as db:

            async def run_sqlite(sql: str) -> None:
                await db.execute(sql)

            yield run_sqlite
    else:
        async with store._tx() as conn:

            async def run_postgres(sql: str) -> None:
                await conn.execute(sql)

            yield run_postgres


@asynccontextmanager
async def reopened(store: AnyStore) -> AsyncIterator[AnyStore]:
    """The store closed, and its database opened again: a restart."""
    await store.close()
    again: AnyStore
    if isinstance(store, SqliteStore):
        again = SqliteStore(store.path)
    else:
        again = PostgresStore(store.url, pool_size=4)
    await again.open()
    try:
        yield again
    finally:
        await again.close()


def purge_batch(store: AnyStore) -> int:
    if isinstance(store, SqliteStore):
        from storage import sqlite_ops

        return sqlite_ops.PURGE_BATCH
    from storage import postgres_ops

    return postgres_ops.PURGE_BATCH
