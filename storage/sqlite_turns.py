"""SQLite queries for story turns: one read per turn, one write per turn, batched.

Reads and part writes that arrive while the database is busy go together as
one statement (:mod:`storage.batches`): a thousand stories being written at
once cost a few round trips to the database thread instead of a thousand.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import sqlite3
import time
from collections.abc import Sequence
from datetime import date
from typing import Any

from bot.identity import ChannelKey
from bot.story_settings import StorySettings
from storage.base import (
    Failure,
    Part,
    StorageError,
    Story,
    StoryStatus,
    TurnState,
    TurnWrite,
    UsageToday,
    Written,
)
from storage.batches import Batches
from storage.rows import (
    PART_COLUMNS,
    PLAYER_COLUMNS,
    STORY_COLUMNS,
    STORY_WIDTH,
    WORLD_COLUMNS,
    columns,
    part_of,
    player_of,
    stored,
    story_of,
    world_entry_of,
)
from storage.sqlite_branching import branch_off
from storage.sqlite_db import Connection, ensure_channels, failure_of, one


# One read for every turn asking at the same time, as one row: a JSON array
# with an entry per turn holding its settings, whether its event was handled,
# its story and the story's recent parts, world book and players. Each row a
# statement steps through costs the database thread a wait for the GIL, up to
# the switch interval while the event loop is busy: a hundred turns' rows took
# 40-290 ms under load. Parts are contiguous from 1 to last_seq, so the window
# is a range on the (story_id, seq) index whatever the story's length. SQLite's
# JSON writes a REAL with 15 digits; the story's times go as text with 17,
# which reads back exactly.
def _exact(column: str) -> str:
    return f"CASE WHEN {column} IS NULL THEN NULL ELSE printf('%!.17g', {column}) END"


_STORY_JSON = columns("s", STORY_COLUMNS).replace("s.created_at", _exact("s.created_at"))
_STORY_JSON = _STORY_JSON.replace("s.turn_since", _exact("s.turn_since"))
_TURN_STATES = f"""
WITH wanted (n, key, platform, event_id, parts) AS (VALUES {{wanted}})
SELECT json_group_array(json_array(w.n, c.settings,
       (SELECT CASE WHEN e.story_id = s.id AND NOT e.finished THEN e.seq ELSE 0 END
        FROM processed_events AS e
        WHERE e.platform = w.platform AND e.event_id = w.event_id),
       {_STORY_JSON},
       json((SELECT json_group_array(json_array({columns("p", PART_COLUMNS)}))
        FROM parts AS p
        WHERE p.story_id = s.id
          AND p.seq > MIN(s.summary_upto, s.last_seq - 2)
          AND p.seq > MIN(s.last_seq - w.parts, s.last_seq - 2))),
       json((SELECT json_group_array(json_array({columns("b", WORLD_COLUMNS)}))
        FROM world_entries AS b WHERE b.story_id = s.id)),
       json((SELECT json_group_array(json_array({columns("y", PLAYER_COLUMNS)}))
        FROM players AS y WHERE y.story_id = s.id))))
FROM wanted AS w
LEFT JOIN channels AS c ON c.key = w.key
LEFT JOIN stories AS s ON s.channel_key = w.key AND s.status = 'active'
"""
_CREATED, _SINCE = STORY_COLUMNS.split(", ").index("created_at"), STORY_WIDTH - 1
BATCH_MOST = 400
"""Requests per batched statement: 18 parameters each stays well under SQLite's 32,766."""

_PART_WRITES = (
    "INSERT INTO part_writes (story_id, seq, replace_last, text, direction, author, choices, "
    "status, created_at, event_platform, event_id, usage_day, usage_user, usage_channel, "
    "prompt_tokens, completion_tokens, finish, state) VALUES {rows}"
)
_PART_WRITE_ROW = "(" + ", ".join("?" * 18) + ")"

