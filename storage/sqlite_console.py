"""SQLite queries for the operator console: channels across platforms, the shared prompt
pool, every subscription, feed states, usage per day, and the browser's invites.

Read-mostly and bounded: every list takes a limit, so no page of the console can ask
the database for everything at once."""

from __future__ import annotations

import time
from datetime import date

from bot.identity import ChannelKey
from storage.base import (
    ChannelSummary,
    ChannelUsage,
    FeedStatus,
    Invite,
    Prompt,
    Story,
    Subscription,
)
from storage.rows import INVITE_COLUMNS, STORY_COLUMNS, invite_of, story_of, summary_of
from storage.sqlite_db import Connection
from storage.sqlite_ops import _SUBSCRIPTION_COLUMNS, _subscription

_SUMMARY = """
SELECT c.key, s.id, COALESCE(s.premise, ''), COALESCE(s.last_seq, 0),
       (SELECT COUNT(*) FROM players AS p WHERE p.story_id = s.id),
       MAX(c.updated_at, COALESCE(
           (SELECT MAX(updated_at) FROM stories AS a WHERE a.channel_key = c.key), 0))
       AS active
FROM channels AS c
LEFT JOIN stories AS s ON s.channel_key = c.key AND s.status = 'active'
"""


class ConsoleQueries(Connection):
    async def channel_summaries(self, offset: int, limit: int) -> list[ChannelSummary]:
        rows = await self._fetchall(
            _SUMMARY + "ORDER BY active DESC, c.key LIMIT ? OFFSET ?", (limit, offset)
        )
        return [summary_of(row) for row in rows]

    async def count_channels(self) -> int:
        return int(await self._scalar("SELECT COUNT(*) FROM channels"))

    async def channel_summary(self, channel: ChannelKey) -> ChannelSummary | None:
        row = await self._fetchone(_SUMMARY + "WHERE c.key = ?", (channel.text,))
        return summary_of(row) if row else None

    async def story(self, story_id: int) -> Story | None:
        row = await self._fetchone(
            f"SELECT {STORY_COLUMNS} FROM stories WHERE id = ? AND parent_id IS NULL",
            (story_id,),
        )
        return story_of(row) if row else None

    async def pool_prompts(self, offset: int, limit: int) -> list[Prompt]:
        rows = await self._fetchall(
            "SELECT id, text, author FROM prompts WHERE channel_key IS NULL "
            "ORDER BY id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [Prompt(*row) for row in rows]

    async def add_pool_prompt(self, text: str, author: str) -> Prompt | None:
        row = await self._fetchone(
            "INSERT INTO prompts (channel_key, text, author, source, created_at) "
            "VALUES (NULL, ?, ?, 'operator', ?) ON CONFLICT DO NOTHING RETURNING id, text, author",
            (text, author, time.time()),
        )
        return Prompt(*row) if row else None

    async def remove_pool_prompt(self, prompt_id: int) -> bool:
        rows = await self._fetchall(
            "DELETE FROM prompts WHERE channel_key IS NULL AND id = ? RETURNING id", (prompt_id,)
        )
        return bool(rows)

    async def all_subscriptions(self) -> list[Subscription]:
        rows = await self._fetchall(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions ORDER BY channel_key"
        )
        return [_subscription(row) for row in rows]

    async def feed_statuses(self) -> list[FeedStatus]:
        rows = await self._fetchall("SELECT url, fetched_at, last_error FROM feeds ORDER BY url")
        return [FeedStatus(*row) for row in rows]

    async def channel_usage(self, since: date, offset: int, limit: int) -> list[ChannelUsage]:
        rows = await self._fetchall(
            "SELECT day, key, requests, prompt_tokens, completion_tokens FROM usage "
            "WHERE scope = 'channel' AND day >= ? ORDER BY day DESC, key LIMIT ? OFFSET ?",
            (since.isoformat(), limit, offset),
        )
        return [
            ChannelUsage(date.fromisoformat(day), ChannelKey.from_text(key), *counts)
            for day, key, *counts in rows
        ]

    async def add_invite(self, name: str, token_hash: str) -> Invite:
        row = await self._fetchone(
            "INSERT INTO web_invites (name, token_hash, created_at) VALUES (?, ?, ?) "
            f"RETURNING {INVITE_COLUMNS}",
            (name, token_hash, time.time()),
        )
        return invite_of(row)

    async def invites(self, limit: int) -> list[Invite]:
        rows = await self._fetchall(
            f"SELECT {INVITE_COLUMNS} FROM web_invites ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [invite_of(row) for row in rows]

    async def invite_by_token(self, token_hash: str) -> Invite | None:
        row = await self._fetchone(
            f"SELECT {INVITE_COLUMNS} FROM web_invites WHERE token_hash = ? AND revoked_at IS NULL",
            (token_hash,),
        )
        return invite_of(row) if row else None

    async def invite(self, invite_id: int) -> Invite | None:
        row = await self._fetchone(
            f"SELECT {INVITE_COLUMNS} FROM web_invites WHERE id = ?", (invite_id,)
        )
        return invite_of(row) if row else None

    async def revoke_invite(self, invite_id: int) -> bool:
        rows = await self._fetchall(
            "UPDATE web_invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL "
            "RETURNING id",
            (time.time(), invite_id),
        )
        return bool(rows)
