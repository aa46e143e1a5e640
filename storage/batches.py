"""Requests that arrive while the database is busy, sent on together as one statement.

A statement is a round trip to aiosqlite's thread, and each row it steps
through gives up the GIL and waits to take it back. With a thousand stories
streaming, the loop keeps the GIL busy, so a thousand turns' reads sent one by
one reached the last turn 1.4 s late. Sent as a few statements of one row per
turn, they come back in milliseconds.

Nothing waits to form a batch: a request that finds no batch in flight goes
at once, and whatever arrives meanwhile goes together as soon as it returns.
So one turn on a quiet bot pays one task hop, and a busy bot's requests wait
no longer than the batch ahead of them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

Request = TypeVar("Request")
Result = TypeVar("Result")

Runner = Callable[[Sequence[Request]], Awaitable[Sequence[Result | Exception]]]
"""Answers a batch: one result, or the exception that request should raise, per request."""


class Batches(Generic[Request, Result]):
    """Sends the requests waiting together through ``run``, ``most`` at a time."""

    def __init__(self, run: Runner[Request, Result], *, most: int) -> None:
        self._run = run
        self._most = most
        self._waiting: list[tuple[Request, asyncio.Future[Result]]] = []
        self._flight: asyncio.Task[None] | None = None

    async def submit(self, request: Request) -> Result:
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._waiting.append((request, future))
        if self._flight is None:
            self._flight = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        try:
            while self._waiting:
                batch = self._waiting[: self._most]
                del self._waiting[: self._most]
                await self._answer(batch)
        finally:
            self._flight = None
            for _, future in self._waiting:  # only when cancelled: nobody else would answer
                future.cancel()
            self._waiting.clear()

    async def _answer(self, batch: list[tuple[Request, asyncio.Future[Result]]]) -> None:
        try:
            outcomes = await self._run([request for request, _ in batch])
        except Exception as exc:  # the whole batch failed: every request says so
            outcomes = [exc] * len(batch)
        except BaseException:
            for _, future in batch:
                future.cancel()
            raise
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            if future.done():  # its caller was cancelled; a write still took place
                continue
            if isinstance(outcome, Exception):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)
