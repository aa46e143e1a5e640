"""The one generate-and-store path every writing command uses.

A :class:`Plan` says what differs between new, continue, choose, retry, end,
recap and random: the task, the context, how the result is stored and what is
shown around it. :meth:`Writer.write` does the rest the same way for all:
stream the storyteller's text as it comes, keep what arrived if it breaks off,
bound how much it may write, store the part, its event and its usage in one
atomic write, and end with the final reply.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from bot import logs, replies
from bot.commands import Command
from bot.i18n import _
from bot.providers.base import (
    Generation,
    Notice,
    Provider,
    ProviderError,
    StoryContext,
    StoryState,
    StreamCut,
    Task,
    Usage,
    estimate_tokens,
)
from bot.providers.read_ahead import ReadAhead
from bot.providers.story_text import parse_choices
from bot.story_prompt import story_messages, system_prompt
from bot.types import Delta, Final, ReplyEvent, ReplyKind, Request, well_formed
from storage.base import (
    Failure,
    NewPart,
    PartStatus,
    StorageError,
    Story,
    StoryStatus,
    TokenUse,
    TurnStore,
    TurnWrite,
    Written,
)

log = logging.getLogger(__name__)

STREAM_BATCH = 0.1
"""Seconds of a storyteller's text that reach delivery together (the first text at once).

No platform edits a message more than once a second, so nobody sees the
difference, and a thousand stories being written at once cost the engine and
delivery a few steps per second each instead of one per token.
"""

CHARS_PER_TOKEN = 4
OVERRUN = 3
"""A part may run to this many times its token budget before reading stops.

A model that never stops (or a server that streams 20 MB) would otherwise be
stored as one part and sent as thousands of messages.
"""


class Storing(Enum):
    START = "start"
    """A new story with this part as its opening (the old one is archived)."""
    APPEND = "append"
    REPLACE = "replace"
    """Rewrite the last part (retry)."""
    NOTHING = "nothing"
    """Only the usage and the event (a recap)."""


@dataclass(frozen=True, slots=True)
class Plan:
    """One generation and what to do with its text: everything that differs between commands."""

    command: Command
    task: Task
    context: StoryContext
    storing: Storing
    story: Story | None = None
    direction: str = ""
    shown: str = ""
    """Shown before the story text, not stored with it (``You chose: …``)."""
    choices: bool = True
    finish: StoryStatus | None = None
    suffix: str = ""
    """Shown after the story text (``This story is finished…``)."""
    triggered: tuple[int, ...] = ()
    """World-book entries given to the storyteller for this part."""
    pass_turn: bool = False
    """Turns are on: once this part is written, the next player's turn begins."""
    closes: tuple[int, int, int] | None = None
    """The group vote this part carries out, as (story id, seq, winner): closed once the
    part is stored, so a write that fails or is killed leaves the vote open."""


@dataclass(slots=True)
class Draft:
    """What one generation produced so far, and what to tell the reader about it."""

    shown: str
    text: str = ""
    status: PartStatus = PartStatus.COMPLETE
    failure: str | None = None
    usage: Usage | None = None
    state: str = ""


@dataclass(slots=True)
class Outcome:
    """Filled in by :meth:`Writer.write`: what was stored, for the upkeep after a turn."""

    written: Written | None = None


def part_ref(story_id: int, seq: int) -> str:
    """Names a story part in button data, so a press on an old message is recognised."""
    return f"{story_id}:{seq}"


