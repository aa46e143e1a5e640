"""The inbox queries of both stores: events kept in arrival order, bounded, forgotten,
and taken up by the next start-up.

``pending`` is what a process starting up takes over from the one before, so
each look at it here is a restart (``reopened``): the PostgreSQL store never
takes up what a live instance (itself included) has in hand.
"""

from __future__ import annotations

import asyncio

from tests.storage.raw import AnyStore, reopened

TG = "telegram"


async def test_events_are_kept_in_arrival_order_until_done(store: AnyStore) -> None:
    assert await store.keep(TG, [("10", "{a}"), ("9", "{b}")], 100)
    assert await store.keep(TG, [("100", "{c}")], 100)
    await store.done(TG, "9")
    await store.done(TG, "9")  # twice is fine
    async with reopened(store) as after:
        pending = await after.pending(TG, 100)
        assert [(p.event_id, p.payload) for p in pending] == [("10", "{a}"), ("100", "{c}")]


async def test_events_done_at_once_all_leave_the_inbox(store: AnyStore) -> None:
    assert await store.keep(TG, [(str(n), "x") for n in range(6)], 100)
    assert await store.keep("slack", [("3", "s")], 100)
    await asyncio.gather(*(store.done(TG, str(n)) for n in (0, 1, 3, 4, 4)))
    async with reopened(store) as after:
        assert [p.event_id for p in await after.pending(TG, 100)] == ["2", "5"]
        assert [p.event_id for p in await after.pending("slack", 100)] == ["3"]


async def test_a_kept_event_is_kept_once_with_its_first_payload(store: AnyStore) -> None:
    assert await store.keep(TG, [("1", "first")], 100)
    assert await store.keep(TG, [("1", "again"), ("2", "new")], 100)
    assert await store.keep(TG, [("2", "only a copy")], 100)  # nothing new: still kept
    async with reopened(store) as after:
        assert [(p.event_id, p.payload) for p in await after.pending(TG, 100)] == [
            ("1", "first"),
            ("2", "new"),
        ]


async def test_each_start_up_that_takes_an_event_up_counts_a_try(store: AnyStore) -> None:
    assert await store.keep(TG, [("1", "x"), ("2", "y")], 100)
    async with reopened(store) as first:
        assert [p.tries for p in await first.pending(TG, 1)] == [1]
        async with reopened(first) as second:
            taken = await second.pending(TG, 100)
            assert [(p.event_id, p.tries) for p in taken] == [("1", 2), ("2", 1)]


async def test_a_batch_that_would_pass_the_bound_is_refused_whole(store: AnyStore) -> None:
    assert await store.keep(TG, [("1", "x"), ("2", "y")], 3)
    assert not await store.keep(TG, [("3", "z"), ("4", "w")], 3)
    assert await store.keep(TG, [("3", "z")], 3)
    assert await store.keep("slack", [("1", "s")], 3), "the bound is per platform"
    assert await store.keep(TG, [], 3)
    async with reopened(store) as after:
        assert [p.event_id for p in await after.pending(TG, 10)] == ["1", "2", "3"]
        assert [p.event_id for p in await after.pending("slack", 10)] == ["1"]


async def test_platforms_do_not_share_event_ids(store: AnyStore) -> None:
    assert await store.keep(TG, [("1", "t")], 10)
    assert await store.keep("slack", [("1", "s")], 10)
    await store.done(TG, "1")
    async with reopened(store) as after:
        assert await after.pending(TG, 10) == []
        assert [p.payload for p in await after.pending("slack", 10)] == ["s"]


async def test_where_a_reply_began_to_show_is_taken_up_with_its_event(store: AnyStore) -> None:
    assert await store.keep(TG, [("1", "x"), ("2", "y")], 10)
    await store.showing(TG, "1", "4711")
    await store.showing(TG, "gone", "1")  # an event no longer kept: nothing to note
    async with reopened(store) as after:
        taken = await after.pending(TG, 10)
        assert [(p.event_id, p.shown_in) for p in taken] == [("1", "4711"), ("2", None)]


async def test_where_replies_began_to_show_is_noted_for_each_at_once(store: AnyStore) -> None:
    assert await store.keep(TG, [(str(n), "x") for n in range(4)], 10)
    assert await store.keep("slack", [("1", "s")], 10)
    await asyncio.gather(
        store.showing(TG, "0", "first"),
        store.showing(TG, "1", "10"),
        store.showing(TG, "2", "20"),
        store.showing("slack", "1", "ts.1"),
    )
    async with reopened(store) as after:
        taken = await after.pending(TG, 10)
        assert [(p.event_id, p.shown_in) for p in taken] == [
            ("0", "first"),
            ("1", "10"),
            ("2", "20"),
            ("3", None),
        ]
        assert [p.shown_in for p in await after.pending("slack", 10)] == ["ts.1"]
