"""SQLite queries for scheduled work: subscriptions, prompt feeds, retention.

Kept apart from the story queries in ``sqlite.py``; :class:`SqliteStore`
inherits them, so there is still one connection and one lock.
"""

from __future__ import annotations

import time
from typing import Any, Protocol

import aiosqlite

from storage.base import FeedState, Purged, Subscription

_SUBSCRIPTION_COLUMNS = (
    "channel_key, platform, at_time, timezone, failures, enabled, last_run, created_at"
)


def _subscription(row: Any) -> Subscription:
    channel, platform, at_time, timezone, failures, enabled, last_run, created = row
    return Subscription(
        channel, platform, at_time, timezone, failures, bool(enabled), last_run, created
    )


class _Queries(Protocol):
    def _tx(self) -> Any: ...

    async def _fetchall(self, sql: str, params: tuple[Any, ...]) -> list[Any]: ...

    async def _fetchone(self, sql: str, params: tuple[Any, ...]) -> Any: ...

    async def _outside_transaction(self, *statements: str) -> None: ...

    @property
    def db(self) -> aiosqlite.Connection: ...


class ScheduleQueries:
    async def count_active_stories(self: _Queries) -> int:
        row = await self._fetchone("SELECT COUNT(*) FROM stories WHERE status = 'active'", ())
        return int(row[0])

    async def subscribe(
        self: _Queries, channel: str, platform: str, at_time: str, timezone: str
    ) -> None:
        now = time.time()
        async with self._tx() as db:
            await db.execute(
                "INSERT INTO channels (key, platform, created_at, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key) DO NOTHING",
                (channel, platform, now, now),
            )
            await db.execute(
                "INSERT INTO subscriptions (channel_key, platform, at_time, timezone, created_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_key) DO UPDATE SET "
                "at_time = excluded.at_time, timezone = excluded.timezone, failures = 0, "
                "enabled = 1",
                (channel, platform, at_time, timezone, now),
            )

    async def unsubscribe(self: _Queries, channel: str) -> bool:
        async with self._tx() as db:
            cursor = await db.execute("DELETE FROM subscriptions WHERE channel_key = ?", (channel,))
            return cursor.rowcount > 0

    async def subscription(self: _Queries, channel: str) -> Subscription | None:
        row = await self._fetchone(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE channel_key = ?", (channel,)
        )
        return _subscription(row) if row else None

    async def subscriptions(self: _Queries) -> list[Subscription]:
        rows = await self._fetchall(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE enabled = 1 "
            "ORDER BY channel_key",
            (),
        )
        return [_subscription(row) for row in rows]

    async def record_subscription_run(
        self: _Queries, channel: str, ok: bool, max_failures: int
    ) -> Subscription | None:
        async with self._tx() as db:
            cursor = await db.execute(
                "UPDATE subscriptions SET last_run = ?, "
                "failures = CASE WHEN ? THEN 0 ELSE failures + 1 END, "
                "enabled = CASE WHEN ? THEN enabled WHEN failures + 1 >= ? THEN 0 "
                "ELSE enabled END WHERE channel_key = ? RETURNING " + _SUBSCRIPTION_COLUMNS,
                (time.time(), ok, ok, max_failures, channel),
            )
            row = await cursor.fetchone()
            await cursor.close()
        return _subscription(row) if row else None

    async def feed_state(self: _Queries, url: str) -> FeedState | None:
        row = await self._fetchone(
            "SELECT url, etag, last_modified FROM feeds WHERE url = ?", (url,)
        )
        return FeedState(*row) if row else None

    async def save_feed_state(
        self: _Queries, url: str, etag: str | None, last_modified: str | None, error: str | None
    ) -> None:
        async with self._tx() as db:
            await db.execute(
                "INSERT INTO feeds (url, etag, last_modified, fetched_at, last_error) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
                "etag = COALESCE(excluded.etag, etag), "
                "last_modified = COALESCE(excluded.last_modified, last_modified), "
                "fetched_at = excluded.fetched_at, last_error = excluded.last_error",
                (url, etag, last_modified, time.time(), error),
            )

    async def add_feed_prompts(self: _Queries, texts: list[str]) -> int:
        now = time.time()
        added = 0
        async with self._tx() as db:
            for text in texts:
                cursor = await db.execute(
                    "INSERT INTO prompts (channel_key, text, author, source, created_at) "
                    "VALUES (NULL, ?, 'feed', 'feed', ?) ON CONFLICT DO NOTHING",
                    (text, now),
                )
                added += cursor.rowcount
        return added

    async def count_feed_prompts(self: _Queries) -> int:
        row = await self._fetchone("SELECT COUNT(*) FROM prompts WHERE channel_key IS NULL", ())
        return int(row[0])

    async def feed_prompt_at(self: _Queries, index: int) -> str | None:
        row = await self._fetchone(
            "SELECT text FROM prompts WHERE channel_key IS NULL ORDER BY id LIMIT 1 OFFSET ?",
            (index,),
        )
        return row[0] if row else None

    async def purge(self: _Queries, stories_before: float, events_before: float) -> Purged:
        async with self._tx() as db:
            stories = await db.execute(
                "DELETE FROM stories WHERE status IN ('archived', 'ended') AND finished_at < ?",
                (stories_before,),
            )
            events = await db.execute(
                "DELETE FROM processed_events WHERE seen_at < ?", (events_before,)
            )
            purged = Purged(stories.rowcount, events.rowcount)
        await self._outside_transaction("PRAGMA optimize", "PRAGMA wal_checkpoint(TRUNCATE)")
        return purged
