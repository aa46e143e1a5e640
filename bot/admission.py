"""Admission, dedupe and drain: how a request becomes a turn in its channel's line.

A request takes its place in its channel's lane the moment the adapter hands
it over (synchronously, in :meth:`Admission.admit`), so a channel's turns run
in arrival order whatever the adapter awaits afterwards. The turn then reads
its state in one round trip, is dropped if its platform event was handled
before, and is answered; whatever goes wrong, it ends with one final reply.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncGenerator, Callable
from dataclasses import replace
from typing import Protocol

from bot import logs, replies
from bot.i18n import SOURCE, Spoken, choose, speaking, spoken
from bot.identity import ChannelKey
from bot.lanes import AllFull, LaneFull, Lanes, Slot
from bot.types import Delta, Final, ReplyEvent, ReplyKind, ReplyStream, Request, nothing, only
from bot.writing import part_ref
from storage.base import (
    ChannelTurn,
    Failure,
    Part,
    PartStatus,
    StorageError,
    TurnState,
    TurnStore,
)

log = logging.getLogger(__name__)

Answer = Callable[[Request, TurnState], AsyncGenerator[ReplyEvent, None]]
"""Answers an admitted request, given the state its turn read."""

BUSY_NOTE_EVERY = 30.0
"""Seconds between two "this channel is busy" notes in one channel.

