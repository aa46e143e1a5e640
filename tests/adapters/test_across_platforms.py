"""One app on two platforms, as ``storybot run`` serves them: a story shared on Discord is
imported on Telegram, through the real discord.py and python-telegram-bot and their fakes."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from adapters.discord import DiscordAdapter
from adapters.telegram import create
from bot.app import App
from bot.config import Settings
from bot.engine import Engine
from bot.identity import ChannelKey
from bot.memory import Memory, offline_summariser
from bot.metrics import Metrics
from storage.sqlite import SqliteStore
from tests.adapters.test_discord import GUILD_CHANNEL, MANAGE_GUILD, answered, new_story, settled
from tests.adapters.test_telegram import DM, Harness
from tests.fakes.discord_api import TOKEN, FakeDiscord
from tests.fakes.provider import ScriptedProvider
from tests.fakes.telegram_api import FakeTelegram, message

pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")
CODE = re.compile(r"Share code for “a dragon wakes”: ([A-Z0-9]{4}-[A-Z0-9]{4})")


@pytest.fixture
async def discord_api() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as fake:
        yield fake


@pytest.fixture
async def telegram_api() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake:
        yield fake


async def test_a_story_shared_on_discord_is_imported_on_telegram(
    discord_api: FakeDiscord, telegram_api: FakeTelegram, tmp_path: Path
) -> None:
    settings = Settings(
        database_path=str(tmp_path / "storybot.db"),
        discord={
            "token": TOKEN,
            "api_base_url": discord_api.api_base_url,
            "gateway_url": discord_api.gateway_url,
            "edit_interval": 0.0,
        },
        telegram={
            "token": "123:TEST",
            "api_base_url": telegram_api.base_url,
            "file_base_url": telegram_api.file_base_url,
            "private_interval": 0.05,
            "poll_timeout": 1,
        },
    )
    store = SqliteStore(settings.database_path)
    await store.open()
    provider = ScriptedProvider(chunk=50)
    memory = Memory(store, settings.story, offline_summariser(1000))
    metrics = Metrics()
    engine = Engine(store, provider, settings.story, memory, seed=1, observer=metrics)
    app = App(settings, store, provider, engine, metrics)
    on_discord = DiscordAdapter(app, ready_timeout=5, guild_ready_timeout=0.01)
    on_telegram = create(app, web.Application())
    try:
        await on_discord.start()
        await on_telegram.start()
        telegram = Harness(telegram_api, on_telegram, app, web.Application())

        await new_story(discord_api)
        await discord_api.wait_for(settled(await discord_api.slash("story continue")))
        world = {"name": "Mara", "description": "a thief who owes the guild"}
        await discord_api.wait_for(answered(await discord_api.slash("story world add", world)))
        note = await discord_api.slash(
            "story note", {"text": "keep it light"}, permissions=MANAGE_GUILD
        )
        await discord_api.wait_for(answered(note))
        shared = await discord_api.wait_for(answered(await discord_api.slash("story share")))
        found = CODE.search(shared.content)
        assert found is not None, shared.content
        assert f"/story import code:{found.group(1)}" in shared.content  # Discord's own form

        await telegram.send(message(f"/story import {found.group(1)}"))
        imported = await telegram.text_containing(DM, "Imported")
        assert imported.text.startswith("Imported “a dragon wakes” (2 parts) as this channel")

        original = await store.active_story(GUILD_CHANNEL)
        copy = await store.active_story(ChannelKey.of("telegram", DM))
        assert original is not None
        assert copy is not None
        assert copy.id != original.id
        assert copy.note == "keep it light"
        assert [p.text for p in await store.all_parts(copy.id)] == [
            p.text for p in await store.all_parts(original.id)
        ]
        assert [e.name for e in await store.world_entries(copy.id)] == ["Mara"]

        await telegram.send(message("/story continue"))  # the copy goes on where it was
        third = await telegram.story_message(DM)
        assert third.text.startswith("Part 3 of a dragon wakes.")
        assert (await store.active_story(GUILD_CHANNEL)) == original, "the original is unchanged"
        assert metrics.registry.get_sample_value("storybot_imports_total") == 1
    finally:
        await on_telegram.stop()
        await on_discord.stop()
        await store.close()
