"""Scheduled content: prompt feeds, the story of the day, and retention.

APScheduler 3's AsyncIOScheduler runs inside the app's loop with async jobs
only. Its job store is in memory, so everything that must survive a restart
lives in SQLite (subscriptions, feed state) and is scheduled again at start.
Runs missed while the bot was down are coalesced: a subscription whose last
run is older than its most recent due time, within the grace time, runs once
at start.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.config import Settings
from bot.feeds import FeedError, refresh_feeds
from bot.identity import ChannelKey
from bot.metrics import Metrics
from storage.base import Store, Subscription

log = logging.getLogger(__name__)

MAX_FAILURES = 5
MISSED_GRACE = timedelta(hours=6)
EVENT_RETENTION = timedelta(days=7)
FEED_TIMEOUT = httpx.Timeout(20.0, connect=10.0)

Publish = Callable[[Subscription], Awaitable[bool]]
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
    ) -> None:
        self.settings = settings
        self.store = store
        self.metrics = metrics
        self.publish = publish
        self.now = now
        self._http = http
        self._own_http = http is None
        self.aps = AsyncIOScheduler(
            timezone=UTC,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        )

    async def start(self) -> None:
        """Schedule every job and start; call inside the running loop."""
        if self.settings.feeds:
            self.aps.add_job(
                self.refresh_feeds,
                IntervalTrigger(hours=self.settings.feed_interval_hours),
                id="feeds",
                next_run_time=self.now(),
            )
        self.aps.add_job(self.retention, CronTrigger(hour=4, minute=17), id="retention")
        for sub in await self.store.subscriptions():
            self._schedule(sub)
        self.aps.start()
        await self.catch_up()
        self.metrics.feed_prompts.set(await self.store.count_feed_prompts())

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
                await self.story_of_the_day(sub.channel)

    # jobs

    async def refresh_feeds(self) -> None:
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

    async def story_of_the_day(self, channel: ChannelKey) -> None:
        sub = await self.store.subscription(channel)
        if sub is None or not sub.enabled:
            return
        try:
            ok = await self.publish(sub)
        except Exception:
            log.exception("story of the day for %s failed", channel)
            ok = False
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
        now = time.time()
        days = self.settings.retention_days
        stories_before = now - days * 86400 if days else 0.0
        purged = await self.store.purge(stories_before, now - EVENT_RETENTION.total_seconds())
        log.info("retention: %d old stories, %d event ids purged", purged.stories, purged.events)
        self.metrics.scheduler_run("retention", "ok")
