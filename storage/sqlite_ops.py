"""SQLite queries for channels (settings, prompts) and scheduled work (subscriptions,
feeds, retention). The story turn queries are in ``sqlite_turns.py``."""

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
from storage.rows import STORY_COLUMNS, story_of
from storage.sqlite_db import Connection, ensure_channel, one

_SUBSCRIPTION_COLUMNS = "channel_key, at_time, timezone, failures, enabled, last_run, created_at"

PURGE_BATCH = 200
"""Stories deleted per transaction: each holds the write lock for milliseconds, so
turns in other channels go on during a large purge instead of waiting for all of it."""


def _subscription(row: Any) -> Subscription:
    channel, at_time, timezone, failures, enabled, last_run, created = row
    return Subscription(
        ChannelKey.from_text(channel), at_time, timezone, failures, bool(enabled), last_run, created
    )


class ChannelQueries(Connection):
    async def list_stories(self, channel: ChannelKey, limit: int) -> list[StoryListing]:
        rows = await self._fetchall(
            "SELECT id, premise, status, last_seq, updated_at FROM stories "
            "WHERE channel_key = ? AND parent_id IS NULL "
            "ORDER BY (status = 'active') DESC, updated_at DESC, id DESC LIMIT ?",
            (channel.text, limit),
        )
        return [StoryListing(r[0], r[1], StoryStatus(r[2]), r[3], r[4]) for r in rows]

    async def resume_story(self, channel: ChannelKey, story_id: int) -> Story | None:
        now = time.time()
        async with self._tx() as db:
            wanted = await one(
                db,
                "SELECT status FROM stories WHERE id = ? AND channel_key = ? AND parent_id IS NULL",
                (story_id, channel.text),
            )
            if wanted is None:
                return None
            if wanted[0] != "active":
                await db.execute(
                    "UPDATE stories SET status = 'archived', finished_at = ?, updated_at = ? "
                    "WHERE channel_key = ? AND status = 'active'",
                    (now, now, channel.text),
                )
                await db.execute(
                    "UPDATE stories SET status = 'active', finished_at = NULL, updated_at = ? "
                    "WHERE id = ?",
                    (now, story_id),
                )
            row = await one(db, f"SELECT {STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,))
        return story_of(row)

    async def get_settings(self, channel: ChannelKey) -> StorySettings:
        row = await self._fetchone("SELECT settings FROM channels WHERE key = ?", (channel.text,))
        return StorySettings.from_json(row[0] if row else None)

    async def set_settings(self, channel: ChannelKey, settings: StorySettings) -> None:
        now = time.time()
        await self._fetchall(
            "INSERT INTO channels (key, platform, settings, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET settings = excluded.settings, "
            "updated_at = excluded.updated_at",
            (channel.text, channel.platform, settings.to_json(), now, now),
        )

    async def forget_channel(self, channel: ChannelKey) -> None:
        async with self._tx() as db:
            await db.execute("DELETE FROM channels WHERE key = ?", (channel.text,))
            await db.execute(
                "DELETE FROM usage WHERE scope = 'channel' AND key = ?", (channel.text,)
            )

    async def list_prompts(self, channel: ChannelKey) -> list[Prompt]:
        rows = await self._fetchall(
            "SELECT id, text, author FROM prompts WHERE channel_key = ? ORDER BY id",
            (channel.text,),
        )
        return [Prompt(*row) for row in rows]

    async def add_prompt(self, channel: ChannelKey, text: str, author: str) -> Prompt:
        async with self._tx() as db:
            await ensure_channel(db, channel)
            row = await one(
                db,
                "INSERT INTO prompts (channel_key, text, author, created_at) "
                "VALUES (?, ?, ?, ?) RETURNING id, text, author",
                (channel.text, text, author, time.time()),
            )
        return Prompt(*row)

    async def remove_prompt(self, channel: ChannelKey, prompt_id: int) -> bool:
        removed = await self._fetchall(
            "DELETE FROM prompts WHERE channel_key = ? AND id = ? RETURNING id",
            (channel.text, prompt_id),
        )
        return bool(removed)

    async def edit_prompt(
        self, channel: ChannelKey | None, prompt_id: int, text: str
    ) -> Prompt | None:
        where, place = (
            ("channel_key IS NULL", ()) if channel is None else ("channel_key = ?", (channel.text,))
        )
        row = await self._fetchone(
            f"UPDATE prompts SET text = ? WHERE id = ? AND {where} RETURNING id, text, author",
            (text, prompt_id, *place),
        )
        return Prompt(*row) if row else None

    async def count_prompts(self, channel: ChannelKey) -> int:
        row = await self._fetchone(
            "SELECT COUNT(*) FROM prompts WHERE channel_key = ?", (channel.text,)
        )
        return int(row[0])

    async def count_feed_prompts(self) -> int:
        row = await self._fetchone("SELECT COUNT(*) FROM prompts WHERE channel_key IS NULL")
        return int(row[0])

    async def feed_prompt_at(self, index: int) -> str | None:
        row = await self._fetchone(
            "SELECT text FROM prompts WHERE channel_key IS NULL ORDER BY id LIMIT 1 OFFSET ?",
            (index,),
        )
        return row[0] if row else None

    async def subscribe(self, channel: ChannelKey, at_time: str, timezone: str) -> None:
        async with self._tx() as db:
            await ensure_channel(db, channel)
            await db.execute(
                "INSERT INTO subscriptions (channel_key, platform, at_time, timezone, created_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel_key) DO UPDATE SET "
                "at_time = excluded.at_time, timezone = excluded.timezone, failures = 0, "
                "enabled = 1",
                (channel.text, channel.platform, at_time, timezone, time.time()),
            )

    async def unsubscribe(self, channel: ChannelKey) -> bool:
        removed = await self._fetchall(
            "DELETE FROM subscriptions WHERE channel_key = ? RETURNING 1", (channel.text,)
        )
        return bool(removed)


class ScheduleQueries(Connection):
    async def count_active_stories(self) -> int:
        row = await self._fetchone("SELECT COUNT(*) FROM stories WHERE status = 'active'")
        return int(row[0])

    async def subscription(self, channel: ChannelKey) -> Subscription | None:
        row = await self._fetchone(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE channel_key = ?",
            (channel.text,),
        )
        return _subscription(row) if row else None

    async def subscriptions(self) -> list[Subscription]:
        rows = await self._fetchall(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE enabled = 1 "
            "ORDER BY channel_key"
        )
        return [_subscription(row) for row in rows]

    async def record_subscription_run(
        self, channel: ChannelKey, ok: bool, max_failures: int
    ) -> Subscription | None:
        row = await self._fetchone(
            "UPDATE subscriptions SET last_run = ?, "
            "failures = CASE WHEN ? THEN 0 ELSE failures + 1 END, "
            "enabled = CASE WHEN ? THEN enabled WHEN failures + 1 >= ? THEN 0 "
            "ELSE enabled END WHERE channel_key = ? RETURNING " + _SUBSCRIPTION_COLUMNS,
            (time.time(), ok, ok, max_failures, channel.text),
        )
        return _subscription(row) if row else None

    async def feed_state(self, url: str) -> FeedState | None:
        row = await self._fetchone(
            "SELECT url, etag, last_modified FROM feeds WHERE url = ?", (url,)
        )
        return FeedState(*row) if row else None

    async def save_feed_state(
        self, url: str, etag: str | None, last_modified: str | None, error: str | None
    ) -> None:
        await self._fetchall(
            "INSERT INTO feeds (url, etag, last_modified, fetched_at, last_error) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
            "etag = COALESCE(excluded.etag, etag), "
            "last_modified = COALESCE(excluded.last_modified, last_modified), "
            "fetched_at = excluded.fetched_at, last_error = excluded.last_error",
            (url, etag, last_modified, time.time(), error),
        )

    async def add_feed_prompts(self, texts: list[str]) -> int:
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

    async def purge(self, stories_before: float, events_before: float) -> Purged:
        """Delete in small transactions, yielding between them, so other writes go on."""
        stories = await self._purge_batches(
            "DELETE FROM stories WHERE id IN (SELECT id FROM stories WHERE status IN "
            "('archived', 'ended') AND finished_at < ? LIMIT ?) RETURNING 1",
            stories_before,
        )
        events = await self._purge_batches(
            "DELETE FROM processed_events WHERE rowid IN (SELECT rowid FROM processed_events "
            "WHERE seen_at < ? LIMIT ?) RETURNING 1",
            events_before,
        )
        await self._fetchall("DELETE FROM shares WHERE expires_at < ?", (time.time(),))
        await self._outside_transaction("PRAGMA optimize", "PRAGMA wal_checkpoint(TRUNCATE)")
        return Purged(stories, events)

    async def _purge_batches(self, sql: str, before: float) -> int:
        total = 0
        while True:
            deleted = len(await self._fetchall(sql, (before, PURGE_BATCH)))
            total += deleted
            if deleted < PURGE_BATCH:
                return total
            await asyncio.sleep(0)  # let waiting turns take the database
