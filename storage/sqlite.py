"""The SQLite store: one aiosqlite connection, WAL, numbered migrations.

aiosqlite runs statements on one thread, in the order they were submitted. A
transaction spans several awaits, so it holds a lock, and statements that run
on their own wait while it is held; otherwise another coroutine's statement
could land inside the transaction (and be rolled back with it). Statements on
their own do not wait for each other: a thousand turns' reads go to the
database thread together instead of one round trip at a time.

The database thread needs the GIL for a moment before and after each step of
a statement. With CPython's default 5 ms switch interval, an event loop busy
with many stories makes it wait up to 5 ms each time: a ten-row read took
240 ms under load where it takes 0.2 ms idle. Opening a store shortens the
interval (see :data:`SWITCH_INTERVAL`).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

import aiosqlite

from storage.base import (
    DuplicateEvent,
    EventId,
    NewPart,
    Part,
    PartStatus,
    Prompt,
    StorageError,
    Story,
    StoryStatus,
    TokenUse,
    TurnState,
)
from storage.batches import Batches
from storage.migrations import load_migrations, upgrade_script
from storage.sqlite_ops import ScheduleQueries

SWITCH_INTERVAL = 0.0005
"""Seconds a busy thread may keep the GIL while the database thread waits for it.

Lower means the database answers sooner under load. Switches happen only
when another thread asks for the GIL, and Storybot's other threads (the
database's, stdin for the terminal) mostly wait, so this costs the loop little.
"""

_STORY_COLUMNS = "id, channel_key, premise, status, summary, summary_upto, last_seq, created_at"
_PART_COLUMNS = "story_id, seq, text, direction, author, choices, status"
_STORY_WIDTH = len(_STORY_COLUMNS.split(","))


def _columns(table: str, columns: str) -> str:
    return ", ".join(f"{table}.{name.strip()}" for name in columns.split(","))


# One read for a whole turn, for every turn asking at the same time: a row per
# turn with its settings, whether its event was handled, its story and the
# story's recent parts as JSON (one row, not one per part: each row stepped
# costs the database thread a wait for the GIL under load). Parts are
# contiguous from 1 to last_seq, so the window is a range on the (story_id,
# seq) index whatever the story's length. The story stays in columns: SQLite's
# JSON would round created_at to 15 digits.
_TURN_STATES = f"""
WITH wanted (n, key, platform, event_id, parts) AS (VALUES {{wanted}})
SELECT w.n, c.settings,
       EXISTS (SELECT 1 FROM processed_events AS e
               WHERE e.platform = w.platform AND e.event_id = w.event_id),
       {_columns("s", _STORY_COLUMNS)},
       (SELECT json_group_array(json_array({_columns("p", _PART_COLUMNS)}))
        FROM parts AS p
        WHERE p.story_id = s.id
          AND p.seq > MIN(s.summary_upto, s.last_seq - 1) AND p.seq > s.last_seq - w.parts)
FROM wanted AS w
LEFT JOIN channels AS c ON c.key = w.key
LEFT JOIN stories AS s ON s.channel_key = w.key AND s.status = 'active'
"""
BATCH_MOST = 400
"""Requests per batched statement: 16 parameters each stays well under SQLite's 32,766."""


_PART_WRITES = (
    "INSERT INTO part_writes (story_id, seq, replace_last, text, direction, author, choices, "
    "status, created_at, event_platform, event_id, usage_day, usage_user, usage_channel, "
    "prompt_tokens, completion_tokens) VALUES {rows}"
)
_PART_WRITE_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

TurnRead = tuple[str, int, "EventId | None"]
"""What :meth:`SqliteStore.turn_state` asks: channel, parts wanted, event."""


def _story(row: Iterable[Any]) -> Story:
    id_, channel, premise, status, summary, upto, last_seq, created = row
    return Story(id_, channel, premise, StoryStatus(status), summary, upto, last_seq, created)


def _part(row: Iterable[Any]) -> Part:
    story_id, seq, text, direction, author, choices, status = row
    return Part(
        story_id, seq, text, direction, author, tuple(json.loads(choices)), PartStatus(status)
    )


def _turn_state(row: Sequence[Any]) -> TurnState:
    settings, handled = row[1], bool(row[2])
    story_row = row[3 : 3 + _STORY_WIDTH]
    if story_row[0] is None:
        return TurnState(settings, None, (), handled)
    recent = sorted(map(_part, json.loads(row[-1])), key=lambda part: part.seq)
    return TurnState(settings, _story(story_row), tuple(recent), handled)


async def _one(db: aiosqlite.Connection, sql: str, params: tuple[Any, ...] = ()) -> Any:
    """The first row, in one round trip to the database thread (execute+fetch+close)."""
    rows = await db.execute_fetchall(sql, params)
    return next(iter(rows), None)


