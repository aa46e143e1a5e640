"""Slack in the user's language: their locale from ``users.info`` (asked once an hour at
most, LRU-bounded, a failure meaning "no locale"), answers in it (real bolt and slack_sdk
against the fake Slack)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.locales import Locales
from adapters.slack.render import CANCEL, EDIT_LABEL, EDIT_TITLE, SAVE, escape
from bot.commands import Command, Parsed
from bot.engine import Engine
from bot.i18n import LANGUAGES, translator
from bot.identity import ChannelKey, Sender
from bot.types import Request
from tests.adapters.test_slack import BOT_TOKEN, Harness, running
from tests.conftest import collect
from tests.fakes import slack_api
from tests.fakes.slack_api import FakeSlack
from tests.i18n_catalogs import needs_catalogs, translated


@pytest.fixture
async def slack(tmp_path: Path) -> AsyncIterator[Harness]:
    async with running(tmp_path) as harness:
        yield harness


def locale_lookups(slack: Harness, user: str) -> list[slack_api.ApiCall]:
    return [
        c
        for c in slack.fake.called("users.info")
        if c.params.get("user") == user and c.params.get("include_locale")
    ]


async def help_for(engine: Engine, locale: str | None) -> str:
    request = Request(
        ChannelKey.of("test", "x"), Sender("1", "", locale), command=Parsed(Command.HELP)
    )
    _, final = await collect(engine.handle(request))
    assert final is not None
    return final.text


async def two_dms(slack: Harness, user: str) -> list[str]:
    """``help`` twice in a DM from ``user``; both answers, as shown."""
    for _ in range(2):
        await slack.event(slack_api.message("help", user=user, channel="D7"))

    def both() -> list[slack_api.Message]:
        shown = slack.fake.thread("D7", None)
        return shown if len(shown) >= 2 else []

    answers = await slack.fake.wait_for(both)
    await slack.adapter.idle()
    return [m.text for m in answers]


async def test_the_locale_is_asked_once_for_two_messages(slack: Harness) -> None:
    slack.fake.users["U7"] = {"locale": "fr-FR"}
    shown = await two_dms(slack, "U7")
    assert len(shown) == 2
    assert shown[0] == shown[1]
    (lookup,) = locale_lookups(slack, "U7")
    assert lookup.params["include_locale"] in ("1", "true", True)


@needs_catalogs("fr")
async def test_a_french_user_gets_french(slack: Harness) -> None:
    french, english = await help_for(slack.engine, "fr-FR"), await help_for(slack.engine, None)
    assert french != english, "the engine did not answer a French sender in French"
    slack.fake.users["U7"] = {"locale": "fr-FR"}
    shown = await two_dms(slack, "U7")
    assert shown == [escape(french)] * 2


async def test_a_failed_lookup_means_no_locale_and_is_not_repeated(slack: Harness) -> None:
    """U9 is unknown to the fake (``user_not_found``): answered in the default language."""
    shown = await two_dms(slack, "U9")
    assert shown == [escape(await help_for(slack.engine, None))] * 2
    assert len(locale_lookups(slack, "U9")) == 1


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack(bot_token=BOT_TOKEN)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()


async def test_an_hour_later_it_is_asked_again_and_few_users_are_kept(fake: FakeSlack) -> None:
    fake.users |= {"U1": {"locale": "ja-JP"}, "U2": {"locale": "de-DE"}, "U3": {}}
    clock = Clock()
    locales = Locales(AsyncWebClient(BOT_TOKEN, base_url=fake.base_url), most=2, clock=clock)
    assert [await locales.of("U1"), await locales.of("U1")] == ["ja-JP", "ja-JP"]
    clock.now = 3599.0
    assert await locales.of("U1") == "ja-JP"
    assert len(fake.called("users.info")) == 1
    clock.now = 3601.0
    assert await locales.of("U1") == "ja-JP"
    assert len(fake.called("users.info")) == 2
    assert await locales.of("U2") == "de-DE"
    assert await locales.of("U3") is None  # a user whose locale Slack does not give
    assert await locales.of("U1") == "ja-JP"  # the least recent, forgotten: asked again
    assert [c.params["user"] for c in fake.called("users.info")] == ["U1", "U1", "U2", "U3", "U1"]


async def test_concurrent_messages_share_one_lookup(fake: FakeSlack) -> None:
    fake.users["U1"] = {"locale": "fr-FR"}
    locales = Locales(AsyncWebClient(BOT_TOKEN, base_url=fake.base_url))
    found = await asyncio.gather(*(locales.of("U1") for _ in range(5)))
    assert found == ["fr-FR"] * 5
    assert len(fake.called("users.info")) == 1


async def test_the_edit_modal_opens_in_the_user_s_language(slack: Harness) -> None:
    translated("fr", EDIT_TITLE, SAVE, CANCEL, EDIT_LABEL)
    slack.fake.users["U7"] = {"locale": "fr-FR"}
    await slack.command("a clockwork city", user="U7")
    await slack.story("C1", None)
    await slack.command("edit", user="U7")
    (opened,) = await slack.fake.wait_for(lambda: slack.fake.views)
    french = translator("fr").gettext

    def titled(text: str) -> str:  # Slack refuses a title over 24 characters
        return text if len(text) <= 24 else text[:23] + "…"

    assert opened["title"]["text"] == titled(french(EDIT_TITLE))
    assert opened["submit"]["text"] == titled(french(SAVE))
    assert opened["close"]["text"] == titled(french(CANCEL))
    assert opened["blocks"][0]["label"]["text"] == french(EDIT_LABEL)
    assert len(locale_lookups(slack, "U7")) == 1


async def test_the_edit_modal_follows_the_channel_s_ui_setting(slack: Harness) -> None:
    """The adapter's own words choose their language as a turn does: the channel's."""
    translated("de", EDIT_TITLE, EDIT_LABEL)
    slack.fake.users["U7"] = {"locale": "fr-FR", "is_admin": True}  # admins change settings
    await slack.command("a clockwork city", user="U7")
    await slack.story("C1", None)
    await slack.command("settings ui de", user="U7")
    await slack.adapter.idle()  # the setting is stored before the editor is asked for
    await slack.command("edit", user="U7")
    (opened,) = await slack.fake.wait_for(lambda: slack.fake.views)
    assert opened["blocks"][0]["label"]["text"] == translator("de").gettext(EDIT_LABEL)


def test_every_language_s_modal_words_fit_slack_uncut() -> None:
    """Slack cuts a modal's title and buttons at 24 characters: each must fit whole."""
    for language in LANGUAGES:
        words = translator(language).gettext
        for message in (EDIT_TITLE, SAVE, CANCEL):
            assert len(words(message)) <= 24, (language, words(message))


async def test_a_slow_lookup_keeps_the_channel_s_order(slack: Harness) -> None:
    """U1's locale is still being asked for when U2 (known already) writes in the same
    channel: U2's request waits its turn, so "continue" goes on from U1's new story."""
    slack.fake.users |= {"U1": {"locale": "fr-FR"}, "U2": {"locale": "de-DE"}}
    await slack.adapter.locales.of("U2")
    slow = slack.fake.hold("users.info")
    await slack.command("a clockwork city", user="U1")
    await slack.fake.wait_for(lambda: locale_lookups(slack, "U1"))
    await slack.command("continue", user="U2")
    slow.set()
    await slack.story("C1", None, count=2)
    await slack.adapter.idle()
    shown = [m.text for m in slack.fake.thread("C1", None)]
    assert [text.split(".")[0] for text in shown] == [
        "Part 1 of a clockwork city",
        "Part 2 of a clockwork city",
    ]
