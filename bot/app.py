"""The composition root: the store, the storyteller and the engine, opened and closed together.

This is the one place that knows every piece; the service (``bot.service``)
and the CLI are the only places that import adapters, and only through it.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Protocol

from bot.config import Settings
from bot.delivery import Limits, Surface
from bot.engine import Engine
from bot.identity import ChannelKey
from bot.inbox import Inbox
from bot.memory import Memory, Summariser, offline_summariser, provider_summariser
from bot.metrics import MeteredProvider, Metrics
from bot.providers import build_provider, languages_written
from bot.providers.base import Provider
from bot.providers.offline import OfflineStoryteller
from storage.base import Store
from storage.sqlite import SWITCH_INTERVAL, SqliteStore


class Adapter(Protocol):
    """A platform connection. The app starts adapters together and stops them in reverse.

    ``start`` returns once connected (it never takes the loop over); ``stop``
    lets replies in flight finish. ``surface_for`` opens a surface on a
    channel for posts nobody asked for in the moment (the story of the day);
    it returns None when the channel is not this adapter's or cannot be reached.
    """

    name: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def surface_for(self, channel: ChannelKey) -> tuple[Surface, Limits] | None: ...


@dataclass(slots=True)
class App:
    settings: Settings
    store: Store
    provider: Provider
    engine: Engine
    metrics: Metrics = field(default_factory=Metrics)
    inbox: Inbox = field(init=False)
    """Platform events kept from fetch until handled; a view of ``store``, built with it."""

    def __post_init__(self) -> None:
        # With several instances on one database, the inbox is theirs to share.
        shared = self.store is not None and self.store.cluster().shared  # tests pass None
        self.inbox = Inbox(self.store, shared=shared)


def summariser_for(provider: Provider, metered: Provider, settings: Settings) -> Summariser:
    """Summaries by the configured storyteller, counted in the metrics like any call."""
    max_chars = settings.story.summary_tokens * 4
    if isinstance(provider, OfflineStoryteller):
        return offline_summariser(max_chars)
    return provider_summariser(metered, max_chars, settings.story.summary_tokens * 2)


GC_YOUNG = 20_000
"""Allocations between two collections of the youngest generation (CPython: 700).

A thousand stories being written at once allocate quickly; at 700 the
collector ran about 750 times in benchmark 7's five seconds and its older
generations six times, up to 160 ms each with the event loop stopped: 1.2-1.4 s
of CPU in all, a fifth of the run. At 20,000: about 16 collections, 0.3-0.4 s,
none of the older generations; the peak grew by about 8 MB (bench/RESULTS.md,
benchmark 7). Most objects are freed by their reference counts anyway; the
collector is only for cycles.
"""


def tune_process() -> None:
    """Process-wide settings the service's performance depends on: the GIL's switch
    interval (see SWITCH_INTERVAL) and how often the garbage collector runs."""
    if sys.getswitchinterval() > SWITCH_INTERVAL:
        sys.setswitchinterval(SWITCH_INTERVAL)
    young, middle, old = gc.get_threshold()
    if 0 < young < GC_YOUNG:  # 0: collection is off; leave it so
        gc.set_threshold(GC_YOUNG, middle, old)


def choose_store(settings: Settings) -> Store:
    """SQLite at ``database_path`` for one process, or PostgreSQL at ``database.url``,
    which several instances of one bot may share."""
    database = settings.database
    if database.url is None:
        return SqliteStore(settings.database_path)
    from storage.postgres import PostgresStore  # asyncpg is loaded only when it is used

    return PostgresStore(
        database.url.get_secret_value(),
        pool_size=database.pool_size,
        instance=database.instance,
        connect_timeout=database.connect_timeout,
    )


@asynccontextmanager
async def open_app(settings: Settings, metrics: Metrics | None = None) -> AsyncIterator[App]:
    """Open the database and the storyteller; close both however the block ends.

    An aiosqlite connection left open keeps the process alive, so closing is
    in ``finally``, not left to garbage collection.
    """
    tune_process()
    store = choose_store(settings)
    await store.open()
    try:
        metrics = metrics or Metrics()
        provider = build_provider(settings)
        try:
            metered = MeteredProvider(provider, metrics, settings.llm.provider)
            memory = Memory(store, settings.story, summariser_for(provider, metered, settings))
            engine = Engine(
                store,
                metered,
                settings.story,
                memory,
                seed=settings.offline.seed,
                observer=metrics,
                language=settings.i18n.default,
                writes=languages_written(settings),
            )
            metrics.track_queue(lambda: engine.queue_depth)
            metrics.track_llm_waiting(metered.waiting)
            try:
                yield App(settings, store, provider, engine, metrics)
            finally:
                await engine.compactions.close(grace=2.0)
        finally:
            await provider.aclose()
    finally:
        await store.close()
