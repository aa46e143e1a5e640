"""The inbox queries of the SQLite store: events kept in arrival order, bounded, forgotten."""

from __future__ import annotations

from storage.sqlite import SqliteStore

TG = "telegram"


async def test_events_are_kept_in_arrival_order_until_done(store: SqliteStore) -> None:
    assert await store.keep(TG, [("10", "{a}"), ("9", "{b}")], 100)
    assert await store.keep(TG, [("100", "{c}")], 100)
    pending = await store.pending(TG, 100)
    assert [(p.event_id, p.payload) for p in pending] == [
        ("10", "{a}"),
        ("9", "{b}"),
        ("100", "{c}"),
    ]
    await store.done(TG, "9")
    await store.done(TG, "9")  # twice is fine
    assert [p.event_id for p in await store.pending(TG, 100)] == ["10", "100"]


async def test_a_kept_event_is_kept_once_with_its_first_payload(store: SqliteStore) -> None:
    assert await store.keep(TG, [("1", "first")], 100)
    assert await store.keep(TG, [("1", "again"), ("2", "new")], 100)
    assert [(p.event_id, p.payload) for p in await store.pending(TG, 100)] == [
        ("1", "first"),
        ("2", "new"),
    ]


async def test_each_look_at_pending_counts_a_try(store: SqliteStore) -> None:
    assert await store.keep(TG, [("1", "x"), ("2", "y")], 100)
    assert [p.tries for p in await store.pending(TG, 1)] == [1]
    assert [(p.event_id, p.tries) for p in await store.pending(TG, 100)] == [("1", 2), ("2", 1)]


async def test_a_batch_that_would_pass_the_bound_is_refused_whole(store: SqliteStore) -> None:
    assert await store.keep(TG, [("1", "x"), ("2", "y")], 3)
    assert not await store.keep(TG, [("3", "z"), ("4", "w")], 3)
    assert [p.event_id for p in await store.pending(TG, 10)] == ["1", "2"]
    assert await store.keep(TG, [("3", "z")], 3)
    assert await store.keep("slack", [("1", "s")], 3), "the bound is per platform"
    assert [p.event_id for p in await store.pending("slack", 10)] == ["1"]
    assert await store.keep(TG, [], 3)


async def test_platforms_do_not_share_event_ids(store: SqliteStore) -> None:
    assert await store.keep(TG, [("1", "t")], 10)
    assert await store.keep("slack", [("1", "s")], 10)
    await store.done(TG, "1")
    assert await store.pending(TG, 10) == []
    assert [p.payload for p in await store.pending("slack", 10)] == ["s"]
