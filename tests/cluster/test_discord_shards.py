"""Discord sharded across instances: each instance runs its ``discord.shard_ids`` of
``discord.shard_count`` with discord.py's AutoShardedClient, Discord sends a server's
interactions to the shard that serves it, and that instance answers them.

A fake Discord gateway that knows shards stands in: it records each IDENTIFY's
``shard`` and sends a server's dispatches only to the connection serving its shard,
``(guild_id >> 22) % shard_count``, as Discord does.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import WSMsgType, web

from adapters.discord import DiscordAdapter
from bot.app import App
from bot.config import Settings, StoryConfig
from bot.engine import Engine
from bot.memory import Memory, offline_summariser
from bot.metrics import Metrics
from bot.providers.base import Generation
from storage.sqlite import SqliteStore
from tests.fakes.discord_api import TOKEN, FakeDiscord, Interaction, Message
from tests.fakes.provider import ScriptedProvider

SHARDS = 2
ON_SHARD = {0: 700, 1: 1 << 22}
"""A server on each shard: Discord puts a server on shard (id >> 22) % shard_count."""


class ShardedDiscord(FakeDiscord):
    def __init__(self) -> None:
        super().__init__()
        self.identified_as: list[list[int]] = []
        self.by_shard: dict[int, web.WebSocketResponse] = {}

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        try:
            async for frame in ws:
                if frame.type is not WSMsgType.TEXT:
                    continue
                message = json.loads(frame.data)
                if message.get("op") == 1:
                    await ws.send_str(json.dumps({"op": 11}))
                elif message.get("op") == 2:
                    shard = message["d"].get("shard", [0, 1])
                    self.identified_as.append(shard)
                    self.by_shard[shard[0]] = ws
                    ready = self._ready(message["d"])
                    ready["d"]["shard"] = shard  # as Discord says which shard is ready
                    await ws.send_str(json.dumps(ready))
                    self.identified.set()
        finally:
            self._sockets.remove(ws)
        return ws

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        await self.identified.wait()
        guild = data.get("guild_id")
        shard = (int(guild) >> 22) % SHARDS if guild else 0
        frame = {"op": 0, "t": event, "s": next(self._seq), "d": data}
        await self.by_shard[shard].send_str(json.dumps(frame))


@pytest.fixture
async def fake() -> AsyncIterator[ShardedDiscord]:
    fake = ShardedDiscord()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()


def instance(store: SqliteStore, fake: FakeDiscord, name: str, shard_ids: list[int]) -> App:
    """An instance's app: the shared store, a storyteller that signs its parts."""

    def signed(generation: Generation) -> str:
        return f"Written by {name}.\n\nWhat happens next?\n1. Go left\n2. Go right\n3. Wait"

    settings = Settings(
        database_path=store.path,
        discord={
            "token": TOKEN,
            "api_base_url": fake.api_base_url,
            "gateway_url": fake.gateway_url,
            "edit_interval": 0.0,
            "shard_count": SHARDS,
            "shard_ids": shard_ids,
        },
    )
    config = StoryConfig()
    provider = ScriptedProvider(script=signed)
    engine = Engine(store, provider, config, Memory(store, config, offline_summariser(800)))
    return App(settings, store, provider, engine, Metrics())


def answered(interaction: Interaction) -> Any:
    def check() -> Message | None:
        original = interaction.original
        return original if original is not None and original.custom_ids else None

    return check


async def test_each_instance_runs_its_shards_and_answers_their_servers(
    fake: ShardedDiscord, store: SqliteStore, tmp_path: Path
) -> None:
    adapters = [
        DiscordAdapter(instance(store, fake, f"instance {n}", [n]), guild_ready_timeout=0.01)
        for n in range(SHARDS)
    ]
    started: list[DiscordAdapter] = []
    try:
        for adapter in adapters:
            await adapter.start()
            started.append(adapter)
        assert sorted(fake.identified_as) == [[0, SHARDS], [1, SHARDS]]
        syncs = [call for call in fake.calls if call.method == "PUT" and "commands" in call.path]
        assert len(syncs) == 1, "only the instance with shard 0 syncs /story"

        for shard, guild in ON_SHARD.items():
            asked = await fake.slash("story new", {"prompt": "a lighthouse"}, guild_id=guild)
            shown = await fake.wait_for(answered(asked))
            assert f"Written by instance {shard}." in shown.content

        # The choice buttons name the part, so a press works whichever instance gets it.
        opening = await fake.wait_for(answered(interaction_for(fake, ON_SHARD[1])))
        press = await fake.press(opening, opening.custom_ids[0], guild_id=ON_SHARD[1])
        assert await fake.wait_for(lambda: press.callbacks)
    finally:
        for adapter in started:
            await adapter.stop()


def interaction_for(fake: FakeDiscord, guild: int) -> Interaction:
    return next(i for i in reversed(list(fake.interactions.values())) if i.guild_id == guild)


def test_shard_ids_need_a_count_and_must_be_below_it() -> None:
    from bot.config import ConfigError, load_settings

    with pytest.raises(ConfigError, match="shard_count"):
        load_settings(discord={"shard_ids": [0]})
    with pytest.raises(ConfigError, match="from 0 to 1"):
        load_settings(discord={"shard_count": 2, "shard_ids": [2]})
    assert load_settings(discord={"shard_count": 4, "shard_ids": "1,3"}).discord.shard_ids == [1, 3]