_COUNT_USAGE = (
    "INSERT INTO usage (day, scope, key, requests, prompt_tokens, completion_tokens) "
    "VALUES (?1, 'user', ?2, 1, ?4, ?5), (?1, 'channel', ?3, 1, ?4, ?5) "
    "ON CONFLICT (day, scope, key) DO UPDATE SET "
    "requests = requests + 1, "
    "prompt_tokens = prompt_tokens + excluded.prompt_tokens, "
    "completion_tokens = completion_tokens + excluded.completion_tokens"
)
"""Both of a request's counters, the user's and the channel's, in one statement."""


def _user_key(usage: TokenUse) -> str:
    return f"{usage.platform}:{usage.user_id}"


def _usage_params(usage: TokenUse) -> tuple[Any, ...]:
    return (
        usage.day.isoformat(),
        _user_key(usage),
        usage.channel,
        usage.prompt_tokens,
        usage.completion_tokens,
    )


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
        self._turn_reads = Batches(self._read_turns, most=BATCH_MOST)
        self._part_writes = Batches(self._write_parts, most=BATCH_MOST)

    # lifecycle

    async def open(self) -> None:
        check_path(self.path)
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
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

    async def _fetchall(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        await self._outside_transactions()
        return list(await self.db.execute_fetchall(sql, params))

    async def _fetchone(self, sql: str, params: tuple[Any, ...]) -> Any:
        await self._outside_transactions()
        return await _one(self.db, sql, params)

    async def _write(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        """One statement on its own: atomic without BEGIN/COMMIT round trips."""
        await self._outside_transactions()
        return list(await self.db.execute_fetchall(sql, params))

    @staticmethod
    async def _ensure_channel(db: aiosqlite.Connection, channel: str, platform: str) -> None:
        now = time.time()
        await db.execute(
            "INSERT INTO channels (key, platform, created_at, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key) DO NOTHING",
            (channel, platform, now, now),
        )

    # turns

    async def turn_state(
        self, channel: str, *, parts: int, event: EventId | None = None
    ) -> TurnState:
        return await self._turn_reads.submit((channel, parts, event))

    async def _read_turns(self, reads: Sequence[TurnRead]) -> list[TurnState]:
        params: list[Any] = []
        for number, (channel, parts, event) in enumerate(reads):
            platform, event_id = event or (None, None)
            params += (number, channel, platform, event_id, parts)
        wanted = ", ".join(["(?, ?, ?, ?, ?)"] * len(reads))
        rows = await self._fetchall(_TURN_STATES.format(wanted=wanted), tuple(params))
        states = {row[0]: _turn_state(row) for row in rows}  # exactly one row per turn
        return [states[number] for number in range(len(reads))]

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
        usage: TokenUse | None = None,
    ) -> Story:
        now = time.time()
        async with self._tx() as db:
            if event is not None and not await self._record_event(db, event, now):
                raise DuplicateEvent(f"event {event} was handled already")
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
            if usage is not None:
                await db.execute(_COUNT_USAGE, _usage_params(usage))
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
        story: Story,
        part: NewPart,
        *,
        replace_last: bool = False,
        event: EventId | None = None,
        usage: TokenUse | None = None,
    ) -> Part:
        seq = story.last_seq if replace_last else story.last_seq + 1
        platform, event_id = event or (None, None)
        counted = _usage_params(usage) if usage is not None else (None,) * 5
        choices = json.dumps(list(part.choices))
        params = (story.id, seq, int(replace_last), part.text, part.direction, part.author)
        params += (choices, part.status.value, time.time(), platform, event_id, *counted)
        try:
            await self._part_writes.submit(params)
        except sqlite3.IntegrityError as exc:
            if "processed_events" in str(exc):
                raise DuplicateEvent(f"event {event} was handled already") from exc
            if "story moved on" in str(exc):
                raise StorageError(
                    f"story {story.id} no longer ends at part {story.last_seq}"
                ) from exc
            raise
        return Part(
            story.id, seq, part.text, part.direction, part.author, part.choices, part.status
        )

    async def _write_parts(self, writes: Sequence[tuple[Any, ...]]) -> list[Exception | None]:
        """All in one statement; if one row fails, each on its own, so each gets its answer.

        A failing row aborts the whole statement (trigger RAISE, or a
        redelivered event's primary key), so nothing is written twice.
        """
        rows = ", ".join([_PART_WRITE_ROW] * len(writes))
        params = tuple(itertools.chain.from_iterable(writes))
        try:
            await self._write(_PART_WRITES.format(rows=rows), params)
            return [None] * len(writes)
        except sqlite3.IntegrityError as exc:
            if len(writes) == 1:
                return [exc]
        outcomes: list[Exception | None] = []
        for write in writes:
            try:
                await self._write(_PART_WRITES.format(rows=_PART_WRITE_ROW), write)
                outcomes.append(None)
            except sqlite3.IntegrityError as exc:
                outcomes.append(exc)
        return outcomes

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
            await db.execute(
                "DELETE FROM parts WHERE story_id = ? AND seq = ?", (story_id, dropped.seq)
            )
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
        await self._write(
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

    async def record_usage(self, usage: TokenUse) -> None:
        await self._write(_COUNT_USAGE, _usage_params(usage))

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
