"""The real discord.py client against a fake Discord on loopback.

Each test starts the adapter (login, command sync, gateway READY), injects
INTERACTION_CREATE dispatches like a user would cause, and reads back what the
fake Discord was asked to show.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import AsyncGenerator, Callable
from typing import Any

import pytest
from aiohttp import web

import adapters.discord
from adapters.discord import DiscordAdapter
from adapters.discord.render import MAX_CONTENT
from bot.delivery import deliver
from bot.identity import ChannelKey
from bot.platforms import CredentialsRefused
from bot.providers.base import Generation
from bot.types import Delta, Final, ReplyEvent
from storage.sqlite import SqliteStore
from tests.adapters.discord_harness import Start
from tests.fakes.discord_api import FakeDiscord, Interaction, Message
from tests.fakes.provider import ScriptedProvider

GUILD_CHANNEL = ChannelKey.of("discord", 700, 800)
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADMINISTRATOR = 1 << 3
OPENING = "Part 1 of a dragon wakes.\n\nWhat happens next?\n1. Go left\n2. Go right\n3. Wait"


def settled(interaction: Interaction) -> Callable[[], Message | None]:
    """The interaction's story message once its buttons are on (the final edit)."""

    def check() -> Message | None:
        original = interaction.original
        return original if original is not None and original.custom_ids else None

    return check


def answered(interaction: Interaction) -> Callable[[], Message | None]:
    """The deferred response once it has any content."""

    def check() -> Message | None:
        original = interaction.original
        return original if original is not None and original.content else None

    return check


def private_reply(fake: FakeDiscord, interaction: Interaction) -> Callable[[], Message | None]:
    def check() -> Message | None:
        return next((m for m in fake.replies(interaction) if m.ephemeral and m.content), None)

    return check


async def new_story(fake: FakeDiscord, **where: Any) -> Message:
    interaction = await fake.slash("story new", {"prompt": "a dragon wakes"}, **where)
    return await fake.wait_for(settled(interaction))


async def voting_off(fake: FakeDiscord) -> None:
    """In a server a press is a ballot; with voting off the first press chooses, as in a DM."""
    options = {"key": "voting", "value": "off"}
    done = await fake.slash("story settings set", options, permissions=MANAGE_GUILD)
    assert (await fake.wait_for(answered(done))).content == "Done. voting: off"


def test_import_discord_means_the_library() -> None:
    from adapters.discord import render

    assert render.discord is sys.modules["discord"]
    assert render.discord.__file__ is not None
    assert "site-packages" in render.discord.__file__


def test_create_builds_the_adapter(adapter: DiscordAdapter) -> None:
    created = adapters.discord.create(adapter.app, web.Application())
    assert isinstance(created, DiscordAdapter)
    assert created.name == "discord"


