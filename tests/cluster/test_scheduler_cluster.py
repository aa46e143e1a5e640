"""Scheduled jobs across instances: each due story of the day is posted exactly once,
also when the leader dies between two due times or in the middle of a post.

Three instances in this process (three PostgreSQL stores on one schema, each with
its own heartbeat, its Leadership and its Scheduler), a virtual clock that makes a
story of the day due every second of the test, and every instance's job firing
at each due time, as their cron triggers would. Killing the leader stops its
heartbeat and cuts its connections without a word, as SIGKILL would.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.config import Settings
from bot.identity import ChannelKey
from bot.leases import Leadership
from bot.metrics import Metrics
from bot.scheduler import DailyRun, Scheduler
from storage.base import Subscription
from storage.postgres import PostgresStore
from tests.cluster.instances import FAST, instances, kill

X = ChannelKey.of("t", "daily")
FIRST_DUE = datetime(2031, 1, 1, 9, 0, tzinfo=UTC)
DUES = 8
LEASE = 1.5


@dataclass
class Post:
    instance: str
    event: str
    again: bool
    done: bool = False


class Channel:
    """Where the stories of the day land; a post can be held open to kill its poster."""

    def __init__(self) -> None:
        self.posts: list[Post] = []
        self.hold: asyncio.Event | None = None
        self.holding = asyncio.Event()

    def publisher(self, instance: str) -> object:
        async def publish(sub: Subscription, run: DailyRun) -> bool:
            post = Post(instance, run.event, run.again)
            self.posts.append(post)
            if self.hold is not None:
                self.holding.set()
                await self.hold.wait()
            post.done = True
            return True

        return publish


@dataclass
class Member:
    store: PostgresStore
    leader: Leadership
    scheduler: Scheduler


async def test_each_due_story_of_the_day_is_posted_once_across_a_leader_dying(
    pg_url: str,
) -> None:
    clock = [FIRST_DUE]
    channel = Channel()
    async with instances(pg_url, 3) as stores:
        await stores[0].subscribe(X, "09:00", "UTC")
        members = []
        for store in stores:
            leader = Leadership(store, seconds=LEASE, every=0.3)
            scheduler = Scheduler(
                Settings(),
                store,
                Metrics(),
                channel.publisher(store.instance_name),  # type: ignore[arg-type]
                now=lambda: clock[0],
                leader=leader,
            )
            await leader.start()
            await scheduler.start()
            members.append(Member(store, leader, scheduler))
        try:
            await run_days(members, clock, channel)
        finally:
            for member in members:
                await member.scheduler.stop()
                await member.leader.stop()

    completed = [post for post in channel.posts if post.done]
    per_due = Counter(post.event for post in completed)
    dues = [f"daily:{X}:{(FIRST_DUE + timedelta(days=n)).timestamp():.0f}" for n in range(DUES)]
    assert sorted(per_due) == sorted(dues), "a due time without its post"
    assert set(per_due.values()) == {1}, f"a post made twice: {per_due}"
    cut = [post for post in channel.posts if not post.done]
    assert len(cut) == 1, "the post the dying leader was making"
    redone = [post for post in completed if post.event == cut[0].event]
    assert redone[0].again, (
        "posted again as a second try, so a stored story is shown, not rewritten"
    )
    assert redone[0].instance != cut[0].instance
    assert len({post.instance for post in completed}) >= 2, "leadership never moved"


async def run_days(members: list[Member], clock: list[datetime], channel: Channel) -> None:
    killed: set[int] = set()
    for day in range(DUES):
        clock[0] = FIRST_DUE + timedelta(days=day, seconds=5)
        alive = [m for n, m in enumerate(members) if n not in killed]
        leader = await one_leader(alive)
        if day == 3:  # the leader dies between two due times
            await kill(leader.store)
            killed.add(members.index(leader))
            alive.remove(leader)
            leader = await one_leader(alive)
        if day == 6:  # the leader dies while it posts: its claim is left unfinished
            channel.hold = asyncio.Event()
            posting = asyncio.create_task(leader.scheduler.story_of_the_day(X))
            await asyncio.wait_for(channel.holding.wait(), 5)
            await kill(leader.store)
            posting.cancel()
            killed.add(members.index(leader))
            alive.remove(leader)
            channel.hold = None
            leader = await one_leader(alive)  # it catches up as it takes over
        await asyncio.gather(*(m.scheduler.story_of_the_day(X) for m in alive))


async def one_leader(alive: list[Member]) -> Member:
    """Until exactly one of the live instances leads (a new one within the lease time)."""
    for _ in range(int((FAST.heartbeat + LEASE) / 0.05) + 40):
        leading = [m for m in alive if m.leader.leading]
        if len(leading) == 1:
            return leading[0]
        await asyncio.sleep(0.05)
    raise AssertionError("no single leader among the live instances")
