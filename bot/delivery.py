"""One delivery layer for every platform: streaming, throttled edits, splitting.

Adapters implement a tiny :class:`Surface` (send, edit, typing, attach) and
state their :class:`Limits`; :func:`deliver` turns the engine's reply stream
into calls on it. The rules every platform gets from here:

- the first text is sent as soon as it arrives;
- platform calls are spaced at least ``limits.interval`` apart;
- text over ``limits.max_length`` continues in further messages, cut at a
  paragraph or sentence boundary;
- the last call leaves each message with exactly its part of the final text;
- a :class:`RateLimited` answer is waited out and the call made again, so the
  final text is never lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.splitting import Measure, split_point
from bot.types import Attachment, Delta, Final, ReplyStream

log = logging.getLogger(__name__)

MAX_RATE_LIMIT_RETRIES = 8
TYPING_REFRESH = 4.0
TYPING_DELAY = 0.2


Observer = Callable[[str], None]
"""What a surface tells about each platform error it meets (``"rate_limited"``, …): metrics."""


def ignore(kind: str) -> None:
    """An observer that counts nothing, for surfaces built without metrics."""


class RateLimited(Exception):
    """Raised by a surface when the platform asked to wait before calling again."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited for {retry_after:.1f}s")
        self.retry_after = max(0.0, float(retry_after))


@dataclass(frozen=True, slots=True)
class Limits:
    """What a platform allows. ``measure`` counts length the way the platform does."""

    max_length: int
    interval: float
    can_edit: bool = True
    measure: Measure = len


@dataclass(frozen=True, slots=True)
class Choices:
    """Numbered options to show with the last message, e.g. as buttons."""

    labels: tuple[str, ...]
    ref: str | None
    counts: tuple[int, ...] = ()
    """Votes so far per option, when the options are put to a vote."""

    def votes(self, number: int) -> int | None:
        """Option ``number``'s votes so far, or None when nothing is being voted on."""
        return self.counts[number - 1] if len(self.counts) >= number else None


def with_votes(label: str, votes: int | None) -> str:
    """A button's label with its count while a vote is open: ``2. Go right · 3``."""
    return label if votes is None else f"{label} · {votes}"


class Surface(Protocol):
    """The only calls an adapter implements to show replies."""

    async def send(self, text: str, *, choices: Choices | None, private: bool) -> Any:
        """Post a new message and return a handle that ``edit`` understands."""
        ...

    async def edit(self, handle: Any, text: str, *, choices: Choices | None) -> None:
        """Replace a message's text (and its buttons)."""
        ...

    async def typing(self) -> None:
        """Show a typing indicator, if the platform has one."""
        ...

    async def attach(self, attachment: Attachment, *, private: bool) -> None:
        """Upload a file such as the Markdown export."""
        ...

    async def show_tally(self, choices: Choices) -> None:
        """Show a vote's counts on the buttons the ballot was cast with, if any."""
        ...


