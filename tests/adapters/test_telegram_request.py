"""AiohttpRequest: python-telegram-bot's calls over aiohttp, against the fake Bot API.

The adapter's own tests run every call through it too; these pin what PTB
expects of a ``BaseRequest``: form and multipart bodies, Telegram's errors
turned into PTB's exceptions, timeouts as ``TimedOut``, a dead server as
``NetworkError``, and a pool that waits rather than fails when it is full.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from adapters.telegram.request import AiohttpRequest
from tests.fakes.telegram_api import BOT_USERNAME, FakeTelegram

TOKEN = "123:REQUEST"
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


def bot_on(base_url: str, request: AiohttpRequest | None = None) -> Bot:
    return Bot(
        TOKEN,
        base_url=base_url,
        request=request or AiohttpRequest(8),
        get_updates_request=AiohttpRequest(1),
    )


async def test_calls_carry_form_parameters_and_read_the_answer(tg: FakeTelegram) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("1. Go", callback_data="c|1.2|1")]])
    async with bot_on(tg.base_url) as bot:
        sent = await bot.send_message(111, "<b>Hi</b> &amp; bye", parse_mode="HTML",
                                      reply_markup=markup)  # fmt: skip
        assert bot.username == BOT_USERNAME
    assert sent.text == "Hi & bye"
    (call,) = tg.of("sendMessage")
    assert call.params["chat_id"] == 111
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "c|1.2|1"
    assert tg.sent_to(111)[0].reply_markup == call.params["reply_markup"]


async def test_a_file_goes_as_multipart_with_the_other_parameters(tg: FakeTelegram) -> None:
    async with bot_on(tg.base_url) as bot:
        await bot.send_document(111, InputFile(b"# Story\n", filename="story.md"),
                                message_thread_id=7)  # fmt: skip
    (call,) = tg.of("sendDocument")
    assert call.files["document"] == ("story.md", b"# Story\n")
    assert call.params["chat_id"] == 111
    assert call.params["message_thread_id"] == 7


async def test_telegram_errors_become_ptb_errors(tg: FakeTelegram) -> None:
    async with bot_on(tg.base_url) as bot:
        tg.flood("sendMessage", retry_after=3)
        with pytest.raises(RetryAfter):
            await bot.send_message(111, "too fast")
        tg.fail("sendMessage", 400, "Bad Request: chat not found")
        with pytest.raises(BadRequest, match=r"(?i)chat not found"):
            await bot.send_message(111, "nobody")


async def test_a_slow_answer_is_timed_out(tg: FakeTelegram) -> None:
    tg.member_delay = 1.0
    async with bot_on(tg.base_url, AiohttpRequest(8, read_timeout=0.1)) as bot:
        with pytest.raises(TimedOut):
            await bot.get_chat_member(-100, 222)
        tg.member_delay = 0
        member = await bot.get_chat_member(-100, 222)  # the session is still usable
    assert member.status == "member"


async def test_an_unreachable_server_is_a_network_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    request = AiohttpRequest(2)
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as raised:
            await request.post(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe")
        assert not isinstance(raised.value, TimedOut)
    finally:
        await request.shutdown()


async def test_a_full_pool_waits_for_a_connection_instead_of_failing(tg: FakeTelegram) -> None:
    tg.member_delay = 0.2
    async with bot_on(tg.base_url, AiohttpRequest(2)) as bot:
        members = await asyncio.gather(*(bot.get_chat_member(-100, n) for n in range(6)))
    assert [m.user.id for m in members] == list(range(6))


async def test_requests_need_initialize_and_survive_a_second_one(tg: FakeTelegram) -> None:
    request = AiohttpRequest(2)
    with pytest.raises(NetworkError, match="not initialized"):
        await request.post(f"{tg.base_url}{TOKEN}/getMe")
    await request.initialize()
    await request.initialize()  # PTB may call it again; the same session stays
    try:
        answer = await request.post(f"{tg.base_url}{TOKEN}/getMe")
    finally:
        await request.shutdown()
        await request.shutdown()
    assert isinstance(answer, dict)
    assert answer["username"] == BOT_USERNAME
