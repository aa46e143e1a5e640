"""Read a storyteller's stream ahead of its reader, handing text over in batches.

A storyteller yields a token at a time, and every token used to travel alone
through the engine's generators and the delivery layer: a thousand busy
stories meant hundreds of thousands of trips for text that no platform shows
more than once a second. Here a task reads the storyteller, and the reader
takes all the text that arrived within ``batch`` seconds in one piece, so the
cost follows the batch interval, not how finely the storyteller chops its text.

The first text, anything that is not text (usage, notices), errors and the end
of the stream are handed over at once; only text that follows text waits, and
never longer than ``batch``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator

from bot.providers.base import Chunk


class ReadAhead:
    """An async iterator over ``source`` that joins the text arriving within ``batch`` seconds.

    Usage and notices keep their place between the text around them; an error
    from ``source`` is raised after the text that came before it. Closing
    stops the reading task and closes ``source``.
    """

    def __init__(self, source: AsyncIterator[Chunk], batch: float = 0.0) -> None:
        self._source = source
        self._batch = batch
        self._items: deque[Chunk] = deque()
        self._wake = asyncio.Event()
        self._waiting_for_more = False
        self._error: Exception | None = None
        self._done = False
        self._task: asyncio.Task[None] | None = None
        self._last_handover: float | None = None

    def __aiter__(self) -> ReadAhead:
        return self

    async def __anext__(self) -> Chunk:
        if self._task is None:
            self._task = asyncio.create_task(self._read())
        while not self._items:
            if self._done:
                if self._error is not None:
                    error, self._error = self._error, None
                    raise error
                raise StopAsyncIteration
            self._wake.clear()
            await self._wake.wait()
        if isinstance(self._items[0], str):
            await self._gather_text()
        return self._take()

    async def _gather_text(self) -> None:
        """Wait out the rest of the batch interval, unless something else turns up."""
        loop = asyncio.get_running_loop()
        if self._last_handover is None or self._batch <= 0:
            return
        deadline = self._last_handover + self._batch
        if deadline <= loop.time() or self._done or not self._all_text():
            return
        self._wake.clear()
        self._waiting_for_more = True
        timer = loop.call_at(deadline, self._wake.set)
        try:
            await self._wake.wait()
        finally:
            self._waiting_for_more = False
            timer.cancel()

    def _all_text(self) -> bool:
        return all(isinstance(item, str) for item in self._items)

    def _take(self) -> Chunk:
        self._last_handover = asyncio.get_running_loop().time()
        first = self._items.popleft()
        if not isinstance(first, str):
            return first
        texts = [first]
        while self._items and isinstance(self._items[0], str):
            texts.append(self._items.popleft())  # type: ignore[arg-type]
        return "".join(texts)

    async def _read(self) -> None:
        try:
            async for chunk in self._source:
                self._items.append(chunk)
                # A reader waiting out a batch is woken only by what ends it.
                if not self._waiting_for_more or not isinstance(chunk, str):
                    self._wake.set()
        except asyncio.CancelledError:
            # Closed by the reader, who reads no more; anyone else is told.
            self._error = RuntimeError("reading the storyteller's stream was cancelled")
            raise
        except Exception as exc:  # handed to the reader, after the text before it
            self._error = exc
        finally:
            self._done = True
            self._wake.set()
            aclose = getattr(self._source, "aclose", None)
            if aclose is not None:
                with contextlib.suppress(Exception):
                    await aclose()

    async def aclose(self) -> None:
        task, self._task = self._task, None
        self._done = True
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        elif task is None:
            aclose = getattr(self._source, "aclose", None)
            if aclose is not None:
                await aclose()
