"""The SQLite store: one aiosqlite connection, WAL, numbered migrations.

All statements go through one lock. aiosqlite runs them on a single thread, but
a transaction spans several awaits, and without the lock another coroutine's
statement could land inside it (and be rolled back with it).
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

import aiosqlite

from storage.base import (
    EventId,
    NewPart,
    Part,
    PartStatus,
    Prompt,
    StorageError,
    Story,
    StoryStatus,
)
from storage.migrations import load_migrations, upgrade_script
from storage.sqlite_ops import ScheduleQueries

_STORY_COLUMNS = "id, channel_key, premise, status, summary, summary_upto, last_seq, created_at"
_PART_COLUMNS = "id, story_id, seq, text, direction, author, choices, status"


def _story(row: Iterable[Any]) -> Story:
    id_, channel, premise, status, summary, upto, last_seq, created = row
    return Story(id_, channel, premise, StoryStatus(status), summary, upto, last_seq, created)


def _part(row: Iterable[Any]) -> Part:
    id_, story_id, seq, text, direction, author, choices, status = row
    return Part(
        id_, story_id, seq, text, direction, author, tuple(json.loads(choices)), PartStatus(status)
    )


async def _one(db: aiosqlite.Connection, sql: str, params: tuple[Any, ...] = ()) -> Any:
    """The first row, in one round trip to the database thread (execute+fetch+close)."""
    rows = await db.execute_fetchall(sql, params)
    return next(iter(rows), None)


def check_path(path: str) -> None:
    """Fail early, with a message a person can act on, when the file cannot be created."""
    if path == ":memory:" or path.startswith("file:"):
        return
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise StorageError(
            f"The database folder {folder} does not exist. Create it, or set "
            "STORYBOT_DATABASE_PATH to a file in a folder that exists."
        )
    probe = target if target.exists() else folder
    if not os.access(probe, os.W_OK):
        raise StorageError(
            f"Storybot cannot write to {probe}. Give the bot's user write access, or set "
            "STORYBOT_DATABASE_PATH to a writable place."
        )


class SqliteStore(ScheduleQueries):
    """The :class:`storage.base.Store` on SQLite."""

    def __init__(self, path: str, *, busy_timeout_ms: int = 5000) -> None:
        self.path = path
        self._busy_timeout_ms = busy_timeout_ms
        self._db: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()

    # lifecycle

    async def open(self) -> None:
        check_path(self.path)
        try:
            self._db = await aiosqlite.connect(self.path, isolation_level=None)
            await self._prepare(self._db)
        except sqlite3.DatabaseError as exc:
            await self.close()
            raise StorageError(f"Cannot open the database {self.path}: {exc}") from exc
        except StorageError:
            await self.close()
            raise

    async def _prepare(self, db: aiosqlite.Connection) -> None:
        await db.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout_ms)}")
        await db.execute("PRAGMA foreign_keys = ON")
        await db.execute("PRAGMA journal_mode = WAL")
        await db.execute("PRAGMA synchronous = NORMAL")
        migrations = load_migrations()
        known = migrations[-1].version
        current = await self._scalar("PRAGMA user_version")
        if current > known:
            raise StorageError(
                f"The database {self.path} has schema version {current}, newer than this "
                f"Storybot knows ({known}). Upgrade Storybot, or point it at another database."
            )
        script = upgrade_script(current, migrations)
        if script is None:
            return
        try:
            await db.executescript(script)
        except sqlite3.Error:
            if db.in_transaction:
                await db.execute("ROLLBACK")
            raise

    async def close(self) -> None:
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StorageError("The store is not open.")
        return self._db

    async def _scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        row = await _one(self.db, sql, params)
        return row[0] if row else None

    @asynccontextmanager
    async def _tx(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._lock:
            db = self.db
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
            for statement in statements:
                await self.db.execute(statement)

    async def _fetchall(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        async with self._lock:
            return list(await self.db.execute_fetchall(sql, params))

    async def _fetchone(self, sql: str, params: tuple[Any, ...]) -> Any:
        async with self._lock:
            return await _one(self.db, sql, params)

    async def _write(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        """One statement on its own: atomic without BEGIN/COMMIT round trips."""
        async with self._lock:
            return list(await self.db.execute_fetchall(sql, params))

    @staticmethod
    async def _ensure_channel(db: aiosqlite.Connection, channel: str, platform: str) -> None:
        now = time.time()
        await db.execute(
            "INSERT INTO channels (key, platform, created_at, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key) DO NOTHING",
            (channel, platform, now, now),
        )

    # channels

    async def get_settings(self, channel: str) -> str | None:
        row = await self._fetchone("SELECT settings FROM channels WHERE key = ?", (channel,))
        return row[0] if row else None

    async def set_settings(self, channel: str, platform: str, settings_json: str) -> None:
        now = time.time()
        async with self._tx() as db:
            await db.execute(
                "INSERT INTO channels (key, platform, settings, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET settings = excluded.settings, "
                "updated_at = excluded.updated_at",
                (channel, platform, settings_json, now, now),
            )

    async def forget_channel(self, channel: str) -> None:
        async with self._tx() as db:
            await db.execute("DELETE FROM channels WHERE key = ?", (channel,))
            await db.execute("DELETE FROM usage WHERE scope = 'channel' AND key = ?", (channel,))

    # stories

    async def active_story(self, channel: str) -> Story | None:
        row = await self._fetchone(
            f"SELECT {_STORY_COLUMNS} FROM stories WHERE channel_key = ? AND status = 'active'",
            (channel,),
        )
        return _story(row) if row else None

    async def start_story(
        self,
        channel: str,
        platform: str,
        premise: str,
        first: NewPart,
        *,
        event: EventId | None = None,
    ) -> Story:
        now = time.time()
        async with self._tx() as db:
            await self._record_event(db, event, now)
            await self._ensure_channel(db, channel, platform)
            await db.execute(
                "UPDATE stories SET status = 'archived', finished_at = ?, updated_at = ? "
                "WHERE channel_key = ? AND status = 'active'",
                (now, now, channel),
            )
            story = _story(
                await _one(
                    db,
                    "INSERT INTO stories (channel_key, premise, status, last_seq, created_at, "
                    "updated_at) VALUES (?, ?, 'active', 1, ?, ?) RETURNING " + _STORY_COLUMNS,
                    (channel, premise, now, now),
                )
            )
            await self._insert_part(db, story.id, 1, first, now)
        return story

    @staticmethod
    async def _insert_part(
        db: aiosqlite.Connection, story_id: int, seq: int, part: NewPart, now: float
    ) -> Part:
        row = await _one(
            db,
            "INSERT INTO parts (story_id, seq, text, direction, author, choices, status, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + _PART_COLUMNS,
            (
                story_id,
                seq,
                part.text,
                part.direction,
                part.author,
                json.dumps(list(part.choices)),
                part.status.value,
                now,
            ),
        )
        return _part(row)

    async def add_part(
        self,
        story_id: int,
        part: NewPart,
        *,
        replace_last: bool = False,
        event: EventId | None = None,
    ) -> Part:
        now = time.time()
        async with self._tx() as db:
            await self._record_event(db, event, now)
            if replace_last:
                row = await _one(
                    db,
                    "UPDATE parts SET text = ?, direction = ?, author = ?, choices = ?, "
                    "status = ?, created_at = ? WHERE story_id = ? AND seq = "
                    "(SELECT last_seq FROM stories WHERE id = ?) RETURNING " + _PART_COLUMNS,
                    (
                        part.text,
                        part.direction,
                        part.author,
                        json.dumps(list(part.choices)),
                        part.status.value,
                        now,
                        story_id,
                        story_id,
                    ),
                )
                if row is None:
                    raise StorageError(f"story {story_id} has no part to replace")
                await db.execute("UPDATE stories SET updated_at = ? WHERE id = ?", (now, story_id))
                return _part(row)
            row = await _one(
                db,
                "UPDATE stories SET last_seq = last_seq + 1, updated_at = ? WHERE id = ? "
                "RETURNING last_seq",
                (now, story_id),
            )
            if row is None:
                raise StorageError(f"story {story_id} does not exist")
            return await self._insert_part(db, story_id, row[0], part, now)

    async def drop_last_part(self, story_id: int) -> Part | None:
        async with self._tx() as db:
            row = await _one(
                db,
                f"SELECT {_PART_COLUMNS} FROM parts WHERE story_id = ? "
                "AND seq = (SELECT last_seq FROM stories WHERE id = ?) AND seq > 1",
                (story_id, story_id),
            )
            if row is None:
                return None
            dropped = _part(row)
            await db.execute("DELETE FROM parts WHERE id = ?", (dropped.id,))
            await db.execute(
                "UPDATE stories SET last_seq = ?, summary_upto = MIN(summary_upto, ?), "
                "updated_at = ? WHERE id = ?",
                (dropped.seq - 1, dropped.seq - 1, time.time(), story_id),
            )
            return dropped

    async def recent_parts(self, story_id: int, after_seq: int, limit: int) -> list[Part]:
        rows = await self._fetchall(
            f"SELECT {_PART_COLUMNS} FROM parts WHERE story_id = ? AND seq > ? "
            "ORDER BY seq DESC LIMIT ?",
            (story_id, after_seq, limit),
        )
        return [_part(row) for row in reversed(rows)]

    async def all_parts(self, story_id: int) -> list[Part]:
        rows = await self._fetchall(
            f"SELECT {_PART_COLUMNS} FROM parts WHERE story_id = ? ORDER BY seq", (story_id,)
        )
        return [_part(row) for row in rows]

    async def set_summary(self, story_id: int, summary: str, upto: int) -> None:
        async with self._tx() as db:
            await db.execute(
                "UPDATE stories SET summary = ?, summary_upto = ? WHERE id = ?",
                (summary, upto, story_id),
            )

    async def finish_story(self, story_id: int, status: StoryStatus) -> None:
        now = time.time()
        async with self._tx() as db:
            await db.execute(
                "UPDATE stories SET status = ?, finished_at = ?, updated_at = ? WHERE id = ?",
                (status.value, now, now, story_id),
            )

    # prompts

    async def list_prompts(self, channel: str) -> list[Prompt]:
        rows = await self._fetchall(
            "SELECT id, text, author FROM prompts WHERE channel_key = ? ORDER BY id", (channel,)
        )
        return [Prompt(*row) for row in rows]

    async def add_prompt(self, channel: str, text: str, author: str) -> Prompt:
        platform = channel.split(":", 1)[0]
        async with self._tx() as db:
            await self._ensure_channel(db, channel, platform)
            row = await _one(
                db,
                "INSERT INTO prompts (channel_key, text, author, created_at) "
                "VALUES (?, ?, ?, ?) RETURNING id, text, author",
                (channel, text, author, time.time()),
            )
        return Prompt(*row)

    async def remove_prompt(self, channel: str, prompt_id: int) -> bool:
        removed = await self._write(
            "DELETE FROM prompts WHERE channel_key = ? AND id = ? RETURNING id",
            (channel, prompt_id),
        )
        return bool(removed)

    async def count_prompts(self, channel: str) -> int:
        row = await self._fetchone("SELECT COUNT(*) FROM prompts WHERE channel_key = ?", (channel,))
        return int(row[0])

    # usage and idempotency

    async def record_usage(
        self,
        day: date,
        platform: str,
        channel: str,
        user_id: str,
        prompt_tokens: int,
        completion_tokens: int,
    ) -> None:
        user_key = f"{platform}:{user_id}"
        today = day.isoformat()
        # One statement for both counters: atomic, and one round trip.
        await self._write(
            "INSERT INTO usage (day, scope, key, requests, prompt_tokens, completion_tokens) "
            "VALUES (?, 'user', ?, 1, ?, ?), (?, 'channel', ?, 1, ?, ?) "
            "ON CONFLICT (day, scope, key) DO UPDATE SET "
            "requests = requests + 1, "
            "prompt_tokens = prompt_tokens + excluded.prompt_tokens, "
            "completion_tokens = completion_tokens + excluded.completion_tokens",
            (today, user_key, prompt_tokens, completion_tokens)  # noqa: RUF005 - two rows
            + (today, channel, prompt_tokens, completion_tokens),
        )

    async def usage_today(self, day: date, scope: str, key: str) -> int:
        row = await self._fetchone(
            "SELECT prompt_tokens + completion_tokens FROM usage "
            "WHERE day = ? AND scope = ? AND key = ?",
            (day.isoformat(), scope, key),
        )
        return int(row[0]) if row else 0

    async def claim_event(self, platform: str, event_id: str) -> bool:
        async with self._lock:
            return await self._record_event(self.db, (platform, event_id), time.time())

    async def event_seen(self, platform: str, event_id: str) -> bool:
        row = await self._fetchone(
            "SELECT 1 FROM processed_events WHERE platform = ? AND event_id = ?",
            (platform, event_id),
        )
        return row is not None

    @staticmethod
    async def _record_event(db: aiosqlite.Connection, event: EventId | None, now: float) -> bool:
        if event is None:
            return False
        inserted = await db.execute_fetchall(
            "INSERT INTO processed_events (platform, event_id, seen_at) VALUES (?, ?, ?) "
            "ON CONFLICT (platform, event_id) DO NOTHING RETURNING 1",
            (*event, now),
        )
        return bool(inserted)
