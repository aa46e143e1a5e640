"""Discord in the user's language: the ``/story`` tree's descriptions localised in the
schema the fake API receives, and answers in the interaction's ``locale`` (the real
discord.py against the fake Discord)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from adapters.discord import DiscordAdapter
from adapters.discord.commands import DIALECT
from adapters.discord.locales import description
from adapters.discord.render import render
from adapters.discord.views import EDIT_LABEL, EDIT_TITLE
from bot.commands import Command, Parsed
from bot.engine import Engine
from bot.i18n import LANGUAGES, SOURCE, translator
from bot.identity import ChannelKey, Sender
from bot.types import Request
from tests.adapters.test_discord import MANAGE_GUILD, answered, settled
from tests.conftest import collect
from tests.fakes.discord_api import FakeDiscord
from tests.i18n_catalogs import TRANSLATED, has_catalog, needs_catalogs, translated

Json = dict[str, Any]


def walk(command: Json, path: str = "") -> Iterator[tuple[str, Json]]:
    """Every command, group and option of a synced tree, with its path."""
    here = f"{path} {command['name']}".strip()
    yield here, command
    for option in command.get("options") or []:
        yield from walk(option, here)


async def test_names_stay_and_each_description_is_its_catalogs(
    fake: FakeDiscord,
    adapter: DiscordAdapter,
) -> None:
    (story,) = fake.commands["global"]
    described = list(walk(story))
    assert len(described) > 60  # the whole tree, options included
    for path, command in described:
        assert not command.get("name_localizations"), path  # typed alike everywhere
        localised = command.get("description_localizations") or {}
        for locale, text in localised.items():
            expected = description(translator(locale).gettext(command["description"]))
            assert text == expected, (path, locale)
        for language in TRANSLATED:
            said = (
                translator(language).gettext(command["description"])
                if has_catalog(language)
                else None
            )
            if said is not None and said != command["description"]:
                assert localised.get(language) == description(said), (path, language)


@needs_catalogs()
async def test_the_tree_is_described_in_german_french_and_japanese(
    fake: FakeDiscord,
    adapter: DiscordAdapter,
) -> None:
    (story,) = fake.commands["global"]
    described = list(walk(story))
    assert set(story["description_localizations"]) >= set(TRANSLATED)
    for language in TRANSLATED:
        missing = [
            p for p, c in described if language not in c.get("description_localizations", {})
        ]
        assert len(missing) <= len(described) // 20, (language, missing)


async def engine_help(engine: Engine, locale: str) -> str:
    request = Request(
        ChannelKey.of("test", "help"),
        Sender("1", "Ada", locale),
        command=Parsed(Command.HELP),
        dialect=DIALECT,
    )
    _, final = await collect(engine.handle(request))
    assert final is not None
    return final.text


@needs_catalogs("ja")
async def test_an_interaction_in_japanese_is_answered_in_japanese(
    fake: FakeDiscord,
    adapter: DiscordAdapter,
    engine: Engine,
) -> None:
    japanese, english = await engine_help(engine, "ja"), await engine_help(engine, SOURCE)
    assert japanese != english, "the engine did not answer a Japanese sender in Japanese"
    interaction = await fake.slash("story help", locale="ja")
    message = await fake.wait_for(answered(interaction))
    assert message.ephemeral
    assert message.content == render(japanese)[: len(message.content)]
    assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in message.content)


async def test_the_edit_modal_opens_in_the_user_s_language(
    fake: FakeDiscord, adapter: DiscordAdapter
) -> None:
    translated("ja", EDIT_TITLE, EDIT_LABEL)
    story = await fake.slash("story new", {"prompt": "a dragon wakes"}, locale="ja")
    await fake.wait_for(settled(story))
    opened = await fake.slash("story edit", locale="ja")
    await fake.wait_for(lambda: opened.callbacks)
    assert opened.modal is not None
    japanese = translator("ja").gettext
    assert len(japanese(EDIT_TITLE)) <= 45  # Discord's limit: no cut needed in Japanese
    assert opened.modal["title"] == japanese(EDIT_TITLE)
    (label,) = opened.modal["components"]
    assert label["label"] == japanese(EDIT_LABEL)


async def test_the_edit_modal_follows_the_channel_s_ui_setting(
    fake: FakeDiscord, adapter: DiscordAdapter
) -> None:
    """The adapter's own words choose their language as a turn does: the channel's."""
    translated("de", EDIT_LABEL)
    story = await fake.slash("story new", {"prompt": "a dragon wakes"}, locale="ja")
    await fake.wait_for(settled(story))
    ui = {"key": "ui", "value": "de"}
    done = await fake.slash("story settings set", ui, locale="ja", permissions=MANAGE_GUILD)
    await fake.wait_for(answered(done))
    opened = await fake.slash("story edit", locale="ja")
    await fake.wait_for(lambda: opened.callbacks)
    assert opened.modal is not None
    (label,) = opened.modal["components"]
    assert label["label"] == translator("de").gettext(EDIT_LABEL)


async def test_the_ui_setting_offers_every_language(
    fake: FakeDiscord, adapter: DiscordAdapter
) -> None:
    options = {"key": "ui", "value": ""}
    interaction = await fake.slash("story settings set", options, focused="value")
    await fake.wait_for(lambda: interaction.callbacks)
    offered = [choice["value"] for choice in interaction.callbacks[0]["data"]["choices"]]
    assert offered == [*LANGUAGES, "auto"]
