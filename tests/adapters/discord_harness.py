"""Starting the real Discord adapter against the fake Discord, for every Discord test:
the fixtures ``fake``, ``start`` and ``adapter`` (``conftest.py``) and :func:`starting`
for tests that start adapters of their own."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from adapters.discord import DiscordAdapter
from bot.app import App
from bot.config import Settings
from bot.engine import Engine
from bot.metrics import Metrics
from bot.providers.base import Provider
from storage.sqlite import SqliteStore
from tests.fakes.discord_api import TOKEN, FakeDiscord

Start = Callable[..., Awaitable[DiscordAdapter]]


@asynccontextmanager
async def starting(
    fake: FakeDiscord, store: SqliteStore, provider: Provider, engine: Engine, tmp_path: Path
) -> AsyncIterator[Start]:
    """A way to start adapters on the fake and the test's engine; all stopped at the end."""
    started: list[DiscordAdapter] = []

    async def start(ready_timeout: float = 5, **discord: Any) -> DiscordAdapter:
        settings = Settings(
            database_path=str(tmp_path / "unused.db"),
            discord={
                "token": TOKEN,
                "api_base_url": fake.api_base_url,
                "gateway_url": fake.gateway_url,
                "edit_interval": 0.0,
                **discord,
            },
        )
        adapter = DiscordAdapter(
            App(settings, store, provider, engine, Metrics()),
            ready_timeout=ready_timeout,
            guild_ready_timeout=0.01,
        )
        await adapter.start()
        started.append(adapter)
        return adapter

    try:
        yield start
    finally:
        for adapter in reversed(started):
            await adapter.stop()
