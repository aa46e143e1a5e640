"""The inbox adapters use: what to handle now, what to take up at start, what to drop."""

from __future__ import annotations

import logging

import pytest

from bot.identity import ChannelKey
from bot.inbox import Inbox
from storage.base import Pending, StorageError
from storage.sqlite import SqliteStore

TG = "telegram"


async def test_keep_returns_only_events_not_already_in_hand(store: SqliteStore) -> None:
    inbox = Inbox(store)
    assert await inbox.keep(TG, [("1", "a"), ("2", "b"), ("1", "a")]) == [("1", "a"), ("2", "b")]
    assert await inbox.keep(TG, [("2", "b"), ("3", "c")]) == [("3", "c")]
    await inbox.done(TG, "2")
    assert await inbox.keep(TG, [("2", "b")]) == [], "handled a moment ago"
    assert inbox.in_hand == 2
    assert [p.event_id for p in await store.pending(TG, 10)] == ["1", "3"]


async def test_a_full_inbox_keeps_nothing_and_says_so(
    store: SqliteStore, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = Inbox(store, most=2)
    assert await inbox.keep(TG, [("1", "a")]) == [("1", "a")]
    with caplog.at_level(logging.WARNING):
        assert await inbox.keep(TG, [("2", "b"), ("3", "c")]) is None
    assert "inbox holds 2 events" in caplog.text
    assert inbox.in_hand == 1
    assert await inbox.keep(TG, [("2", "b")]) == [("2", "b")]


async def test_pending_takes_up_what_another_process_left(store: SqliteStore) -> None:
    assert await Inbox(store).keep(TG, [("7", "a"), ("8", "b")])
    later = Inbox(store)  # a new process
    assert [(p.event_id, p.payload) for p in await later.pending(TG)] == [("7", "a"), ("8", "b")]
    assert await later.keep(TG, [("7", "a"), ("9", "c")]) == [("9", "c")], "7 is in hand"


async def test_an_event_taken_up_too_often_is_dropped(
    store: SqliteStore, caplog: pytest.LogCaptureFixture
) -> None:
    assert await Inbox(store).keep(TG, [("1", "poison"), ("2", "fine")])
    for _ in range(3):
        await store.pending(TG, 1)  # three start-ups died on event 1
    with caplog.at_level(logging.WARNING):
        assert [p.payload for p in await Inbox(store, max_tries=3).pending(TG)] == ["fine"]
    assert "dropping telegram event 1" in caplog.text
    assert [p.event_id for p in await store.pending(TG, 10)] == ["2"]


class BrokenStore:
    """An inbox store whose database fails every time."""

    async def keep(self, platform: str, items: list[tuple[str, str]], most: int) -> bool:
        raise StorageError("disk I/O error")

    async def pending(self, platform: str, limit: int) -> list[Pending]:
        raise StorageError("disk I/O error")

    async def done(self, platform: str, event_id: str) -> None:
        raise StorageError("disk I/O error")

    async def reserve(self, platform: str, places: list[tuple[str, ChannelKey]]) -> None:
        raise StorageError("disk I/O error")

    async def showing(self, platform: str, event_id: str, where: str) -> None:
        raise StorageError("disk I/O error")


async def test_a_failing_database_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    inbox = Inbox(BrokenStore())
    with caplog.at_level(logging.WARNING):
        assert await inbox.keep(TG, [("1", "a")]) is None
        assert await inbox.pending(TG) == []
        await inbox.done(TG, "1")
        await inbox.reserve(TG, [("1", ChannelKey.of(TG, "1"))])
        await inbox.showing(TG, "1", "9")
    assert caplog.text.count("disk I/O error") == 5