class Writer:
    def __init__(
        self,
        store: TurnStore,
        provider: Provider,
        *,
        today: Callable[[], date],
        interrupted: Callable[[], bool],
    ) -> None:
        self.store = store
        self.provider = provider
        self.today = today
        self.interrupted = interrupted

    async def write(
        self, request: Request, plan: Plan, outcome: Outcome
    ) -> AsyncGenerator[ReplyEvent, None]:
        generation = Generation(
            task=plan.task,
            system=system_prompt(plan.task, plan.context.settings),
            messages=story_messages(plan.task, plan.context),
            max_tokens=plan.context.settings.words * 2 + 200,
            context=plan.context,
            channel=request.channel.text,
            trace_id=logs.trace_id.get(),
        )
        draft = Draft(shown=plan.shown)
        if plan.shown:
            yield Delta(plan.shown)
        async with contextlib.aclosing(self._generate(generation, draft)) as deltas:
            async for delta in deltas:
                yield delta
        if draft.failure is not None and not draft.text:
            yield replies.error(
                _(draft.failure), command=plan.command.value, outcome="provider_error"
            )
            return
        complete = draft.status is PartStatus.COMPLETE
        choices = parse_choices(draft.text) if complete and plan.choices else ()
        try:
            outcome.written = await self.store.write_turn(
                self._stored(request, plan, draft, choices)
            )
        except Exception as exc:
            if isinstance(exc, StorageError) and exc.kind is Failure.DUPLICATE_EVENT:
                raise
            # The reader has seen the text: say it was not kept, never "nothing was lost".
            log.exception("could not store the %s part", plan.command.value)
            yield replies.not_saved(draft.shown + draft.text, plan.command)
            return
        yield self._final(request, plan, draft, choices, outcome.written)

    async def _generate(
        self, generation: Generation, draft: Draft
    ) -> AsyncGenerator[ReplyEvent, None]:
        """Stream one generation into ``draft``, keeping what arrived if it breaks off."""
        limit = generation.max_tokens * CHARS_PER_TOKEN * OVERRUN
        stream = ReadAhead(self.provider.stream(generation), STREAM_BATCH)
        held = ""  # trailing whitespace, shown only once more text follows it
        try:
            async for chunk in stream:
                if self.interrupted():
                    draft.status, draft.failure = PartStatus.INTERRUPTED, replies.INTERRUPTED
                    break
                if isinstance(chunk, Usage):
                    draft.usage = chunk
                elif isinstance(chunk, StoryState):
                    draft.state = chunk.text
                elif isinstance(chunk, Notice):
                    line = _(chunk.text.rstrip()) + "\n\n"  # the backup storyteller wrote…
                    draft.shown += line
                    yield Delta(line)
                elif chunk:
                    chunk = well_formed(chunk)  # a model's JSON can carry lone surrogates
                    # What is streamed must add up to exactly the stored text, which
                    # has no whitespace at either end; otherwise delivery would see a
                    # final text that does not extend what it showed.
                    combined = held + (chunk if draft.text else chunk.lstrip())
                    body = combined.rstrip()
                    held = combined[len(body) :]
                    over = len(draft.text) + len(body) > limit
                    if over:
                        body = body[: limit - len(draft.text)].rstrip()
                    if body:
                        draft.text += body
                        yield Delta(body)
                    if over:
                        draft.status, draft.failure = PartStatus.CUT, replies.TOO_MUCH
                        log.warning("storyteller ran past %d characters; stopped", limit)
                        break
        except StreamCut as exc:
            draft.status, draft.failure = PartStatus.CUT, exc.user_message
            log.warning("story stream cut: %s", exc)
        except ProviderError as exc:
            draft.failure = exc.user_message
            if draft.text:
                draft.status = PartStatus.CUT
            log.warning("storyteller failed: %s", exc)
        finally:
            await stream.aclose()
        if not draft.text and draft.failure is None:
            draft.failure = replies.NOTHING_WRITTEN
        if draft.usage is None:
            prompt = sum(estimate_tokens(m.content) for m in generation.messages)
            draft.usage = Usage(
                prompt + estimate_tokens(generation.system), estimate_tokens(draft.text)
            )

    def _stored(
        self, request: Request, plan: Plan, draft: Draft, choices: tuple[str, ...]
    ) -> TurnWrite:
        usage = draft.usage or Usage(0, 0)
        spent = TokenUse(
            self.today(),
            request.channel,
            f"{request.platform}:{request.sender.id}",
            usage.prompt_tokens,
            usage.completion_tokens,
        )
        part = None
        if plan.storing is not Storing.NOTHING:
            part = NewPart(
                draft.text,
                plan.direction,
                request.sender.shown_as,
                choices,
                draft.status,
                draft.state,
            )
        return TurnWrite(
            request.channel,
            part=part,
            story=plan.story,
            premise=plan.context.premise if plan.storing is Storing.START else None,
            replace_last=plan.storing is Storing.REPLACE,
            finish=plan.finish,
            event=request.event_id,
            usage=spent,
        )

    def _final(
        self,
        request: Request,
        plan: Plan,
        draft: Draft,
        choices: tuple[str, ...],
        written: Written,
    ) -> Final:
        text = draft.shown + draft.text
        if plan.storing is Storing.NOTHING:
            return Final(text, kind=ReplyKind.INFO, command=plan.command.value)
        if draft.status is not PartStatus.COMPLETE:
            text += replies.cut_off(draft.failure, request.dialect)
        ref = None
        if written.story is not None and written.part is not None:
            ref = part_ref(written.story.id, written.part.seq)
        return Final(
            text + plan.suffix,
            kind=ReplyKind.STORY,
            choices=choices,
            ref=ref,
            command=plan.command.value,
            outcome="ok" if draft.status is PartStatus.COMPLETE else draft.status.value,
        )
