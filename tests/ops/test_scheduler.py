"""Scheduled jobs with a controllable clock: story of the day, catch-up, feeds, retention."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from bot.config import Settings
from bot.engine import Engine
from bot.identity import ChannelKey
from bot.metrics import Metrics
from bot.scheduler import MAX_FAILURES, DailyRun, Scheduler, last_due
from storage.base import NewPart, Subscription, TurnWrite
from storage.sqlite import SqliteStore
from tests.conftest import CHANNEL, Ask
from tests.ops.test_feeds import FeedServer, feeds  # noqa: F401 - fixture

NOON = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


class Publisher:
    def __init__(self, ok: bool = True) -> None:
        self.ok = ok
        self.posted: list[str] = []

    async def __call__(self, sub: Subscription, run: DailyRun) -> bool:
        self.posted.append(sub.channel.text)
        return self.ok


def counter(metrics: Metrics, job: str, outcome: str) -> float:
    value = metrics.registry.get_sample_value(
        "storybot_scheduler_runs_total", {"job": job, "outcome": outcome}
    )
    return value or 0.0


@pytest.fixture
async def scheduler(store: SqliteStore, engine: Engine) -> AsyncIterator[Scheduler]:
    sched = Scheduler(Settings(), store, Metrics(), Publisher(), now=lambda: NOON)
    engine.library.on_schedule_change = sched.reschedule
    await sched.start()
    yield sched
    await sched.stop()


async def test_subscribe_schedules_the_channel(scheduler: Scheduler, ask: Ask) -> None:
    reply = await ask("subscribe 9:30 Europe/Berlin")
    assert "Every day at 09:30 (Europe/Berlin)" in reply.text
    job = scheduler.aps.get_job("daily:test:c1")
    assert job is not None
    fire = job.trigger.get_next_fire_time(None, NOON)
    assert (fire.hour, fire.minute, str(fire.tzinfo)) == (9, 30, "Europe/Berlin")
    assert "stopped" in (await ask("unsubscribe")).text
    assert scheduler.aps.get_job("daily:test:c1") is None


@pytest.mark.parametrize(
    ("args", "expected"),
    [("", "Give a time of day"), ("25:00", "Give a time of day"), ("09:00 Mars/Base", "Unknown")],
)
async def test_subscribe_bad_input(
    scheduler: Scheduler, ask: Ask, args: str, expected: str
) -> None:
    reply = await ask(f"subscribe {args}")
    assert expected in reply.text
    assert scheduler.aps.get_job("daily:test:c1") is None


async def test_subscribe_needs_a_manager(scheduler: Scheduler, ask: Ask) -> None:
    reply = await ask("subscribe 09:00", can_manage=False)
    assert "manage this channel" in reply.text


async def test_subscribe_without_the_service(ask: Ask) -> None:
    assert "storybot run" in (await ask("subscribe 09:00")).text


async def test_story_of_the_day_posts_and_failures_disable(store: SqliteStore) -> None:
    metrics = Metrics()
    failing = Publisher(ok=False)
    sched = Scheduler(Settings(), store, metrics, failing, now=lambda: NOON)
    await store.subscribe(CHANNEL, "08:00", "UTC")
    await sched.start()
    try:
        assert sched.aps.get_job("daily:test:c1") is not None
        for _ in range(MAX_FAILURES):
            await sched.story_of_the_day(CHANNEL)
        sub = await store.subscription(CHANNEL)
        assert sub is not None
        assert not sub.enabled
        assert sched.aps.get_job("daily:test:c1") is None
        assert counter(metrics, "story_of_the_day", "error") == MAX_FAILURES
        await sched.story_of_the_day(CHANNEL)  # disabled: nothing more is posted
        assert len(failing.posted) == MAX_FAILURES
    finally:
        await sched.stop()


async def test_a_run_missed_while_down_runs_once_at_start(store: SqliteStore) -> None:
    await store.subscribe(CHANNEL, "11:00", "UTC")  # due an hour before "now"
    await store._outside_transaction("UPDATE subscriptions SET created_at = 0")
    publisher = Publisher()
    sched = Scheduler(Settings(), store, Metrics(), publisher, now=lambda: NOON)
    await sched.start()
    await sched.stop()
    assert publisher.posted == ["test:c1"]
    again = Scheduler(Settings(), store, Metrics(), publisher, now=lambda: NOON)
    await again.start()
    await again.stop()
    assert publisher.posted == ["test:c1"]  # coalesced: not twice


def test_last_due_crosses_midnight_in_the_zone() -> None:
    sub = Subscription(CHANNEL, "23:30", "America/New_York", 0, True)
    due = last_due(sub, NOON)  # 08:00 in New York: last due was the evening before
    assert due == datetime(2026, 3, 10, 3, 30, tzinfo=UTC)


async def test_feed_job_counts_outcomes(store: SqliteStore, feeds: FeedServer) -> None:  # noqa: F811
    metrics = Metrics()
    settings = Settings(feeds=[feeds.url("/rss"), feeds.url("/broken")])
    sched = Scheduler(settings, store, metrics, Publisher(), now=lambda: NOON)
    try:
        await sched.refresh_feeds()
        await sched.refresh_feeds()
    finally:
        await sched.stop()
    assert counter(metrics, "feeds", "ok") == 1
    assert counter(metrics, "feeds", "not_modified") == 1
    assert counter(metrics, "feeds", "error") == 2
    assert metrics.feed_prompts._value.get() == 2


async def test_a_dripping_feed_does_not_keep_the_next_one_waiting(
    store: SqliteStore,
    feeds: FeedServer,  # noqa: F811
) -> None:
    # One after another, the dripping feed (never a long wait, never an end) came first
    # and the next feed was never fetched.
    settings = Settings(feeds=[feeds.url("/drip"), feeds.url("/rss")])
    sched = Scheduler(settings, store, Metrics(), Publisher(), now=lambda: NOON)
    job = asyncio.create_task(sched.refresh_feeds())
    try:
        async with asyncio.timeout(3):
            while await store.count_feed_prompts() < 2:  # noqa: ASYNC110 - no event to wait on
                await asyncio.sleep(0.05)
    finally:
        job.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await job
        await sched.stop()


async def test_retention_purges_old_archives_and_event_ids(store: SqliteStore) -> None:
    where = ChannelKey.of("t", "a")
    first = await store.write_turn(TurnWrite(where, part=NewPart("x"), premise="old"))
    assert first.story is not None
    old = first.story
    await store.write_turn(TurnWrite(where, part=NewPart("y"), premise="current"))  # archives
    await store.claim_event(where, "ancient")
    long_ago = time.time() - 100 * 86400
    await store._outside_transaction(
        f"UPDATE stories SET finished_at = {long_ago} WHERE id = {old.id}",
        f"UPDATE processed_events SET seen_at = {long_ago}",
    )
    await store.claim_event(where, "fresh")
    metrics = Metrics()
    sched = Scheduler(Settings(retention_days=90), store, metrics, Publisher())
    await sched.retention()
    await sched.stop()
    assert await store.all_parts(old.id) == []
    assert await store.active_story(where) is not None
    assert await store.claim_event(where, "ancient") is True  # forgotten
    assert await store.claim_event(where, "fresh") is False
    assert counter(metrics, "retention", "ok") == 1
