"""PostgreSQL queries for channels (settings, prompts) and scheduled work (subscriptions,
feeds, retention), as ``sqlite_ops.py`` does them for SQLite."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bot.identity import ChannelKey
from bot.story_settings import StorySettings
from storage.base import (
    FeedState,
    Prompt,
    Purged,
    Story,
    StoryListing,
    StoryStatus,
    Subscription,
)
from storage.postgres_db import Connection, ensure_channel
from storage.rows import STORY_COLUMNS, story_of

_SUBSCRIPTION_COLUMNS = "channel_key, at_time, timezone, failures, enabled, last_run, created_at"

PURGE_BATCH = 200
"""Rows deleted per statement, so a large purge never holds many rows locked at once."""
RUN_RETENTION = 7 * 86400.0
"""Seconds scheduled-run claims are kept: longer than any run's grace for catching up."""


def _subscription(row: Any) -> Subscription:
    channel, at_time, timezone, failures, enabled, last_run, created = row
    return Subscription(
        ChannelKey.from_text(channel), at_time, timezone, failures, bool(enabled), last_run, created
    )


class ChannelQueries(Connection):
    async def list_stories(self, channel: ChannelKey, limit: int) -> list[StoryListing]:
        rows = await self._fetch(
            "SELECT id, premise, status, last_seq, updated_at FROM stories "
            "WHERE channel_key = $1 AND parent_id IS NULL "
            "ORDER BY (status = 'active') DESC, updated_at DESC, id DESC LIMIT $2",
            channel.text,
            limit,
        )
        return [StoryListing(r[0], r[1], StoryStatus(r[2]), r[3], r[4]) for r in rows]

    async def resume_story(self, channel: ChannelKey, story_id: int) -> Story | None:
        now = time.time()
        async with self._tx() as conn:
            wanted = await conn.fetchval(
                "SELECT status FROM stories WHERE id = $1 AND channel_key = $2 "
                "AND parent_id IS NULL FOR UPDATE",
                story_id,
                channel.text,
            )
            if wanted is None:
                return None
            if wanted != "active":
                await conn.execute(
                    "UPDATE stories SET status = 'archived', finished_at = $1, updated_at = $1 "
                    "WHERE channel_key = $2 AND status = 'active'",
                    now,
                    channel.text,
                )
                await conn.execute(
                    "UPDATE stories SET status = 'active', finished_at = NULL, updated_at = $1 "
                    "WHERE id = $2",
                    now,
                    story_id,
                )
            row = await conn.fetchrow(
                f"SELECT {STORY_COLUMNS} FROM stories WHERE id = $1", story_id
            )
        assert row is not None
        return story_of(tuple(row))

    async def get_settings(self, channel: ChannelKey) -> StorySettings:
        value = await self._fetchval("SELECT settings FROM channels WHERE key = $1", channel.text)
        return StorySettings.from_json(value)

    async def set_settings(self, channel: ChannelKey, settings: StorySettings) -> None:
        now = time.time()
        await self._execute(
            "INSERT INTO channels (key, platform, settings, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, $4) "
            "ON CONFLICT (key) DO UPDATE SET settings = excluded.settings, "
            "updated_at = excluded.updated_at",
            channel.text,
            channel.platform,
            settings.to_json(),
            now,
        )

    async def forget_channel(self, channel: ChannelKey) -> None:
        async with self._tx() as conn:
            await conn.execute("DELETE FROM channels WHERE key = $1", channel.text)
            await conn.execute(
                "DELETE FROM usage WHERE scope = 'channel' AND key = $1", channel.text
            )

    async def list_prompts(self, channel: ChannelKey) -> list[Prompt]:
        rows = await self._fetch(
            "SELECT id, text, author FROM prompts WHERE channel_key = $1 ORDER BY id", channel.text
        )
        return [Prompt(*row) for row in rows]

    async def add_prompt(self, channel: ChannelKey, text: str, author: str) -> Prompt:
        async with self._tx() as conn:
            await ensure_channel(conn, channel)
            row = await conn.fetchrow(
                "INSERT INTO prompts (channel_key, text, author, created_at) "
                "VALUES ($1, $2, $3, $4) RETURNING id, text, author",
                channel.text,
                text,
                author,
                time.time(),
            )
        assert row is not None
        return Prompt(*row)

    async def remove_prompt(self, channel: ChannelKey, prompt_id: int) -> bool:
        removed = await self._fetch(
            "DELETE FROM prompts WHERE channel_key = $1 AND id = $2 RETURNING id",
            channel.text,
            prompt_id,
        )
        return bool(removed)

    async def edit_prompt(
        self, channel: ChannelKey | None, prompt_id: int, text: str
    ) -> Prompt | None:
        where, place = (
            ("channel_key IS NULL", ())
            if channel is None
            else ("channel_key = $3", (channel.text,))
        )
        row = await self._fetchrow(
            f"UPDATE prompts SET text = $1 WHERE id = $2 AND {where} RETURNING id, text, author",
            text,
            prompt_id,
            *place,
        )
        return Prompt(*row) if row else None

    async def count_prompts(self, channel: ChannelKey) -> int:
        return int(
            await self._fetchval(
                "SELECT COUNT(*) FROM prompts WHERE channel_key = $1", channel.text
            )
        )

    async def count_feed_prompts(self) -> int:
        return int(await self._fetchval("SELECT COUNT(*) FROM prompts WHERE channel_key IS NULL"))

    async def feed_prompt_at(self, index: int) -> str | None:
        value = await self._fetchval(
            "SELECT text FROM prompts WHERE channel_key IS NULL ORDER BY id LIMIT 1 OFFSET $1",
            index,
        )
        return str(value) if value is not None else None

    async def subscribe(self, channel: ChannelKey, at_time: str, timezone: str) -> None:
        async with self._tx() as conn:
            await ensure_channel(conn, channel)
            await conn.execute(
                "INSERT INTO subscriptions (channel_key, platform, at_time, timezone, created_at) "
                "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (channel_key) DO UPDATE SET "
                "at_time = excluded.at_time, timezone = excluded.timezone, failures = 0, "
                "enabled = true",
                channel.text,
                channel.platform,
                at_time,
                timezone,
                time.time(),
            )

    async def unsubscribe(self, channel: ChannelKey) -> bool:
        removed = await self._fetch(
            "DELETE FROM subscriptions WHERE channel_key = $1 RETURNING 1", channel.text
        )
        return bool(removed)