class Clock(Protocol):
    def now(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


@dataclass(slots=True)
class Delivered:
    """What was shown: the final reply and the handles of every message sent."""

    final: Final | None
    handles: list[Any] = field(default_factory=list)


class _Writer:
    """The state of one reply being written into one or more messages."""

    def __init__(self, surface: Surface, limits: Limits, clock: Clock) -> None:
        self.surface = surface
        self.limits = limits
        self.clock = clock
        self.text = ""
        self.offset = 0  # start of the text that belongs to the open message
        self.current: Any = None
        self.current_text = ""
        self.handles: list[Any] = []
        self.last_call: float | None = None
        self.private = False

    def due(self) -> bool:
        return self.last_call is None or self.clock.now() - self.last_call >= self.limits.interval

    async def _pace(self) -> None:
        if self.last_call is not None:
            wait = self.last_call + self.limits.interval - self.clock.now()
            if wait > 0:
                await self.clock.sleep(wait)

    async def _call(self, make: Callable[[], Awaitable[Any]]) -> Any:
        for _ in range(MAX_RATE_LIMIT_RETRIES):
            await self._pace()
            try:
                result = await make()
            except RateLimited as exc:
                log.warning("platform rate limit, waiting %.1fs", exc.retry_after)
                self.last_call = self.clock.now()
                await self.clock.sleep(exc.retry_after)
                continue
            self.last_call = self.clock.now()
            return result
        raise RuntimeError("the platform kept rate limiting; giving up on this message")

    async def _put(self, text: str, *, seal: bool, choices: Choices | None) -> None:
        if self.current is None:
            self.current = await self._call(
                lambda: self.surface.send(text, choices=choices, private=self.private)
            )
            self.handles.append(self.current)
        elif text != self.current_text or choices is not None:
            handle = self.current
            await self._call(lambda: self.surface.edit(handle, text, choices=choices))
        self.current_text = text
        if seal:
            self.current, self.current_text = None, ""

    async def flush(self, *, final: bool, choices: Choices | None = None) -> None:
        limit, measure = self.limits.max_length, self.limits.measure
        while True:
            if self.current is None:  # a new message never starts with whitespace
                rest = self.text[self.offset :]
                self.offset += len(rest) - len(rest.lstrip())
            pending = self.text[self.offset :]
            if measure(pending.rstrip()) <= limit:
                break
            end, start = split_point(pending, limit, measure)
            await self._put(pending[:end].rstrip(), seal=True, choices=None)
            self.offset += start  # the next message's leading whitespace is skipped above
        pending = self.text[self.offset :].strip()
        if pending and (final or self.limits.can_edit):
            await self._put(pending, seal=final, choices=choices)


async def _keep_typing(surface: Surface, clock: Clock) -> None:
    await clock.sleep(TYPING_DELAY)  # quick answers need no indicator
    while True:
        with contextlib.suppress(Exception):
            await surface.typing()
        await clock.sleep(TYPING_REFRESH)


async def deliver(
    stream: ReplyStream,
    surface: Surface,
    limits: Limits,
    *,
    clock: Clock | None = None,
    typing: bool = True,
) -> Delivered:
    """Show a reply stream on a surface; returns what was sent.

    The final reply is shown as soon as it arrives, and the stream is closed
    then, or whenever delivery ends (a surface failure included), so the
    engine's per-channel turn is always released. The typing indicator starts
    with the stream's first event, which the engine sends when the turn begins:
    a request still waiting behind others in its channel shows nothing (a flood
    of waiting requests used to send "typing" dozens of times a second).
    """
    clock = clock or MonotonicClock()
    writer = _Writer(surface, limits, clock)
    typer: asyncio.Task[None] | None = None
    final: Final | None = None
    try:
        async for event in stream:
            if typing and typer is None and not writer.text:
                typer = asyncio.create_task(_keep_typing(surface, clock))
            if isinstance(event, Delta):
                writer.text += event.text
                if writer.text.strip() and writer.due():
                    if typer is not None:
                        typer.cancel()
                    await writer.flush(final=False)
            else:
                final = event
                if typer is not None:
                    typer.cancel()
                await finish(writer, final)
                break
    finally:
        if typer is not None:
            typer.cancel()
        await stream.aclose()
    return Delivered(final, writer.handles)


async def finish(writer: _Writer, final: Final) -> None:
    """Bring the messages to exactly the final text, with choices on the last one."""
    writer.private = final.private
    if not final.text.startswith(writer.text):
        # The engine appends notices and choices to what it streamed, so this
        # only happens if a storyteller misbehaves: show the final text afresh
        # rather than lose or garble any of it.
        log.warning("final text does not extend the streamed text; sending it anew")
        writer.current, writer.current_text, writer.offset = None, "", 0
    if final.tally and final.choices:
        tally = Choices(final.choices, final.ref, final.tally)
        await writer._call(functools.partial(writer.surface.show_tally, tally))
        choices = None  # the counts are on the vote's own message; the note is plain
    else:
        choices = Choices(final.choices, final.ref) if final.choices else None
    writer.text = final.text
    await writer.flush(final=True, choices=choices)
    for attachment in final.attachments:
        await writer._call(
            functools.partial(writer.surface.attach, attachment, private=final.private)
        )
