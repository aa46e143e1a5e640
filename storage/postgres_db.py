"""The PostgreSQL store's connections: a bounded asyncpg pool, what its failures mean,
text that PostgreSQL cannot hold, and the numbered migrations.

asyncpg runs one statement at a time per connection, so the store keeps a pool
(``database.pool_size`` connections per instance) and every statement on its
own takes one for as long as it runs; a transaction holds one to the end.
The query classes (``postgres_turns``, ``postgres_ops``, ``postgres_craft``,
``postgres_inbox``, ``postgres_cluster``) build on this.
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any

import asyncpg
from asyncpg.pool import PoolConnectionProxy

from bot.identity import ChannelKey
from storage.base import Failure, StorageError

MOVED_ON = "SB001"
"""The SQLSTATE storybot_write_part raises when the story changed since the turn read it."""
DUPLICATE_EVENT = "processed_events_pkey"

_ESC = "\uffff"
_ESCAPED = re.compile("\uffff[01]")


def escape(text: str) -> str:
    """Text as PostgreSQL can keep it: it refuses NUL, which a model or a user may send.

    NUL becomes U+FFFF then ``0``; U+FFFF itself (a noncharacter) becomes U+FFFF
    then ``1``; so every string goes in and comes back exactly (:func:`unescape`).
    Installed as the ``text`` codec of every connection, so queries never see it.
    """
    if "\x00" not in text and _ESC not in text:
        return text
    return text.replace(_ESC, _ESC + "1").replace("\x00", _ESC + "0")


def unescape(text: str) -> str:
    if _ESC not in text:
        return text
    return _ESCAPED.sub(lambda m: "\x00" if m.group(0)[1] == "0" else _ESC, text)


async def prepare_connection(conn: Conn) -> None:
    """Every connection, pooled or not: text in and out through :func:`escape`."""
    await conn.set_type_codec(
        "text", schema="pg_catalog", encoder=escape, decoder=unescape, format="text"
    )


SERVER_SETTINGS = {
    "application_name": "storybot",
    # A statement or a transaction left hanging must not hold rows for ever.
    "statement_timeout": "30000",
    "idle_in_transaction_session_timeout": "60000",
    # A client that vanished without closing its connection (a host that died) is
    # noticed within 10 + 3 * 5 s, and what its session held is let go.
    "tcp_keepalives_idle": "10",
    "tcp_keepalives_interval": "5",
    "tcp_keepalives_count": "3",
}


def failure_of(exc: BaseException) -> StorageError:
    """The store's error for a driver error, by SQLSTATE and constraint, never by text."""
    kind = Failure.IO
    if isinstance(exc, asyncpg.PostgresError):
        state = getattr(exc, "sqlstate", "") or ""
        if state == MOVED_ON:
            kind = Failure.MOVED_ON
        elif isinstance(exc, asyncpg.UniqueViolationError) and (
            getattr(exc, "constraint_name", None) == DUPLICATE_EVENT
        ):
            kind = Failure.DUPLICATE_EVENT
        elif state.startswith("23"):
            kind = Failure.CONSTRAINT
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    error = StorageError(f"{type(exc).__name__}: {message}", kind)
    error.__cause__ = exc
    return error


DRIVER_ERRORS = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError)


@contextmanager
def classified(seen: Callable[[StorageError], None] | None = None) -> Iterator[None]:
    """Raise driver errors as :class:`StorageError` with their kind (told to ``seen``)."""
    try:
        yield
    except DRIVER_ERRORS as exc:
        error = failure_of(exc)
        if seen is not None:
            seen(error)
        raise error from exc


Conn = asyncpg.Connection | PoolConnectionProxy
"""A connection of its own, or one borrowed from the pool."""


class Connection:
    """The pool and the helpers every query class uses."""

    def __init__(self) -> None:
        self._pool: asyncpg.Pool | None = None
        self.last_failure: tuple[float, str] | None = None
        """When the database last failed to read or write, and how (for /readyz)."""

    def _seen(self, error: StorageError) -> None:
        if error.kind is Failure.IO:
            self.last_failure = (time.monotonic(), str(error)[:200])

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise StorageError("The store is not open.")
        return self._pool

    async def _fetch(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        with classified(self._seen):
            return list(await self.pool.fetch(sql, *args))

    async def _fetchrow(self, sql: str, *args: Any) -> asyncpg.Record | None:
        with classified(self._seen):
            return await self.pool.fetchrow(sql, *args)

    async def _fetchval(self, sql: str, *args: Any) -> Any:
        with classified(self._seen):
            return await self.pool.fetchval(sql, *args)

    async def _execute(self, sql: str, *args: Any) -> str:
        with classified(self._seen):
            return str(await self.pool.execute(sql, *args))

    @asynccontextmanager
    async def _tx(self) -> AsyncIterator[Conn]:
        """A transaction on one pooled connection; driver errors come out classified."""
        with classified(self._seen):
            async with self.pool.acquire() as conn, conn.transaction():
                yield conn


async def ensure_channel(conn: Conn, channel: ChannelKey) -> None:
    """The channel's row, so stories, prompts and subscriptions can refer to it."""
    now = time.time()
    await conn.execute(
        "INSERT INTO channels (key, platform, created_at, updated_at) VALUES ($1, $2, $3, $3) "
        "ON CONFLICT (key) DO NOTHING",
        channel.text,
        channel.platform,
        now,
    )


# migrations

_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
MIGRATION_LOCK = 1937011309
"""The advisory lock instances take to upgrade the schema one at a time."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """Every ``NNN_name.sql`` in ``storage/migrations_pg``, in order, with no gaps."""
    found: list[Migration] = []
    for entry in resources.files("storage").joinpath("migrations_pg").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration {expected:03d} is missing (found {migration.name})")
    return found


async def migrate(conn: Conn, where: str) -> list[str]:
    """Apply pending migrations in one transaction; the names applied.

    Instances starting together take an advisory lock (per schema) first: the
    first applies what is missing, the others wait for it and find nothing to do.
    A schema newer than this Storybot knows is refused, as in SQLite.
    """
    migrations = load_migrations()
    known = migrations[-1].version
    async with conn.transaction():
        await conn.execute(
            "SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", MIGRATION_LOCK
        )
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
            "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        current = await conn.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
        if current > known:
            raise StorageError(
                f"The database {where} has schema version {current}, newer than this "
                f"Storybot knows ({known}). Upgrade Storybot, or point it at another database."
            )
        applied = []
        for migration in migrations[current:]:
            await conn.execute(migration.sql)
            await conn.execute(
                "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                migration.version,
                migration.name,
            )
            applied.append(migration.name)
    return applied


def placeholders(count: int, start: int = 1) -> str:
    return ", ".join(f"${n}" for n in range(start, start + count))


def rows_of(records: Sequence[asyncpg.Record]) -> list[tuple[Any, ...]]:
    return [tuple(record) for record in records]
