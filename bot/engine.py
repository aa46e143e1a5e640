"""The story engine: requests in, reply streams out.

The engine never sends anything. :meth:`Engine.handle` takes the request's
place in its channel's lane at once and returns the reply as a stream of
:class:`~bot.types.Delta` chunks ending in one :class:`~bot.types.Final`;
adapters hand that stream to :func:`bot.delivery.deliver`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol

from bot import logs
from bot.commands import Command, Parsed, parse, parse_subcommand, usage
from bot.config import StoryConfig
from bot.lanes import LaneFull, Lanes, Slot
from bot.library import ChannelLibrary
from bot.memory import TURN_PARTS, Memory
from bot.providers.base import (
    Generation,
    Notice,
    Provider,
    ProviderError,
    StoryContext,
    StreamCut,
    Task,
    Usage,
    estimate_tokens,
)
from bot.providers.read_ahead import ReadAhead
from bot.providers.story_text import parse_choices
from bot.replies import error, no_story
from bot.story_prompt import story_messages, system_prompt
from bot.story_settings import StorySettings
from bot.types import Delta, Final, Mode, ReplyEvent, ReplyKind, ReplyStream, Request
from storage.base import (
    DuplicateEvent,
    EventId,
    NewPart,
    PartStatus,
    Store,
    StoryStatus,
    TokenUse,
    TurnState,
)

log = logging.getLogger(__name__)

GENERATING = {
    Command.NEW,
    Command.CONTINUE,
    Command.CHOOSE,
    Command.RETRY,
    Command.RECAP,
    Command.END,
    Command.RANDOM,
}


INTERRUPTED = "Storybot is restarting, so this part was interrupted."

STREAM_BATCH = 0.1
"""Seconds of a storyteller's text that reach delivery together (the first text at once).

No platform edits a message more than once a second, so nobody sees the
difference, and a thousand stories being written at once cost the engine and
delivery a few steps per second each instead of one per token.
"""


class TurnObserver(Protocol):
    """Told about every finished turn (metrics use it)."""

    def turn(self, platform: str, command: str, outcome: str, seconds: float) -> None: ...


def part_ref(story_id: int, seq: int) -> str:
    """Names a story part in button data, so a press on an old message is recognised."""
    return f"{story_id}:{seq}"


@dataclass(slots=True)
class _Written:
    """What one generation produced: the story text, and what to tell the reader."""

    text: str = ""
    shown_prefix: str = ""
    status: PartStatus = PartStatus.COMPLETE
    failure: str | None = None
    usage: Usage | None = None

    @property
    def nothing(self) -> bool:
        """The storyteller failed before writing anything: there is no part to keep."""
        return self.failure is not None and not self.text


class _Turn:
    """A reply stream that gives its lane place back when it ends or is closed."""

    def __init__(self, events: AsyncIterator[ReplyEvent], slot: Slot) -> None:
        self._events = events
        self._slot = slot

    def __aiter__(self) -> _Turn:
        return self

    async def __anext__(self) -> ReplyEvent:
        try:
            return await anext(self._events)
        except BaseException:
            self._slot.leave()
            raise

    async def aclose(self) -> None:
        try:
            await self._events.aclose()  # type: ignore[attr-defined]
        finally:
            self._slot.leave()


def _event(request: Request) -> EventId | None:
    """The request's platform event, recorded with the part it makes."""
    return (request.platform, request.event_id) if request.event_id else None


async def _single(final: Final) -> AsyncIterator[ReplyEvent]:
    yield final


