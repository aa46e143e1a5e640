"""Benchmark 7's floor: the same Bot API calls and the same streams, with nothing else.

``python -m bench.e2e_floor --telegram URL --llm URL`` long-polls with
python-telegram-bot's ``Bot.get_updates`` and answers every message as
Storybot's delivery does, with the libraries Storybot uses and none of
Storybot: the story is streamed (lines, ``json.loads`` per event), the first
text goes out with ``sendMessage`` at once, then one ``editMessageText``
whenever a second has passed since the last call, and a final edit with the
choice buttons a second after that; "typing" is sent if no text came within
0.2 s. Bot API calls go through PTB's ``Bot`` (its request building and
``de_json`` are part of the work), over the cheapest client the dependencies
offer: aiohttp, through Storybot's ``AiohttpRequest`` (a PTB ``BaseRequest``
that only moves bytes), and aiohttp for the streams, one connection per chat.
``--client httpx`` runs it as the libraries come instead: PTB's own
``HTTPXRequest`` (256 connections, as ``Application.builder()`` gives) and one
``httpx.AsyncClient``, to show what the clients themselves cost. Once ready it has the process
tuning ``storybot run`` has (``gc.freeze()``, the young generation collected
every ``GC_YOUNG`` allocations); ``--gc-young 0`` leaves CPython's own.

It prints ``ready`` once ``getMe`` has answered and polling runs, and stops on
SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import html
import json
import re
import signal
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import timedelta
from typing import Any

import aiohttp
import httpx
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction, ParseMode
from telegram.request import BaseRequest, HTTPXRequest

from adapters.telegram.request import AiohttpRequest

POOL = 256
"""Connections for Bot API calls: what ``Application.builder()`` gives PTB's request."""
POLL_TIMEOUT = 10
TYPING_AFTER = 0.2
TYPING_EVERY = 4.0
GC_YOUNG = 20_000
"""``bot.app.GC_YOUNG``, not imported so the floor loads none of Storybot (a test checks)."""
SYSTEM = "You are a storyteller. " * 60
"""A system prompt about as long as Storybot's, so requests weigh the same."""
_OPTION = re.compile(r"^(\d+)\. (.+)$", re.MULTILINE)

Lines = Callable[[dict[str, Any]], AbstractAsyncContextManager[AsyncIterator[str]]]
"""Post a body to the LLM; iterate the answer's lines."""


def httpx_lines(url: str, most: int) -> tuple[Lines, Callable[[], Any]]:
    client = httpx.AsyncClient(
        timeout=httpx.Timeout(10.0, read=None, pool=60.0),
        limits=httpx.Limits(max_connections=most, max_keepalive_connections=most),
    )

    @asynccontextmanager
    async def lines(body: dict[str, Any]) -> AsyncIterator[AsyncIterator[str]]:
        async with client.stream("POST", url, json=body) as response:
            yield response.aiter_lines()

    return lines, client.aclose


def aiohttp_lines(url: str, most: int) -> tuple[Lines, Callable[[], Any]]:
    session = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=most, limit_per_host=0),
        timeout=aiohttp.ClientTimeout(total=None, connect=60.0, sock_connect=10.0),
    )

    async def decoded(response: aiohttp.ClientResponse) -> AsyncIterator[str]:
        async for line in response.content:
            yield line.decode()

    @asynccontextmanager
    async def lines(body: dict[str, Any]) -> AsyncIterator[AsyncIterator[str]]:
        async with session.post(url, json=body) as response:
            yield decoded(response)

    return lines, session.close


