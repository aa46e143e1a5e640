"""Both stores: persistence, atomic story changes, idempotency, batching, retention.

Every test here runs against SQLite and against PostgreSQL (``conftest.py``).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from datetime import date

import pytest

from bot.identity import ChannelKey
from bot.story_settings import StorySettings
from storage.base import (
    Failure,
    NewPart,
    Part,
    PartStatus,
    StorageError,
    Story,
    StoryStatus,
    TokenUse,
    TurnWrite,
    UsageToday,
)
from tests.storage.raw import AnyStore, purge_batch, query, reopened, scalar, transaction


def key(name: str = "c") -> ChannelKey:
    return ChannelKey.of("t", name)


C = key()


async def active(store: AnyStore, channel: ChannelKey = C) -> Story:
    story = await store.active_story(channel)
    assert story is not None
    return story


async def start(
    store: AnyStore,
    premise: str,
    first: NewPart,
    channel: ChannelKey = C,
    *,
    event: str | None = None,
    usage: TokenUse | None = None,
) -> Story:
    write = TurnWrite(channel, part=first, premise=premise, event=event, usage=usage)
    written = await store.write_turn(write)
    assert written.story is not None
    return written.story


async def add(
    store: AnyStore,
    story: Story,
    part: NewPart,
    *,
    replace_last: bool = False,
    event: str | None = None,
    usage: TokenUse | None = None,
) -> Part:
    write = TurnWrite(
        story.channel, part=part, story=story, replace_last=replace_last, event=event, usage=usage
    )
    written = await store.write_turn(write)
    assert written.part is not None
    return written.part


async def record(store: AnyStore, usage: TokenUse) -> None:
    """Usage with no part, as a recap stores it."""
    await store.write_turn(TurnWrite(usage.channel, usage=usage))


def spent(day: date, user: str, prompt: int, completion: int, channel: ChannelKey = C) -> TokenUse:
    return TokenUse(day, channel, f"t:{user}", prompt, completion)


async def test_story_persists_across_reopen(store: AnyStore) -> None:
    story = await start(store, "a premise", NewPart("opening", choices=("a",)))
    await add(store, story, NewPart("second", direction="go on"))
    await store.set_settings(C, StorySettings(genre="sci-fi"))

    async with reopened(store) as again:
        active = await again.active_story(C)
        assert active is not None
        assert active.last_seq == 2
        parts = await again.all_parts(active.id)
        assert [p.text for p in parts] == ["opening", "second"]
        assert parts[0].choices == ("a",)
        assert parts[1].direction == "go on"
        assert (await again.get_settings(C)).genre == "sci-fi"


async def test_new_story_archives_the_old_one(store: AnyStore) -> None:
    first = await start(store, "one", NewPart("p1"))
    second = await start(store, "two", NewPart("p1"))
    active = await store.active_story(C)
    assert active is not None
    assert active.id == second.id
    assert await store.all_parts(first.id)  # archived, not deleted
    status = await scalar(store, f"SELECT status FROM stories WHERE id = {first.id}")
    assert status == StoryStatus.ARCHIVED


async def test_stories_started_at_once_each_get_their_own_answer(store: AnyStore) -> None:
    """Starts that arrive together are written together; one that fails fails alone."""
    old = await start(store, "old", NewPart("before"), key("1"))
    await store.claim_event(C, "seen")
    events = ["e0", "e1", "seen", "e3"]

    results = await asyncio.gather(
        *(
            start(store, f"premise {n}", NewPart(f"opening {n}"), key(str(n)), event=event)
            for n, event in enumerate(events)
        ),
        return_exceptions=True,
    )

    assert isinstance(results[2], StorageError)
    assert results[2].kind is Failure.DUPLICATE_EVENT
    assert await store.active_story(key("2")) is None  # nothing of the refused start
    for n in (0, 1, 3):
        story = results[n]
        assert isinstance(story, Story)
        assert (story.channel, story.premise, story.last_seq) == (key(str(n)), f"premise {n}", 1)
        assert await active(store, key(str(n))) == story
        assert [p.text for p in await store.all_parts(story.id)] == [f"opening {n}"]
    status = await scalar(store, f"SELECT status FROM stories WHERE id = {old.id}")
    assert status == StoryStatus.ARCHIVED
    assert (await store.turn_state(key("3"), parts=1, event="e3")).handled

    again = await asyncio.gather(
        *(start(store, "new", NewPart("x"), key(str(n))) for n in range(4))
    )
    assert [story.channel for story in again] == [key(str(n)) for n in range(4)]
    assert [await active(store, key(str(n))) for n in range(4)] == again


async def test_replace_and_drop_last_part(store: AnyStore) -> None:
    story = await start(store, "p", NewPart("one"))
    await add(store, story, NewPart("two"))
    replaced = await add(
        store, await active(store), NewPart("TWO", status=PartStatus.CUT), replace_last=True
    )
    assert replaced.seq == 2
    assert replaced.status is PartStatus.CUT
    dropped = await store.drop_last_part(story.id)
    assert dropped is not None
    assert dropped.text == "TWO"
    assert await store.drop_last_part(story.id) is None  # the opening stays
    assert [p.text for p in await store.all_parts(story.id)] == ["one"]
    nxt = await add(store, await active(store), NewPart("again"))
    assert nxt.seq == 2


async def test_recent_parts_are_the_newest_in_order(store: AnyStore) -> None:
    story = await start(store, "p", NewPart("0"))
    for i in range(1, 10):
        await add(store, await active(store), NewPart(str(i)))
    recent = await store.recent_parts(story.id, after_seq=0, limit=3)
    assert [p.text for p in recent] == ["7", "8", "9"]
    recent = await store.recent_parts(story.id, after_seq=8, limit=5)
    assert [p.text for p in recent] == ["8", "9"]


async def test_forget_removes_everything_of_the_channel_only(store: AnyStore) -> None:
    await start(store, "a", NewPart("a"), key("a"))
    await store.add_prompt(key("a"), "prompt a", "x")
    await start(store, "b", NewPart("b"), key("b"))
    await store.forget_channel(key("a"))
    assert await store.active_story(key("a")) is None
    assert await store.list_prompts(key("a")) == []
    assert await store.get_settings(key("a")) == StorySettings()
    assert await store.active_story(key("b")) is not None
    assert await scalar(store, "SELECT COUNT(*) FROM parts") == 1


async def test_prompts_belong_to_their_channel(store: AnyStore) -> None:
    prompt = await store.add_prompt(key("a"), "a lost key", "Ada")
    assert await store.remove_prompt(key("b"), prompt.id) is False
    assert await store.count_prompts(key("a")) == 1
    assert await store.remove_prompt(key("a"), prompt.id) is True
    assert await store.count_prompts(key("a")) == 0


async def test_usage_adds_up_per_user_and_channel(store: AnyStore) -> None:
    day = date(2026, 1, 2)
    await record(store, spent(day, "u1", 10, 5))
    await record(store, spent(day, "u2", 1, 1))
    assert (await store.usage_today(day, C, "t:u1")).user == 15
    assert (await store.usage_today(day, C, "t:u1")).channel == 17
    assert (await store.usage_today(date(2026, 1, 3), C, "t:u1")).channel == 0


async def test_claim_event_once(store: AnyStore) -> None:
    assert await store.claim_event(C, "e1") is True
    assert await store.claim_event(key("d"), "e1") is False  # events are per platform
    assert await store.claim_event(ChannelKey.of("other", "c"), "e1") is True


async def test_failed_transaction_changes_nothing(store: AnyStore) -> None:
    story = await start(store, "p", NewPart("one"))
    with pytest.raises(StorageError):
        await add(store, replace(story, id=story.id + 100), NewPart("orphan"))
    with pytest.raises(StorageError) as broken:
        # Second active story for the same channel inserted behind the store's back.
        async with transaction(store) as run:
            await run(
                "INSERT INTO stories (channel_key, premise, status, created_at, updated_at) "
                "VALUES ('t:c', 'x', 'active', 0, 0)"
            )
    assert broken.value.kind is Failure.CONSTRAINT
    assert await scalar(store, "SELECT COUNT(*) FROM stories") == 1
    assert (await store.active_story(C)) is not None


async def test_turn_state_reads_settings_story_recent_parts_and_event(store: AnyStore) -> None:
    empty = await store.turn_state(key("none"), parts=5, event="e1")
    assert (empty.settings, empty.story, empty.recent, empty.handled) == (
        StorySettings(),
        None,
        (),
        False,
    )

    await store.set_settings(C, StorySettings(genre="noir"))
    await start(store, "p", NewPart("1"))
    for i in range(2, 10):
        await add(store, await active(store), NewPart(str(i)))
    assert await store.set_summary(await active(store), "so far", upto=6)
    await store.claim_event(C, "e1")

    state = await store.turn_state(C, parts=5, event="e1")
    assert state.settings.genre == "noir"
    assert state.story == await store.active_story(C)
    assert [p.text for p in state.recent] == ["7", "8", "9"]  # unsummarised only
    assert state.handled
    assert not (await store.turn_state(ChannelKey.of("other", "c"), parts=5, event="e1")).handled
    assert [p.text for p in (await store.turn_state(C, parts=2)).recent] == ["8", "9"]


async def test_turn_state_always_has_the_last_part(store: AnyStore) -> None:
    story = await start(store, "p", NewPart("1", choices=("a", "b")))
    await add(store, story, NewPart("2", choices=("c",)))
    assert await store.set_summary(await active(store), "all of it", upto=1)
    await store.drop_last_part(story.id)  # undone back to part 1, which the summary holds
    state = await store.turn_state(C, parts=5)
    assert [(p.seq, p.choices) for p in state.recent] == [(1, ("a", "b"))]


async def test_part_write_is_one_atomic_change(store: AnyStore) -> None:
    day = date(2026, 1, 2)
    story = await start(store, "p", NewPart("1"), event="e1", usage=spent(day, "u", 3, 4))
    used = spent(day, "u", 10, 5)
    part = await add(store, story, NewPart("2", direction="go"), event="e2", usage=used)
    assert (part.seq, part.text, part.direction) == (2, "2", "go")
    after = await active(store)
    assert after.last_seq == 2
    assert await store.usage_today(day, C, "t:u") == UsageToday(22, 22)
    assert (await store.turn_state(C, parts=5, event="e2")).handled

    # A redelivered event, or a story that moved on, writes nothing at all.
    with pytest.raises(StorageError) as duplicate:
        await add(store, after, NewPart("dup"), event="e2", usage=used)
    assert duplicate.value.kind is Failure.DUPLICATE_EVENT
    with pytest.raises(StorageError) as moved:
        await add(store, story, NewPart("stale"), event="e3", usage=used)
    assert moved.value.kind is Failure.MOVED_ON
    with pytest.raises(StorageError) as again:
        await start(store, "again", NewPart("x"), event="e1")
    assert again.value.kind is Failure.DUPLICATE_EVENT
    assert [p.text for p in await store.all_parts(story.id)] == ["1", "2"]
    assert (await store.usage_today(day, C, "t:u")).user == 22
    assert not (await store.turn_state(C, parts=5, event="e3")).handled
    assert (await active(store)).premise == "p"


async def test_part_write_replaces_the_last_part(store: AnyStore) -> None:
    story = await start(store, "p", NewPart("1"))
    story = replace(story, last_seq=(await add(store, story, NewPart("2"))).seq)
    again = await add(store, story, NewPart("2b", status=PartStatus.CUT), replace_last=True)
    assert again.seq == 2
    parts = await store.all_parts(story.id)
    assert [(p.seq, p.text, p.status) for p in parts] == [
        (1, "1", PartStatus.COMPLETE),
        (2, "2b", PartStatus.CUT),
    ]
    assert (await active(store)).last_seq == 2


async def test_a_statement_never_lands_inside_anothers_transaction(store: AnyStore) -> None:
    """A statement sent while a transaction is open waits for it, so a rollback spares it."""
    inside = asyncio.Event()

    async def failing_transaction() -> None:
        async with transaction(store) as run:
            await run("INSERT INTO channels VALUES ('t:tx', 't', '{}', 0, 0)")
            inside.set()
            await asyncio.sleep(0.05)  # the statement below is sent meanwhile
            raise RuntimeError("roll back")

    task = asyncio.create_task(failing_transaction())
    await inside.wait()
    day = date(2026, 1, 2)
    await record(store, spent(day, "u", 1, 2))
    with pytest.raises(RuntimeError, match="roll back"):
        await task
    assert (await store.usage_today(day, C, "t:u")).user == 3
    assert await store.get_settings(key("tx")) == StorySettings()


async def test_turns_asking_at_once_are_each_read_as_if_alone(store: AnyStore) -> None:
    for number in range(6):
        channel = key(str(number))
        if number % 3:
            await store.set_settings(channel, StorySettings(tone=f"tone {number}"))
        if number % 2:
            story = await start(store, "p", NewPart("1", choices=("a",)), channel)
            for text in "234":
                story = replace(story, last_seq=(await add(store, story, NewPart(text))).seq)
    await store.claim_event(C, "e3")
    asks = [(key(str(number)), 1 + number, f"e{number}") for number in range(6)]
    alone = [await store.turn_state(c, parts=n, event=e) for c, n, e in asks]

    together = await asyncio.gather(*(store.turn_state(c, parts=n, event=e) for c, n, e in asks))

    assert together == alone
    assert [state.handled for state in together] == [False, False, False, True, False, False]
    assert [len(state.recent) for state in together] == [0, 2, 0, 4, 0, 4]
    assert together[5].recent[0].choices == ("a",)  # the story's first part, choices and all


async def test_parts_written_at_once_each_get_their_own_answer(store: AnyStore) -> None:
    day = date(2026, 1, 2)
    stories = [await start(store, "p", NewPart("1"), key(str(n))) for n in range(5)]
    await store.claim_event(C, "seen")
    moved_on = await add(store, stories[4], NewPart("2"))
    events = ["e0", "seen", "e2", "e3", "e4"]

    results = await asyncio.gather(
        *(
            add(
                store,
                story,
                NewPart(f"new {n}"),
                event=event,
                usage=spent(day, "u", 1, 1, story.channel),
            )
            for n, (story, event) in enumerate(zip(stories, events, strict=True))
        ),
        return_exceptions=True,
    )

    assert isinstance(results[1], StorageError)
    assert results[1].kind is Failure.DUPLICATE_EVENT
    assert isinstance(results[4], StorageError)
    assert results[4].kind is Failure.MOVED_ON
    for n in (0, 2, 3):
        assert [p.text for p in await store.all_parts(stories[n].id)] == ["1", f"new {n}"]
    assert [p.text for p in await store.all_parts(stories[1].id)] == ["1"]
    assert [p.text for p in await store.all_parts(stories[4].id)] == ["1", moved_on.text]
    assert (await store.usage_today(day, C, "t:u")).user == 6  # three writes, two tokens each

    fresh = [await active(store, key(str(n))) for n in (0, 2, 3)]
    await asyncio.gather(*(add(store, story, NewPart("next")) for story in fresh))
    for story in fresh:
        assert [p.text for p in await store.all_parts(story.id)][-1] == "next"


async def test_turn_state_reads_the_story_back_exactly(store: AnyStore) -> None:
    """The story's times travel as text in SQLite's one-row read: not a digit lost."""
    story = await start(store, 'a "premise" \\ \u2028 🐉', NewPart("one"))
    await store.set_turn(story.id, "t:ada", 1796330000.1234567)
    state = await store.turn_state(C, parts=5)
    assert state.story == await store.active_story(C)
    assert state.story is not None
    assert state.story.turn_since == 1796330000.1234567
    assert state.story.created_at == story.created_at


async def test_turn_state_reads_any_text_back_exactly(store: AnyStore) -> None:
    """Recent parts travel as JSON (SQLite) or rows (PostgreSQL, which cannot hold NUL);
    nothing a model writes may change on the way."""
    text = 'a\x00b\x01c\u2028d🐉"\\</script>\ufffe'
    part = NewPart(text, direction="x\x00y", author="Zoë", choices=("\x00", "é", ""))
    story = await start(store, "p", part)
    (read,) = (await store.turn_state(C, parts=5)).recent
    assert read == (await store.all_parts(story.id))[0]
    assert (read.text, read.direction, read.author, read.choices) == (
        text,
        "x\x00y",
        "Zoë",
        ("\x00", "é", ""),
    )


async def test_an_ending_is_stored_with_the_story_finished_in_one_write(
    store: AnyStore,
) -> None:
    story = await start(store, "p", NewPart("1"))
    ending = TurnWrite(C, part=NewPart("The end."), story=story, finish=StoryStatus.ENDED)
    written = await store.write_turn(ending)
    assert written.part is not None
    assert written.part.seq == 2
    assert await store.active_story(C) is None
    rows = await query(store, "SELECT status, finished_at FROM stories")
    assert rows[0][0] == "ended"
    assert rows[0][1] is not None
    with pytest.raises(StorageError) as late:  # nothing may be added to an ended story
        await add(store, replace(story, last_seq=2), NewPart("more"))
    assert late.value.kind is Failure.MOVED_ON


async def test_an_events_part_is_found_while_it_is_its_storys_last(store: AnyStore) -> None:
    """An ending leaves no active story: a kill before it is shown is healed through this."""
    story = await start(store, "p", NewPart("1"), event="e1")
    ending = TurnWrite(
        C, part=NewPart("The end."), story=story, finish=StoryStatus.ENDED, event="e2"
    )
    await store.write_turn(ending)
    assert (await store.turn_state(C, parts=5, event="e2")).handled_part is None
    found = await store.event_part(C.platform, "e2")
    assert found is not None
    assert (found.story_id, found.seq, found.text) == (story.id, 2, "The end.")
    assert await store.event_part(C.platform, "e1") is None  # the story moved on since
    assert await store.event_part(C.platform, "nope") is None
    assert await store.event_part("other", "e2") is None


async def test_a_claimed_event_keeps_its_reply_until_it_is_shown(store: AnyStore) -> None:
    """A kill between the claim and the reply reaching the chat: the reply is shown again."""
    assert await store.claim_event(C, "e1", "There is no story here yet.")
    assert await store.claim_event(C, "e2")
    assert await store.event_reply(C.platform, "e1") == "There is no story here yet."
    assert await store.event_reply(C.platform, "e2") is None
    assert await store.event_reply("other", "e1") is None


async def test_usage_without_a_part_records_its_event_once(store: AnyStore) -> None:
    day = date(2026, 1, 2)
    await store.write_turn(TurnWrite(C, event="recap-1", usage=spent(day, "u", 2, 3)))
    with pytest.raises(StorageError) as again:
        await store.write_turn(TurnWrite(C, event="recap-1", usage=spent(day, "u", 2, 3)))
    assert again.value.kind is Failure.DUPLICATE_EVENT
    assert (await store.usage_today(day, C, "t:u")).user == 5


async def test_channel_keys_round_trip_whatever_their_parts(store: AnyStore) -> None:
    """Keys are values: storage keeps them and gives them back, never parsing them."""
    odd = ChannelKey("web", ("room:with:colons", "100%", ""))
    await start(store, "p", NewPart("1"), odd)
    await store.subscribe(odd, "09:00", "UTC")
    story = await store.active_story(odd)
    assert story is not None
    assert story.channel == odd
    (sub,) = await store.subscriptions()
    assert sub.channel == odd
    assert sub.platform == "web"
    assert await store.active_story(ChannelKey("web", ("room",))) is None


async def test_purge_deletes_in_batches_and_keeps_active_stories(store: AnyStore) -> None:
    batch = purge_batch(store)
    for n in range(batch * 2 + 5):
        await start(store, "p", NewPart("1"), key(f"old{n}"))
        await start(store, "p", NewPart("1"), key(f"old{n}"))  # archives the first
    done: list[str] = []

    async def purge() -> int:
        purged = await store.purge(stories_before=time.time() + 1, events_before=0)
        done.append("purge")
        return purged.stories

    async def read_meanwhile() -> None:
        await asyncio.sleep(0)  # once the purge has begun
        await store.get_settings(C)
        done.append("read")

    stories, _ = await asyncio.gather(purge(), read_meanwhile())
    assert stories == batch * 2 + 5
    assert done == ["read", "purge"]  # a turn's read is not held up by the whole purge
    assert await store.count_active_stories() == batch * 2 + 5


async def test_health_reports_a_recent_database_failure(store: AnyStore) -> None:
    assert await store.health() is None
    with pytest.raises(StorageError):
        await query(store, "SELECT * FROM no_such_table")
    reason = await store.health()
    assert reason is not None
    assert reason.startswith("io:")
