"""Scheduled content: prompt feeds, the story of the day, and retention.

APScheduler 3's AsyncIOScheduler runs inside the app's loop with async jobs
only. Its job store is in memory, so everything that must survive a restart
lives in the database (subscriptions, feed state) and is scheduled again at
start. Runs missed while the bot was down are coalesced: a subscription whose
last run is older than its most recent due time, within the grace time, runs
once at start.

Several instances on one PostgreSQL database schedule the same jobs, but only
the leader (:mod:`bot.leases`) runs them, and each run is claimed for its due
time first (:meth:`ScheduleStore.claim_run`), so it happens once across all of
them. A new leader catches up on what the old one missed; a run the old one
claimed and never finished (it died) is run again, as the same platform event
(``daily:<channel>:<due>``), so a story it had already stored is shown, not
written twice. The leader also looks for subscriptions made on other instances.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.config import Settings
from bot.feeds import FeedError, refresh_feeds
from bot.identity import ChannelKey
from bot.leases import Leadership
from bot.metrics import Metrics
from storage.base import RunClaim, Store, Subscription

log = logging.getLogger(__name__)

MAX_FAILURES = 5
MISSED_GRACE = timedelta(hours=6)
EVENT_RETENTION = timedelta(days=7)
FEED_TIMEOUT = httpx.Timeout(20.0, connect=10.0)

SYNC_EVERY = 30.0
"""Seconds between the leader's looks for subscriptions changed on other instances."""
RETENTION_AT = (4, 17)


@dataclass(frozen=True, slots=True)
class DailyRun:
    """Which story of the day a post is: its event id, and whether it is a second try."""

    event: str
    """``daily:<channel>:<due>``: the platform event it is stored as, once."""
    again: bool = False
    """An instance that died was posting it: show what it stored rather than write anew."""


Publish = Callable[[Subscription, DailyRun], Awaitable[bool]]
"""Posts a fresh story to the subscription's channel; True when it arrived."""


def last_due(sub: Subscription, now: datetime) -> datetime:
    """The most recent moment at or before ``now`` when the subscription was due."""
    zone = ZoneInfo(sub.timezone)
    local = now.astimezone(zone)
    hour, minute = (int(part) for part in sub.at_time.split(":"))
    due = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if due > local:
        due -= timedelta(days=1)
    return due.astimezone(UTC)