async def test_story_tree_synced_globally(fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    (story,) = fake.commands["global"]
    names = [option["name"] for option in story["options"]]
    assert story["name"] == "story"
    assert names[:3] == ["new", "continue", "choose"]
    assert {"prompts", "settings", "forget", "export", "help", "random"} <= set(names)
    assert {"subscribe", "unsubscribe"} <= set(names)
    subscribe = next(o for o in story["options"] if o["name"] == "subscribe")
    assert [o["name"] for o in subscribe["options"]] == ["time", "timezone"]
    new = story["options"][0]
    assert new["description"] == "start a new story (the old one is archived)"
    settings = next(o for o in story["options"] if o["name"] == "settings")
    set_ = next(o for o in settings["options"] if o["name"] == "set")
    key = next(o for o in set_["options"] if o["name"] == "key")
    assert [c["value"] for c in key["choices"]][:3] == ["genre", "tone", "length"]


async def test_guild_ids_sync_to_those_guilds(fake: FakeDiscord, start: Start) -> None:
    await start(guild_ids=[700])
    assert "global" not in fake.commands
    assert fake.commands["700"][0]["name"] == "story"
    message = await new_story(fake)  # the interaction names the guild command
    assert message.content == OPENING


async def test_new_story_from_deferral_to_final_edit(
    fake: FakeDiscord, adapter: DiscordAdapter, provider: ScriptedProvider
) -> None:
    provider.chunk, provider.delay = 5, 0.03  # longer than the engine's stream batch
    interaction = await fake.slash("story new", {"prompt": "a dragon wakes"})
    message = await fake.wait_for(settled(interaction))

    assert interaction.callbacks == [{"type": 5}]  # public "thinking…" within 3 s
    assert message.content == OPENING
    assert not message.ephemeral
    edits = [c for c in fake.calls if c.path.endswith(f"/{interaction.token}/messages/@original")]
    assert len(edits) > 2  # it streamed: several edits of the one response
    ref = message.custom_ids[0].split(":")[2:4]
    assert message.custom_ids == [f"story:choose:{':'.join(ref)}:{n}" for n in (1, 2, 3)]
    assert fake.replies(interaction) == [message]


async def test_long_story_continues_in_follow_ups(
    fake: FakeDiscord, adapter: DiscordAdapter, provider: ScriptedProvider
) -> None:
    paragraph = " ".join(f"The fox crossed hill number {n} and kept going." for n in range(12))
    long_text = "\n\n".join([paragraph] * 9)
    assert len(long_text) > 2 * MAX_CONTENT

    def script(generation: Generation) -> str:
        return long_text

    provider.script = script
    provider.chunk = 400
    interaction = await fake.slash("story new", {"prompt": "a long walk"})

    def all_sent() -> list[Message] | None:
        shown = fake.replies(interaction)
        words = " ".join(m.content for m in shown).split()
        return shown if words == long_text.split() else None

    messages = await fake.wait_for(all_sent)
    assert len(messages) >= 3
    assert all(len(m.content) <= MAX_CONTENT for m in messages)
    assert [m.origin for m in messages] == ["original"] + ["followup"] * (len(messages) - 1)
    assert not any(m.ephemeral for m in messages)


async def test_button_press_continues_the_story(
    fake: FakeDiscord, adapter: DiscordAdapter, provider: ScriptedProvider
) -> None:
    await voting_off(fake)
    first = await new_story(fake)
    press = await fake.press(first, first.custom_ids[1])
    second = await fake.wait_for(settled(press))

    assert press.callbacks == [{"type": 5}]
    assert second.content.startswith("You chose: Go right\n\nPart 2 of a dragon wakes.")
    assert provider.generations[-1].context.direction == "Go right"
    assert second.custom_ids != first.custom_ids  # the new part's own ref


async def test_stale_button_is_answered_privately(
    fake: FakeDiscord, adapter: DiscordAdapter, store: SqliteStore
) -> None:
    await voting_off(fake)
    first = await new_story(fake)
    await fake.wait_for(settled(await fake.press(first, first.custom_ids[0])))

    stale = await fake.press(first, first.custom_ids[1])
    answer = await fake.wait_for(private_reply(fake, stale))

    assert "moved on" in answer.content
    assert stale.original is not None
    assert stale.original.deleted
    assert fake.replies(stale) == [answer]
    story = await store.active_story(GUILD_CHANNEL)
    assert story is not None
    assert story.last_seq == 2


@pytest.mark.parametrize(
    ("path", "options"),
    [
        ("story settings set", {"key": "genre", "value": "sci-fi"}),
        ("story prompts remove", {"prompt": 1}),
        ("story prompts edit", {"prompt": 1, "text": "a changed keeper"}),
        ("story forget", {"confirm": True}),
    ],
)
async def test_manager_only_refused_without_permission(
    fake: FakeDiscord,
    adapter: DiscordAdapter,
    store: SqliteStore,
    path: str,
    options: dict[str, Any],
) -> None:
    await store.add_prompt(GUILD_CHANNEL, "a lighthouse keeper", "ada")
    await new_story(fake)
    interaction = await fake.slash(path, options, permissions=1 << 11)  # send messages only
    answer = await fake.wait_for(private_reply(fake, interaction))

    assert "Only people who manage this channel" in answer.content
    assert (await store.get_settings(GUILD_CHANNEL)).genre == "fantasy"
    assert [p.text for p in await store.list_prompts(GUILD_CHANNEL)] == ["a lighthouse keeper"]
    assert await store.active_story(GUILD_CHANNEL) is not None


async def test_a_manager_edits_a_prompt_chosen_by_its_number(
    fake: FakeDiscord, adapter: DiscordAdapter, store: SqliteStore
) -> None:
    prompt = await store.add_prompt(GUILD_CHANNEL, "a lighthouse keeper", "ada")
    chooser = await fake.slash("story prompts edit", {"prompt": ""}, focused="prompt")
    await fake.wait_for(lambda: chooser.callbacks)
    assert [c["value"] for c in chooser.callbacks[0]["data"]["choices"]] == [prompt.id]
    options = {"prompt": prompt.id, "text": "a keeper whose lamp speaks"}
    interaction = await fake.slash("story prompts edit", options, permissions=MANAGE_GUILD)
    message = await fake.wait_for(answered(interaction))
    assert message.content == f"Changed prompt {prompt.id}."
    assert [p.text for p in await store.list_prompts(GUILD_CHANNEL)] == [options["text"]]


@pytest.mark.parametrize("permission", [MANAGE_GUILD, MANAGE_CHANNELS, ADMINISTRATOR])
async def test_managers_may_change_settings(
    fake: FakeDiscord, adapter: DiscordAdapter, store: SqliteStore, permission: int
) -> None:
    options = {"key": "genre", "value": "sci-fi"}
    interaction = await fake.slash("story settings set", options, permissions=permission)
    message = await fake.wait_for(answered(interaction))

    assert message.content == "Done. genre: sci-fi"
    assert not message.ephemeral
    assert (await store.get_settings(GUILD_CHANNEL)).genre == "sci-fi"


async def test_every_message_disallows_mentions(
    fake: FakeDiscord, adapter: DiscordAdapter, provider: ScriptedProvider
) -> None:
    def script(generation: Generation) -> str:
        return "@everyone look, <@123> and <@&456> are here.\n\n1. Wave\n2. Hide"

    provider.script = script
    await voting_off(fake)
    first = await new_story(fake)
    await fake.wait_for(settled(await fake.press(first, first.custom_ids[0])))
    stale = await fake.press(first, first.custom_ids[0])
    await fake.wait_for(private_reply(fake, stale))
    export = await fake.slash("story export")
    await fake.wait_for(lambda: any(m.attachments for m in fake.replies(export)))

    bodies = fake.message_bodies()
    assert len(bodies) > 5
    assert all(body.get("allowed_mentions", {}).get("parse") == [] for body in bodies), bodies
    assert "@everyone" in first.content


@pytest.mark.parametrize("via", [True, False])
async def test_rate_limit_mid_stream_keeps_the_final_text(
    fake: FakeDiscord, adapter: DiscordAdapter, provider: ScriptedProvider, via: bool
) -> None:
    provider.chunk, provider.delay = 5, 0.03  # longer than the engine's stream batch
    fake.inject("PATCH", r"/messages/@original$", retry_after=0.05, via=via, skip=2)
    interaction = await fake.slash("story new", {"prompt": "a dragon wakes"})
    message = await fake.wait_for(settled(interaction))

    assert message.content == OPENING
    if not via:  # discord.py raised it; the delivery layer waited it out
        sample = adapter.app.metrics.registry.get_sample_value(
            "storybot_platform_errors_total", {"platform": "discord", "kind": "rate_limited"}
        )
        assert sample == 1
    (limited,) = fake.injected_answers
    later = fake.calls[fake.calls.index(limited) + 1 :]
    assert any(c.method == "PATCH" and c.path == limited.path for c in later)


async def test_direct_messages_work_with_the_user_as_owner(
    fake: FakeDiscord, adapter: DiscordAdapter, store: SqliteStore
) -> None:
    message = await new_story(fake, guild_id=None, channel_id=900)
    assert message.content == OPENING
    assert await store.active_story(ChannelKey.of("discord", "dm", 900)) is not None

    options = {"key": "length", "value": "short"}
    interaction = await fake.slash("story settings set", options, guild_id=None, channel_id=900)
    done = await fake.wait_for(answered(interaction))
    assert done.content == "Done. length: short"


async def test_same_interaction_twice_makes_one_story(
    fake: FakeDiscord, adapter: DiscordAdapter, provider: ScriptedProvider, store: SqliteStore
) -> None:
    options = {"prompt": "a dragon wakes"}
    first = await fake.slash("story new", options, interaction_id=4242)
    await fake.slash("story new", options, interaction_id=4242)
    callback = f"/interactions/4242/{first.token}/callback"
    await fake.wait_for(lambda: len([c for c in fake.calls if c.path.endswith(callback)]) == 2)
    message = await fake.wait_for(settled(first))

    assert message.content == OPENING
    assert len(first.callbacks) == 1
    assert len(provider.generations) == 1
    story = await store.active_story(GUILD_CHANNEL)
    assert story is not None
    assert story.last_seq == 1


async def test_help_is_deferred_and_shown_privately(
    fake: FakeDiscord, adapter: DiscordAdapter
) -> None:
    interaction = await fake.slash("story help")
    message = await fake.wait_for(answered(interaction))

    assert interaction.callbacks == [{"type": 5, "data": {"flags": 64}}]
    assert message.ephemeral
    assert "/story new prompt:<text>" in message.content


async def test_export_attaches_a_markdown_file(fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    await new_story(fake)
    interaction = await fake.slash("story export")
    attached = await fake.wait_for(
        lambda: next((m for m in fake.replies(interaction) if m.attachments), None)
    )

    assert re.fullmatch(r"story-\d+\.md", attached.attachments[0])
    assert not attached.ephemeral
    assert interaction.original is not None
    assert interaction.original.content == "The story so far, 1 part, as a Markdown file."


async def test_after_the_token_window_replies_go_to_the_channel(
    fake: FakeDiscord, adapter: DiscordAdapter, provider: ScriptedProvider
) -> None:
    adapter.token_ttl = 0.0  # as if the turn had waited 14 minutes in a busy channel
    provider.chunk = 20
    interaction = await fake.slash("story new", {"prompt": "a dragon wakes"})

    def in_channel() -> Message | None:
        found = [m for m in fake.messages.values() if m.origin == "channel" and m.custom_ids]
        return found[0] if found else None

    message = await fake.wait_for(in_channel)
    assert message.content == OPENING
    assert message.channel_id == 800
    assert interaction.original is not None
    assert interaction.original.deleted


async def test_prompt_ids_autocomplete_from_the_store(
    fake: FakeDiscord, adapter: DiscordAdapter, store: SqliteStore
) -> None:
    prompt = await store.add_prompt(GUILD_CHANNEL, "a lighthouse keeper finds a door", "ada")
    await store.add_prompt(ChannelKey.of("discord", 700, 801), "another channel's prompt", "ada")
    interaction = await fake.slash("story prompts remove", {"prompt": ""}, focused="prompt")
    await fake.wait_for(lambda: interaction.callbacks)

    (answer,) = interaction.callbacks
    assert answer["type"] == 8
    expected = [{"name": f"{prompt.id}. a lighthouse keeper finds a door", "value": prompt.id}]
    assert answer["data"]["choices"] == expected


async def test_setting_values_autocomplete(fake: FakeDiscord, adapter: DiscordAdapter) -> None:
    options = {"key": "length", "value": "lo"}
    interaction = await fake.slash("story settings set", options, focused="value")
    await fake.wait_for(lambda: interaction.callbacks)

    assert interaction.callbacks[0]["data"]["choices"] == [{"name": "long", "value": "long"}]


async def test_a_wrong_token_fails_start_clearly(start: Start) -> None:
    with pytest.raises(CredentialsRefused, match="refused the bot token"):
        await start(token="not-the-token")


def test_voice_warnings_are_not_shown(caplog: pytest.LogCaptureFixture) -> None:
    """Storybot uses no voice; discord.py's PyNaCl/davey warnings only worried operators."""
    import discord

    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = True
    with caplog.at_level(logging.WARNING, logger="discord"):
        discord.Client(intents=discord.Intents.none())
    assert not [r for r in caplog.records if "voice" in r.getMessage()]


async def test_an_unreachable_gateway_fails_start_clearly(start: Start) -> None:
    with pytest.raises(RuntimeError, match="could not connect to the Discord gateway at ws://"):
        await start(ready_timeout=0.3, gateway_url="ws://127.0.0.1:1/gw")


async def test_an_unreachable_api_fails_start_clearly(start: Start) -> None:
    with pytest.raises(RuntimeError, match="cannot reach the Discord API"):
        await start(api_base_url="http://127.0.0.1:1/api/v10")


async def test_choose_autocompletes_the_last_parts_options(
    fake: FakeDiscord, adapter: DiscordAdapter
) -> None:
    await new_story(fake)
    interaction = await fake.slash("story choose", {"option": ""}, focused="option")
    await fake.wait_for(lambda: interaction.callbacks)

    choices = interaction.callbacks[0]["data"]["choices"]
    assert choices == [
        {"name": "1. Go left", "value": 1},
        {"name": "2. Go right", "value": 2},
        {"name": "3. Wait", "value": 3},
    ]


async def test_choose_command_takes_the_option(
    fake: FakeDiscord, adapter: DiscordAdapter, provider: ScriptedProvider
) -> None:
    await voting_off(fake)
    await new_story(fake)
    interaction = await fake.slash("story choose", {"option": 3})
    message = await fake.wait_for(settled(interaction))

    assert message.content.startswith("You chose: Wait\n\nPart 2")
    assert provider.generations[-1].context.direction == "Wait"


async def test_surface_for_posts_into_a_channel(
    fake: FakeDiscord, adapter: DiscordAdapter, provider: ScriptedProvider
) -> None:
    assert await adapter.surface_for(ChannelKey.of("telegram", 42)) is None
    assert await adapter.surface_for(ChannelKey.of("discord", 700, "general")) is None
    opened = await adapter.surface_for(GUILD_CHANNEL)
    assert opened is not None
    surface, limits = opened

    async def story_of_the_day() -> AsyncGenerator[ReplyEvent, None]:
        yield Delta("Today: @everyone ")
        yield Final("Today: @everyone a *new* tale.", choices=("Listen",), ref="9:1")

    delivered = await deliver(story_of_the_day(), surface, limits)
    assert delivered.final is not None
    (posted,) = [m for m in fake.messages.values() if m.origin == "channel"]
    assert posted.content == r"Today: @everyone a \*new\* tale."
    assert posted.custom_ids == ["story:choose:9:1:1"]
    assert all(b["allowed_mentions"]["parse"] == [] for b in fake.message_bodies())

    press = await fake.press(posted, posted.custom_ids[0])  # handled after a restart too
    answer = await fake.wait_for(private_reply(fake, press))
    assert "There is no story in this channel yet" in answer.content


async def test_buttons_keep_working_after_a_restart(fake: FakeDiscord, start: Start) -> None:
    first_run = await start()
    await voting_off(fake)
    message = await new_story(fake)
    await first_run.stop()

    await start()  # a new process: nothing about the old message is in memory
    press = await fake.press(message, message.custom_ids[0])
    second = await fake.wait_for(settled(press))
    assert second.content.startswith("You chose: Go left")


async def test_a_reply_discord_refuses_ends_in_a_private_apology(
    fake: FakeDiscord, adapter: DiscordAdapter
) -> None:
    """Delivery failing used to raise AttributeError in its own handler: no apology, no count."""
    fake.inject("PATCH", r"/messages/@original$", status=403)
    interaction = await fake.slash("story new", {"prompt": "a dragon wakes"})
    apology = await fake.wait_for(private_reply(fake, interaction))
    assert "could not show that reply" in apology.content
    failures = adapter.app.metrics.registry.get_sample_value(
        "storybot_platform_errors_total", {"platform": "discord", "kind": "delivery_failed"}
    )
    assert failures == 1