class Engine:
    def __init__(
        self,
        store: Store,
        provider: Provider,
        config: StoryConfig,
        memory: Memory,
        *,
        rng: random.Random | None = None,
        today: Callable[[], date] = lambda: datetime.now(UTC).date(),
        seed: int | None = None,
        observer: TurnObserver | None = None,
    ) -> None:
        self.store = store
        self.provider = provider
        self.config = config
        self.memory = memory
        self.library = ChannelLibrary(store, config, provider_name=provider.name)
        self.rng = rng or random.Random()
        self.today = today
        self.seed = seed
        self.observer = observer
        self._lanes = Lanes(config.max_queue)
        self._closing = False
        self._interrupted = False

    @property
    def queue_depth(self) -> int:
        return self._lanes.depth

    def handle(self, request: Request) -> ReplyStream:
        """Queue the request in its channel and return its reply stream.

        The stream must be consumed to the end or closed (``deliver`` does
        both); until then, later turns in the same channel wait.
        """
        if self._closing:
            return _single(
                error("Storybot is restarting. Try again in a minute.", outcome="closing")
            )
        try:
            slot = self._lanes.enter(request.channel)
        except LaneFull:
            return _single(
                error(
                    f"This channel already has {self.config.max_queue} requests waiting. "
                    "Give the story a moment, then try again.",
                    outcome="busy",
                )
            )
        return _Turn(self._run(request, slot), slot)

    async def _run(self, request: Request, slot: Slot) -> AsyncIterator[ReplyEvent]:
        await slot.wait()
        logs.bind_request(request.trace_id, request.platform, request.channel)
        started = time.perf_counter()
        answered = False
        try:
            state = await self.store.turn_state(
                request.channel, parts=TURN_PARTS, event=_event(request)
            )
            if state.handled:
                log.info("event %s was already handled; ignoring it", request.event_id)
                return
            parsed = self._read(request, state)
            async for event in self._dispatch(request, parsed, state):
                if isinstance(event, Final):
                    if request.event_id and event.kind is not ReplyKind.STORY:
                        # A story reply's event was recorded with its part; others here.
                        await self.store.claim_event(request.platform, request.event_id)
                    self._finished(request, event.command or parsed.command.value, event, started)
                    answered = True
                yield event
        except DuplicateEvent:
            log.info("event %s was handled meanwhile; keeping that reply", request.event_id)
        except Exception:
            log.exception("request failed")
            if answered:  # the reply stands; only the upkeep after it failed
                return
            yield error(
                "Something went wrong on my side, sorry. Nothing was lost; try again.",
                outcome="error",
            )
        finally:
            slot.leave()

    def _finished(self, request: Request, command: str, final: Final, started: float) -> None:
        seconds = time.perf_counter() - started
        log.info("%s %s in %.0f ms", command, final.outcome, seconds * 1000)
        if self.observer is not None:
            self.observer.turn(request.platform, command, final.outcome, seconds)

    async def drain(self, grace: float) -> None:
        """Take no new turns, let running ones finish for ``grace`` seconds, then interrupt.

        Interrupted turns still end with a final reply (marked interrupted) and
        store their part as interrupted, so the chat and the database agree.
        """
        self._closing = True
        try:
            await asyncio.wait_for(self._lanes.wait_empty(), grace)
            return
        except TimeoutError:
            log.warning("stories still being written after %.0fs; interrupting them", grace)
        self._interrupted = True
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._lanes.wait_empty(), 3)

    def _read(self, request: Request, state: TurnState) -> Parsed:
        if request.mode is Mode.COMMAND:
            return parse(request.text)
        text = request.text.strip()
        if not text:
            return Parsed(Command.HELP, "")
        command = parse_subcommand(text)
        if command is not None:
            return command
        if state.story is None:
            return Parsed(Command.NEW, text)
        if text.isdigit():
            return Parsed(Command.CHOOSE, text)
        return Parsed(Command.CONTINUE, text)

    async def _dispatch(
        self, request: Request, parsed: Parsed, state: TurnState
    ) -> AsyncIterator[ReplyEvent]:
        command, args = parsed.command, parsed.args
        if not request.can_manage and self.library.needs_manager(command, args):
            yield error(
                "Only people who manage this channel can do that here.", command=command.value
            )
            return
        if command not in GENERATING:
            yield await self.library.run(request, command, args)
            return
        over = await self._over_budget(request)
        if over:
            yield error(over, command=command.value, outcome="budget")
            return
        settings = StorySettings.from_json(state.settings)
        match command:
            case Command.NEW:
                stream = self._new(request, args, settings)
            case Command.RANDOM:
                premise = await self.library.random_prompt(request.channel, self.rng)
                stream = self._new(request, premise, settings, shown=f"Prompt: {premise}\n\n")
            case Command.CONTINUE:
                stream = self._continue(request, args, settings, state)
            case Command.CHOOSE:
                stream = self._choose(request, args, settings, state)
            case Command.RETRY:
                stream = self._retry(request, settings, state)
            case Command.END:
                stream = self._end(request, settings, state)
            case _:
                stream = self._recap(request, settings, state)
        async for event in stream:
            yield event

    # generating commands

    async def _new(
        self, request: Request, premise: str, settings: StorySettings, shown: str = ""
    ) -> AsyncIterator[ReplyEvent]:
        premise = premise.strip()
        if not premise:
            yield await self.library.run(request, Command.HELP, "")
            return
        if len(premise) > self.config.max_prompt_length:
            yield self._too_long("prompt", premise)
            return
        context = StoryContext(premise, settings, part_number=1, seed=self.seed)
        written = _Written(shown_prefix=shown)
        if shown:
            yield Delta(shown)
        async for event in self._write(request, Task.OPEN, context, written, "new"):
            yield event
        if written.nothing:
            return
        first = self._new_part(written, request, direction="")
        story = await self.store.start_story(
            request.channel,
            request.platform,
            premise,
            first,
            event=_event(request),
            usage=self._spent(request, written),
        )
        yield self._story_final(written, story.id, 1, "new")

    async def _continue(
        self,
        request: Request,
        direction: str,
        settings: StorySettings,
        state: TurnState,
        command: str = "continue",
        shown: str = "",
    ) -> AsyncIterator[ReplyEvent]:
        story = state.story
        if story is None:
            yield no_story(command, request.platform)
            return
        if len(direction) > self.config.max_prompt_length:
            yield self._too_long("direction", direction)
            return
        context = self._seeded(
            self.memory.context(story, settings, state.recent, direction=direction)
        )
        written = _Written(shown_prefix=shown)
        if shown:
            yield Delta(shown)
        async for event in self._write(request, Task.CONTINUE, context, written, command):
            yield event
        if written.nothing:
            return
        part = await self.store.add_part(
            story,
            self._new_part(written, request, direction),
            event=_event(request),
            usage=self._spent(request, written),
        )
        yield self._story_final(written, story.id, part.seq, command)
        await self.memory.compact(story, settings, (*state.recent, part))

    async def _choose(
        self, request: Request, args: str, settings: StorySettings, state: TurnState
    ) -> AsyncIterator[ReplyEvent]:
        story = state.story
        if story is None:
            yield no_story("choose", request.platform)
            return
        if request.ref is not None and request.ref != part_ref(story.id, story.last_seq):
            yield error(
                "That choice belongs to an earlier part; the story has moved on.",
                command="choose",
                outcome="stale",
            )
            return
        last = state.recent[-1]  # the turn's read always includes the last part
        if not last.choices:
            yield error(
                "The last part has no choices. Use /story continue <what happens next>, or turn "
                "choices on with /story settings choices on.",
                command="choose",
            )
            return
        number = args.strip().rstrip(".")
        if not number.isdigit() or not 1 <= int(number) <= len(last.choices):
            yield error(
                f"Pick an option from 1 to {len(last.choices)}, e.g. /story choose 1.",
                command="choose",
            )
            return
        label = last.choices[int(number) - 1]
        async for event in self._continue(
            request, label, settings, state, command="choose", shown=f"You chose: {label}\n\n"
        ):
            yield event

    async def _retry(
        self, request: Request, settings: StorySettings, state: TurnState
    ) -> AsyncIterator[ReplyEvent]:
        story = state.story
        if story is None:
            yield no_story("retry", request.platform)
            return
        last = state.recent[-1]  # the turn's read always includes the last part
        if story.last_seq == 1:
            task = Task.OPEN
            context = StoryContext(story.premise, settings, part_number=1)
        else:
            task = Task.CONTINUE
            context = self.memory.context(
                story, settings, state.recent, direction=last.direction, drop_last=True
            )
        context = self._seeded(context, attempt=1)
        written = _Written()
        async for event in self._write(request, task, context, written, "retry"):
            yield event
        if written.nothing:
            return
        part = await self.store.add_part(
            story,
            self._new_part(written, request, last.direction),
            replace_last=True,
            event=_event(request),
            usage=self._spent(request, written),
        )
        yield self._story_final(written, story.id, part.seq, "retry")

    async def _end(
        self, request: Request, settings: StorySettings, state: TurnState
    ) -> AsyncIterator[ReplyEvent]:
        story = state.story
        if story is None:
            yield no_story("end", request.platform)
            return
        context = self._seeded(self.memory.context(story, settings, state.recent))
        written = _Written()
        async for event in self._write(request, Task.ENDING, context, written, "end"):
            yield event
        if written.nothing:
            return
        ending = self._new_part(written, request, direction="", choices=False)
        part = await self.store.add_part(
            story, ending, event=_event(request), usage=self._spent(request, written)
        )
        await self.store.finish_story(story.id, StoryStatus.ENDED)
        yield self._story_final(
            written,
            story.id,
            part.seq,
            "end",
            choices=False,
            suffix="\n\nThis story is finished and archived. Start a new one with "
            f"{usage(Command.NEW, request.platform)} or /story random.",
        )

    async def _recap(
        self, request: Request, settings: StorySettings, state: TurnState
    ) -> AsyncIterator[ReplyEvent]:
        story = state.story
        if story is None:
            yield no_story("recap", request.platform)
            return
        context = self.memory.context(story, settings, state.recent)
        written = _Written()
        async for event in self._write(request, Task.RECAP, context, written, "recap"):
            yield event
        if written.nothing:
            return
        if written.text:
            await self.store.record_usage(self._spent(request, written))
        yield Final(written.shown_prefix + written.text, kind=ReplyKind.INFO, command="recap")

    # helpers

    def _seeded(self, context: StoryContext, attempt: int = 0) -> StoryContext:
        seed = None if self.seed is None else self.seed + attempt
        return StoryContext(
            context.premise,
            context.settings,
            context.summary,
            context.recent,
            context.direction,
            context.part_number,
            seed,
        )

    async def _write(
        self, request: Request, task: Task, context: StoryContext, written: _Written, command: str
    ) -> AsyncIterator[ReplyEvent]:
        """Stream one generation, keeping what arrived if the storyteller breaks off.

        When nothing arrived at all, the reply is the storyteller's explanation
        and ``written.nothing`` tells the caller there is no part to keep.
        """
        generation = Generation(
            task=task,
            system=system_prompt(task, context.settings),
            messages=story_messages(task, context),
            max_tokens=context.settings.words * 2 + 200,
            context=context,
            user_key=f"{request.platform}:{request.user_id}",
            channel=request.channel,
            trace_id=logs.trace_id.get(),
        )
        stream = ReadAhead(self.provider.stream(generation), STREAM_BATCH)
        held = ""  # trailing whitespace, shown only once more text follows it
        try:
            async for chunk in stream:
                if self._interrupted:
                    written.status, written.failure = PartStatus.INTERRUPTED, INTERRUPTED
                    break
                if isinstance(chunk, Usage):
                    written.usage = chunk
                elif isinstance(chunk, Notice):
                    line = chunk.text.rstrip() + "\n\n"
                    written.shown_prefix += line
                    yield Delta(line)
                elif chunk:
                    # What is streamed must add up to exactly the stored text, which
                    # has no whitespace at either end; otherwise delivery would see a
                    # final text that does not extend what it showed.
                    combined = held + (chunk if written.text else chunk.lstrip())
                    body = combined.rstrip()
                    held = combined[len(body) :]
                    if body:
                        written.text += body
                        yield Delta(body)
        except StreamCut as exc:
            written.status, written.failure = PartStatus.CUT, exc.user_message
            log.warning("story stream cut: %s", exc)
        except ProviderError as exc:
            written.failure = exc.user_message
            if written.text:
                written.status = PartStatus.CUT
            log.warning("storyteller failed: %s", exc)
        finally:
            await stream.aclose()
        if not written.text and written.failure is None:
            written.failure = "The storyteller wrote nothing this time. Try again."
        if written.nothing:
            yield error(written.failure or "", command=command, outcome="provider_error")
            return
        if written.usage is None:
            written.usage = Usage(
                sum(estimate_tokens(m.content) for m in generation.messages)
                + estimate_tokens(generation.system),
                estimate_tokens(written.text),
                estimated=True,
            )

    def _spent(self, request: Request, written: _Written) -> TokenUse:
        """What the generation cost, counted with the part it made."""
        usage = written.usage or Usage(0, 0, estimated=True)
        return TokenUse(
            self.today(),
            request.platform,
            request.channel,
            request.user_id,
            usage.prompt_tokens,
            usage.completion_tokens,
        )

    async def _over_budget(self, request: Request) -> str | None:
        day = self.today()
        if self.config.user_daily_tokens:
            used = await self.store.usage_today(
                day, "user", f"{request.platform}:{request.user_id}"
            )
            if used >= self.config.user_daily_tokens:
                return (
                    f"You have used today's story budget ({self.config.user_daily_tokens} tokens). "
                    "It renews at midnight UTC."
                )
        if self.config.channel_daily_tokens:
            used = await self.store.usage_today(day, "channel", request.channel)
            if used >= self.config.channel_daily_tokens:
                return (
                    "This channel has used today's story budget "
                    f"({self.config.channel_daily_tokens} tokens). It renews at midnight UTC."
                )
        return None

    def _new_part(
        self, written: _Written, request: Request, direction: str, *, choices: bool = True
    ) -> NewPart:
        complete = written.status is PartStatus.COMPLETE
        return NewPart(
            text=written.text,
            direction=direction,
            author=request.user_name or request.user_id,
            choices=parse_choices(written.text) if complete and choices else (),
            status=written.status,
        )

    def _story_final(
        self,
        written: _Written,
        story_id: int,
        seq: int,
        command: str,
        *,
        choices: bool = True,
        suffix: str = "",
    ) -> Final:
        text = written.shown_prefix + written.text
        labels: tuple[str, ...] = ()
        outcome = "ok"
        if written.status is not PartStatus.COMPLETE:
            text += f"\n\n[{written.failure or 'The storyteller stopped early.'} The part was cut "
            text += "off here; /story retry rewrites it.]"
            outcome = written.status.value
        elif choices:
            labels = parse_choices(written.text)
        return Final(
            text + suffix,
            kind=ReplyKind.STORY,
            choices=labels,
            ref=part_ref(story_id, seq),
            command=command,
            outcome=outcome,
        )

    def _too_long(self, what: str, text: str) -> Final:
        return error(
            f"That {what} is {len(text)} characters; the limit is "
            f"{self.config.max_prompt_length}. Try a shorter one."
        )

    def help_text(self, platform: str = "") -> str:
        return self.library.help_text(platform)
