"""PostgreSQL queries for story turns: one read per turn, one write per turn.

The read is one statement (settings, event, story, recent parts, world book and
players); the write is one call of ``storybot_write_part`` (migration 002),
which does what SQLite's part_writes trigger does, atomically. Both take a
pooled connection only for the statement, so turns in different channels run
side by side on the pool's connections.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Sequence
from datetime import date
from typing import Any

import asyncpg

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
from storage.postgres_db import Conn, Connection, ensure_channel, escape
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

# A handled event's part is offered to be shown again only if the turn that wrote it
# did not run to its end (processed_events.finished, migration 001). Recent parts,
# world book and players come as arrays of rows, so a turn's whole state is one row;
# every turn asking at the same time is read by one statement, a row per turn (as
# the SQLite store does, storage/batches.py). Parts run 1..last_seq, so the window
# is a range on (story_id, seq).
_TURN_STATES = f"""
SELECT w.n, c.settings,
       (SELECT CASE WHEN e.story_id = s.id AND NOT e.finished THEN e.seq ELSE 0 END
        FROM processed_events AS e
        WHERE e.platform = w.platform AND e.event_id = w.event) AS handled,
       {columns("s", STORY_COLUMNS)},
       (SELECT array_agg(ROW({columns("p", PART_COLUMNS)}) ORDER BY p.seq)
        FROM parts AS p
        WHERE p.story_id = s.id
          AND p.seq > LEAST(s.summary_upto, s.last_seq - 2)
          AND p.seq > LEAST(s.last_seq - w.parts, s.last_seq - 2)) AS recent,
       (SELECT array_agg(ROW({columns("b", WORLD_COLUMNS)}) ORDER BY b.id)
        FROM world_entries AS b WHERE b.story_id = s.id) AS world,
       (SELECT array_agg(ROW({columns("y", PLAYER_COLUMNS)}) ORDER BY y.user_id)
        FROM players AS y WHERE y.story_id = s.id) AS players
FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[])
     AS w (n, key, platform, event, parts)
LEFT JOIN channels AS c ON c.key = w.key
LEFT JOIN stories AS s ON s.channel_key = w.key AND s.status = 'active'
"""
_STORY_AT = 3
BATCH_MOST = 400
TurnRead = tuple[ChannelKey, int, "str | None"]
"""What :meth:`TurnQueries.turn_state` asks: channel, parts wanted, event."""

WRITE_PART = "SELECT storybot_write_part(" + ", ".join(f"${n}" for n in range(1, 18)) + ")"
WRITE_PARTS = "SELECT storybot_write_parts(" + ", ".join(f"${n}" for n in range(1, 18)) + ")"
_TEXT_ARGS = frozenset({2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 16})
"""Positions of text arguments: arrays of them bypass the text codec, so are escaped."""


def _turn_state(row: asyncpg.Record) -> TurnState:
    settings = StorySettings.from_json(row["settings"])
    handled = row["handled"]
    story_row = tuple(row)[_STORY_AT : _STORY_AT + STORY_WIDTH]
    if story_row[0] is None:
        return TurnState(settings, None, (), handled is not None)
    story = story_of(story_row)
    recent = tuple(part_of(part) for part in row["recent"] or ())
    last = recent[-1] if recent and handled == story.last_seq else None
    world = tuple(world_entry_of(entry) for entry in row["world"] or ())
    players = tuple(player_of(player) for player in row["players"] or ())
    return TurnState(settings, story, recent, handled is not None, last, world, players)


def part_args(write: TurnWrite, story_id: int | None, seq: int | None) -> tuple[Any, ...]:
    """The arguments of ``storybot_write_part`` for a turn's write."""
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
    if part is None or seq is None:
        stored: tuple[Any, ...] = (None,) * 8
    else:
        choices = json.dumps(list(part.choices))
        stored = (part.text, part.direction, part.author, choices, part.status.value, part.state)
        stored = (story_id, seq, *stored)
    finish = write.finish.value if write.finish is not None else None
    return (*stored, time.time(), *event, *counted, finish)


async def still(conn: Conn, story: Story) -> bool:
    """The story is still the active line the caller read; locked for the transaction."""
    row = await conn.fetchrow(
        "SELECT 1 FROM stories WHERE id = $1 AND last_seq = $2 AND status = 'active' FOR UPDATE",
        story.id,
        story.last_seq,
    )
    return row is not None