TurnRead = tuple[ChannelKey, int, "str | None"]
"""What :meth:`TurnQueries.turn_state` asks: channel, parts wanted, event."""


def _turn_state(row: Sequence[Any]) -> TurnState:
    """One turn's entry of the read (a list decoded from the row's JSON)."""
    settings, handled = StorySettings.from_json(row[1]), row[2] is not None
    story_row = list(row[3 : 3 + STORY_WIDTH])
    if story_row[0] is None:
        return TurnState(settings, None, (), handled)
    for exact in (_CREATED, _SINCE):
        if story_row[exact] is not None:
            story_row[exact] = float(story_row[exact])
    parts, world, players = row[-3:]
    recent = sorted(map(part_of, parts), key=lambda part: part.seq)
    story = story_of(story_row)
    last = recent[-1] if recent and row[2] == story.last_seq else None
    return TurnState(
        settings,
        story,
        tuple(recent),
        handled,
        last,
        tuple(map(world_entry_of, world)),
        tuple(map(player_of, players)),
    )


def _part_write_row(write: TurnWrite, story_id: int | None, seq: int | None) -> tuple[Any, ...]:
    part, usage = write.part, write.usage
    event = (write.channel.platform, write.event) if write.event else (None, None)
    counted: tuple[Any, ...] = (None,) * 5
    if usage is not None:
        counted = (
            usage.day.isoformat(),
            usage.user,
            usage.channel.text,
            usage.prompt_tokens,
            usage.completion_tokens,
        )
    if part is None:
        stored: tuple[Any, ...] = (None, None, 0, None, None, None, None, None)
    else:
        choices = json.dumps(list(part.choices))
        stored = (story_id, seq, int(write.replace_last), part.text, part.direction, part.author)
        stored += (choices, part.status.value)
    finish = write.finish.value if write.finish is not None else None
    state = part.state if part is not None else None
    return (*stored, time.time(), *event, *counted, finish, state)