A flood of requests in one group used to send one note per refused request;
each waited out the platform's flood control, and the chat got thousands.
One note says it; the rest are refused without a word.
"""


class TurnObserver(Protocol):
    """Told about every finished turn (metrics use it)."""

    def turn(self, platform: str, command: str, outcome: str, seconds: float) -> None: ...


class _Turn:
    """A reply stream that gives its places back (lane and line) when it ends or is closed."""

    def __init__(
        self, events: AsyncGenerator[ReplyEvent, None], slot: Slot, place: ChannelTurn
    ) -> None:
        self._events = events
        self._slot = slot
        self._place = place

    def __aiter__(self) -> _Turn:
        return self

    async def __anext__(self) -> ReplyEvent:
        try:
            return await anext(self._events)
        except BaseException:
            self._slot.leave()
            await self._place.aclose()
            raise

    async def aclose(self) -> None:
        try:
            await self._events.aclose()
        finally:
            self._slot.leave()
            await self._place.aclose()  # a stream closed unread never entered its place


def shown_again(story_id: int, part: Part) -> Final:
    """A stored part as its final reply, for a reader who may not have seen it whole."""
    complete = part.status is PartStatus.COMPLETE
    return Final(
        part.text,
        kind=ReplyKind.STORY,
        choices=part.choices if complete else (),
        ref=part_ref(story_id, part.seq),
        command="again",
    )


def in_language(final: Final, language: str) -> Final:
    """The final reply, marked with the language it was written in (adapters render
    their own words around it, buttons and menus, in the same one)."""
    return final if final.language else replace(final, language=language)


class Admission:
    def __init__(
        self,
        store: TurnStore,
        *,
        max_queue: int,
        max_turns: int = 2000,
        parts: int,
        observer: TurnObserver | None = None,
        clock: Callable[[], float] = time.monotonic,
        language: str = SOURCE,
    ) -> None:
        self.store = store
        self.language = language
        """``i18n.default``: the language of replies nothing else chooses."""
        self.max_queue = max_queue
        self.parts = parts
        self.observer = observer
        self.clock = clock
        self.lanes = Lanes(max_queue, max_turns)
        self._noted: dict[ChannelKey, float] = {}
        self.refused = 0
        """Requests refused without a note since start (metrics read it)."""
        self.closing = False
        self.interrupted = False
        """Set when the drain's grace ran out: turns still writing stop and say so."""

    def admit(self, request: Request, answer: Answer) -> ReplyStream:
        """Take the request's place in its channel's lane now; the stream runs the turn."""
        guess = self.guess(request)
        if self.closing:
            with spoken(guess):
                return only(in_language(replies.restarting(), guess))
        try:
            slot = self.lanes.enter(request.channel)
        except LaneFull as full:
            with spoken(guess):
                return self._refuse(request.channel, everywhere=isinstance(full, AllFull))
        # Its place in the channel's order across instances, taken now, in arrival order.
        place = self.store.channel_turn(request.channel, request.event_id, local=slot.wait)
        return _Turn(self._run(request, slot, place, answer), slot, place)

    def _refuse(self, channel: ChannelKey, *, everywhere: bool) -> ReplyStream:
        """A note the first time in a while; after that, nothing at all."""
        now = self.clock()
        if now - self._noted.get(channel, -BUSY_NOTE_EVERY) < BUSY_NOTE_EVERY:
            self.refused += 1
            return nothing()
        if len(self._noted) > 10_000:  # forget notes too old to matter; keeps this bounded
            self._noted = {k: t for k, t in self._noted.items() if now - t < BUSY_NOTE_EVERY}
        self._noted[channel] = now
        refusal = replies.busy_everywhere() if everywhere else replies.busy(self.max_queue)
        return only(in_language(refusal, speaking()))

    async def _run(
        self, request: Request, slot: Slot, place: ChannelTurn, answer: Answer
    ) -> AsyncGenerator[ReplyEvent, None]:
        try:
            async with place, contextlib.aclosing(self._turn(request, answer)) as events:
                async for event in events:  # its go: the channel's earlier turns are done
                    yield event
        except StorageError as exc:  # its place in line could not be had
            log.warning("could not take a turn in %s: %s", request.channel, exc)
            language = self.guess(request)
            with spoken(language):
                failed = in_language(replies.failed(), language)
            yield failed
        finally:
            slot.leave()
            await place.aclose()

    def guess(self, request: Request) -> str:
        """The reply's language before the channel's settings are read: the sender's."""
        return choose(request.sender.locale, default=self.language)

    def language_of(self, request: Request, state: TurnState) -> str:
        """The turn's language, decided once: the channel's ``ui`` setting, else the
        sender's platform locale, else ``i18n.default``."""
        return choose(state.settings.ui, request.sender.locale, default=self.language)

    async def _turn(self, request: Request, answer: Answer) -> AsyncGenerator[ReplyEvent, None]:
        yield Delta("")  # the turn begins: delivery may show that the bot is writing
        logs.bind_request(request.trace_id, request.platform, request.channel.text)
        started = time.perf_counter()
        answered = False
        language = self.guess(request)
        try:
            state = await self.store.turn_state(
                request.channel, parts=self.parts, event=request.event_id
            )
            if state.handled:
                again = await self._again(request, state) if request.retaken else None
                if again is not None:
                    # Stored, and maybe never shown whole: a kill came between the two.
                    log.info("event %s was handled; showing its answer again", request.event_id)
                    yield in_language(again, self.language_of(request, state))
                    return
                log.info("event %s was already handled; ignoring it", request.event_id)
                return
            language = self.language_of(request, state)
            async with contextlib.aclosing(answer(request, state)) as answering:
                async for event in Spoken(answering, language):
                    if isinstance(event, Final):
                        event = await self._answered(request, event, language, started)
                        answered = True
                    yield event
        except Exception as exc:
            if isinstance(exc, StorageError) and exc.kind is Failure.DUPLICATE_EVENT:
                log.info("event %s was handled meanwhile; keeping that reply", request.event_id)
                return
            log.exception("request failed")
            if not answered:  # once answered, the reply stands
                with spoken(language):
                    failed = in_language(replies.failed(), language)
                yield failed

    async def _answered(
        self, request: Request, final: Final, language: str, started: float
    ) -> Final:
        """The turn's final reply, in its language, its event recorded and the turn counted."""
        final = in_language(final, language)
        if request.event_id and final.kind is not ReplyKind.STORY:
            # A story's event was recorded with its part; the rest here.
            await self.store.claim_event(request.channel, request.event_id, final.text)
        self._finished(request, final, started)
        return final

    async def _again(self, request: Request, state: TurnState) -> Final | None:
        """A taken-up event's answer, unless it is known to be shown: the part it wrote
        while that is its story's last (an ending leaves no active story for ``state``
        to hold it in), or the reply it was claimed with."""
        part, event = state.handled_part, request.event_id
        if part is not None:
            return shown_again(part.story_id, part)
        if event is None:
            return None
        last = await self.store.event_part(request.platform, event)
        if last is not None:  # its story is no longer the channel's: this part ended it
            with spoken(self.language_of(request, state)):
                over = replies.ended(request.dialect)
            again = shown_again(last.story_id, last)
            return replace(again, text=again.text + over)
        reply = await self.store.event_reply(request.platform, event)
        return Final(reply, command="again") if reply else None

    def _finished(self, request: Request, final: Final, started: float) -> None:
        seconds = time.perf_counter() - started
        log.info("%s %s in %.0f ms", final.command, final.outcome, seconds * 1000)
        if self.observer is not None:
            self.observer.turn(request.platform, final.command, final.outcome, seconds)

    async def drain(self, grace: float) -> None:
        """Take no new turns, let running ones finish for ``grace`` seconds, then interrupt.

        Interrupted turns still end with a final reply (marked interrupted) and
        store their part as interrupted, so the chat and the database agree.
        """
        self.closing = True
        try:
            await asyncio.wait_for(self.lanes.wait_empty(), grace)
            return
        except TimeoutError:
            log.warning("stories still being written after %.0fs; interrupting them", grace)
        self.interrupted = True
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.lanes.wait_empty(), 3)