async def branch_off(conn: Conn, story_id: int, from_seq: int, kind: str) -> int:
    """Move the line's parts from ``from_seq`` on into a new alternative (migration 002)."""
    return int(
        await conn.fetchval(
            "SELECT storybot_branch_off($1, $2, $3, $4)", story_id, from_seq, kind, time.time()
        )
    )


class TurnQueries(Connection):
    def __init__(self) -> None:
        super().__init__()
        self._turn_reads = Batches(self._read_turns, most=BATCH_MOST)
        self._part_writes = Batches(self._write_rows, most=BATCH_MOST)

    async def turn_state(
        self, channel: ChannelKey, *, parts: int, event: str | None = None
    ) -> TurnState:
        return await self._turn_reads.submit((channel, parts, event))

    async def _read_turns(self, reads: Sequence[TurnRead]) -> list[TurnState]:
        """Arrays go in as binary, not through the text codec: escaped here."""
        rows = await self._fetch(
            _TURN_STATES,
            list(range(len(reads))),
            [escape(channel.text) for channel, _, _ in reads],
            [channel.platform if event else None for channel, _, event in reads],
            [escape(event) if event else None for _, _, event in reads],
            [parts for _, parts, _ in reads],
        )
        states = {row["n"]: _turn_state(row) for row in rows}  # one row per turn
        return [states[number] for number in range(len(reads))]

    async def write_turn(self, write: TurnWrite) -> Written:
        if write.premise is not None:
            return await self._start(write)
        story, part = write.story, write.part
        if part is None or story is None:
            await self._part_writes.submit(part_args(write, None, None))
            return Written(story, None)
        seq = story.last_seq if write.replace_last else story.last_seq + 1
        if write.replace_last:
            await self._replace(write, story, seq)
        else:
            await self._part_writes.submit(part_args(write, story.id, seq))
        after = dataclasses.replace(story, status=write.finish or story.status, last_seq=seq)
        return Written(after, stored(story.id, seq, part))

    async def _write_rows(self, rows: Sequence[tuple[Any, ...]]) -> list[Exception | None]:
        """All in one statement; if one write fails, each on its own, so each gets its answer.

        A failing write aborts the whole statement (a story that moved on, a redelivered
        event), so nothing is written twice. Ordered by user, see migration 002.
        """
        order = sorted(range(len(rows)), key=lambda n: rows[n][12] or "")
        columns = [
            [escape(rows[n][k]) if k in _TEXT_ARGS and rows[n][k] is not None else rows[n][k]
             for n in order]
            for k in range(17)
        ]  # fmt: skip
        try:
            await self._execute(WRITE_PARTS, *columns)
            return [None] * len(rows)
        except StorageError as exc:
            if exc.kind is Failure.IO or len(rows) == 1:
                return [exc] * len(rows)
        outcomes: list[Exception | None] = []
        for row in rows:
            try:
                await self._execute(WRITE_PART, *row)
                outcomes.append(None)
            except StorageError as exc:
                outcomes.append(exc)
        return outcomes

    async def _replace(self, write: TurnWrite, story: Story, seq: int) -> None:
        """A retry: the part it replaces is kept as an alternative, in the same transaction."""
        async with self._tx() as conn:
            if not await still(conn, story):
                raise StorageError(f"story {story.id} moved on", Failure.MOVED_ON)
            await branch_off(conn, story.id, seq, "retry")
            await conn.execute(WRITE_PART, *part_args(write, story.id, seq))

    async def _start(self, write: TurnWrite) -> Written:
        """Archive the active story and start the new one with its opening, in one transaction."""
        if write.part is None or write.premise is None:
            raise ValueError("starting a story needs its premise and its opening part")
        now = time.time()
        async with self._tx() as conn:
            await ensure_channel(conn, write.channel)
            await conn.execute(
                "UPDATE stories SET status = 'archived', finished_at = $1, updated_at = $1 "
                "WHERE channel_key = $2 AND status = 'active'",
                now,
                write.channel.text,
            )
            row = await conn.fetchrow(
                "INSERT INTO stories (channel_key, premise, status, last_seq, created_at, "
                "updated_at) VALUES ($1, $2, 'active', 0, $3, $3) RETURNING " + STORY_COLUMNS,
                write.channel.text,
                write.premise,
                now,
            )
            assert row is not None
            story = story_of(tuple(row))
            await conn.execute(WRITE_PART, *part_args(write, story.id, 1))
        opened = dataclasses.replace(
            story, status=write.finish or StoryStatus.ACTIVE, summary="", summary_upto=0, last_seq=1
        )
        return Written(opened, stored(story.id, 1, write.part))

    async def claim_event(self, channel: ChannelKey, event: str, reply: str = "") -> bool:
        rows = await self._fetch(
            "INSERT INTO processed_events (platform, event_id, seen_at, reply) "
            "VALUES ($1, $2, $3, $4) ON CONFLICT (platform, event_id) DO NOTHING RETURNING 1",
            channel.platform,
            event,
            time.time(),
            reply or None,
        )
        return bool(rows)

    async def event_reply(self, platform: str, event: str) -> str | None:
        row = await self._fetchrow(
            "SELECT reply FROM processed_events "
            "WHERE platform = $1 AND event_id = $2 AND NOT finished",
            platform,
            event,
        )
        return str(row["reply"]) if row and row["reply"] else None

    async def active_story(self, channel: ChannelKey) -> Story | None:
        row = await self._fetchrow(
            f"SELECT {STORY_COLUMNS} FROM stories WHERE channel_key = $1 AND status = 'active'",
            channel.text,
        )
        return story_of(tuple(row)) if row else None

    async def event_part(self, platform: str, event: str) -> Part | None:
        row = await self._fetchrow(
            f"SELECT {columns('p', PART_COLUMNS)} FROM processed_events AS e "
            "JOIN stories AS s ON s.id = e.story_id AND s.last_seq = e.seq "
            "JOIN parts AS p ON p.story_id = e.story_id AND p.seq = e.seq "
            "WHERE e.platform = $1 AND e.event_id = $2 AND NOT e.finished",
            platform,
            event,
        )
        return part_of(tuple(row)) if row else None

    async def drop_last_part(self, story_id: int) -> Part | None:
        """Undo: the dropped part is kept as an alternative line, never deleted."""
        async with self._tx() as conn:
            row = await conn.fetchrow(
                f"SELECT {columns('p', PART_COLUMNS)} FROM stories AS s "
                "JOIN parts AS p ON p.story_id = s.id AND p.seq = s.last_seq "
                "WHERE s.id = $1 AND p.seq > 1 FOR UPDATE OF s",
                story_id,
            )
            if row is None:
                return None
            dropped = part_of(tuple(row))
            await branch_off(conn, story_id, dropped.seq, "undo")
            return dropped

    async def recent_parts(self, story_id: int, after_seq: int, limit: int) -> list[Part]:
        rows = await self._fetch(
            f"SELECT {PART_COLUMNS} FROM parts WHERE story_id = $1 AND seq > $2 "
            "ORDER BY seq DESC LIMIT $3",
            story_id,
            after_seq,
            limit,
        )
        return [part_of(tuple(row)) for row in reversed(rows)]

    async def all_parts(self, story_id: int) -> list[Part]:
        rows = await self._fetch(
            f"SELECT {PART_COLUMNS} FROM parts WHERE story_id = $1 ORDER BY seq", story_id
        )
        return [part_of(tuple(row)) for row in rows]

    async def set_summary(self, story: Story, summary: str, upto: int) -> bool:
        rows = await self._fetch(
            "UPDATE stories SET summary = $1, summary_upto = $2 "
            "WHERE id = $3 AND summary_upto = $4 AND last_seq > $2 RETURNING id",
            summary,
            upto,
            story.id,
            story.summary_upto,
        )
        return bool(rows)

    async def usage_today(self, day: date, channel: ChannelKey, user: str) -> UsageToday:
        rows = await self._fetch(
            "SELECT scope, prompt_tokens + completion_tokens FROM usage WHERE day = $1 AND "
            "((scope = 'user' AND key = $2) OR (scope = 'channel' AND key = $3))",
            day.isoformat(),
            user,
            channel.text,
        )
        used = {row[0]: int(row[1]) for row in rows}
        return UsageToday(used.get("user", 0), used.get("channel", 0))
