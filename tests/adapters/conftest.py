"""Fixtures the Discord adapter's test modules share (the fake Discord on loopback and
adapters started against it); other platforms' modules define their own."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.discord import DiscordAdapter
from bot.engine import Engine
from storage.sqlite import SqliteStore
from tests.adapters.discord_harness import Start, starting
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.provider import ScriptedProvider


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as fake:
        yield fake


@pytest.fixture
async def start(
    fake: FakeDiscord,
    store: SqliteStore,
    provider: ScriptedProvider,
    engine: Engine,
    tmp_path: Path,
) -> AsyncIterator[Start]:
    async with starting(fake, store, provider, engine, tmp_path) as start:
        yield start


@pytest.fixture
async def adapter(start: Start) -> DiscordAdapter:
    return await start()