class TurnQueries(Connection):
    def __init__(self) -> None:
        super().__init__()
        self._turn_reads = Batches(self._read_turns, most=BATCH_MOST)
        self._part_writes = Batches(self._write_rows, most=BATCH_MOST)
        self._starts = Batches(self._start_stories, most=BATCH_MOST)

    async def turn_state(
        self, channel: ChannelKey, *, parts: int, event: str | None = None
    ) -> TurnState:
        return await self._turn_reads.submit((channel, parts, event))

    async def _read_turns(self, reads: Sequence[TurnRead]) -> list[TurnState]:
        params: list[Any] = []
        for number, (channel, parts, event) in enumerate(reads):
            params += (number, channel.text, channel.platform if event else None, event, parts)
        wanted = ", ".join(["(?, ?, ?, ?, ?)"] * len(reads))
        (row,) = await self._fetchall(_TURN_STATES.format(wanted=wanted), tuple(params))
        states = {entry[0]: _turn_state(entry) for entry in json.loads(row[0])}  # one each
        return [states[number] for number in range(len(reads))]

    async def write_turn(self, write: TurnWrite) -> Written:
        if write.premise is not None:
            return await self._start(write)
        story, part = write.story, write.part
        if part is None or story is None:
            await self._part_writes.submit(_part_write_row(write, None, None))
            return Written(story, None)
        seq = story.last_seq if write.replace_last else story.last_seq + 1
        if write.replace_last:
            await self._replace(write, story, seq)
        else:
            await self._part_writes.submit(_part_write_row(write, story.id, seq))
        after = dataclasses.replace(story, status=write.finish or story.status, last_seq=seq)
        return Written(after, stored(story.id, seq, part))

    async def _replace(self, write: TurnWrite, story: Story, seq: int) -> None:
        """A retry: the part it replaces is kept as an alternative, in the same transaction."""
        async with self._tx() as db:
            moved_on = await one(
                db,
                "SELECT 1 FROM stories WHERE id = ? AND last_seq = ? AND status = 'active'",
                (story.id, story.last_seq),
            )
            if moved_on is None:
                raise StorageError(f"story {story.id} moved on", Failure.MOVED_ON)
            await branch_off(db, story.id, seq, "retry")
            row = dataclasses.replace(write, replace_last=False)
            await db.execute(
                _PART_WRITES.format(rows=_PART_WRITE_ROW), _part_write_row(row, story.id, seq)
            )

    async def _start(self, write: TurnWrite) -> Written:
        """Archive the active story and start the new one with its opening, in one transaction."""
        if write.part is None or write.premise is None:
            raise ValueError("starting a story needs its premise and its opening part")
        story = await self._starts.submit(write)
        opened = dataclasses.replace(story, status=write.finish or StoryStatus.ACTIVE, last_seq=1)
        return Written(opened, stored(story.id, 1, write.part))

    async def _start_stories(self, writes: Sequence[TurnWrite]) -> list[Story | Exception]:
        """The stories starting meanwhile, together; if that fails, each on its own.

        Starting a story is a transaction of several statements, and while it
        holds the connection every other statement waits: a thousand chats
        starting at once queued a thousand of them behind each other. One
        failing start (an event already handled) rolls back the batch, so each
        then gets its own answer and nothing is written twice.
        """
        channels = {write.channel for write in writes}
        if len(channels) == len(writes):  # a channel's turns never overlap; checked anyway
            try:
                return list(await self._start_together(writes))
            except StorageError as exc:
                if len(writes) == 1:
                    return [exc]
        outcomes: list[Story | Exception] = []
        for write in writes:
            try:
                outcomes += await self._start_together([write])
            except StorageError as exc:
                outcomes.append(exc)
        return outcomes

    async def _start_together(self, writes: Sequence[TurnWrite]) -> list[Story]:
        now = time.time()
        keys = [write.channel.text for write in writes]
        async with self._tx() as db:
            await ensure_channels(db, [write.channel for write in writes])
            await db.execute(
                "UPDATE stories SET status = 'archived', finished_at = ?, updated_at = ? "
                f"WHERE status = 'active' AND channel_key IN ({', '.join('?' * len(keys))})",
                (now, now, *keys),
            )
            values = ", ".join(["(?, ?, 'active', 0, ?, ?)"] * len(writes))
            rows = await db.execute_fetchall(
                "INSERT INTO stories (channel_key, premise, status, last_seq, created_at, "
                f"updated_at) VALUES {values} RETURNING {STORY_COLUMNS}",
                tuple(
                    itertools.chain.from_iterable(
                        (write.channel.text, write.premise, now, now) for write in writes
                    )
                ),
            )
            by_channel = {story.channel: story for story in map(story_of, rows)}
            started = [by_channel[write.channel] for write in writes]  # RETURNING has no order
            parts = [
                _part_write_row(write, story.id, 1)
                for write, story in zip(writes, started, strict=True)
            ]
            await db.execute(
                _PART_WRITES.format(rows=", ".join([_PART_WRITE_ROW] * len(parts))),
                tuple(itertools.chain.from_iterable(parts)),
            )
        return started

    async def _write_rows(self, rows: Sequence[tuple[Any, ...]]) -> list[Exception | None]:
        """All in one statement; if one row fails, each on its own, so each gets its answer.

        A failing row aborts the whole statement (the trigger's RAISE, or a
        redelivered event's primary key), so nothing is written twice.
        """
        sql = _PART_WRITES.format(rows=", ".join([_PART_WRITE_ROW] * len(rows)))
        try:
            await self._raw(sql, tuple(itertools.chain.from_iterable(rows)))
            return [None] * len(rows)
        except sqlite3.IntegrityError as exc:
            if len(rows) == 1:
                return [failure_of(exc)]
        outcomes: list[Exception | None] = []
        for row in rows:
            try:
                await self._raw(_PART_WRITES.format(rows=_PART_WRITE_ROW), row)
                outcomes.append(None)
            except sqlite3.IntegrityError as exc:
                outcomes.append(failure_of(exc))
        return outcomes

    async def _raw(self, sql: str, params: tuple[Any, ...]) -> None:
        """A statement on its own whose sqlite3 errors the caller sorts out."""
        await self._outside_transactions()
        await self.db.execute_fetchall(sql, params)

    async def claim_event(self, channel: ChannelKey, event: str, reply: str = "") -> bool:
        rows = await self._fetchall(
            "INSERT INTO processed_events (platform, event_id, seen_at, reply) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (platform, event_id) DO NOTHING RETURNING 1",
            (channel.platform, event, time.time(), reply or None),
        )
        return bool(rows)

    async def event_reply(self, platform: str, event: str) -> str | None:
        row = await self._fetchone(
            "SELECT reply FROM processed_events "
            "WHERE platform = ? AND event_id = ? AND NOT finished",
            (platform, event),
        )
        return str(row[0]) if row and row[0] else None

    async def active_story(self, channel: ChannelKey) -> Story | None:
        row = await self._fetchone(
            f"SELECT {STORY_COLUMNS} FROM stories WHERE channel_key = ? AND status = 'active'",
            (channel.text,),
        )
        return story_of(row) if row else None

    async def event_part(self, platform: str, event: str) -> Part | None:
        row = await self._fetchone(
            f"SELECT {columns('p', PART_COLUMNS)} FROM processed_events AS e "
            "JOIN stories AS s ON s.id = e.story_id AND s.last_seq = e.seq "
            "JOIN parts AS p ON p.story_id = e.story_id AND p.seq = e.seq "
            "WHERE e.platform = ? AND e.event_id = ? AND NOT e.finished",
            (platform, event),
        )
        return part_of(row) if row else None

    async def drop_last_part(self, story_id: int) -> Part | None:
        """Undo: the dropped part is kept as an alternative line, never deleted."""
        async with self._tx() as db:
            row = await one(
                db,
                f"SELECT {PART_COLUMNS} FROM parts WHERE story_id = ? "
                "AND seq = (SELECT last_seq FROM stories WHERE id = ?) AND seq > 1",
                (story_id, story_id),
            )
            if row is None:
                return None
            dropped = part_of(row)
            await branch_off(db, story_id, dropped.seq, "undo")
            return dropped

    async def recent_parts(self, story_id: int, after_seq: int, limit: int) -> list[Part]:
        rows = await self._fetchall(
            f"SELECT {PART_COLUMNS} FROM parts WHERE story_id = ? AND seq > ? "
            "ORDER BY seq DESC LIMIT ?",
            (story_id, after_seq, limit),
        )
        return [part_of(row) for row in reversed(rows)]

    async def all_parts(self, story_id: int) -> list[Part]:
        rows = await self._fetchall(
            f"SELECT {PART_COLUMNS} FROM parts WHERE story_id = ? ORDER BY seq", (story_id,)
        )
        return [part_of(row) for row in rows]

    async def set_summary(self, story: Story, summary: str, upto: int) -> bool:
        rows = await self._fetchall(
            "UPDATE stories SET summary = ?, summary_upto = ? "
            "WHERE id = ? AND summary_upto = ? AND last_seq > ? RETURNING id",
            (summary, upto, story.id, story.summary_upto, upto),
        )
        return bool(rows)

    async def usage_today(self, day: date, channel: ChannelKey, user: str) -> UsageToday:
        rows = await self._fetchall(
            "SELECT scope, prompt_tokens + completion_tokens FROM usage WHERE day = ? AND "
            "((scope = 'user' AND key = ?) OR (scope = 'channel' AND key = ?))",
            (day.isoformat(), user, channel.text),
        )
        used = dict(rows)
        return UsageToday(int(used.get("user", 0)), int(used.get("channel", 0)))
