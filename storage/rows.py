"""Stored rows as the store's types, the same for SQLite and PostgreSQL.

Both stores select the same columns in the same order (the constants here) and
keep choices and aliases as JSON text, so one reader per type serves both; only
the SQL around them differs by dialect.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from bot.identity import ChannelKey
from storage.base import (
    ChannelSummary,
    Invite,
    NewPart,
    Part,
    PartStatus,
    Player,
    Story,
    StoryStatus,
    WorldEntry,
)

STORY_COLUMNS = (
    "id, channel_key, premise, status, summary, summary_upto, last_seq, created_at, note, "
    "turn_user, turn_since"
)
PART_COLUMNS = "story_id, seq, text, direction, author, choices, status, state"
WORLD_COLUMNS = "id, name, aliases, description, pinned, last_triggered"
PLAYER_COLUMNS = "user_id, user_name, character, description"
INVITE_COLUMNS = "id, name, created_at, revoked_at IS NOT NULL"
STORY_WIDTH = len(STORY_COLUMNS.split(","))


def columns(table: str, names: str) -> str:
    """``names`` qualified by ``table`` (``p.story_id, p.seq, …``) for joins."""
    return ", ".join(f"{table}.{name.strip()}" for name in names.split(","))


def story_of(row: Iterable[Any]) -> Story:
    id_, channel, premise, status, summary, upto, last_seq, created, note, turn, since = row
    return Story(
        id_,
        ChannelKey.from_text(channel),
        premise,
        StoryStatus(status),
        summary,
        upto,
        last_seq,
        created,
        note,
        turn,
        since,
    )


def part_of(row: Iterable[Any]) -> Part:
    story_id, seq, text, direction, author, choices, status, state = row
    return Part(
        story_id,
        seq,
        text,
        direction,
        author,
        tuple(json.loads(choices)),
        PartStatus(status),
        state,
    )


def world_entry_of(row: Sequence[Any]) -> WorldEntry:
    id_, name, aliases, description, pinned, last = row
    return WorldEntry(id_, name, tuple(json.loads(aliases)), description, bool(pinned), last)


def player_of(row: Sequence[Any]) -> Player:
    return Player(*row)


def stored(story_id: int, seq: int, part: NewPart) -> Part:
    """The part as it now stands in the store, without reading it back."""
    return Part(
        story_id, seq, part.text, part.direction, part.author, part.choices, part.status, part.state
    )


def summary_of(row: Iterable[Any]) -> ChannelSummary:
    """A console row: channel, its active story (if any), parts, players, last activity."""
    key, story_id, premise, parts, players, active = row
    return ChannelSummary(ChannelKey.from_text(key), story_id, premise, parts, players, active)


def invite_of(row: Iterable[Any]) -> Invite:
    id_, name, created_at, revoked = row
    return Invite(id_, name, created_at, bool(revoked))
