"""The channel and schedule queries of both stores: settings, prompts, subscriptions,
feeds and retention."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.identity import ChannelKey
from bot.story_settings import StorySettings
from storage.base import (
    Failure,
    FeedState,
    NewPart,
    PartStatus,
    StorageError,
    Story,
    StoryStatus,
    TurnWrite,
)
from tests.storage.raw import AnyStore, query, scalar

A = ChannelKey.of("t", "a")
B = ChannelKey.of("t", "b")
FEED = "https://example.org/prompts.xml"


async def start(store: AnyStore, channel: ChannelKey, premise: str = "p") -> Story:
    """A new active story (archiving the channel's previous one), with an opening part."""
    written = await store.write_turn(TurnWrite(channel, part=NewPart("1"), premise=premise))
    assert written.story is not None
    return written.story


async def count(store: AnyStore, sql: str) -> int:
    return int(await scalar(store, sql))


# settings


async def test_settings_default_then_set_and_overwritten_per_channel(store: AnyStore) -> None:
    assert await store.get_settings(A) == StorySettings()
    await store.set_settings(A, StorySettings(genre="horror", choices=False))
    await store.set_settings(B, StorySettings(length="short"))
    await store.set_settings(A, StorySettings(genre="mystery"))
    assert await store.get_settings(A) == StorySettings(genre="mystery")
    assert await store.get_settings(B) == StorySettings(length="short")
    assert await store.get_settings(ChannelKey.of("t", "c")) == StorySettings()


# prompts


async def test_prompts_are_listed_in_order_and_counted_per_channel(store: AnyStore) -> None:
    first = await store.add_prompt(A, "a dragon", "Ada")
    await store.add_prompt(B, "a mouse", "Bo")
    second = await store.add_prompt(A, "a dragon", "Cy")  # the same text twice is fine here
    assert second.id > first.id
    assert [(p.id, p.text, p.author) for p in await store.list_prompts(A)] == [
        (first.id, "a dragon", "Ada"),
        (second.id, "a dragon", "Cy"),
    ]
    assert (await store.count_prompts(A), await store.count_prompts(B)) == (2, 1)
    assert await store.list_prompts(ChannelKey.of("t", "none")) == []


async def test_a_prompt_is_removed_only_from_its_channel(store: AnyStore) -> None:
    prompt = await store.add_prompt(A, "a dragon", "Ada")
    assert not await store.remove_prompt(B, prompt.id)
    assert await store.count_prompts(A) == 1
    assert await store.remove_prompt(A, prompt.id)
    assert not await store.remove_prompt(A, prompt.id)
    assert await store.count_prompts(A) == 0


async def test_a_prompt_is_edited_only_where_it_is(store: AnyStore) -> None:
    own = await store.add_prompt(A, "a dragon", "Ada")
    pooled = await store.add_pool_prompt("a heron", "operator")
    other = await store.add_pool_prompt("a fox", "operator")
    assert pooled is not None
    assert other is not None
    assert await store.edit_prompt(B, own.id, "a wyrm") is None  # not B's
    assert await store.edit_prompt(None, own.id, "a wyrm") is None  # not in the pool
    assert await store.edit_prompt(A, pooled.id, "a crane") is None  # not A's
    edited = await store.edit_prompt(A, own.id, "a wyrm")
    assert edited is not None
    assert (edited.id, edited.text, edited.author) == (
        own.id,
        "a wyrm",
        "Ada",
    )
    assert [p.text for p in await store.list_prompts(A)] == ["a wyrm"]
    crane = await store.edit_prompt(None, pooled.id, "a crane")
    assert crane is not None
    assert crane.text == "a crane"
    with pytest.raises(StorageError) as refused:  # the pool holds each text once
        await store.edit_prompt(None, other.id, "a crane")
    assert refused.value.kind is Failure.CONSTRAINT
    assert [p.text for p in await store.pool_prompts(0, 10)] == ["a crane", "a fox"]


async def test_channel_prompts_are_not_in_the_feed_pool(store: AnyStore) -> None:
    await store.add_prompt(A, "shared text", "Ada")
    assert await store.add_feed_prompts(["shared text"]) == 1
    assert await store.count_feed_prompts() == 1
    assert await store.count_prompts(A) == 1


# subscriptions


async def test_subscribe_creates_the_channel_and_an_enabled_subscription(
    store: AnyStore,
) -> None:
    await store.subscribe(A, "09:05", "Europe/Berlin")
    assert await count(store, "SELECT COUNT(*) FROM channels WHERE key = 't:a'") == 1
    sub = await store.subscription(A)
    assert sub is not None
    assert (sub.channel, sub.platform, sub.at_time, sub.timezone) == (
        A,
        "t",
        "09:05",
        "Europe/Berlin",
    )
    assert (sub.failures, sub.enabled, sub.last_run) == (0, True, None)
    assert sub.created_at > 0
    assert await store.subscription(B) is None


async def test_failures_count_up_and_disable_after_the_limit(store: AnyStore) -> None:
    await store.subscribe(A, "09:00", "UTC")
    before = time.time()
    first = await store.record_subscription_run(A, False, 3)
    assert first is not None
    assert (first.failures, first.enabled) == (1, True)
    assert first.last_run is not None
    assert first.last_run >= before
    await store.record_subscription_run(A, False, 3)
    third = await store.record_subscription_run(A, False, 3)
    assert third is not None
    assert (third.failures, third.enabled) == (3, False)
    assert await store.subscriptions() == []
    kept = await store.subscription(A)
    assert kept is not None
    assert not kept.enabled


async def test_a_success_resets_failures(store: AnyStore) -> None:
    await store.subscribe(A, "09:00", "UTC")
    await store.record_subscription_run(A, False, 3)
    await store.record_subscription_run(A, False, 3)
    after = await store.record_subscription_run(A, True, 3)
    assert after is not None
    assert (after.failures, after.enabled) == (0, True)
    again = await store.record_subscription_run(A, False, 3)
    assert again is not None
    assert (again.failures, again.enabled) == (1, True)


async def test_a_run_of_no_subscription_is_none(store: AnyStore) -> None:
    assert await store.record_subscription_run(A, True, 3) is None


async def test_resubscribing_replaces_the_time_and_enables_again(store: AnyStore) -> None:
    await store.subscribe(A, "09:00", "UTC")
    await store.record_subscription_run(A, False, 1)
    assert await store.subscriptions() == []
    await store.subscribe(A, "21:30", "Asia/Tokyo")
    sub = await store.subscription(A)
    assert sub is not None
    assert (sub.at_time, sub.timezone, sub.failures, sub.enabled) == (
        "21:30",
        "Asia/Tokyo",
        0,
        True,
    )
    assert [s.channel for s in await store.subscriptions()] == [A]


async def test_subscriptions_lists_only_enabled_ones(store: AnyStore) -> None:
    for channel in (B, A, ChannelKey.of("t", "c")):
        await store.subscribe(channel, "09:00", "UTC")
    await store.record_subscription_run(ChannelKey.of("t", "c"), False, 1)
    assert [s.channel for s in await store.subscriptions()] == [A, B]


async def test_unsubscribe_says_whether_there_was_one(store: AnyStore) -> None:
    await store.subscribe(A, "09:00", "UTC")
    assert await store.unsubscribe(A)
    assert await store.subscription(A) is None
    assert not await store.unsubscribe(A)
    assert not await store.unsubscribe(B)


async def test_forget_channel_removes_its_subscription(store: AnyStore) -> None:
    await store.subscribe(A, "09:00", "UTC")
    await store.subscribe(B, "10:00", "UTC")
    await store.forget_channel(A)
    assert await store.subscription(A) is None
    assert [s.channel for s in await store.subscriptions()] == [B]


# feeds


async def test_feed_state_keeps_old_validators_and_stores_the_last_error(
    store: AnyStore,
) -> None:
    assert await store.feed_state(FEED) is None
    await store.save_feed_state(FEED, '"v1"', "Mon, 01 Jan 2024 00:00:00 GMT", None)
    await store.save_feed_state(FEED, None, None, "HTTP 503")
    assert await store.feed_state(FEED) == FeedState(FEED, '"v1"', "Mon, 01 Jan 2024 00:00:00 GMT")
    errors = await query(store, f"SELECT last_error FROM feeds WHERE url = '{FEED}'")
    assert list(errors) == [("HTTP 503",)]
    await store.save_feed_state(FEED, '"v2"', None, None)
    assert await store.feed_state(FEED) == FeedState(FEED, '"v2"', "Mon, 01 Jan 2024 00:00:00 GMT")
    errors = await query(store, f"SELECT last_error FROM feeds WHERE url = '{FEED}'")
    assert list(errors) == [(None,)]


async def test_feed_prompts_are_added_once_and_read_by_index(store: AnyStore) -> None:
    assert await store.add_feed_prompts(["one", "two", "one"]) == 2
    assert await store.add_feed_prompts(["two", "three"]) == 1
    assert await store.add_feed_prompts([]) == 0
    assert await store.count_feed_prompts() == 3
    assert [await store.feed_prompt_at(i) for i in range(4)] == ["one", "two", "three", None]


# retention


async def test_purge_deletes_only_old_finished_stories_and_their_parts(store: AnyStore) -> None:
    archived = await start(store, A, "old archived")
    ended = await start(store, B, "old ended")
    written = await store.write_turn(
        TurnWrite(B, part=NewPart("the end"), story=ended, finish=StoryStatus.ENDED)
    )
    assert written.story is not None
    assert written.story.status is StoryStatus.ENDED
    await start(store, A, "active")  # archives the first story of A
    await asyncio.sleep(0.01)
    cutoff = time.time()
    await asyncio.sleep(0.01)
    recent = await start(store, ChannelKey.of("t", "c"), "recent")
    await start(store, ChannelKey.of("t", "c"), "newer")  # archives it after the cutoff
    purged = await store.purge(stories_before=cutoff, events_before=0)
    assert purged.stories == 2
    left = await query(store, "SELECT premise FROM stories ORDER BY id")
    assert [row[0] for row in left] == ["active", "recent", "newer"]
    assert await store.all_parts(archived.id) == []
    assert await store.all_parts(ended.id) == []
    assert [p.status for p in await store.all_parts(recent.id)] == [PartStatus.COMPLETE]
    assert await count(store, "SELECT COUNT(*) FROM parts") == 3


async def test_purge_keeps_active_stories_however_old(store: AnyStore) -> None:
    await start(store, A)
    purged = await store.purge(stories_before=time.time() + 3600, events_before=0)
    assert purged.stories == 0
    assert await store.active_story(A) is not None


async def test_purge_deletes_old_event_ids_only(store: AnyStore) -> None:
    assert await store.claim_event(A, "old")
    await asyncio.sleep(0.01)
    cutoff = time.time()
    await asyncio.sleep(0.01)
    assert await store.claim_event(A, "new")
    purged = await store.purge(stories_before=0, events_before=cutoff)
    assert purged.events == 1
    assert await store.claim_event(A, "old")  # forgotten, so it counts as new again
    assert not await store.claim_event(A, "new")


@pytest.mark.parametrize("status", [StoryStatus.ARCHIVED, StoryStatus.ENDED])
async def test_finished_stories_keep_their_channel_and_prompts_after_purge(
    store: AnyStore, status: StoryStatus
) -> None:
    story = await start(store, A)
    await store.write_turn(TurnWrite(A, part=NewPart("fin"), story=story, finish=status))
    await store.add_prompt(A, "keep me", "Ada")
    await store.set_settings(A, StorySettings(genre="horror"))
    assert (await store.purge(stories_before=time.time() + 1, events_before=0)).stories == 1
    assert await store.count_prompts(A) == 1
    assert (await store.get_settings(A)).genre == "horror"