class Scheduler:
    def __init__(
        self,
        settings: Settings,
        store: Store,
        metrics: Metrics,
        publish: Publish,
        *,
        http: httpx.AsyncClient | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        leader: Leadership | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.metrics = metrics
        self.publish = publish
        self.now = now
        self.leader = leader
        """Who runs the jobs among instances; None: this process alone does."""
        self._http = http
        self._own_http = http is None
        self.aps = AsyncIOScheduler(
            timezone=UTC,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        )

    @property
    def leading(self) -> bool:
        return self.leader is None or self.leader.leading

    async def start(self) -> None:
        """Schedule every job and start; call inside the running loop."""
        if self.settings.feeds:
            self.aps.add_job(
                self.refresh_feeds,
                IntervalTrigger(hours=self.settings.feed_interval_hours),
                id="feeds",
                next_run_time=self.now(),
            )
        hour, minute = RETENTION_AT
        self.aps.add_job(self.retention, CronTrigger(hour=hour, minute=minute), id="retention")
        for sub in await self.store.subscriptions():
            self._schedule(sub)
        if self.leader is not None:
            self.aps.add_job(self.sync, IntervalTrigger(seconds=SYNC_EVERY), id="sync")
            self.leader.on_gain = self.lead
        self.aps.start()
        if self.leading:
            await self.catch_up()
        self.metrics.feed_prompts.set(await self.store.count_feed_prompts())

    async def lead(self) -> None:
        """This instance has just become the leader: learn what changed, run what was missed."""
        await self.sync()
        await self.catch_up()

    async def sync(self) -> None:
        """The leader follows subscriptions made or dropped on other instances."""
        if not self.leading:
            return
        wanted = {f"daily:{sub.channel}": sub for sub in await self.store.subscriptions()}
        for job in self.aps.get_jobs():
            if job.id.startswith("daily:") and job.id not in wanted:
                job.remove()
        for job_id, sub in wanted.items():
            job = self.aps.get_job(job_id)
            if job is None or job.kwargs.get("at") != (sub.at_time, sub.timezone):
                self._schedule(sub)

    @property
    def http(self) -> httpx.AsyncClient:
        """Made on first use: most bots have no feeds, and a client costs TLS setup at start."""
        if self._http is None:
            self._http = httpx.AsyncClient(
                timeout=FEED_TIMEOUT, follow_redirects=True, headers={"User-Agent": "Storybot"}
            )
        return self._http

    async def stop(self) -> None:
        if self.aps.running:
            self.aps.shutdown(wait=False)
        if self._own_http and self._http is not None:
            await self._http.aclose()

    def _schedule(self, sub: Subscription) -> None:
        hour, minute = (int(part) for part in sub.at_time.split(":"))
        self.aps.add_job(
            self.story_of_the_day,
            CronTrigger(hour=hour, minute=minute, timezone=ZoneInfo(sub.timezone)),
            args=[sub.channel],
            kwargs={"at": (sub.at_time, sub.timezone)},
            id=f"daily:{sub.channel}",
            replace_existing=True,
        )

    async def reschedule(self, channel: ChannelKey) -> None:
        """Follow a changed subscription (the engine calls this on subscribe/unsubscribe)."""
        job = self.aps.get_job(f"daily:{channel}")
        if job is not None:
            job.remove()
        sub = await self.store.subscription(channel)
        if sub is not None and sub.enabled:
            self._schedule(sub)

    async def catch_up(self) -> None:
        """Run, once, each subscription whose due time passed while the bot was down."""
        now = self.now()
        for sub in await self.store.subscriptions():
            due = last_due(sub, now)
            missed = sub.last_run is None or sub.last_run < due.timestamp()
            if missed and now - due <= MISSED_GRACE and sub.created_at < due.timestamp():
                log.info("story of the day for %s was missed; posting it now", sub.channel)
                await self.story_of_the_day(sub.channel, catching_up=True)

    async def _claim(self, job: str, due: float) -> RunClaim:
        """Whether this instance runs ``job`` for ``due``: it leads, and nobody ran it yet."""
        if not self.leading:
            return RunClaim.TAKEN
        return await self.store.claim_run(job, due)

    # jobs

    async def refresh_feeds(self) -> None:
        interval = self.settings.feed_interval_hours * 3600
        due = self.now().timestamp() // interval * interval
        if await self._claim("feeds", due) is RunClaim.TAKEN:
            return
        try:
            await self._refresh_feeds()
        finally:
            await self.store.finish_run("feeds", due)

    async def _refresh_feeds(self) -> None:
        results = await refresh_feeds(
            self.http,
            self.store,
            self.settings.feeds,
            max_length=self.settings.story.max_prompt_length,
        )
        for result in results:
            if isinstance(result, FeedError):
                self.metrics.scheduler_run("feeds", "error")
            else:
                self.metrics.scheduler_run("feeds", "not_modified" if result.not_modified else "ok")
        self.metrics.feed_prompts.set(await self.store.count_feed_prompts())

    async def story_of_the_day(
        self, channel: ChannelKey, at: object = None, *, catching_up: bool = False
    ) -> None:
        """Post the story due most recently (``at`` only tells the job's schedule apart).

        A run caught up on may have been stored by a process that died before it was
        shown, so it is posted as a second try: what was stored is shown, once."""
        if not self.leading:
            return
        sub = await self.store.subscription(channel)
        if sub is None or not sub.enabled:
            return
        due = last_due(sub, self.now()).timestamp()
        job = f"daily:{channel}"
        claim = await self._claim(job, due)
        if claim is RunClaim.TAKEN:
            return
        run = DailyRun(f"{job}:{due:.0f}", again=catching_up or claim is RunClaim.AGAIN)
        try:
            ok = await self.publish(sub, run)
        except Exception:
            log.exception("story of the day for %s failed", channel)
            ok = False
        await self.store.finish_run(job, due)
        after = await self.store.record_subscription_run(channel, ok, MAX_FAILURES)
        self.metrics.scheduler_run("story_of_the_day", "ok" if ok else "error")
        if after is not None and not after.enabled:
            log.warning(
                "story of the day for %s failed %d times in a row; disabled it",
                channel,
                after.failures,
            )
            await self.reschedule(channel)

    async def retention(self) -> None:
        hour, minute = RETENTION_AT
        today = self.now().replace(hour=hour, minute=minute, second=0, microsecond=0)
        due = today if today <= self.now() else today - timedelta(days=1)
        if await self._claim("retention", due.timestamp()) is RunClaim.TAKEN:
            return
        try:
            await self._retention()
        finally:
            await self.store.finish_run("retention", due.timestamp())

    async def _retention(self) -> None:
        now = time.time()
        days = self.settings.retention_days
        stories_before = now - days * 86400 if days else 0.0
        purged = await self.store.purge(stories_before, now - EVENT_RETENTION.total_seconds())
        log.info("retention: %d old stories, %d event ids purged", purged.stories, purged.events)
        self.metrics.scheduler_run("retention", "ok")
