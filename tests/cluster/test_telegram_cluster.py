"""What the Telegram intake does for several instances: it names each update's chat as the
handlers will (so the place it takes before the 200 is the turn's), and a second poller
on the same token is told, once a minute, that polling is for one instance only."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot, Update

from adapters.telegram.inbound import channel_key, target_of
from adapters.telegram.intake import channel_of
from tests.adapters.test_telegram import DM, Harness, running
from tests.fakes.provider import ScriptedProvider
from tests.fakes.telegram_api import FakeTelegram, callback, message

pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")
CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot "
    "instance is running"
)


def parsed(data: dict[str, Any]) -> Update:
    update = Update.de_json({"update_id": 1, **data}, Bot("123:TEST"))
    assert update is not None
    return update


def test_an_update_is_placed_in_the_line_its_handler_will_use() -> None:
    plain = parsed(message("hello", chat_id=77))
    assert plain.message is not None
    assert channel_of(plain) == channel_key(target_of(plain.message))
    topic = parsed(message("in a topic", chat_id=-1001, thread_id=9))
    assert str(channel_of(topic)) == "telegram:-1001:9"
    shown = message("Part 1", chat_id=-1001, thread_id=9)["message"]
    pressed = parsed(callback("c|1:1|2", shown))
    assert channel_of(pressed) == channel_of(topic), "a button belongs to its message's topic"
    assert channel_of(parsed({"edited_message": shown})) is None


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    async with (
        FakeTelegram() as tg,
        running(tg, tmp_path / "db.sqlite", ScriptedProvider(chunk=50)) as harness,
    ):
        yield harness


async def test_a_second_poller_is_told_polling_is_for_one_instance(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await bot.tg.wait_for(lambda: bot.tg.of("getUpdates"), what="polling")
    for _ in range(3):
        bot.tg.fail("getUpdates", 409, CONFLICT)
    with caplog.at_level(logging.ERROR, logger="adapters.telegram.intake"):
        await bot.tg.wait_for(
            lambda: len([c for c in bot.tg.of("getUpdates") if "_error" in c.params]) == 3,
            within=20,
            what="three refused polls",
        )
        await bot.send(message("/story after the other poller left"))
        final = await bot.story_message(DM)
    assert final.text.startswith("Part 1 of after the other poller left.")
    told = [r for r in caplog.records if "long polling is for one instance only" in r.message]
    assert len(told) == 1, "once a minute, not once a poll"
    assert "webhook mode" in told[0].message