class ScheduleQueries(Connection):
    async def count_active_stories(self) -> int:
        return int(await self._fetchval("SELECT COUNT(*) FROM stories WHERE status = 'active'"))

    async def subscription(self, channel: ChannelKey) -> Subscription | None:
        row = await self._fetchrow(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE channel_key = $1",
            channel.text,
        )
        return _subscription(row) if row else None

    async def subscriptions(self) -> list[Subscription]:
        rows = await self._fetch(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE enabled "
            'ORDER BY channel_key COLLATE "C"'
        )
        return [_subscription(row) for row in rows]

    async def record_subscription_run(
        self, channel: ChannelKey, ok: bool, max_failures: int
    ) -> Subscription | None:
        row = await self._fetchrow(
            "UPDATE subscriptions SET last_run = $1, "
            "failures = CASE WHEN $2 THEN 0 ELSE failures + 1 END, "
            "enabled = CASE WHEN $2 THEN enabled WHEN failures + 1 >= $3 THEN false "
            "ELSE enabled END WHERE channel_key = $4 RETURNING " + _SUBSCRIPTION_COLUMNS,
            time.time(),
            ok,
            max_failures,
            channel.text,
        )
        return _subscription(row) if row else None

    async def feed_state(self, url: str) -> FeedState | None:
        row = await self._fetchrow("SELECT url, etag, last_modified FROM feeds WHERE url = $1", url)
        return FeedState(*row) if row else None

    async def save_feed_state(
        self, url: str, etag: str | None, last_modified: str | None, error: str | None
    ) -> None:
        await self._execute(
            "INSERT INTO feeds AS f (url, etag, last_modified, fetched_at, last_error) "
            "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (url) DO UPDATE SET "
            "etag = COALESCE(excluded.etag, f.etag), "
            "last_modified = COALESCE(excluded.last_modified, f.last_modified), "
            "fetched_at = excluded.fetched_at, last_error = excluded.last_error",
            url,
            etag,
            last_modified,
            time.time(),
            error,
        )

    async def add_feed_prompts(self, texts: list[str]) -> int:
        now = time.time()
        added = 0
        async with self._tx() as conn:
            for text in texts:
                status = await conn.execute(
                    "INSERT INTO prompts (channel_key, text, author, source, created_at) "
                    "VALUES (NULL, $1, 'feed', 'feed', $2) ON CONFLICT DO NOTHING",
                    text,
                    now,
                )
                added += int(status.rsplit(" ", 1)[-1])
        return added

    async def purge(self, stories_before: float, events_before: float) -> Purged:
        """Delete in small batches, yielding between them, so other writes go on."""
        stories = await self._purge_batches(
            "DELETE FROM stories WHERE id IN (SELECT id FROM stories WHERE status IN "
            "('archived', 'ended') AND finished_at < $1 LIMIT $2) RETURNING 1",
            stories_before,
        )
        events = await self._purge_batches(
            "DELETE FROM processed_events WHERE (platform, event_id) IN (SELECT platform, "
            "event_id FROM processed_events WHERE seen_at < $1 LIMIT $2) RETURNING 1",
            events_before,
        )
        now = time.time()
        await self._execute("DELETE FROM shares WHERE expires_at < $1", now)
        await self._execute("DELETE FROM scheduled_runs WHERE due < $1", now - RUN_RETENTION)
        return Purged(stories, events)

    async def _purge_batches(self, sql: str, before: float) -> int:
        total = 0
        while True:
            deleted = len(await self._fetch(sql, before, PURGE_BATCH))
            total += deleted
            if deleted < PURGE_BATCH:
                return total
            await asyncio.sleep(0)
