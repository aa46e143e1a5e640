"""Updates in: each is kept in the inbox before Telegram may forget it, then queued.

python-telegram-bot's Updater confirms a batch (asks for the next one with a
higher offset) as soon as it has queued it, before any handler runs, so a
process killed in between lost the batch. :class:`Poller` asks for the next
batch only once this one is stored; :class:`Webhook` answers 200 only once its
update is stored. At start, what a stopped or killed process had fetched and
not answered is queued first. Answered updates leave the inbox
(``processing.py``).

Several instances behind a load balancer share one inbox (PostgreSQL): each
update also takes its place in its chat's line before it is acknowledged, so
a message sent after that answer is answered after it whichever instance gets
it, and every instance takes up, while it runs, what a dead one left.
Polling is for one instance only: Telegram refuses a second poller, and this
one says so.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import time
from collections.abc import Callable, Sequence
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

from aiohttp import web
from telegram import Bot, Message, Update
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError, TimedOut

from adapters.telegram.inbound import PLATFORM, Target, channel_key, parse_update, target_of
from adapters.telegram.surface import retry_seconds
from bot.identity import ChannelKey
from bot.inbox import Inbox

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

FIRST_RETRY = 1.0
MOST_RETRY = 30.0
"""Seconds between polls after errors: 1, 1.5, 2.25... up to 30, as PTB's Updater waits."""
RETRY_AFTER_SLACK = 0.5
CONFIRM_TIMEOUT = 5.0
ADOPT_EVERY = 2.0
"""Seconds between looks, with a shared inbox, for updates a dead instance left."""
CONFLICT_NOTE_EVERY = 60.0


def channel_of(update: Update) -> ChannelKey | None:
    """The chat (or forum topic) an update is about, as the adapter's handlers key it."""
    if update.message is not None:
        return channel_key(target_of(update.message))
    query = update.callback_query
    if query is not None and query.message is not None:
        shown = query.message
        target = target_of(shown) if isinstance(shown, Message) else Target(shown.chat.id)
        return channel_key(target)
    return None


def backoff(failures: int) -> float:
    """The wait after ``failures`` errors in a row (none after a success)."""
    return 0.0 if failures <= 0 else min(MOST_RETRY, FIRST_RETRY * 1.5 ** (failures - 1))


class Intake:
    """Keeps updates in the inbox and queues the ones to handle for the application."""

    def __init__(self, bot: Bot, inbox: Inbox, queue: asyncio.Queue[object]) -> None:
        self.bot, self.inbox, self.queue = bot, inbox, queue
        self.retaken: dict[int, int | None] = {}
        """Updates taken up from an earlier process (their answer may be stored, unseen),
        each with the message its reply began to show in, if the earlier one got so far."""
        self.running: Callable[[], bool] = lambda: True
        """Whether the adapter runs (the webhook sets it): taking up ends when it stops."""
        self._adopting: asyncio.Task[None] | None = None

    async def accept(self, updates: Sequence[Update]) -> bool:
        """Keep, place in line and queue ``updates``; False when they could not be kept
        (do not confirm them)."""
        items = [(str(update.update_id), update.to_json()) for update in updates]
        fresh = await self.inbox.keep(PLATFORM, items)
        if fresh is None:
            return False
        wanted = {event_id for event_id, _ in fresh}
        places = [
            (str(update.update_id), channel)
            for update in updates
            if str(update.update_id) in wanted and (channel := channel_of(update)) is not None
        ]
        await self.inbox.reserve(PLATFORM, places)
        for update in updates:
            if str(update.update_id) in wanted:
                await self.queue.put(update)
        return True

    async def take_up(self) -> int:
        """Queue what an earlier process fetched and never answered, oldest first; with a
        shared inbox, keep doing so for what other instances leave when they die."""
        taken = await self._take_up()
        if self.inbox.shared and self._adopting is None:
            self._adopting = asyncio.create_task(self._keep_taking_up(), name="telegram-adopt")
        return taken

    async def _keep_taking_up(self) -> None:
        while True:
            await asyncio.sleep(ADOPT_EVERY)
            if not self.running():
                self._adopting = None
                return
            try:
                await self._take_up()
            except Exception:
                log.exception("could not take up updates another instance left")

    async def _take_up(self) -> int:
        taken = 0
        for row in await self.inbox.pending(PLATFORM):
            event_id = row.event_id
            try:
                data = json.loads(row.payload)
            except ValueError:
                data = None
            update = parse_update(data, self.bot)
            if update is None:
                log.warning("dropping kept Telegram update %s: it cannot be read", event_id)
                await self.inbox.done(PLATFORM, event_id)
                continue
            shown = row.shown_in
            self.retaken[update.update_id] = int(shown) if shown and shown.isdigit() else None
            await self.queue.put(update)
            taken += 1
        if taken:
            log.info("taking up %d Telegram updates fetched before a restart", taken)
        return taken


