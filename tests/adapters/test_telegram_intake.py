"""How Telegram updates come in: kept in the inbox before Telegram may forget them,
answered after a restart, refused with 4xx when they are not updates."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram.error import TelegramError

from adapters.telegram.adapter import SECRET_HEADER, WEBHOOK_PATH
from bot.inbox import MOST
from bot.platforms import CredentialsRefused
from storage.sqlite import SqliteStore
from tests.adapters.test_telegram import (
    DM,
    GatedProvider,
    Harness,
    running,
    webhook_client,
)
from tests.fakes.provider import ScriptedProvider
from tests.fakes.telegram_api import FakeTelegram, message

HOOK: dict[str, Any] = {"webhook_url": "https://bot.example.org", "webhook_secret": "s3cret"}
RIGHT = {SECRET_HEADER: "s3cret"}
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake:
        yield fake


@pytest.fixture
async def bot(tg: FakeTelegram, tmp_path: Path) -> AsyncIterator[Harness]:
    async with running(tg, tmp_path / "db.sqlite", ScriptedProvider(chunk=50)) as harness:
        yield harness


def sqlite(bot: Harness) -> SqliteStore:
    assert isinstance(bot.app.store, SqliteStore)
    return bot.app.store


async def kept(bot: Harness) -> list[str]:
    """Event ids in the inbox table, read directly (``pending`` would count a try)."""
    rows = await sqlite(bot).db.execute_fetchall(
        "SELECT event_id FROM inbox WHERE platform = 'telegram' ORDER BY rowid"
    )
    return [row[0] for row in rows]


# nothing lost


async def test_an_update_fetched_and_not_answered_is_answered_after_a_restart(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """The offset was confirmed, so Telegram will not hand it out again: the inbox does."""
    gated, db = GatedProvider(), tmp_path / "db.sqlite"
    async with running(tg, db, gated, options={"shutdown_grace": 0}) as bot:
        update = await bot.send(message("/story slow tide"))
        await tg.wait_for(lambda: tg.of("sendChatAction"), what="the story to start")
        assert await kept(bot) == [str(update["update_id"])]
    assert tg.updates == [], "the stop confirmed what was fetched"
    assert not tg.of("sendMessage")
    gated.gate.set()
    async with running(tg, db, gated) as bot:
        final = await bot.story_message(DM)
        assert final.text.startswith("Part 1 of slow tide.")
        await bot.idle()
        assert await kept(bot) == []
    assert len(gated.generations) == 1


async def test_a_webhook_update_is_kept_before_the_200(tg: FakeTelegram, tmp_path: Path) -> None:
    gated, db = GatedProvider(), tmp_path / "db.sqlite"
    async with running(tg, db, gated, options={"shutdown_grace": 0}, **HOOK) as bot:
        update = {"update_id": 91, **message("/story slow hook")}
        async with webhook_client(bot) as client:
            answer = await client.post(WEBHOOK_PATH, json=update, headers=RIGHT)
            assert answer.status == 200
            assert await kept(bot) == ["91"]
    gated.gate.set()
    async with running(tg, db, gated, **HOOK) as bot:
        final = await bot.story_message(DM)
        assert final.text.startswith("Part 1 of slow hook.")
        await bot.idle()
        assert await kept(bot) == []


async def test_an_update_whose_reply_fails_leaves_the_inbox(bot: Harness) -> None:
    """A failing update must not be taken up again at every start."""
    bot.tg.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    update = await bot.send(message("/story unheard"))
    await bot.settled(update)
    assert [call.params.get("_error") for call in bot.tg.of("sendMessage")] == [
        "Forbidden: bot was blocked by the user"
    ]
    assert await kept(bot) == []
    assert bot.app.inbox.in_hand == 0


async def test_ignored_updates_leave_the_inbox_too(bot: Harness) -> None:
    chatter = await bot.send(message("lunch?", chat_id=-100200, user_id=DM))
    await bot.settled(chatter)
    assert await kept(bot) == []


# polling


async def test_polling_backs_off_after_a_network_error_and_goes_on(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await bot.tg.wait_for(lambda: bot.tg.of("getUpdates"), what="polling")
    bot.tg.fail("getUpdates", 502, "Bad Gateway")
    with caplog.at_level(logging.WARNING, logger="adapters.telegram.intake"):
        await bot.send(message("/story after the outage"))
        final = await bot.story_message(DM)
    assert final.text.startswith("Part 1 of after the outage.")
    assert "polling Telegram failed" in caplog.text
    failed = [c for c in bot.tg.of("getUpdates") if "_error" in c.params]
    assert len(failed) == 1


async def test_a_full_inbox_stops_fetching_until_there_is_room(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    """Nothing is dropped for space: the batch stays unconfirmed at Telegram meanwhile."""
    filler = [(f"filler{n}", "{}") for n in range(MOST)]
    assert await bot.app.store.keep("telegram", filler, MOST)
    with caplog.at_level(logging.WARNING, logger="bot.inbox"):
        update = await bot.send(message("/story patience"))
        await bot.tg.wait_for(lambda: "inbox holds" in caplog.text, what="the inbox to refuse")
        await asyncio.sleep(0.3)
        assert bot.tg.updates == [update], "not confirmed while it could not be kept"
        assert not bot.tg.of("sendMessage")
    await sqlite(bot).db.execute("DELETE FROM inbox WHERE event_id LIKE 'filler%'")
    final = await bot.story_message(DM)
    assert final.text.startswith("Part 1 of patience.")


# webhook: 4xx for what is not Telegram or not an update, never 500


async def test_a_secret_header_that_is_not_utf8_is_refused_with_403(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    async with running(tg, tmp_path / "db.sqlite", ScriptedProvider(), **HOOK) as bot:
        async with webhook_client(bot) as client:
            assert client.server.port is not None
            reader, writer = await asyncio.open_connection("127.0.0.1", client.server.port)
            writer.write(
                b"POST " + WEBHOOK_PATH.encode() + b" HTTP/1.1\r\nHost: bot\r\n"
                b"X-Telegram-Bot-Api-Secret-Token: s3cr\xff\xfe\r\n"
                b"Content-Type: application/json\r\nContent-Length: 2\r\n"
                b"Connection: close\r\n\r\n{}"
            )
            await writer.drain()
            status = await reader.readline()
            writer.close()
            await writer.wait_closed()
    assert status.split()[1] == b"403", status


@pytest.mark.parametrize(
    "body",
    [
        b"[]",
        b'"an update"',
        b"42",
        b"null",
        b'{"no": "update_id"}',
        b'{"update_id": true}',
        b'{"update_id": 5, "message": "not a message"}',
        b'{"update_id": 5, "message": {"chat": 3}}',
        b'{"update_id": 5, "callback_query": 7}',
        b"\xff\xfe not utf-8",
    ],
)
async def test_a_body_that_is_not_an_update_is_refused_with_400(
    tg: FakeTelegram, tmp_path: Path, body: bytes
) -> None:
    async with running(tg, tmp_path / "db.sqlite", ScriptedProvider(), **HOOK) as bot:
        async with webhook_client(bot) as client:
            answer = await client.post(
                WEBHOOK_PATH, data=body, headers={**RIGHT, "Content-Type": "application/json"}
            )
            assert answer.status == 400
        assert await kept(bot) == []


# start-up


async def test_a_refused_token_is_a_configuration_error(tg: FakeTelegram, tmp_path: Path) -> None:
    tg.fail("getMe", 401, "Unauthorized")
    with pytest.raises(CredentialsRefused) as refused:
        async with running(tg, tmp_path / "db.sqlite", ScriptedProvider()):
            pass
    assert "123:TEST" not in str(refused.value)
    assert refused.value.__cause__ is None


async def test_a_start_that_failed_can_be_tried_again(tg: FakeTelegram, tmp_path: Path) -> None:
    """The service retries a platform it could not reach with the same adapter."""
    tg.fail("deleteWebhook", 502, "Bad Gateway")
    async with running(tg, tmp_path / "db.sqlite", ScriptedProvider(chunk=50), start=False) as bot:
        with pytest.raises(TelegramError):
            await bot.adapter.start()
        await bot.adapter.start()
        await bot.send(message("/story second time lucky"))
        final = await bot.story_message(DM)
    assert final.text.startswith("Part 1 of second time lucky.")
