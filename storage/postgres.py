"""The PostgreSQL store: asyncpg, numbered migrations, several instances on one database.

Chosen by ``STORYBOT_DATABASE__URL=postgresql://...`` (``bot/app.py``). The
queries live by role in ``postgres_turns.py`` (story turns), ``postgres_ops.py``
(channels and scheduled work), ``postgres_craft.py`` (story craft),
``postgres_console.py`` (the operator console),
``postgres_inbox.py`` (platform events in flight) and ``postgres_cluster.py``
(instances acting as one), on the pool of ``postgres_db.py``; this module
connects, upgrades and closes. Every connection is bounded: the pool holds at
most ``pool_size``, plus one connection that listens for released turns.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any
from urllib.parse import urlsplit

import asyncpg

from bot.redact import hide_url_credentials
from storage.base import Failure, StorageError
from storage.postgres_cluster import ClusterQueries, Timing
from storage.postgres_console import ConsoleQueries
from storage.postgres_craft import CraftQueries
from storage.postgres_db import DRIVER_ERRORS, SERVER_SETTINGS, migrate, prepare_connection
from storage.postgres_inbox import InboxQueries
from storage.postgres_ops import ChannelQueries, ScheduleQueries
from storage.postgres_turns import TurnQueries
from storage.single import default_instance_name

__all__ = ["PostgresStore", "Timing", "is_postgres_url", "shown"]

FAILURE_MEMORY = 300.0
"""Seconds a database failure keeps /readyz reporting the database as failing."""
SCHEMES = ("postgresql", "postgres")


def is_postgres_url(url: str) -> bool:
    return urlsplit(url).scheme in SCHEMES


def shown(url: str) -> str:
    """The URL as it may be logged or printed: user and password hidden."""
    return hide_url_credentials(url)


def _password(url: str) -> str | None:
    try:
        return urlsplit(url).password
    except ValueError:
        return None


class PostgresStore(
    TurnQueries,
    ChannelQueries,
    ScheduleQueries,
    InboxQueries,
    CraftQueries,
    ConsoleQueries,
    ClusterQueries,
):
    """The :class:`storage.base.Store` on PostgreSQL, shared by every instance of one bot."""

    def __init__(
        self,
        url: str,
        *,
        pool_size: int = 10,
        instance: str | None = None,
        connect_timeout: float = 10.0,
        timing: Timing | None = None,
    ) -> None:
        super().__init__()
        if not is_postgres_url(url):
            raise StorageError(f"{shown(url)} is not a postgresql:// URL.")
        self.url = url
        self.pool_size = pool_size
        self.connect_timeout = connect_timeout
        self._init_cluster(instance or default_instance_name(), timing or Timing())
        self.notify_channel = "storybot"

    def _connect_args(self) -> dict[str, Any]:
        return {
            "dsn": self.url,
            "timeout": self.connect_timeout,
            "command_timeout": 60,
            "server_settings": dict(SERVER_SETTINGS),
        }

    async def _connection(self) -> asyncpg.Connection:
        conn = await asyncpg.connect(**self._connect_args())
        await prepare_connection(conn)
        return conn

    async def open(self) -> None:
        """Connect, upgrade the schema (one instance at a time), join the others."""
        try:
            self._pool = await asyncpg.create_pool(
                min_size=1,
                max_size=self.pool_size,
                init=prepare_connection,
                max_inactive_connection_lifetime=300,
                **self._connect_args(),
            )
            async with self.pool.acquire() as conn:
                await migrate(conn, shown(self.url))
                schema = await conn.fetchval("SELECT current_schema()")
            self.notify_channel = f"storybot:{schema}"
            await self._join(self._connection)
        except StorageError:
            await self.close()
            raise
        except (*DRIVER_ERRORS, ValueError) as exc:
            await self.close()
            raise StorageError(self._cannot_connect(exc)) from None

    def _cannot_connect(self, exc: BaseException) -> str:
        reason = f"{type(exc).__name__}: {exc}"
        password = _password(self.url)
        if password:
            reason = reason.replace(password, "***")
        return (
            f"Cannot use the database at {shown(self.url)} ({reason[:300]}). Check that "
            "PostgreSQL is running and reachable and that STORYBOT_DATABASE__URL is right."
        )

    async def health(self) -> str | None:
        try:
            await self._fetchval("SELECT 1")
        except StorageError as exc:
            return f"{exc.kind}: cannot read the database"
        failure = self.last_failure
        if failure is not None and time.monotonic() - failure[0] < FAILURE_MEMORY:
            return f"{Failure.IO}: a read or write failed {time.monotonic() - failure[0]:.0f} s ago"
        return None

    async def close(self) -> None:
        if self._pool is None:
            return
        try:
            await self._leave()
        finally:
            pool, self._pool = self._pool, None
            try:  # never wait long for a connection a hung statement holds
                await asyncio.wait_for(pool.close(), 5)
            except Exception:
                pool.terminate()
