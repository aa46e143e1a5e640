"""Telegram in the user's language: the command menu per ``language_code``, and answers in
the language of the app that sent the update (real PTB against the fake Bot API)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from adapters.telegram import render
from bot.commands import SPECS
from bot.i18n import LANGUAGES, translator
from bot.identity import ChannelKey, Sender
from bot.types import Request
from tests.adapters.test_telegram import DM, Harness, running
from tests.conftest import collect
from tests.fakes.provider import ScriptedProvider
from tests.fakes.telegram_api import FakeTelegram, message
from tests.i18n_catalogs import TRANSLATED, needs_catalogs


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake:
        yield fake


@pytest.fixture
async def bot(tg: FakeTelegram, tmp_path: Path) -> AsyncIterator[Harness]:
    async with running(tg, tmp_path / "db.sqlite", ScriptedProvider(chunk=7)) as harness:
        yield harness


def from_user(text: str | None, language: str | None, **extra: Any) -> dict[str, Any]:
    """A DM whose sender's Telegram app is set to ``language``."""
    update = message(text, chat_id=DM, user_id=DM, **extra)
    update["message"]["from"]["language_code"] = language
    return update


STICKER = {
    "file_id": "s",
    "file_unique_id": "s",
    "type": "regular",
    "width": 1,
    "height": 1,
    "is_animated": False,
    "is_video": False,
}


def menus(tg: FakeTelegram) -> dict[str | None, list[dict[str, str]]]:
    return {c.params.get("language_code"): c.params["commands"] for c in tg.of("setMyCommands")}


async def test_the_menu_is_registered_once_per_language_and_once_without(bot: Harness) -> None:
    registered = menus(bot.tg)
    assert set(registered) == {*LANGUAGES, None}
    assert len(bot.tg.of("setMyCommands")) == len(LANGUAGES) + 1
    for language in LANGUAGES:
        names = [command["command"] for command in registered[language]]
        assert names == [command["command"] for command in registered[None]]  # typed alike
        descriptions = {c["command"]: c["description"] for c in registered[language]}
        words = translator(language).gettext
        assert descriptions["story"] == render.description(words(render.STORY_MENU))
        for spec in SPECS:
            assert descriptions[spec.command.value] == render.description(words(spec.summary))


@needs_catalogs()
async def test_each_language_s_menu_is_in_that_language(bot: Harness) -> None:
    registered = menus(bot.tg)
    assert set(TRANSLATED) <= set(registered)
    english = {c["command"]: c["description"] for c in registered["en"]}
    for language in TRANSLATED:
        shown = {c["command"]: c["description"] for c in registered[language]}
        same = [name for name in shown if shown[name] == english[name]]
        assert len(same) <= len(shown) // 10, (language, same)  # a name or two may stay


async def answer_in(bot: Harness, language: str | None) -> str:
    """What the engine answers ``help`` with for a sender whose locale is ``language``."""
    request = Request(ChannelKey.of("test", "help"), Sender("1", "Ada", language), "help")
    _, final = await collect(bot.app.engine.handle(request))
    assert final is not None
    return final.text


@needs_catalogs("de")
async def test_a_german_users_dm_gets_german_help(bot: Harness) -> None:
    german, english = await answer_in(bot, "de"), await answer_in(bot, None)
    assert german != english, "the engine did not answer a German sender in German"
    update = from_user("/story help", "de")
    await bot.send(update)
    await bot.settled(update)
    (shown,) = bot.sent(DM)
    assert shown.text == german  # the fake keeps the text as Telegram shows it


@needs_catalogs("de")
async def test_a_hint_outside_any_turn_follows_the_users_app(bot: Harness) -> None:
    """A sticker in a DM gets the adapter's own hint, in the sender's language."""
    update = from_user(None, "de", sticker=STICKER)
    await bot.send(update)
    await bot.settled(update)
    (shown,) = bot.sent(DM)
    assert shown.text == translator("de").gettext(render.NOT_TEXT)
    assert shown.text != render.NOT_TEXT


@needs_catalogs("de", "fr")
async def test_the_adapter_s_own_words_follow_the_chat_s_ui_setting(bot: Harness) -> None:
    """Hints and the /start greeting speak the chat's ``ui`` language, as its turns do,
    whatever the sender's app is set to."""
    setting = from_user("/story settings ui fr", "de")
    await bot.send(setting)
    await bot.settled(setting)
    french = translator("fr").gettext
    for update, expected in (
        (from_user(None, "de", sticker=STICKER), french(render.NOT_TEXT)),
        (from_user("/start", "de"), french(render.PRIVATE_HELLO).format(name="Ada")),
    ):
        await bot.send(update)
        await bot.settled(update)
        assert bot.sent(DM)[-1].text.startswith(expected), bot.sent(DM)[-1].text[:80]


def japanese_story(generation: object) -> str:
    """A long Japanese part: no spaces anywhere, sentences ending 。！？ (some inside
    「」), and emoji that Telegram counts as two UTF-16 units each."""
    sentences = [
        "灯台守は夜ごとに海の底から響く鐘の音を聞いていた。",
        "「あれは何の音だろう？」と彼女は呟いた🌊",
        "波は静かに岩を撫で、星は冷たく瞬いていた。",
        "扉が開いた！",
        "古い地図には、誰も知らない島への道が描かれていた🗺️。",
    ]
    return "".join(
        sentences[i % len(sentences)] + ("\n\n" if i % 40 == 39 else "") for i in range(500)
    )


async def test_a_long_japanese_part_is_split_at_sentence_ends(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    provider = ScriptedProvider(japanese_story, chunk=997)
    async with running(tg, tmp_path / "db.sqlite", provider) as bot:
        update = from_user("/story new 灯台", "ja")
        await bot.send(update)
        await bot.settled(update)
        shown = [m.text for m in bot.sent(DM)]
    story = japanese_story(None)
    assert render.utf16_len(story) > 2 * render.MAX_MESSAGE  # three messages at least
    assert len(shown) >= 3
    assert all(render.utf16_len(text) <= render.MAX_MESSAGE for text in shown)
    joined, written = "".join("".join(t.split()) for t in shown), "".join(story.split())
    kept = next((i for i, (a, b) in enumerate(zip(joined, written, strict=False)) if a != b), 0)
    # The engine stops a part this far past its length with a short notice; up to there,
    # the messages hold the part character for character, however it was split.
    assert kept > 2 * render.MAX_MESSAGE * 0.9
    assert len(joined) - kept < 200
    for text in shown[:-1]:
        assert text.rstrip()[-1] in "。！？」", text[-20:]  # a sentence's end, never mid-word


@needs_catalogs("de", "fr")
async def test_the_channel_s_ui_setting_wins_over_the_user_s_app(bot: Harness) -> None:
    """A German user whose chat is set to French gets French, end to end."""
    french, german = await answer_in(bot, "fr"), await answer_in(bot, "de")
    assert french != german
    setting = from_user("/story settings ui fr", "de")
    await bot.send(setting)
    await bot.settled(setting)
    asked = from_user("/story help", "de")
    await bot.send(asked)
    await bot.settled(asked)
    assert bot.sent(DM)[-1].text == french
