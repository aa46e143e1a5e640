"""Updates are answered beside python-telegram-bot, and leave the inbox once answered.

Handlers take the request's place in its channel's line (``engine.handle``,
before any await) and hand its delivery to :class:`Deliveries`, then return.
Waiting out a group's flood control inside a handler held one of PTB's 256
processing slots; with a group's line longer than that, a private chat got
no answer at all for 30 s. :class:`InboxProcessor` is PTB's documented
extension point for running handlers: after the handler returns, the update
is done, unless a delivery it started still carries it; then that delivery
marks it done when it ends, whether it succeeded or failed, so a failing
update is never taken up again. A delivery cancelled at shutdown leaves its
update in the inbox for the next start.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from adapters.telegram.inbound import PLATFORM
from bot.inbox import Inbox

log = logging.getLogger(__name__)

SLOTS = 256
"""Handlers running at once: what ``concurrent_updates(True)`` gave. They return at once now."""


class Deliveries:
    """Replies being delivered, and the update each one answers."""

    def __init__(self, inbox: Inbox) -> None:
        self.inbox = inbox
        self._tasks: set[asyncio.Task[None]] = set()
        self._carrying: dict[int, asyncio.Task[None]] = {}

    def start(self, update_id: int, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` in the background; the update is done when it ends."""
        task = asyncio.create_task(self._run(update_id, work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        self._carrying[update_id] = task

    async def _run(self, update_id: int, work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except Exception:
            log.exception("a Telegram reply failed")
        # Not on cancellation (shutdown): the update is taken up at the next start.
        if self._carrying.get(update_id) is asyncio.current_task():
            del self._carrying[update_id]
        await self.inbox.done(PLATFORM, str(update_id))

    async def settle(self, update_id: int) -> None:
        """The update's handler returned: it is done unless a delivery carries it."""
        if update_id not in self._carrying:
            await self.inbox.done(PLATFORM, str(update_id))

    async def idle(self) -> None:
        """Until every delivery started so far (and any they led to) has ended."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def close(self, grace: float) -> None:
        """Let deliveries finish for ``grace`` seconds, then cancel the rest."""
        if not self._tasks:
            return
        _, pending = await asyncio.wait(set(self._tasks), timeout=grace)
        if pending:
            log.warning("cancelling %d Telegram replies still being delivered", len(pending))
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)


class InboxProcessor(BaseUpdateProcessor):
    """Runs each update's handlers, then settles the update in the inbox."""

    def __init__(self, deliveries: Deliveries, max_concurrent_updates: int = SLOTS) -> None:
        super().__init__(max_concurrent_updates)
        self.deliveries = deliveries

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        # Nothing may be awaited before the handler: it must take its place in line
        # in the order the updates were queued.
        try:
            await coroutine
        except Exception:  # PTB hands handler errors to the error handler; this is its own
            await self._settle(update)
            raise
        await self._settle(update)

    async def _settle(self, update: object) -> None:
        if isinstance(update, Update):
            await self.deliveries.settle(update.update_id)

    async def initialize(self) -> None:
        """Nothing to set up: deliveries start with the first update."""

    async def shutdown(self) -> None:
        """Nothing to free: the adapter closes deliveries within its shutdown grace."""
