"""SQLite queries for story craft: world books, notes, players, branches, votes, shares."""

from __future__ import annotations

import json
import time
from typing import Any

from bot.identity import ChannelKey
from storage.base import (
    Branch,
    Failure,
    NewPart,
    Part,
    Player,
    StorageError,
    Story,
    StorySnapshot,
    Vote,
    WorldEntry,
)
from storage.rows import (
    PART_COLUMNS,
    PLAYER_COLUMNS,
    STORY_COLUMNS,
    WORLD_COLUMNS,
    part_of,
    player_of,
    story_of,
    world_entry_of,
)
from storage.sqlite_branching import MOST_DEPTH, branch_off, chain, line_sources
from storage.sqlite_db import Connection, ensure_channel, one

_INSERT_PART = (
    "INSERT INTO parts (story_id, seq, text, direction, author, choices, status, created_at, "
    "state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _part_params(story_id: int, seq: int, part: NewPart) -> tuple[Any, ...]:
    choices = json.dumps(list(part.choices))
    return (
        story_id,
        seq,
        part.text,
        part.direction,
        part.author,
        choices,
        part.status.value,
        time.time(),
        part.state,
    )


def _vote_of(row: Any, ballots: list[Any]) -> Vote:
    story_id, seq, channel, options, opened, closes, closed, winner = row
    return Vote(
        story_id,
        seq,
        ChannelKey.from_text(channel),
        options,
        opened,
        closes,
        tuple((voter, choice) for voter, choice in ballots),
        closed,
        winner,
    )


_VOTE_COLUMNS = "story_id, seq, channel_key, options, opened_at, closes_at, closed_at, winner"


class CraftQueries(Connection):
    # world book

    async def add_world_entry(
        self, story_id: int, name: str, aliases: tuple[str, ...], description: str
    ) -> WorldEntry:
        row = await self._fetchone(
            "INSERT INTO world_entries (story_id, name, aliases, description, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (story_id, name COLLATE NOCASE) DO UPDATE SET "
            "name = excluded.name, aliases = excluded.aliases, "
            "description = excluded.description RETURNING " + WORLD_COLUMNS,
            (story_id, name, json.dumps(list(aliases)), description, time.time()),
        )
        return world_entry_of(row)

    async def remove_world_entry(self, story_id: int, name: str) -> bool:
        rows = await self._fetchall(
            "DELETE FROM world_entries WHERE story_id = ? AND name = ? COLLATE NOCASE RETURNING id",
            (story_id, name),
        )
        return bool(rows)

    async def pin_world_entry(self, story_id: int, name: str, pinned: bool) -> bool:
        rows = await self._fetchall(
            "UPDATE world_entries SET pinned = ? WHERE story_id = ? AND name = ? COLLATE NOCASE "
            "RETURNING id",
            (int(pinned), story_id, name),
        )
        return bool(rows)

    async def world_entries(self, story_id: int) -> list[WorldEntry]:
        rows = await self._fetchall(
            f"SELECT {WORLD_COLUMNS} FROM world_entries WHERE story_id = ? ORDER BY name",
            (story_id,),
        )
        return [world_entry_of(row) for row in rows]

    async def mark_triggered(self, story_id: int, ids: list[int], part: int) -> None:
        if ids:
            marks = ", ".join("?" * len(ids))
            await self._fetchall(
                f"UPDATE world_entries SET last_triggered = ? WHERE story_id = ? "
                f"AND id IN ({marks})",
                (part, story_id, *ids),
            )

    # note and players

    async def set_note(self, story_id: int, note: str) -> None:
        await self._fetchall("UPDATE stories SET note = ? WHERE id = ?", (note, story_id))

    async def join(self, story_id: int, player: Player) -> None:
        await self._fetchall(
            "INSERT INTO players (story_id, user_id, user_name, character, description, "
            "joined_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (story_id, user_id) DO UPDATE SET "
            "user_name = excluded.user_name, character = excluded.character, "
            "description = excluded.description",
            (
                story_id,
                player.user_id,
                player.user_name,
                player.character,
                player.description,
                time.time(),
            ),
        )

    async def leave(self, story_id: int, user_id: str) -> bool:
        rows = await self._fetchall(
            "DELETE FROM players WHERE story_id = ? AND user_id = ? RETURNING 1",
            (story_id, user_id),
        )
        return bool(rows)

    async def players(self, story_id: int) -> list[Player]:
        rows = await self._fetchall(
            f"SELECT {PLAYER_COLUMNS} FROM players WHERE story_id = ? ORDER BY joined_at",
            (story_id,),
        )
        return [player_of(row) for row in rows]

    async def set_turn(self, story_id: int, user_id: str | None, since: float) -> None:
        await self._fetchall(
            "UPDATE stories SET turn_user = ?, turn_since = ? WHERE id = ?",
            (user_id, since, story_id),
        )

    # branches

    async def branch_off(self, story: Story, from_seq: int, kind: str) -> Branch | None:
        async with self._tx() as db:
            if not await self._still(db, story):
                return None
            branch = await branch_off(db, story.id, from_seq, kind)
        found = [b for b in await self.branches(story.id) if b.id == branch]
        return found[0] if found else None

    async def edit_last(self, story: Story, part: NewPart) -> Part:
        async with self._tx() as db:
            if not await self._still(db, story):
                raise StorageError(f"story {story.id} moved on", Failure.MOVED_ON)
            await branch_off(db, story.id, story.last_seq, "edit")
            await db.execute(_INSERT_PART, _part_params(story.id, story.last_seq, part))
            await db.execute(
                "UPDATE stories SET last_seq = ?, updated_at = ? WHERE id = ?",
                (story.last_seq, time.time(), story.id),
            )
        return Part(
            story.id,
            story.last_seq,
            part.text,
            part.direction,
            part.author,
            part.choices,
            part.status,
            part.state,
        )

    @staticmethod
    async def _still(db: Any, story: Story) -> bool:
        """The story is still the active line the caller read."""
        row = await one(
            db,
            "SELECT 1 FROM stories WHERE id = ? AND last_seq = ? AND status = 'active'",
            (story.id, story.last_seq),
        )
        return row is not None

    async def branches(self, story_id: int) -> list[Branch]:
        rows = await self._fetchall(
            "SELECT s.id, s.parent_id, s.fork_seq, "
            "(SELECT COUNT(*) FROM parts WHERE story_id = s.id), s.branch_kind, s.created_at, "
            "COALESCE((SELECT substr(text, 1, 80) FROM parts WHERE story_id = s.id "
            "ORDER BY seq LIMIT 1), '') "
            "FROM stories AS s WHERE s.root_id = ? ORDER BY s.created_at DESC, s.id DESC",
            (story_id,),
        )
        return [Branch(r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6]) for r in rows]

    async def line(self, branch_id: int) -> list[Part]:
        async with self._tx() as db:
            links = await chain(db, branch_id)
            parts: list[Part] = []
            for row_id, first, last in line_sources(links):
                rows = await db.execute_fetchall(
                    f"SELECT {PART_COLUMNS} FROM parts WHERE story_id = ? AND seq BETWEEN ? "
                    "AND ? ORDER BY seq",
                    (row_id, first, last),
                )
                parts += [part_of(row) for row in rows]
        return parts

    async def switch_to(self, story: Story, branch_id: int) -> Story | None:
        """Copy the alternative's line into the story row (the current line moves aside).

        The rows between the story and the alternative keep their parts (they are
        still alternatives); the alternative's own parts move, its row goes, and
        its own alternatives now hang from the story's row.
        """
        async with self._tx() as db:
            links = await chain(db, branch_id)
            if len(links) < 2 or links[-1][0] != story.id or len(links) >= MOST_DEPTH:
                return None
            if not await self._still(db, story):
                return None
            common = links[-2][2]  # where the alternative's ancestry leaves this line
            await branch_off(db, story.id, common + 1, "switch")
            seq = common
            for row_id, first, last in line_sources(links)[1:]:
                rows = await db.execute_fetchall(
                    f"SELECT {PART_COLUMNS} FROM parts WHERE story_id = ? AND seq BETWEEN ? "
                    "AND ? ORDER BY seq",
                    (row_id, first, last),
                )
                for row in rows:
                    seq += 1
                    part = part_of(row)
                    kept = NewPart(
                        part.text,
                        part.direction,
                        part.author,
                        part.choices,
                        part.status,
                        part.state,
                    )
                    await db.execute(_INSERT_PART, _part_params(story.id, seq, kept))
            await db.execute(
                "UPDATE stories SET parent_id = ? WHERE parent_id = ?", (story.id, branch_id)
            )
            await db.execute("DELETE FROM stories WHERE id = ?", (branch_id,))
            row = await one(
                db,
                f"UPDATE stories SET last_seq = ?, updated_at = ? WHERE id = ? "
                f"RETURNING {STORY_COLUMNS}",
                (seq, time.time(), story.id),
            )
        return story_of(row)

    # votes

    async def open_vote(
        self, story_id: int, seq: int, channel: ChannelKey, options: int, closes_at: float
    ) -> Vote:
        await self._fetchall(
            "INSERT INTO votes (story_id, seq, channel_key, options, opened_at, closes_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (story_id, seq) DO NOTHING",
            (story_id, seq, channel.text, options, time.time(), closes_at),
        )
        vote = await self.vote(story_id, seq)
        assert vote is not None
        return vote

    async def cast_ballot(self, story_id: int, seq: int, voter: str, choice: int) -> Vote:
        await self._fetchall(
            "INSERT INTO ballots (story_id, seq, voter, choice, cast_at) "
            "SELECT ?1, ?2, ?3, ?4, ?5 FROM votes WHERE story_id = ?1 AND seq = ?2 "
            "AND closed_at IS NULL "
            "ON CONFLICT (story_id, seq, voter) DO UPDATE SET choice = excluded.choice, "
            "cast_at = excluded.cast_at",
            (story_id, seq, voter, choice, time.time()),
        )
        vote = await self.vote(story_id, seq)
        if vote is None:
            raise StorageError(f"no vote on part {seq} of story {story_id}", Failure.MOVED_ON)
        return vote

    async def close_vote(self, story_id: int, seq: int, winner: int) -> bool:
        rows = await self._fetchall(
            "UPDATE votes SET closed_at = ?, winner = ? WHERE story_id = ? AND seq = ? "
            "AND closed_at IS NULL RETURNING 1",
            (time.time(), winner, story_id, seq),
        )
        return bool(rows)

    async def vote(self, story_id: int, seq: int) -> Vote | None:
        row = await self._fetchone(
            f"SELECT {_VOTE_COLUMNS} FROM votes WHERE story_id = ? AND seq = ?", (story_id, seq)
        )
        if row is None:
            return None
        ballots = await self._fetchall(
            "SELECT voter, choice FROM ballots WHERE story_id = ? AND seq = ? ORDER BY cast_at",
            (story_id, seq),
        )
        return _vote_of(row, ballots)

    async def open_votes(self) -> list[Vote]:
        rows = await self._fetchall(
            f"SELECT {_VOTE_COLUMNS} FROM votes WHERE closed_at IS NULL ORDER BY closes_at"
        )
        found = []
        for row in rows:
            vote = await self.vote(row[0], row[1])
            if vote is not None:
                found.append(vote)
        return found

    # share codes

    async def save_share(self, code: str, snapshot: str, expires_at: float) -> None:
        await self._fetchall(
            "INSERT INTO shares (code, snapshot, created_at, expires_at) VALUES (?, ?, ?, ?)",
            (code, snapshot, time.time(), expires_at),
        )

    async def shared(self, code: str, now: float) -> str | None:
        row = await self._fetchone(
            "SELECT snapshot FROM shares WHERE code = ? AND expires_at > ?", (code, now)
        )
        return str(row[0]) if row else None

    async def import_story(
        self, channel: ChannelKey, snapshot: StorySnapshot, event: str | None
    ) -> Story:
        now = time.time()
        async with self._tx() as db:
            if event is not None:
                fresh = await one(
                    db,
                    "INSERT INTO processed_events (platform, event_id, seen_at) VALUES (?, ?, ?) "
                    "ON CONFLICT DO NOTHING RETURNING 1",
                    (channel.platform, event, now),
                )
                if fresh is None:
                    raise StorageError(f"event {event} was handled", Failure.DUPLICATE_EVENT)
            await ensure_channel(db, channel)
            await db.execute(
                "UPDATE stories SET status = 'archived', finished_at = ?, updated_at = ? "
                "WHERE channel_key = ? AND status = 'active'",
                (now, now, channel.text),
            )
            row = await one(
                db,
                "INSERT INTO stories (channel_key, premise, status, last_seq, note, created_at, "
                f"updated_at) VALUES (?, ?, 'active', ?, ?, ?, ?) RETURNING {STORY_COLUMNS}",
                (channel.text, snapshot.premise, len(snapshot.parts), snapshot.note, now, now),
            )
            story = story_of(row)
            for seq, part in enumerate(snapshot.parts, start=1):
                await db.execute(_INSERT_PART, _part_params(story.id, seq, part))
            for entry in snapshot.world:
                await db.execute(
                    "INSERT INTO world_entries (story_id, name, aliases, description, pinned, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        story.id,
                        entry.name,
                        json.dumps(list(entry.aliases)),
                        entry.description,
                        int(entry.pinned),
                        now,
                    ),
                )
            for player in snapshot.players:
                await db.execute(
                    "INSERT INTO players (story_id, user_id, user_name, character, description, "
                    "joined_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        story.id,
                        player.user_id,
                        player.user_name,
                        player.character,
                        player.description,
                        now,
                    ),
                )
        return story
