"""The SQLite store: migrations, persistence, atomic story changes, idempotency."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from storage.base import (
    DuplicateEvent,
    NewPart,
    PartStatus,
    StorageError,
    Story,
    StoryStatus,
    TokenUse,
)
from storage.migrations import load_migrations
from storage.sqlite import SqliteStore


async def active(store: SqliteStore, channel: str) -> Story:
    story = await store.active_story(channel)
    assert story is not None
    return story


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
    with pytest.raises(StorageError, match="Cannot open the database"):
        await SqliteStore(str(path)).open()


async def test_story_persists_across_reopen(tmp_path: Path) -> None:
    path = str(tmp_path / "persist.db")
    store = SqliteStore(path)
    await store.open()
    story = await store.start_story("t:c", "t", "a premise", NewPart("opening", choices=("a",)))
    await store.add_part(story, NewPart("second", direction="go on"))
    await store.set_settings("t:c", "t", '{"genre": "sci-fi"}')
    await store.close()

    again = SqliteStore(path)
    await again.open()
    try:
        active = await again.active_story("t:c")
        assert active is not None
        assert active.last_seq == 2
        parts = await again.all_parts(active.id)
        assert [p.text for p in parts] == ["opening", "second"]
        assert parts[0].choices == ("a",)
        assert parts[1].direction == "go on"
        assert await again.get_settings("t:c") == '{"genre": "sci-fi"}'
    finally:
        await again.close()


async def test_new_story_archives_the_old_one(store: SqliteStore) -> None:
    first = await store.start_story("t:c", "t", "one", NewPart("p1"))
    second = await store.start_story("t:c", "t", "two", NewPart("p1"))
    active = await store.active_story("t:c")
    assert active is not None
    assert active.id == second.id
    assert await store.all_parts(first.id)  # archived, not deleted
    rows = await store._fetchall("SELECT status FROM stories WHERE id = ?", (first.id,))
    assert rows[0][0] == StoryStatus.ARCHIVED


async def test_replace_and_drop_last_part(store: SqliteStore) -> None:
    story = await store.start_story("t:c", "t", "p", NewPart("one"))
    await store.add_part(story, NewPart("two"))
    replaced = await store.add_part(
        await active(store, "t:c"), NewPart("TWO", status=PartStatus.CUT), replace_last=True
    )
    assert replaced.seq == 2
    assert replaced.status is PartStatus.CUT
    dropped = await store.drop_last_part(story.id)
    assert dropped is not None
    assert dropped.text == "TWO"
    assert await store.drop_last_part(story.id) is None  # the opening stays
    assert [p.text for p in await store.all_parts(story.id)] == ["one"]
    nxt = await store.add_part(await active(store, "t:c"), NewPart("again"))
    assert nxt.seq == 2


async def test_recent_parts_are_the_newest_in_order(store: SqliteStore) -> None:
    story = await store.start_story("t:c", "t", "p", NewPart("0"))
    for i in range(1, 10):
        await store.add_part(await active(store, "t:c"), NewPart(str(i)))
    recent = await store.recent_parts(story.id, after_seq=0, limit=3)
    assert [p.text for p in recent] == ["7", "8", "9"]
    recent = await store.recent_parts(story.id, after_seq=8, limit=5)
    assert [p.text for p in recent] == ["8", "9"]


async def test_forget_removes_everything_of_the_channel_only(store: SqliteStore) -> None:
    await store.start_story("t:a", "t", "a", NewPart("a"))
    await store.add_prompt("t:a", "prompt a", "x")
    await store.start_story("t:b", "t", "b", NewPart("b"))
    await store.forget_channel("t:a")
    assert await store.active_story("t:a") is None
    assert await store.list_prompts("t:a") == []
    assert await store.get_settings("t:a") is None
    assert await store.active_story("t:b") is not None
    rows = await store._fetchall("SELECT COUNT(*) FROM parts", ())
    assert rows[0][0] == 1


async def test_prompts_belong_to_their_channel(store: SqliteStore) -> None:
    prompt = await store.add_prompt("t:a", "a lost key", "Ada")
    assert await store.remove_prompt("t:b", prompt.id) is False
    assert await store.count_prompts("t:a") == 1
    assert await store.remove_prompt("t:a", prompt.id) is True
    assert await store.count_prompts("t:a") == 0


async def test_usage_adds_up_per_user_and_channel(store: SqliteStore) -> None:
    day = date(2026, 1, 2)
    await store.record_usage(TokenUse(day, "t", "t:c", "u1", 10, 5))
    await store.record_usage(TokenUse(day, "t", "t:c", "u2", 1, 1))
    assert await store.usage_today(day, "user", "t:u1") == 15
    assert await store.usage_today(day, "channel", "t:c") == 17
    assert await store.usage_today(date(2026, 1, 3), "channel", "t:c") == 0


async def test_claim_event_once(store: SqliteStore) -> None:
    assert await store.claim_event("t", "e1") is True
    assert await store.claim_event("t", "e1") is False
    assert await store.claim_event("other", "e1") is True


async def test_failed_transaction_changes_nothing(store: SqliteStore) -> None:
    story = await store.start_story("t:c", "t", "p", NewPart("one"))
    with pytest.raises(StorageError):
        await store.add_part(replace(story, id=story.id + 100), NewPart("orphan"))
    with pytest.raises(sqlite3.IntegrityError):
        # Second active story for the same channel inserted behind the store's back.
        async with store._tx() as db:
            await db.execute(
                "INSERT INTO stories (channel_key, premise, status, created_at, updated_at) "
                "VALUES ('t:c', 'x', 'active', 0, 0)"
            )
    rows = await store._fetchall("SELECT COUNT(*) FROM stories", ())
    assert rows[0][0] == 1
    assert (await store.active_story("t:c")) is not None


async def test_turn_state_reads_settings_story_recent_parts_and_event(store: SqliteStore) -> None:
    empty = await store.turn_state("t:none", parts=5, event=("t", "e1"))
    assert (empty.settings, empty.story, empty.recent, empty.handled) == (None, None, (), False)

    await store.set_settings("t:c", "t", '{"genre": "noir"}')
    await store.start_story("t:c", "t", "p", NewPart("1"))
    for i in range(2, 10):
        await store.add_part(await active(store, "t:c"), NewPart(str(i)))
    await store.set_summary((await active(store, "t:c")).id, "so far", upto=6)
    await store.claim_event("t", "e1")

    state = await store.turn_state("t:c", parts=5, event=("t", "e1"))
    assert state.settings == '{"genre": "noir"}'
    assert state.story == await store.active_story("t:c")
    assert [p.text for p in state.recent] == ["7", "8", "9"]  # unsummarised only
    assert state.handled
    assert not (await store.turn_state("t:c", parts=5, event=("other", "e1"))).handled
    assert [p.text for p in (await store.turn_state("t:c", parts=2)).recent] == ["8", "9"]


async def test_turn_state_always_has_the_last_part(store: SqliteStore) -> None:
    story = await store.start_story("t:c", "t", "p", NewPart("1", choices=("a", "b")))
    await store.set_summary(story.id, "all of it", upto=1)  # as after undoing to part 1
    state = await store.turn_state("t:c", parts=5)
    assert [(p.seq, p.choices) for p in state.recent] == [(1, ("a", "b"))]


async def test_part_write_is_one_atomic_change(store: SqliteStore) -> None:
    day = date(2026, 1, 2)
    story = await store.start_story(
        "t:c", "t", "p", NewPart("1"), event=("t", "e1"), usage=TokenUse(day, "t", "t:c", "u", 3, 4)
    )
    spent = TokenUse(day, "t", "t:c", "u", 10, 5)
    part = await store.add_part(story, NewPart("2", direction="go"), event=("t", "e2"), usage=spent)
    assert (part.seq, part.text, part.direction) == (2, "2", "go")
    after = await active(store, "t:c")
    assert after.last_seq == 2
    assert await store.usage_today(day, "user", "t:u") == 22
    assert await store.usage_today(day, "channel", "t:c") == 22
    assert (await store.turn_state("t:c", parts=5, event=("t", "e2"))).handled

    # A redelivered event, or a story that moved on, writes nothing at all.
    with pytest.raises(DuplicateEvent):
        await store.add_part(after, NewPart("dup"), event=("t", "e2"), usage=spent)
    with pytest.raises(StorageError, match="no longer ends at part 1"):
        await store.add_part(story, NewPart("stale"), event=("t", "e3"), usage=spent)
    with pytest.raises(DuplicateEvent):
        await store.start_story("t:c", "t", "again", NewPart("x"), event=("t", "e1"))
    assert [p.text for p in await store.all_parts(story.id)] == ["1", "2"]
    assert await store.usage_today(day, "user", "t:u") == 22
    assert not (await store.turn_state("t:c", parts=5, event=("t", "e3"))).handled
    assert (await active(store, "t:c")).premise == "p"


async def test_part_write_replaces_the_last_part(store: SqliteStore) -> None:
    story = await store.start_story("t:c", "t", "p", NewPart("1"))
    story = replace(story, last_seq=(await store.add_part(story, NewPart("2"))).seq)
    again = await store.add_part(story, NewPart("2b", status=PartStatus.CUT), replace_last=True)
    assert again.seq == 2
    parts = await store.all_parts(story.id)
    assert [(p.seq, p.text, p.status) for p in parts] == [
        (1, "1", PartStatus.COMPLETE),
        (2, "2b", PartStatus.CUT),
    ]
    assert (await active(store, "t:c")).last_seq == 2


async def test_a_statement_never_lands_inside_anothers_transaction(store: SqliteStore) -> None:
    """A statement sent while a transaction is open waits for it, so a rollback spares it."""
    inside = asyncio.Event()

    async def failing_transaction() -> None:
        async with store._tx() as db:
            await db.execute("INSERT INTO channels VALUES ('t:tx', 't', '{}', 0, 0)")
            inside.set()
            await asyncio.sleep(0.05)  # the statement below is sent meanwhile
            raise RuntimeError("roll back")

    task = asyncio.create_task(failing_transaction())
    await inside.wait()
    day = date(2026, 1, 2)
    await store.record_usage(TokenUse(day, "t", "t:c", "u", 1, 2))
    with pytest.raises(RuntimeError, match="roll back"):
        await task
    assert await store.usage_today(day, "user", "t:u") == 3
    assert await store.get_settings("t:tx") is None


async def test_turns_asking_at_once_are_read_in_one_statement_each_as_if_alone(
    store: SqliteStore,
) -> None:
    for number in range(6):
        channel = f"t:{number}"
        if number % 3:
            await store.set_settings(channel, "t", f'{{"n": {number}}}')
        if number % 2:
            story = await store.start_story(channel, "t", "p", NewPart("1", choices=("a",)))
            for text in "234":
                story = replace(story, last_seq=(await store.add_part(story, NewPart(text))).seq)
    await store.claim_event("t", "e3")
    asks = [
        (f"t:{number}", {"parts": 1 + number, "event": ("t", f"e{number}")}) for number in range(6)
    ]
    alone = [await store.turn_state(channel, **ask) for channel, ask in asks]

    statements: list[str] = []
    await store.db.set_trace_callback(statements.append)
    together = await asyncio.gather(*(store.turn_state(channel, **ask) for channel, ask in asks))
    await store.db.set_trace_callback(None)

    assert together == alone
    assert [state.handled for state in together] == [False, False, False, True, False, False]
    assert [len(state.recent) for state in together] == [0, 2, 0, 4, 0, 4]
    assert together[5].recent[0].choices == ("a",)  # the story's first part, choices and all
    assert len([s for s in statements if "WITH wanted" in s]) == 1


async def test_parts_written_at_once_each_get_their_own_answer(store: SqliteStore) -> None:
    day = date(2026, 1, 2)
    stories = [await store.start_story(f"t:{n}", "t", "p", NewPart("1")) for n in range(5)]
    await store.claim_event("t", "seen")
    moved_on = await store.add_part(stories[4], NewPart("2"))
    events = [("t", "e0"), ("t", "seen"), ("t", "e2"), ("t", "e3"), ("t", "e4")]

    results = await asyncio.gather(
        *(
            store.add_part(
                story,
                NewPart(f"new {n}"),
                event=event,
                usage=TokenUse(day, "t", story.channel, "u", 1, 1),
            )
            for n, (story, event) in enumerate(zip(stories, events, strict=True))
        ),
        return_exceptions=True,
    )

    assert isinstance(results[1], DuplicateEvent)
    assert isinstance(results[4], StorageError)
    assert "no longer ends at part 1" in str(results[4])
    for n in (0, 2, 3):
        assert [p.text for p in await store.all_parts(stories[n].id)] == ["1", f"new {n}"]
    assert [p.text for p in await store.all_parts(stories[1].id)] == ["1"]
    assert [p.text for p in await store.all_parts(stories[4].id)] == ["1", moved_on.text]
    assert await store.usage_today(day, "user", "t:u") == 6  # three writes, two tokens each

    statements: list[str] = []
    await store.db.set_trace_callback(statements.append)
    fresh = [await active(store, f"t:{n}") for n in (0, 2, 3)]
    await asyncio.gather(*(store.add_part(story, NewPart("next")) for story in fresh))
    await store.db.set_trace_callback(None)
    writes = {s for s in statements if s.startswith("INSERT INTO part_writes")}
    assert len(writes) == 1  # traced once per trigger step, but one statement
    assert writes.pop().count("'next'") == 3
    for story in fresh:
        assert [p.text for p in await store.all_parts(story.id)][-1] == "next"


async def test_turn_state_reads_any_text_back_exactly(store: SqliteStore) -> None:
    """Recent parts travel as JSON built by SQLite; nothing a model writes may change on the way."""
    text = 'a\x00b\x01c\u2028d🐉"\\</script>\ufffe'
    part = NewPart(text, direction="x\x00y", author="Zoë", choices=("\x00", "é", ""))
    story = await store.start_story("t:c", "t", "p", part)
    (read,) = (await store.turn_state("t:c", parts=5)).recent
    assert read == (await store.all_parts(story.id))[0]
    assert (read.text, read.direction, read.author, read.choices) == (
        text,
        "x\x00y",
        "Zoë",
        ("\x00", "é", ""),
    )
