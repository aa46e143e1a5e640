"""Databases for the benchmarks: the real schema, filled fast with plain sqlite3.

The store creates the schema (its migrations are the truth); the bulk rows go
in afterwards with one ``executemany`` per table in one transaction, which is
what keeps a 100,000-part setup to a second or two.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bench.fakes import story_tokens
from bot.config import StoryConfig
from bot.engine import Engine
from bot.memory import MAX_RECENT_PARTS, Memory, offline_summariser
from bot.providers.base import Provider, estimate_tokens
from storage.sqlite import SqliteStore

PART_TEXT = "".join(story_tokens(200)).strip()
"""A stored part as long as a 200-token generation (about 800 characters)."""


def fold_cycle(config: StoryConfig | None = None) -> range:
    """How many parts are left unsummarised before a turn, in steady state.

    Memory folds parts into the summary once they exceed the context budget,
    down to half of it; between folds the count climbs back one part per turn.
    Seeding stories spread evenly over this range makes the first turn in a
    fresh channel fold as often as turns do in a busy one, so a database with
    many channels is not charged for folds a small one had already done.
    """
    config = config or StoryConfig()
    cost = estimate_tokens(PART_TEXT)
    trigger = next(
        n for n in range(1, 10_000) if n * cost > config.context_tokens or n > MAX_RECENT_PARTS
    )
    keep = max(1, min(config.context_tokens // 2 // cost, MAX_RECENT_PARTS // 2))
    return range(keep, trigger)


@dataclass(frozen=True, slots=True)
class Seeded:
    channel: str
    story_id: int
    parts: int


async def create_schema(path: str) -> None:
    """Open the store once so its migrations create the schema, then close it."""
    store = SqliteStore(path)
    await store.open()
    await store.close()


def connect(path: str) -> sqlite3.Connection:
    """A plain connection set up like the store's (WAL, synchronous=NORMAL)."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def seed_stories(path: str, channels: Sequence[str], parts_each: int) -> list[Seeded]:
    """One active story with ``parts_each`` parts in each channel; the schema must exist.

    The older parts count as summarised already; the story in the ``i``-th
    channel has the ``i``-th count of :func:`fold_cycle` (cycling) unsummarised,
    so stories are in the same state whatever their length.
    """
    now = time.time()
    cycle = fold_cycle()
    db = connect(path)
    try:
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO channels (key, platform, created_at, updated_at) "
            "VALUES (?, 'bench', ?, ?)",
            ((channel, now, now) for channel in channels),
        )
        first = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM stories").fetchone()[0]
        db.executemany(
            "INSERT INTO stories (id, channel_key, premise, status, summary, summary_upto, "
            "last_seq, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?)",
            (
                (first + i, channel, "A fox finds a map.", "Story so far: a fox.",
                 max(0, parts_each - cycle[i % len(cycle)]), parts_each, now, now)
                for i, channel in enumerate(channels)
            ),
        )  # fmt: skip

        def parts() -> Iterator[tuple[object, ...]]:
            for i in range(len(channels)):
                for seq in range(1, parts_each + 1):
                    yield (first + i, seq, PART_TEXT, "", "Ada", json.dumps([]), "complete", now)

        db.executemany(
            "INSERT INTO parts (story_id, seq, text, direction, author, choices, status, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            parts(),
        )
        db.execute("COMMIT")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return [Seeded(channel, first + i, parts_each) for i, channel in enumerate(channels)]


def build_engine(store: SqliteStore, provider: Provider) -> Engine:
    """The engine as the app builds it for the offline storyteller, minus metrics."""
    config = StoryConfig()
    memory = Memory(store, config, offline_summariser(config.summary_tokens * 4))
    return Engine(store, provider, config, memory, seed=1)