class Poller:
    """Long polling with ``getUpdates``; the offset moves past a batch once it is kept."""

    def __init__(
        self, intake: Intake, *, timeout: int, allowed_updates: Sequence[str] | None
    ) -> None:
        self.intake = intake
        self.bot = intake.bot
        self.timeout = timedelta(seconds=timeout)
        self.allowed_updates = allowed_updates
        self.offset: int | None = None
        self._task: asyncio.Task[None] | None = None
        self._conflict_noted = -CONFLICT_NOTE_EVERY

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="telegram-polling")

    async def stop(self) -> None:
        """Stop asking, then confirm what was kept, so a restart is not handed it again."""
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        if self.offset is not None:
            with contextlib.suppress(TelegramError, TimeoutError):
                await asyncio.wait_for(
                    self.bot.get_updates(offset=self.offset, limit=1, timeout=timedelta(0)),
                    CONFIRM_TIMEOUT,
                )

    async def _run(self) -> None:
        failures = 0
        while True:
            try:
                wait = await self._poll()
            except InvalidToken:  # nothing will work; PTB's Updater stops here too
                log.error("Telegram refused the bot token; polling stopped")
                return
            failures = failures + 1 if wait is None else 0
            delay = backoff(failures) if wait is None else wait
            if delay:
                await asyncio.sleep(delay)

    async def _poll(self) -> float | None:
        """One request: seconds to wait before the next, or None after a failure."""
        try:
            updates = await self.bot.get_updates(
                offset=self.offset, timeout=self.timeout, allowed_updates=self.allowed_updates
            )
        except RetryAfter as exc:
            return retry_seconds(exc) + RETRY_AFTER_SLACK
        except TimedOut:
            return 0.0  # the long poll outlived the read timeout: ask again at once
        except InvalidToken:
            raise
        except Conflict:
            self._two_pollers()
            return None
        except TelegramError as exc:
            log.warning("polling Telegram failed: %s", exc)
            return None
        except Exception:
            log.exception("could not read updates from Telegram")
            return None
        if updates and not await self.intake.accept(updates):
            return None  # not kept: ask for the same batch again later
        if updates:
            self.offset = updates[-1].update_id + 1
        return 0.0

    def _two_pollers(self) -> None:
        """Telegram answers 409 when another process polls with the same token."""
        now = time.monotonic()
        if now - self._conflict_noted >= CONFLICT_NOTE_EVERY:
            self._conflict_noted = now
            log.error(
                "another process is polling Telegram with this bot token, and Telegram hands "
                "each update to one of them: long polling is for one instance only. Stop the "
                "other one, or run every instance in webhook mode (telegram.webhook_url)"
            )


def webhook_endpoint(url: str) -> str:
    """A bare ``https://host`` means the app's own webhook path on that host."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=WEBHOOK_PATH)) if parts.path in ("", "/") else url


class Webhook:
    """Where Telegram posts updates; the secret header proves it is Telegram.

    403 without the secret, 400 for a body that is not an update, 503 when the
    adapter is not running or the update cannot be kept (Telegram delivers it
    again), and 200 only once the update is kept. Never 500 for what a caller sent.
    """

    def __init__(self, intake: Intake, secret: str, running: Callable[[], bool]) -> None:
        self.intake = intake
        self.secret = secret.encode()
        self.running = running
        intake.running = running  # taking up ends when the adapter stops, in either mode

    async def receive(self, request: web.Request) -> web.Response:
        # aiohttp keeps header bytes that are not UTF-8 as surrogates; compare the bytes sent.
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if not hmac.compare_digest(given, self.secret):
            return web.Response(status=403, text="wrong secret token")
        if not self.running():
            return web.Response(status=503, text="not ready")
        try:
            data = json.loads(await request.read())
        except ValueError:  # not JSON, or not UTF-8
            data = None
        update = parse_update(data, self.intake.bot)
        if update is None:
            return web.Response(status=400, text="not an update")
        if not await self.intake.accept([update]):
            return web.Response(status=503, text="cannot keep updates now")
        return web.Response(text="ok")
