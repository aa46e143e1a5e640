"""The SQLite store's own behaviour: its file, its migrations, its batching.

What both stores must do is in ``test_store.py``.
"""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from bot.identity import ChannelKey
from bot.story_settings import StorySettings
from storage.base import NewPart, StorageError, Story, TurnWrite
from storage.migrations import load_migrations
from storage.sqlite import SqliteStore


def key(name: str = "c") -> ChannelKey:
    return ChannelKey.of("t", name)


C = key()


async def start(store: SqliteStore, premise: str, first: NewPart, channel: ChannelKey = C) -> Story:
    written = await store.write_turn(TurnWrite(channel, part=first, premise=premise))
    assert written.story is not None
    return written.story


def untraced(statement: str) -> None:
    """Stops collecting traced statements (aiosqlite's types do not admit None here)."""


async def test_migrations_from_empty_set_user_version(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    store = SqliteStore(str(path))
    await store.open()
    await store.close()
    with sqlite3.connect(path) as db:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    assert version == load_migrations()[-1].version
    assert {"channels", "stories", "parts", "prompts", "usage", "processed_events"} <= tables
    assert mode == "wal"


async def test_reopen_applies_nothing_twice(tmp_path: Path) -> None:
    path = str(tmp_path / "twice.db")
    for _ in range(2):
        store = SqliteStore(path)
        await store.open()
        await store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(load_migrations())


async def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 999")
    store = SqliteStore(str(path))
    with pytest.raises(StorageError, match="newer than this Storybot knows"):
        await store.open()


async def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    store = SqliteStore(str(tmp_path / "nope" / "db.sqlite"))
    with pytest.raises(StorageError, match="does not exist"):
        await store.open()


async def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError, match=r"is damaged.*move it aside"):
        await SqliteStore(str(path)).open()


async def test_a_damaged_page_is_refused_at_start_with_what_to_do(tmp_path: Path) -> None:
    """A bad page used to pass start-up; every request then failed with a generic error."""
    path = tmp_path / "damaged.db"
    store = SqliteStore(str(path))
    await store.open()
    for n in range(200):
        await start(store, "p" * 200, NewPart("x" * 500), key(str(n)))
    await store.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = db.execute("PRAGMA page_size").fetchone()[0]
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    data = bytearray(path.read_bytes())
    middle = page * (pages // 2)
    data[middle : middle + 64] = b"\xff" * 64  # a b-tree page header, scribbled over
    path.write_bytes(bytes(data))
    damaged = SqliteStore(str(path))
    with pytest.raises(StorageError, match=r"is damaged.*Restore it from a backup"):
        await damaged.open()


async def test_turns_asking_at_once_are_read_in_one_statement(sqlite_store: SqliteStore) -> None:
    store = sqlite_store
    for number in range(6):
        channel = key(str(number))
        await store.set_settings(channel, StorySettings(tone=f"tone {number}"))
        if number % 2:
            await start(store, "p", NewPart("1", choices=("a",)), channel)
    asks = [(key(str(number)), 1 + number, f"e{number}") for number in range(6)]

    statements: list[str] = []
    await store.db.set_trace_callback(statements.append)
    await asyncio.gather(*(store.turn_state(c, parts=n, event=e) for c, n, e in asks))
    await store.db.set_trace_callback(untraced)
    assert len([s for s in statements if "WITH wanted" in s]) == 1


async def test_parts_written_at_once_are_one_statement(sqlite_store: SqliteStore) -> None:
    store = sqlite_store
    stories = [await start(store, "p", NewPart("1"), key(str(n))) for n in range(3)]
    statements: list[str] = []
    await store.db.set_trace_callback(statements.append)
    await asyncio.gather(
        *(
            store.write_turn(TurnWrite(story.channel, part=NewPart("next"), story=story))
            for story in stories
        )
    )
    await store.db.set_trace_callback(untraced)
    writes = {s for s in statements if s.startswith("INSERT INTO part_writes")}
    assert len(writes) == 1  # traced once per trigger step, but one statement
    assert writes.pop().count("'next'") == 3
    for story in stories:
        assert [p.text for p in await store.all_parts(story.id)] == ["1", "next"]
    assert replace(stories[0], last_seq=2) == await store.active_story(stories[0].channel)


async def test_an_event_done_is_never_shown_again_when_fetched_again(tmp_path: Path) -> None:
    """A Telegram update handled and shown whole, fetched again after a kill (its offset
    was never confirmed) and taken up from the inbox, must not show its part twice.
    PostgreSQL marks it when the turn gives its place up (storybot_release_turns)."""
    store = SqliteStore(str(tmp_path / "storybot.db"))
    await store.open()
    try:
        story = await start(store, "p", NewPart("1"))
        await store.keep(C.platform, [("e2", "{}")], 10)
        part = NewPart("2")
        await store.write_turn(TurnWrite(C, part=part, story=story, event="e2"))
        assert (await store.turn_state(C, parts=5, event="e2")).handled_part is not None
        assert await store.event_part(C.platform, "e2") is not None
        await store.done(C.platform, "e2")
        state = await store.turn_state(C, parts=5, event="e2")
        assert state.handled
        assert state.handled_part is None
        assert await store.event_part(C.platform, "e2") is None
        await store.claim_event(C, "e3", "Done.")
        await store.done(C.platform, "e3")
        assert await store.event_reply(C.platform, "e3") is None
    finally:
        await store.close()
