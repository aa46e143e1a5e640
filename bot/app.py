"""Wiring: the store, the storyteller and the engine, opened and closed together."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Protocol

from bot.config import Settings
from bot.engine import Engine
from bot.memory import Memory, Summariser, offline_summariser, provider_summariser
from bot.providers import build_provider
from bot.providers.base import Provider
from bot.providers.offline import OfflineStoryteller
from storage.sqlite import SqliteStore


class Adapter(Protocol):
    """A platform connection. The app starts adapters together and stops them in reverse."""

    name: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


@dataclass(slots=True)
class App:
    settings: Settings
    store: SqliteStore
    provider: Provider
    engine: Engine


def summariser_for(provider: Provider, settings: Settings) -> Summariser:
    max_chars = settings.story.summary_tokens * 4
    if isinstance(provider, OfflineStoryteller):
        return offline_summariser(max_chars)
    return provider_summariser(provider, max_chars, settings.story.summary_tokens * 2)


@asynccontextmanager
async def open_app(settings: Settings) -> AsyncIterator[App]:
    """Open the database and the storyteller; close both however the block ends.

    An aiosqlite connection left open keeps the process alive, so closing is
    in ``finally``, not left to garbage collection.
    """
    store = SqliteStore(settings.database_path)
    await store.open()
    try:
        provider = build_provider(settings)
        try:
            memory = Memory(store, settings.story, summariser_for(provider, settings))
            engine = Engine(store, provider, settings.story, memory, seed=settings.offline.seed)
            yield App(settings, store, provider, engine)
        finally:
            await provider.aclose()
    finally:
        await store.close()