class Floor:
    def __init__(self, bot: Bot, lines: Lines, interval: float) -> None:
        self.bot = bot
        self.lines = lines
        self.interval = interval
        self.tasks: set[asyncio.Task[None]] = set()
        self.failures = 0

    async def poll(self) -> None:
        offset: int | None = None
        while True:
            updates = await self.bot.get_updates(
                offset=offset,
                timeout=timedelta(seconds=POLL_TIMEOUT),
                allowed_updates=[Update.MESSAGE],
            )
            for update in updates:
                task = asyncio.create_task(self.answer(update))
                self.tasks.add(task)
                task.add_done_callback(self.tasks.discard)
            if updates:
                offset = updates[-1].update_id + 1

    async def answer(self, update: Update) -> None:
        message = update.message
        if message is None or not message.text:
            return
        try:
            await self._answer(message.chat.id, message.text)
        except Exception as exc:  # counted, and the run's checks will show the chat unanswered
            self.failures += 1
            sys.stderr.write(f"floor: chat {message.chat.id}: {exc!r}\n")

    async def _answer(self, chat: int, text: str) -> None:
        typing = asyncio.create_task(self._typing(chat))
        shown = Shown(self.bot, chat, self.interval)
        body = {
            "model": "bench",
            "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": text}],
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        story = ""
        try:
            async with self.lines(body) as lines:
                async for line in lines:
                    if not line.startswith("data: "):
                        continue
                    data = line[6:].rstrip()
                    if data == "[DONE]":
                        break
                    for choice in json.loads(data).get("choices") or []:
                        story += (choice.get("delta") or {}).get("content") or ""
                    if story.strip() and shown.due():
                        typing.cancel()
                        await shown.put(story.strip())
        finally:
            typing.cancel()
        await shown.put(story.strip(), buttons=_keyboard(story), pace=True)

    async def _typing(self, chat: int) -> None:
        await asyncio.sleep(TYPING_AFTER)
        while True:
            await self.bot.send_chat_action(chat, ChatAction.TYPING)
            await asyncio.sleep(TYPING_EVERY)


class Shown:
    """One chat's message: sent once, then edited no more than once per interval."""

    def __init__(self, bot: Bot, chat: int, interval: float) -> None:
        self.bot, self.chat, self.interval = bot, chat, interval
        self.message_id: int | None = None
        self.last: float | None = None

    def due(self) -> bool:
        return self.last is None or time.monotonic() - self.last >= self.interval

    async def put(
        self, text: str, *, buttons: InlineKeyboardMarkup | None = None, pace: bool = False
    ) -> None:
        if pace and self.last is not None:
            await asyncio.sleep(max(0.0, self.last + self.interval - time.monotonic()))
        escaped = html.escape(text, quote=False)
        if self.message_id is None:
            sent = await self.bot.send_message(
                self.chat, escaped, parse_mode=ParseMode.HTML, reply_markup=buttons
            )
            self.message_id = sent.message_id
        else:
            await self.bot.edit_message_text(
                escaped,
                chat_id=self.chat,
                message_id=self.message_id,
                parse_mode=ParseMode.HTML,
                reply_markup=buttons,
            )
        self.last = time.monotonic()


def _keyboard(story: str) -> InlineKeyboardMarkup | None:
    options = _OPTION.findall(story)
    if not options:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(f"{n}. {label}", callback_data=f"c|1.1|{n}")]
            for n, label in options
        ]
    )


async def run(args: argparse.Namespace) -> int:
    requests: tuple[BaseRequest, BaseRequest]
    url, most = args.llm.rstrip("/") + "/chat/completions", args.max_connections
    if args.client == "httpx":
        requests = HTTPXRequest(connection_pool_size=POOL), HTTPXRequest(connection_pool_size=1)
        lines, close = httpx_lines(url, most)
    else:
        requests = AiohttpRequest(POOL), AiohttpRequest(1)
        lines, close = aiohttp_lines(url, most)
    bot = Bot(
        args.token,
        base_url=args.telegram,
        base_file_url=args.telegram.replace("/bot", "/file/bot"),
        request=requests[0],
        get_updates_request=requests[1],
    )
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    floor = Floor(bot, lines, args.interval)
    async with bot:
        poller = asyncio.create_task(floor.poll())
        if args.gc_young:  # the process tuning storybot run has (bot.app.tune_process)
            gc.freeze()
            gc.set_threshold(args.gc_young, *gc.get_threshold()[1:])
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        await stop.wait()
        for task in [poller, *floor.tasks]:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
    await close()
    sys.stdout.write(json.dumps({"failures": floor.failures}) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.e2e_floor", description=__doc__)
    parser.add_argument("--telegram", required=True, help="the Bot API base URL (.../bot)")
    parser.add_argument("--llm", required=True, help="the LLM API root (.../v1)")
    parser.add_argument("--token", default="123:BENCH")
    parser.add_argument("--max-connections", type=int, default=1000)
    parser.add_argument("--interval", type=float, default=1.0)
    parser.add_argument("--client", choices=("aiohttp", "httpx"), default="aiohttp")
    parser.add_argument(
        "--gc-young",
        type=int,
        default=GC_YOUNG,
        help="the young generation's collection threshold once ready (0: CPython's own)",
    )
    args: Any = parser.parse_args(argv)
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
