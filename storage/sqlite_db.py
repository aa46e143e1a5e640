"""One aiosqlite connection, its transaction lock, and what its failures mean.

aiosqlite runs statements on one thread, in the order they were submitted. A
transaction spans several awaits, so it holds a lock, and statements that run
on their own wait while it is held; otherwise another coroutine's statement
could land inside the transaction (and be rolled back with it). Statements on
their own do not wait for each other: a thousand turns' reads go to the
database thread together instead of one round trip at a time.

The query classes (``sqlite_turns``, ``sqlite_ops``) build on this; the
store in ``sqlite.py`` puts them together.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import aiosqlite

from bot.identity import ChannelKey
from storage.base import Failure, StorageError

SWITCH_INTERVAL = 0.0005
"""Seconds a busy thread may keep the GIL while the database thread waits for it.

The database thread needs the GIL for a moment before and after each step of
a statement. With CPython's default 5 ms, an event loop busy with many stories
makes it wait up to 5 ms each time: a ten-row read took 240 ms under load
where it takes 0.2 ms idle. It is a process-wide setting, so the composition
root (``bot.app``) applies it, not the store.
"""

_KINDS = {
    sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY: Failure.DUPLICATE_EVENT,
    sqlite3.SQLITE_CONSTRAINT_TRIGGER: Failure.MOVED_ON,
}
"""Extended result codes this schema gives a meaning: processed_events is the only
table written with a caller's primary key, and the only RAISE is the part
writes' "story moved on"."""


def failure_of(exc: sqlite3.Error) -> StorageError:
    """The store's error for a database error, classified by its result code, not its text."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(exc, sqlite3.IntegrityError):
        kind = _KINDS.get(code, Failure.CONSTRAINT) if code is not None else Failure.CONSTRAINT
    else:
        kind = Failure.IO
    error = StorageError(f"{type(exc).__name__}: {exc}", kind)
    error.__cause__ = exc
    return error


@contextmanager
def classified(seen: Callable[[StorageError], None] | None = None) -> Iterator[None]:
    """Raise database errors as :class:`StorageError` with their kind (told to ``seen``)."""
    try:
        yield
    except sqlite3.Error as exc:
        error = failure_of(exc)
        if seen is not None:
            seen(error)
        raise error from exc


async def one(db: aiosqlite.Connection, sql: str, params: tuple[Any, ...] = ()) -> Any:
    """The first row, in one round trip to the database thread (execute+fetch+close)."""
    rows = await db.execute_fetchall(sql, params)
    return next(iter(rows), None)


_ENSURE_CHANNEL = (
    "INSERT INTO channels (key, platform, created_at, updated_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (key) DO NOTHING"
)


async def ensure_channel(db: aiosqlite.Connection, channel: ChannelKey) -> None:
    """The channel's row, so stories, prompts and subscriptions can refer to it."""
    await ensure_channels(db, [channel])


async def ensure_channels(db: aiosqlite.Connection, channels: Iterable[ChannelKey]) -> None:
    """:func:`ensure_channel` for several channels in one round trip."""
    now = time.time()
    rows = [(channel.text, channel.platform, now, now) for channel in channels]
    await db.executemany(_ENSURE_CHANNEL, rows)


class Connection:
    """The connection and the helpers every query class uses."""

    def __init__(self) -> None:
        self._db: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()
        self.last_failure: tuple[float, str] | None = None
        """When the database last failed to read or write, and how (for /readyz)."""

    def _seen(self, error: StorageError) -> None:
        if error.kind is Failure.IO:
            self.last_failure = (time.monotonic(), str(error)[:200])

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StorageError("The store is not open.")
        return self._db

    async def _scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        row = await one(self.db, sql, params)
        return row[0] if row else None

    @asynccontextmanager
    async def _tx(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._lock:
            db = self.db
            with classified(self._seen):
                await db.execute("BEGIN IMMEDIATE")
                try:
                    yield db
                except BaseException:
                    await db.execute("ROLLBACK")
                    raise
                await db.execute("COMMIT")

    async def _outside_transaction(self, *statements: str) -> None:
        """Maintenance statements that must not run inside a transaction (checkpoints)."""
        async with self._lock:
            with classified(self._seen):
                for statement in statements:
                    await self.db.execute(statement)

    async def _outside_transactions(self) -> None:
        """Return when no transaction is open, so a statement submitted now runs outside one.

        A transaction's statements are submitted while it holds the lock, so
        once the lock is free nothing submitted next can land inside one. The
        statement must be submitted before the next await (aiosqlite queues it
        at once), before a transaction waiting for the lock can begin.
        """
        while self._lock.locked():
            async with self._lock:
                pass

    async def _fetchall(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        """Rows of one statement on its own: atomic without BEGIN/COMMIT round trips."""
        await self._outside_transactions()
        with classified(self._seen):
            return list(await self.db.execute_fetchall(sql, params))

    async def _fetchone(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        rows = await self._fetchall(sql, params)
        return rows[0] if rows else None
